# lib.sh - helpers for the CLI scenario tests (sourced, POSIX sh).
# Each test script is run by ctest as: sh tests/cli/NAME.sh /path/to/tendo
# It gets a fresh temporary folder and database; `t` runs tendo on it.
set -u
TENDO=${1:?usage: sh test.sh /path/to/tendo}
# make valgrind passes a wrapper script that runs tendo under memcheck:
# 20-50 times slower, and its logs are root's
UNDER_VALGRIND=0
case "$(head -c 2 "$TENDO" 2>/dev/null)" in '#!') grep -q valgrind "$TENDO" && UNDER_VALGRIND=1 ;; esac
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tendo-cli.XXXXXX")
DB="$WORK/tendo.db"
export NO_COLOR=1
unset TENDO_DB
export XDG_DATA_HOME="$WORK/xdg"
trap 'rm -rf "$WORK"' EXIT
FAILS=0
CHECKS=0

# t ARGS...: run tendo on the test database; stdout in $OUT, stderr in $ERR, status in $RC
t() {
	"$TENDO" --db "$DB" "$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	OUT=$(cat "$WORK/out")
	ERR=$(cat "$WORK/err")
	return 0
}

fail() {
	FAILS=$((FAILS + 1))
	printf 'FAIL: %s\n  stdout: %s\n  stderr: %s\n' "$*" "$(printf '%s' "$OUT" | tr -s ' \n' ' ' | head -c 400)" "$ERR" >&2
}

# expect_rc N DESCRIPTION: the last command exited with N
expect_rc() {
	CHECKS=$((CHECKS + 1))
	[ "$RC" = "$1" ] || fail "$2: exit status $RC, expected $1"
}

# ok ARGS...: run tendo and require success
ok() {
	t "$@"
	expect_rc 0 "tendo $*"
}

# json_get EXPR: evaluate a python expression on the JSON in $OUT (as `j`)
json_get() {
	printf '%s' "$OUT" | python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"
}

# expect_json EXPR VALUE DESCRIPTION
expect_json() {
	CHECKS=$((CHECKS + 1))
	got=$(json_get "$1" 2>&1) || true
	[ "$got" = "$2" ] || fail "$3: $1 = '$got', expected '$2'"
}

# expect_out PATTERN DESCRIPTION: stdout matches the extended regex
expect_out() {
	CHECKS=$((CHECKS + 1))
	printf '%s' "$OUT" | grep -Eq -- "$1" || fail "$2: stdout does not match /$1/"
}

# expect_err PATTERN DESCRIPTION: stderr matches the extended regex
expect_err() {
	CHECKS=$((CHECKS + 1))
	printf '%s' "$ERR" | grep -Eq -- "$1" || fail "$2: stderr does not match /$1/"
}

# day N: the date N days after 2026-03-02 (a Monday), the scenarios' day 0
day() {
	date -u -d "2026-03-02 + $1 days" +%F
}

# today_on N: `tendo today --json` on day N
today_on() {
	t today --date "$(day "$1")" --json
	expect_rc 0 "today on day $1"
}

# rules_fired: the rule ids in $OUT (JSON), space-separated
rules_fired() {
	json_get "' '.join(r['id'] for r in j['rules'])"
}

# expect_rule ID DESCRIPTION: the rule fired in $OUT (JSON)
expect_rule() {
	CHECKS=$((CHECKS + 1))
	rules_fired | tr ' ' '\n' | grep -qx -- "$1" || fail "$2: rule $1 did not fire (fired: $(rules_fired))"
}

finish() {
	if [ "$FAILS" -ne 0 ]; then
		echo "$FAILS of $CHECKS checks failed" >&2
		exit 1
	fi
	echo "all $CHECKS checks passed"
	exit 0
}
