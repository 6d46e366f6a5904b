#!/bin/sh
# serve.sh - tendo serve under wrk on loopback: a year of log (a morning
# score every day, a run or a strength session on alternate days, written
# through the CLI), then GET /api/today, GET / and GET /static/app.css from
# the same server, in ROUNDS rounds of DUR seconds each (the three in turn,
# so a change in the machine's load hits them alike; the best round of
# each is shown): requests/s and p50/p99 latency; then a soak of SOAK
# seconds (the three in turn) with the server's resident memory before and
# after.
#   bench/serve.sh [path/to/tendo] [days]
#   DUR=5 ROUNDS=3 SOAK=300 THREADS=1 CONNS=8 (environment; SOAK=30 for a short run)
# Goal (issue 9): /api/today at least half the static asset's rate, p99
# under 10 ms, no memory growth over the soak. Never a test: figures vary
# with the machine and its load.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
tendo=${1:-$here/build/tendo}
days=${2:-365}
DUR=${DUR:-5}
ROUNDS=${ROUNDS:-3}
SOAK=${SOAK:-300}
THREADS=${THREADS:-1}
CONNS=${CONNS:-8}
command -v wrk >/dev/null || { echo "serve.sh: wrk is missing: scripts/install-deps bench" >&2; exit 2; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/tendo-bench-serve.XXXXXX")
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT INT TERM
db="$dir/year.db"
export XDG_CONFIG_HOME="$dir/config"

start=$(date -u -d "today - $days days" +%F)
"$tendo" --db "$db" init --side right --tz Europe/London --date "$start" >/dev/null
i=0
while [ "$i" -le "$days" ]; do
	d=$(date -u -d "$start + $i days" +%F)
	"$tendo" --db "$db" log pain --kind task --score $((1 + (i % 9 == 0))) --date "$d" >/dev/null
	if [ $((i % 2)) = 1 ]; then
		"$tendo" --db "$db" log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --date "$d" >/dev/null
	else
		"$tendo" --db "$db" log run --minutes $((5 + i / 8)) --rpe 3 --pain-during 1 --date "$d" >/dev/null
	fi
	i=$((i + 1))
done

# the server as a user starts it; its access log (one line a request) to a file
"$tendo" --db "$db" serve --port 0 >"$dir/serve.out" 2>"$dir/serve.log" &
pid=$!
url=
n=0
while [ -z "$url" ] && [ "$n" -lt 100 ]; do
	url=$(sed -n 's/^tendo serve: \(http[^ ]*\)$/\1/p' "$dir/serve.out" 2>/dev/null | head -1)
	[ -n "$url" ] || sleep 0.1
	n=$((n + 1))
done
[ -n "$url" ] || { echo "serve.sh: the server did not start:" >&2; cat "$dir/serve.log" >&2; exit 1; }
base=${url%/}

rss_kb() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status"; }
# wrk's latency (e.g. 812.00us, 1.20ms, 1.01s) in ms
to_ms() {
	awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
# bench PATH: one wrk run, "rate p50 p99" on stdout
bench() {
	wrk -t"$THREADS" -c"$CONNS" -d"${DUR}s" --latency "$base$1" >"$dir/wrk.txt" 2>&1 || true
	rate=$(sed -n 's/^Requests\/sec:[[:space:]]*\([0-9.]*\)/\1/p' "$dir/wrk.txt")
	p50=$(sed -n 's/^[[:space:]]*50%[[:space:]]*\([0-9.]*[a-z]*\)/\1/p' "$dir/wrk.txt")
	p99=$(sed -n 's/^[[:space:]]*99%[[:space:]]*\([0-9.]*[a-z]*\)/\1/p' "$dir/wrk.txt")
	non2xx=$(sed -n 's/^[[:space:]]*Non-2xx or 3xx responses:[[:space:]]*\([0-9]*\)/\1/p' "$dir/wrk.txt")
	echo "${rate:-0} $(to_ms "${p50:-0}") $(to_ms "${p99:-0}") ${non2xx:-0}"
}

entries=$("$tendo" --db "$db" history --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "tendo serve on loopback: $((days + 1)) days of log ($entries entries), $(nproc) cores, wrk -t$THREADS -c$CONNS," \
	"best of $ROUNDS rounds of ${DUR} s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# a short warm-up: the workers open their database connections
wrk -t1 -c2 -d1s "$base/api/today" >/dev/null 2>&1 || true
rss0=$(rss_kb)
printf '%-18s %10s %9s %9s %8s\n' "GET" "req/s" "p50 ms" "p99 ms" "non-2xx"
: >"$dir/rounds.txt"
r=0
while [ "$r" -lt "$ROUNDS" ]; do
	for path in /api/today / /static/app.css; do
		echo "$path $(bench "$path")" >>"$dir/rounds.txt"
	done
	r=$((r + 1))
done
today_rate=0
today_p99=0
static_rate=0
for path in /api/today / /static/app.css; do
	# the round with the most requests/s
	set -- $(awk -v p="$path" '$1 == p' "$dir/rounds.txt" | sort -k2,2 -g -r | head -1)
	printf '%-18s %10.0f %9s %9s %8s\n' "$1" "$2" "$3" "$4" "$5"
	[ "$path" = /api/today ] && today_rate=$2 today_p99=$4
	[ "$path" = /static/app.css ] && static_rate=$2
done
awk -v a="$today_rate" -v s="$static_rate" -v p="$today_p99" 'BEGIN {
	r = s > 0 ? a / s : 0
	printf "/api/today / static asset: %.2f (goal: at least 0.50) %s; /api/today p99 %.2f ms (goal: under 10) %s\n",
		r, (r >= 0.5 ? "met" : "NOT MET"), p, (p < 10 ? "met" : "NOT MET") }'

# the soak: the three in turn for SOAK seconds, resident memory before and after
cat >"$dir/mix.lua" <<'EOF'
local paths = { "/api/today", "/", "/static/app.css" }
local i = 0
request = function()
	i = i % #paths + 1
	return wrk.format("GET", paths[i])
end
EOF
rss1=$(rss_kb)
wrk -t"$THREADS" -c"$CONNS" -d"${SOAK}s" --latency -s "$dir/mix.lua" "$base/" >"$dir/soak.txt" 2>&1 || true
rss2=$(rss_kb)
reqs=$(sed -n 's/^[[:space:]]*\([0-9]*\) requests in.*/\1/p' "$dir/soak.txt")
echo "soak: ${SOAK} s, ${reqs:-0} requests (the three in turn); server RSS: ${rss0} kB after warm-up," \
	"${rss1} kB before the soak, ${rss2} kB after ($((rss2 - rss1)) kB)"
