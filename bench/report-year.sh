#!/bin/sh
# report-year.sh - a year of log (a morning score every day, a run or a
# strength session on alternate days) logged through the CLI, then the
# commands that replay it many times timed: report (one prescription per
# day), plan with its calendar, status (28 days of adherence).
#   bench/report-year.sh [path/to/tendo] [days]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
tendo=${1:-$here/build/tendo}
days=${2:-365}
dir=$(mktemp -d "${TMPDIR:-/tmp}/tendo-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
db="$dir/year.db"
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
run() { # run LABEL REPS COMMAND...: best wall time of REPS runs, ms
	label=$1 reps=$2
	shift 2
	best=
	n=0
	while [ "$n" -lt "$reps" ]; do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s%N)
		ms=$(((t1 - t0) / 1000000))
		[ -z "$best" ] || [ "$ms" -lt "$best" ] && best=$ms
		n=$((n + 1))
	done
	printf '%-40s %6s ms (best of %d)\n' "$label" "$best" "$reps"
}
echo "$((days + 1)) days, $("$tendo" --db "$db" history --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') entries"
run "report --html (whole log)" 5 "$tendo" --db "$db" report --html "$dir/r.html"
run "report --svg (whole log)" 5 "$tendo" --db "$db" report --svg "$dir/svg"
run "plan --weeks 12 --ics" 5 "$tendo" --db "$db" plan --weeks 12 --ics "$dir/p.ics"
run "status (28 days of adherence)" 5 "$tendo" --db "$db" status
run "today" 5 "$tendo" --db "$db" today
echo "report: $(wc -c <"$dir/r.html") bytes; calendar: $(grep -c BEGIN:VEVENT "$dir/p.ics") events"
