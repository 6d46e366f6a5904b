#!/bin/sh
# run.sh - tendo serve end to end in a real browser (ctest e2e.chromium).
#   tests/e2e/run.sh path/to/tendo [screenshot-dir]
# Installs the test tools when they are missing (npm ci from the committed
# package-lock.json into tests/e2e/node_modules), makes a temporary database
# with eight weeks of the demo story (data/demo/story.txt, today's entries
# left out so the morning check-in is still to do) and XSS payloads in a
# note and a custom exercise's name, starts `tendo serve --port 0`, reads
# the URL it prints, runs e2e.mjs against Debian's Chromium (headless), and
# stops the server with SIGTERM (it must exit 0, and its output must not
# hold the token). Screenshots land in screenshot-dir (default
# ./e2e-screenshots). Never skipped: without node or chromium it fails and
# says how to install them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tendo=${1:?usage: run.sh path/to/tendo [screenshot-dir]}
shots=${2:-$PWD/e2e-screenshots}
case $tendo in /*) ;; *) tendo=$PWD/$tendo ;; esac
case $shots in /*) ;; *) shots=$PWD/$shots ;; esac

fail() {
	echo "e2e: $*" >&2
	exit 1
}
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
	fail "node and npm are missing: install them (as root: apt-get install nodejs npm, or scripts/install-deps)"
chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
	for c in /usr/bin/chromium /usr/lib/chromium/chromium; do
		if [ -x "$c" ]; then chromium=$c; break; fi
	done
fi
[ -n "$chromium" ] && [ -x "$chromium" ] ||
	fail "Chromium is missing: install it (as root: apt-get install chromium, or scripts/install-deps)"
nodemajor=$(node -p 'process.versions.node.split(".")[0]')
[ "$nodemajor" -ge 18 ] || fail "node $(node --version) is too old: 18 or newer is needed"

# the test tools, exactly as locked
if [ ! -f "$here/node_modules/playwright-core/package.json" ] || [ ! -f "$here/node_modules/axe-core/axe.min.js" ] ||
	[ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
	echo "e2e: npm ci (playwright-core, axe-core) into $here/node_modules"
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed (is the npm registry reachable?)"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/tendo-e2e.XXXXXX")
pid=
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; fi
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

export TZ=UTC XDG_CONFIG_HOME="$dir/config" NO_COLOR=1
unset TENDO_TODAY
db="$dir/e2e.db"
T() { "$tendo" --db "$db" "$@" >/dev/null; }

# the athlete: the demo story up to yesterday
T init --side right --name "E2E <b>athlete</b>" --tz UTC --date "$(date -u -d 'today - 56 days' +%F)"
grep -v '^#' "$top/data/demo/story.txt" | while read -r day args; do
	[ -n "$day" ] && [ "$day" != 0 ] || continue
	d=$(date -u -d "today $day days" +%F)
	eval "set -- $args"
	kind=$1
	shift
	T log "$kind" "$@" --date "$d"
done
# XSS payloads where the log keeps text: a note and a custom exercise's name
# (yesterday; e2e.mjs adds today's through the pages and the CLI)
yesterday=$(date -u -d 'today - 1 day' +%F)
export XSS_NOTE='<img src=x onerror="window.__xss=1;alert(1)">note</b>'
export XSS_EXERCISE='"><svg onload=window.__xss=2>ex'
T log pain --kind after --score 2 --note "$XSS_NOTE" --date "$yesterday"
T log rehab --exercise "$XSS_EXERCISE" --stage settle --ex-kind isometric --sets 2 --hold-s 30 --date "$yesterday"

# the server, on a free port of loopback
"$tendo" --db "$db" serve --port 0 >"$dir/serve.out" 2>"$dir/serve.err" &
pid=$!
url=
i=0
while [ $i -lt 300 ]; do
	url=$(sed -n 's/^tendo serve: \(http[^ ]*\).*/\1/p' "$dir/serve.out" | head -1)
	[ -n "$url" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
[ -n "$url" ] || { cat "$dir/serve.out" "$dir/serve.err" >&2; fail "tendo serve printed no URL"; }
echo "e2e: $url (chromium: $chromium; screenshots: $shots)"

mkdir -p "$shots"
rc=0
(cd "$here" && node e2e.mjs --url "$url" --tendo "$tendo" --db "$db" --shots "$shots" --chromium "$chromium") || rc=1

kill -TERM "$pid"
src=0
wait "$pid" || src=$?
pid=
token=$(cat "$XDG_CONFIG_HOME/tendo/serve-token" 2>/dev/null || true)
if [ "$src" != 0 ]; then
	echo "FAIL tendo serve exited $src after SIGTERM" >&2
	tail -20 "$dir/serve.err" >&2
	rc=1
fi
if [ -n "$token" ] && grep -qF "$token" "$dir/serve.out" "$dir/serve.err"; then
	echo "FAIL the server's token appears in its output" >&2
	rc=1
fi
grep -q ' 500$' "$dir/serve.err" && { echo "FAIL the server answered 500:" >&2; grep ' 500$' "$dir/serve.err" >&2; rc=1; }
echo "e2e: server log: $(wc -l <"$dir/serve.err") lines, exit $src after SIGTERM"
exit $rc
