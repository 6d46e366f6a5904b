# conventions.sh - the command line as clig.dev and GNU have it: options
# before or after the operands on every command (GNU permutation), '--' ends
# them, the global options (--db, --no-color) before or after the command,
# '-' for standard input or output wherever a file is read or written, the
# date forms (today, yesterday, -N), tendo help CMD, "did you mean", colour
# and the progress bar on a terminal (script(1) gives one), --json on every
# write command, and import's quiet default with --strict.
# Run: sh tests/cli/conventions.sh /path/to/tendo   (needs python3; script(1) for the terminal part)
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
DATA="${TENDO_TESTS:-$(dirname "$0")/..}/data"
[ -d "$DATA" ] || DATA="$(dirname "$0")/../data"
GPX="$DATA/gpx/togeojson-run.gpx"
FIT="$DATA/fit/fitparse-2013-02-06-12-11-14.fit"
export TENDO_TODAY=2026-03-10

# tx ARGS...: run tendo without the implicit --db of `t`
# shellcheck disable=SC2034 # RC, OUT and ERR are read by lib.sh's expect_*
tx() {
	"$TENDO" "$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	OUT=$(cat "$WORK/out")
	ERR=$(cat "$WORK/err")
	return 0
}

check() {
	CHECKS=$((CHECKS + 1))
	[ "$1" -eq 0 ] || fail "$2"
}

# same DESCRIPTION CMD1 -- CMD2: both succeed with the same stdout
same() {
	desc=$1
	shift
	a=""
	while [ "$1" != "--" ]; do a="$a $(printf '%s' "$1" | sed "s/'/'\\\\''/g; s/^/'/; s/$/'/")"; shift; done
	shift
	eval "tx $a"
	o1=$OUT r1=$RC
	tx "$@"
	CHECKS=$((CHECKS + 1))
	[ "$r1" = 0 ] && [ "$RC" = 0 ] && [ "$o1" = "$OUT" ] || fail "$desc: exit $r1 and $RC, or the outputs differ"
}

ok init --side left --tz UTC --date 2026-03-02

# ------------------------------------------------------------ help on every command

"$TENDO" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' >"$WORK/commands"
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$WORK/commands")" -ge 17 ] || fail "tendo --help lists too few commands"
while read -r c; do
	[ "$c" = log ] && continue
	tx --db "$DB" "$c" --help
	expect_rc 0 "tendo $c --help"
	expect_out "^usage: tendo" "tendo $c --help prints the usage"
	h=$OUT
	# help after the global option, the global option after the command
	tx "$c" --help --db "$DB"
	CHECKS=$((CHECKS + 1))
	[ "$RC" = 0 ] && [ "$OUT" = "$h" ] || fail "tendo $c --help --db: not the same help"
	[ "$c" = help ] && continue
	tx help "$c"
	CHECKS=$((CHECKS + 1))
	[ "$RC" = 0 ] && [ "$OUT" = "$h" ] || fail "tendo help $c is not tendo $c --help"
	expect_out "--no-color" "tendo $c --help lists the global options"
done <"$WORK/commands"
for k in pain run rehab cross test flag sitting aggravator visa; do
	tx log "$k" --help
	h=$OUT
	tx help log "$k"
	CHECKS=$((CHECKS + 1))
	[ "$RC" = 0 ] && [ "$OUT" = "$h" ] || fail "tendo help log $k is not tendo log $k --help"
done
tx help
expect_rc 0 "tendo help"
expect_out "^commands:" "tendo help is the overview"

# did you mean
for pair in tdoay:today hsitory:history improt:import rnus:runs "lgo:log" "stauts:status"; do
	tx "${pair%%:*}"
	expect_rc 2 "tendo ${pair%%:*}"
	expect_err "^tendo: '${pair%%:*}' is not a tendo command. Did you mean '${pair#*:}'\\?$" "did you mean ${pair#*:}"
done
tx xyzzyq
expect_rc 2 "a command far from every other"
expect_err "is not a tendo command: init, log" "far off: the commands are listed"
tx log rnu --minutes 20
expect_rc 2 "tendo log rnu"
expect_err "unknown kind 'rnu'. Did you mean 'run'\\?" "did you mean for a log kind"
tx help tdoay
expect_rc 2 "tendo help of a mistyped command"
expect_err "Did you mean 'today'" "tendo help tdoay"

# ------------------------------------------------------------ global options anywhere

same "--db after the command" --db "$DB" history --json -- history --json --db "$DB"
same "--db between the options" --db "$DB" history --from 2026-03-01 --json -- history --from 2026-03-01 --db "$DB" --json
same "--db=PATH after the command" --db "$DB" profile --json -- profile --json "--db=$DB"
same "--no-color after the command" --db "$DB" today -- --db "$DB" today --no-color
same "--no-color before the command" --db "$DB" today -- --no-color --db "$DB" today
t history --db ""
expect_rc 2 "--db '' after the command"
expect_err "--db needs a path" "--db '' is refused"

# ------------------------------------------------------------ write commands: --json, options after operands

t log pain --kind task --score 2 --json
expect_rc 0 "log pain --json"
expect_json "(j['type'], j['kind'], j['score'], j['date'], isinstance(j['id'], int))" "('pain', 'task', 2, '2026-03-10', True)" \
	"log --json prints the entry as history shows it"
PAIN=$(json_get "j['id']")
t history --json
expect_json "[e for e in j if e['id'] == $PAIN][0]['score']" 2 "the same entry in history"
t log run --json --minutes 20 --km 4 --time 07:30
expect_json "(j['type'], j['minutes'], j['km'], j['time'])" "('run', 20.0, 4.0, '07:30')" "log run --json: numbers as numbers"
RUN=$(json_get "j['id']")
t log run --minutes 25 --date yesterday --rpe 3 --json
expect_json "(j['date'], j['rpe'])" "('2026-03-09', 3)" "log run: --date and --rpe after --minutes, --json last"
RUN2=$(json_get "j['id']")

# edit: the id before, between or after the options
same "edit ID --json vs --json ID" --db "$DB" edit "$RUN" --rpe 4 --json -- --db "$DB" edit --json --rpe 4 "$RUN"
t edit --rpe 5 "$RUN" --pain-during 1 --json
expect_json "(j['id'], j['rpe'], j['pain_during'])" "($RUN, 5, 1)" "edit: the id between the options"

# delete: --json prints what went
t delete "$RUN2" --json
expect_rc 0 "delete ID --json"
expect_json "(j['id'], j['type'], j['deleted'], j['minutes'])" "($RUN2, 'run', True, 25.0)" "delete --json prints the entry it removed"
t delete --json "#$PAIN"
expect_json "(j['id'], j['type'])" "($PAIN, 'pain')" "delete --json ID"

# '--' ends the options: after it "-5" and "--json" are operands
t delete -- -5
expect_rc 2 "delete -- -5"
expect_err "'-5' is not an entry id" "after --, -5 is an operand"
t edit -- "$RUN" --json
expect_rc 2 "edit -- ID --json"
expect_err "exactly one entry id" "after --, --json is an operand"
t delete -5
expect_rc 2 "delete -5 (an unknown option)"
cp "$GPX" "$WORK/--odd-name.gpx"
t import --verbose -- "$WORK/--odd-name.gpx"
expect_rc 0 "import -- FILE whose name starts with --"
expect_out "^imported .*--odd-name.gpx" "the file after -- is imported"

# import: options after the operands
t import "$FIT" --json
expect_rc 0 "import FILE --json"
expect_json "(j['summary']['imported'], j['files'][0]['status'])" "(1, 'imported')" "import FILE --json: JSON"
t import --json "$FIT"
expect_json "j['files'][0]['status']" duplicate "import --json FILE: the same file is a duplicate"

# done --json: each entry logged as history shows it
t done --date 2026-03-08 --json
expect_rc 0 "done --json"
expect_json "all('type' in e and 'id' in e and 'what' in e for e in j['logged']) and len(j['logged']) > 0" True \
	"done --json: the entries"

# profile and init --json
t profile --name Robin --json
expect_json "(j['name'], j['units'])" "('Robin', 'metric')" "profile set --json prints the profile"
tx --db "$WORK/second.db" init --json --side both --tz UTC
expect_rc 0 "init --json"
expect_json "(j['side'], j['units'], j['database'], j['start'])" "('both', 'metric', '$WORK/second.db', '2026-03-10')" \
	"init --json: the profile and where it is"

# read commands: the same with the options in any order
same "history: --from before or after --json" --db "$DB" history --json --from 2026-03-01 -- --db "$DB" history --from 2026-03-01 --json
same "runs: --to after --json" --db "$DB" runs --to 2026-03-10 --json -- --db "$DB" runs --json --to 2026-03-10
same "today: --date after --json" --db "$DB" today --date 2026-03-09 --json -- --db "$DB" today --json --date 2026-03-09
same "status" --db "$DB" status --json --date 2026-03-09 -- --db "$DB" status --date 2026-03-09 --json
same "plan" --db "$DB" plan --json --weeks 1 -- --db "$DB" plan --weeks 1 --json
same "exercises" exercises --json -- exercises --json --db "$DB"
same "rules" --db "$DB" rules --json -- rules --json --db "$DB"
same "profile" --db "$DB" profile --json --units metric -- --db "$DB" profile --units metric --json
same "export --json - with --db after" --db "$DB" export --json - -- export --json - --db "$DB"
t report --html "$WORK/r1.html" --from 2026-03-02 --to 2026-03-09
expect_rc 0 "report --html FILE --from --to"
t report --to 2026-03-09 --from 2026-03-02 --html "$WORK/r2.html"
expect_rc 0 "report --to --from --html FILE"
CHECKS=$((CHECKS + 1))
cmp -s "$WORK/r1.html" "$WORK/r2.html" || fail "report: the same page whatever the order of the options"
t export --json "$WORK/order.json"
tx restore "$WORK/order.json" --db "$WORK/order1.db"
expect_rc 0 "restore FILE --db PATH"
tx --db "$WORK/order2.db" restore "$WORK/order.json"
expect_rc 0 "--db PATH restore FILE"
same "restore: --db before or after the file" --db "$WORK/order1.db" history --json -- --db "$WORK/order2.db" history --json
tx restore --json "$WORK/order.json" --db "$WORK/order3.db"
expect_rc 0 "restore --json"
expect_json "(j['rows'] > 0, j['database'], j['profile']['name'])" "(True, '$WORK/order3.db', 'Robin')" \
	"restore --json: the rows, where, and the profile"

# ------------------------------------------------------------ dates: today, yesterday, -N

for f in today:2026-03-10 yesterday:2026-03-09 -0:2026-03-10 -1:2026-03-09 -9:2026-03-01 -40:2026-01-29; do
	t log pain --kind rest --score 0 --date "${f%%:*}" --json
	expect_rc 0 "--date ${f%%:*}"
	expect_json "j['date']" "${f#*:}" "--date ${f%%:*} is ${f#*:} (TENDO_TODAY 2026-03-10)"
done
t today --date -1 --json
expect_json "j['date']" 2026-03-09 "today --date -1"
t history --from -1 --to today --json
expect_json "sorted(set(e['date'] for e in j))" "['2026-03-09', '2026-03-10']" "history --from -1 --to today"
t plan --from yesterday --weeks 1 --json
expect_json "j['days'][0]['date']" 2026-03-09 "plan --from yesterday"
for v in tomorrow -x 1d -- "-1x" "+1"; do
	t log pain --kind rest --score 0 --date "$v"
	expect_rc 2 "--date '$v'"
	expect_err "--date must be YYYY-MM-DD, today, yesterday or -N \\(days ago\\)" "the message lists the forms for '$v'"
done
t today --date -40000
expect_rc 2 "--date -40000"
# the relative day is the athlete's: a zone ahead of UTC at 23:30 UTC
tx --db "$WORK/tokyo.db" init --side left --tz Asia/Tokyo --date -3
expect_rc 0 "init --date -3"
TENDO_TODAY= tx --db "$WORK/tokyo.db" log pain --kind rest --score 0 --date today --json
want=$(TZ=Asia/Tokyo date +%F)
expect_json "j['date']" "$want" "--date today is today in the athlete's zone"

# ------------------------------------------------------------ '-' for every file

t export --json -
expect_rc 0 "export --json -"
expect_json "j['format']" tendo-export "export --json - writes the JSON document to standard output"
printf '%s' "$OUT" >"$WORK/exp.json"
"$TENDO" --db "$WORK/restored.db" restore - <"$WORK/exp.json" >"$WORK/out" 2>"$WORK/err"
CHECKS=$((CHECKS + 1))
[ $? = 0 ] || fail "restore - (standard input): $(cat "$WORK/err")"
same "restore - gives back the same history" --db "$DB" history --json -- --db "$WORK/restored.db" history --json
t export --csv -
expect_rc 2 "export --csv - (a folder) is refused"
t plan --ics - --weeks 1
expect_rc 0 "plan --ics -"
CHECKS=$((CHECKS + 1))
printf '%s\n' "$OUT" | head -n 1 | grep -q "^BEGIN:VCALENDAR" || fail "plan --ics - starts with the calendar"
CHECKS=$((CHECKS + 1))
printf '%s\n' "$OUT" | grep -q "^plan from" && fail "plan --ics -: only the calendar on standard output"
t plan --ics - --json
expect_rc 2 "plan --ics - --json (both on standard output)"
t report --html - --from 2026-03-02
expect_rc 0 "report --html -"
CHECKS=$((CHECKS + 1))
printf '%s' "$OUT" | head -c 15 | grep -q "<!DOCTYPE html>" || fail "report --html - writes the page to standard output"
CHECKS=$((CHECKS + 1))
printf '%s' "$OUT" | grep -q "^wrote " && fail "report --html -: no 'wrote' line in the page"
t report --svg -
expect_rc 2 "report --svg - (a folder) is refused"
# import -: content sniffed (GPX, FIT, gzip, zip) from standard input
n=0
python3 -c "import gzip,shutil,sys; shutil.copyfileobj(open(sys.argv[1],'rb'), gzip.open(sys.argv[2],'wb'))" \
	"$DATA/fit/fitparse-garmin-fenix-5-run.fit" "$WORK/run.fit.gz"
python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.write(sys.argv[2],'walk.fit'); z.close()" \
	"$WORK/walk.zip" "$DATA/fit/fitparse-garmin-fenix-5-walk.fit"
for f in "$DATA/gpx/gpxpy-cerknicko-jezero.gpx" "$DATA/tcx/tcxparser-test.tcx" "$WORK/run.fit.gz" "$WORK/walk.zip"; do
	"$TENDO" --db "$DB" import --json - <"$f" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	OUT=$(cat "$WORK/out")
	ERR=$(cat "$WORK/err")
	expect_rc 0 "import - < $(basename "$f")"
	expect_json "(j['summary']['imported'], j['files'][0]['path'].startswith('-'))" "(1, True)" "import - < $(basename "$f"): imported, named -"
done
"$TENDO" --db "$DB" import - "$GPX" --verbose <"$WORK/run.fit.gz" >"$WORK/out" 2>"$WORK/err"
RC=$?
OUT=$(cat "$WORK/out")
expect_rc 0 "import - FILE"
expect_out "^duplicate +-: " "standard input beside a file"
t import - -
expect_rc 2 "import - - (standard input twice)"

# ------------------------------------------------------------ import: quiet by default, --strict

mkdir "$WORK/watch"
cp "$GPX" "$WORK/watch/a.gpx"
printf '\016\020\000\000\000\000\000\000.FIT\377\377\377\377' >"$WORK/watch/b.fit"
printf 'not an activity\n' >"$WORK/watch/notes.txt"
cp "$DB" "$WORK/before.db"
t import "$WORK/watch"
expect_rc 0 "import a folder with a damaged file: exit 0"
expect_out "^error +.*b.fit: " "the damaged file is listed"
expect_out "^skipped +.*notes.txt: " "the skipped file is listed"
expect_out "3 files: 0 imported, 1 duplicate, 1 skipped, 1 error" "the summary"
CHECKS=$((CHECKS + 1))
printf '%s' "$OUT" | grep -q "^duplicate" && fail "without --verbose a sound file gets no line"
CHECKS=$((CHECKS + 1))
[ -z "$ERR" ] || fail "import without --strict: nothing on stderr ($ERR)"
t import "$WORK/watch" --strict
expect_rc 1 "import --strict with a damaged file: exit 1"
expect_err "1 file could not be imported" "--strict says why"
t import --verbose "$WORK/watch"
expect_out "^duplicate +.*a.gpx" "--verbose: a line per file"

# ------------------------------------------------------------ colour and the progress bar on a terminal

# tty CMD...: run the tendo command line in a pseudo-terminal (script(1)),
# the terminal's bytes in $WORK/tty
tty_run() {
	script -qfec "$*" /dev/null >"$WORK/tty" 2>&1 </dev/null
}
# tty_fail MESSAGE: a failed terminal check, with what the terminal got
tty_fail() {
	CHECKS=$((CHECKS + 1))
	OUT=$(cat -v "$WORK/tty" | head -c 600)
	fail "$1"
}
has_esc() {
	tr -d '\033' <"$WORK/tty" | cmp -s - "$WORK/tty"
	[ $? -ne 0 ]
}
if command -v script >/dev/null 2>&1 && script -qfec true /dev/null >/dev/null 2>&1 </dev/null; then
	T="'$TENDO' --db '$DB'"
	(unset NO_COLOR; TERM=xterm tty_run "$T today")
	has_esc || tty_fail "on a terminal, today uses bold"
	(unset NO_COLOR; TERM=dumb tty_run "$T today")
	has_esc && tty_fail "TERM=dumb: escape codes on a terminal"
	CHECKS=$((CHECKS + 1))
	(TERM=xterm NO_COLOR=1 tty_run "$T today")
	has_esc && tty_fail "NO_COLOR=1: escape codes on a terminal"
	CHECKS=$((CHECKS + 1))
	(unset NO_COLOR; TERM=xterm tty_run "$T today --no-color")
	has_esc && tty_fail "--no-color after the command: escape codes"
	CHECKS=$((CHECKS + 1))
	(unset NO_COLOR; TERM=xterm tty_run "'$TENDO' --no-color --db '$DB' today")
	has_esc && tty_fail "--no-color before the command: escape codes"
	CHECKS=$((CHECKS + 1))
	# the progress bar: on a terminal, also with NO_COLOR; never with TERM=dumb or --verbose
	cp "$WORK/before.db" "$DB"
	(TERM=xterm NO_COLOR=1 tty_run "$T import '$WORK/watch'")
	grep -q '\[#' "$WORK/tty" || tty_fail "NO_COLOR does not turn off the progress bar"
	(TERM=dumb NO_COLOR=1 tty_run "$T import '$WORK/watch'")
	grep -q '\[#' "$WORK/tty" && tty_fail "TERM=dumb: no progress bar"
	CHECKS=$((CHECKS + 1))
	(unset NO_COLOR; TERM=xterm tty_run "$T import --verbose '$WORK/watch'")
	grep -q '\[#' "$WORK/tty" && tty_fail "--verbose: no progress bar"
	CHECKS=$((CHECKS + 1))
else
	echo "script(1) cannot make a terminal here: the terminal checks are skipped" >&2
fi
# not a terminal: never escapes, whatever TERM says
(unset NO_COLOR; TERM=xterm "$TENDO" --db "$DB" today >"$WORK/tty" 2>&1)
has_esc && fail "stdout not a terminal: escape codes"
CHECKS=$((CHECKS + 1))
finish
