# contract.sh - the happy path of every command of the CLI contract: init,
# every log kind (the output says what was logged, with its id), exercises,
# today, status, history (with its filters), delete, --help on every command,
# --json on every read command, the database path ($TENDO_DB,
# $XDG_DATA_HOME, --db) and no colour when NO_COLOR is set or stdout is not a
# terminal.
# Run: sh tests/cli/contract.sh /path/to/tendo   (needs python3)
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# ------------------------------------------------------------ helpers

# tx ARGS...: run tendo without the implicit --db of `t`; sets OUT, ERR, RC
# shellcheck disable=SC2034 # RC, OUT and ERR are read by lib.sh's expect_*
tx() {
	"$TENDO" "$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	OUT=$(cat "$WORK/out")
	ERR=$(cat "$WORK/err")
	return 0
}

# check STATUS DESCRIPTION: count a check, fail unless STATUS is 0
check() {
	CHECKS=$((CHECKS + 1))
	[ "$1" -eq 0 ] || fail "$2"
}

# expect_valid DESCRIPTION <<EOF python EOF: run the python on the JSON in $OUT
# (as `j`); it calls need(condition, message) for each rule; every unmet rule fails
expect_valid() {
	CHECKS=$((CHECKS + 1))
	code=$(cat)
	got=$(printf '%s' "$OUT" | python3 -c "
import json, sys
j = json.load(sys.stdin)
problems = []
def need(cond, msg):
    if not cond:
        problems.append(msg)
$code
print('; '.join(problems))" 2>&1) || got="not valid JSON, or the check crashed: $got"
	[ -z "$got" ] || fail "$1: $got"
}

# logged DATE WHAT DESCRIPTION: $OUT says "logged #ID on DATE: ..." containing
# WHAT; sets LAST to the id
logged() {
	expect_rc 0 "$3"
	expect_out "^logged #[0-9]+ on $1: " "$3"
	CHECKS=$((CHECKS + 1))
	case $OUT in *"$2"*) ;; *) fail "$3: output does not say '$2'" ;; esac
	LAST=$(printf '%s\n' "$OUT" | sed -n 's/^logged #\([0-9][0-9]*\) on .*/\1/p' | head -n 1)
	IDS="$IDS $LAST"
	[ "$ERR" = "" ]; check $? "$3: something on stderr"
}

# no_escapes FILE DESCRIPTION: FILE has no ESC byte
no_escapes() {
	# shellcheck disable=SC2094 # both only read the file
	tr -d '\033' <"$1" | cmp -s - "$1"
	check $? "$2: escape bytes in the output"
}

STAGES="settle strength return_to_run full_load"
DECISIONS="start progress hold reduce deload regress seek_care"
EXERCISES="iso-bridge iso-bridge-single iso-curl prone-curl bridge-90 single-leg-bridge hip-thrust adductor \
ball-squeeze band-walk clam nordic-negative squat deadlift lunge"
IDS=""

# ------------------------------------------------------------ init

t init --side left --ceiling 3 --name Ana --tz Europe/London --date "$(day 0)"
expect_rc 0 "init"
expect_out "Ana" "init names the athlete"
expect_out "left side" "init says the side"
expect_out "ceiling 3/10" "init says the ceiling"
expect_out "Europe/London" "init says the zone"
expect_out "starting $(day 0)" "init says the start"
expect_out "database: $DB" "init says where the database is"
[ -s "$DB" ]; check $? "init created $DB"

# ------------------------------------------------------------ every log kind

t log pain --kind task --score 2 --date "$(day 0)" --note "stairs at work"
logged "$(day 0)" "pain (task) 2/10" "log pain"
PAIN0=$LAST
s=0
for k in during after morning rest sitting; do
	s=$((s + 1))
	t log pain --kind $k --score $s --date "$(day 1)"
	logged "$(day 1)" "pain ($k) $s/10" "log pain --kind $k"
done

t log run --minutes 20 --km 3.2 --terrain flat --intent easy --walk-breaks --rpe 4 --pain-during 2 \
	--pain-after 1 --date "$(day 1)"
logged "$(day 1)" "run 20 min" "log run with every option"
RUN1=$LAST
t log run --minutes 12.5 --terrain hilly --intent hills --sharp --date "$(day 1)"
logged "$(day 1)" "run 12.5 min with sharp pain" "log run --sharp"
t log run --minutes 30 --terrain treadmill --intent long --date "$(day 1)"
logged "$(day 1)" "run 30 min" "log run on a treadmill"
t log run --minutes 25 --terrain trail --intent speed --date "$(day 1)"
logged "$(day 1)" "run 25 min" "log run on a trail"

t log rehab --exercise iso-bridge --sets 5 --hold-s 45 --side left --rpe 5 --pain-during 1 --date "$(day 1)"
logged "$(day 1)" "iso-bridge 5 x 45 s" "log rehab --hold-s"
REHAB1=$LAST
t log rehab --exercise prone-curl --sets 3 --reps 10 --kg 5 --side both --date "$(day 1)"
logged "$(day 1)" "prone-curl 3 x 10 with load" "log rehab --reps --kg"
t log rehab --exercise clam --sets 3 --reps 15 --date "$(day 1)"
logged "$(day 1)" "clam 3 x 15" "log rehab --reps"

m=10
for k in stairs swim cycle elliptical row walk; do
	m=$((m + 5))
	t log cross --kind $k --minutes $m --pain-during 0 --date "$(day 2)"
	logged "$(day 2)" "$k $m min" "log cross --kind $k"
done
CROSS2=$LAST

t log test --drop-lunge-pain 2 --bridge-reps-left 18 --bridge-reps-right 20 --curl-10rm-left 9 \
	--curl-10rm-right 10 --rest-pain 0 --date "$(day 2)"
logged "$(day 2)" "readiness test, curl LSI 90%, bridge LSI 90%" "log test with every option"
TEST2=$LAST
t log test --rest-pain 1 --date "$(day 2)"
logged "$(day 2)" "readiness test" "log test --rest-pain"

t log sitting --hours 7.5 --date "$(day 3)"
logged "$(day 3)" "sitting 7.5 h" "log sitting"
SIT3=$LAST

t log flag --kind tingling --date "$(day 3)"
logged "$(day 3)" "red flag: tingling" "log flag"
expect_out "see a clinician" "log flag says to see a clinician"
FLAG3=$LAST
t today --date "$(day 3)" --json
expect_rc 0 "today after a red flag"
# day 3 is past: its record is what was advised that morning, and the flag
# logged that day counts from its end (10.9; stories_data checks the live day)
expect_json "j['decision'] == 'seek_care' or any(r['id'].startswith('redflag.') for r in j['rules'])" False "a red flag logged on a past day leaves that morning's record"
t log flag --kind cleared --date "$(day 4)"
logged "$(day 4)" "clearance" "log flag --kind cleared"

# a log without --date is today's, in the athlete's zone
t log sitting --hours 2
logged "$(TZ=Europe/London date +%F)" "sitting 2 h" "log sitting without --date"
TODAYID=$LAST

# every id is new and they increase
CHECKS=$((CHECKS + 1))
echo "$IDS" | tr ' ' '\n' | grep . >"$WORK/ids"
sort -n -u "$WORK/ids" | cmp -s - "$WORK/ids" || fail "ids not unique and increasing: $IDS"
NIDS=$(wc -l <"$WORK/ids" | tr -d ' ')

# ------------------------------------------------------------ history

ok history
for id in $IDS; do
	expect_out "^#$id +[0-9]{4}-[0-9]{2}-[0-9]{2} " "history lists #$id"
done
[ "$(printf '%s\n' "$OUT" | grep -c '^#')" = "$NIDS" ]; check $? "history lists $NIDS entries"
expect_out "^#$PAIN0 +$(day 0) +pain task 2/10 \(stairs at work\)" "history shows the note"

ok history --json
expect_valid "history --json lists every entry with its id" <<EOF
ids = [int(x) for x in "$IDS".split()]
need(isinstance(j, list), "not an array")
need(sorted(e['id'] for e in j) == ids, "ids %s, expected %s" % (sorted(e['id'] for e in j), ids))
for e in j:
    need(isinstance(e['id'], int) and not isinstance(e['id'], bool), "id not an integer: %r" % e)
    need(isinstance(e['date'], str) and len(e['date']) == 10, "bad date: %r" % e)
    need(e['type'] in ('pain', 'run', 'rehab', 'cross', 'test', 'flag', 'sitting'), "bad type: %r" % e)
need([(e['date'], e['id']) for e in j] == sorted((e['date'], e['id']) for e in j), "not in date order")
by = {e['id']: e for e in j}
p = by[$PAIN0]
need((p['type'], p['date'], p['kind'], p['score'], p['note']) == ('pain', '$(day 0)', 'task', 2, 'stairs at work'), "pain: %r" % p)
r = by[$RUN1]
need((r['type'], r['date'], r['minutes'], r['km'], r['terrain'], r['intent'], r['walk_breaks'], r['rpe'],
      r['pain_during'], r['pain_after'], r['sharp']) ==
     ('run', '$(day 1)', 20, 3.2, 'flat', 'easy', True, 4, 2, 1, False), "run: %r" % r)
x = by[$REHAB1]
need((x['type'], x['exercise'], x['sets'], x['reps'], x['hold_s'], x['kg'], x['side'], x['rpe'], x['pain_during']) ==
     ('rehab', 'iso-bridge', 5, None, 45, None, 'left', 5, 1), "rehab: %r" % x)
c = by[$CROSS2]
need((c['type'], c['kind'], c['minutes'], c['pain_during']) == ('cross', 'walk', 40, 0), "cross: %r" % c)
tt = by[$TEST2]
need((tt['type'], tt['drop_lunge_pain'], tt['bridge_left'], tt['bridge_right'], tt['curl_left'], tt['curl_right'],
      tt['rest_pain']) == ('test', 2, 18, 20, 9, 10, 0), "test: %r" % tt)
f = by[$FLAG3]
need((f['type'], f['date'], f['kind']) == ('flag', '$(day 3)', 'tingling'), "flag: %r" % f)
s = by[$SIT3]
need((s['type'], s['hours']) == ('sitting', 7.5), "sitting: %r" % s)
EOF

ok history --from "$(day 1)" --to "$(day 2)" --json
expect_valid "history --from --to" <<EOF
need(len(j) > 0, "nothing in range")
need(all('$(day 1)' <= e['date'] <= '$(day 2)' for e in j), "out of range: %r" % [e['date'] for e in j])
need(len(j) == 4 + 3 + 5 + 6 + 2, "%d entries, expected 20" % len(j))
EOF
ok history --from "$(day 3)" --json
expect_valid "history --from" <<EOF
need(sorted(e['id'] for e in j) == sorted([$SIT3, $FLAG3, $FLAG3 + 1, $TODAYID]), "ids %r" % [e['id'] for e in j])
EOF
ok history --to "$(day 0)" --json
expect_json "[e['id'] for e in j]" "[$PAIN0]" "history --to"
ok history --from "$(day 2)" --to "$(day 2)"
[ "$(printf '%s\n' "$OUT" | grep -c "^#[0-9]* *$(day 2) ")" = 8 ]; check $? "history of one day: 8 lines"
[ "$(printf '%s\n' "$OUT" | grep -c '^#')" = 8 ]; check $? "history of one day: only that day"
ok history --from 2020-01-01 --to 2020-01-31
expect_out "^no entries" "history of an empty range says so"
ok history --from 2020-01-01 --to 2020-01-31 --json
expect_json "j" "[]" "history --json of an empty range"
t history --from "$(day 2)" --to "$(day 1)"
expect_rc 2 "history --from after --to"
expect_err "--from" "history --from after --to names --from"

# ------------------------------------------------------------ delete

t delete "$SIT3"
expect_rc 0 "delete"
expect_out "^deleted #$SIT3: $(day 3) +sitting 7.5 h" "delete says what it removed"
ok history --json
expect_valid "the deleted entry is gone, the others stay" <<EOF
ids = sorted(e['id'] for e in j)
want = sorted(int(x) for x in "$IDS".split() if int(x) != $SIT3)
need(ids == want, "ids %r, expected %r" % (ids, want))
EOF
t delete "$SIT3"
expect_rc 1 "delete the same id again"
expect_err "no entry with id $SIT3" "delete the same id again says there is none"

# ------------------------------------------------------------ exercises

ok exercises
for x in $EXERCISES; do
	expect_out "^$x( |\$)" "exercises lists $x"
done
ok exercises --json
expect_valid "exercises --json" <<EOF
need(isinstance(j, list), "not an array")
names = [e.get('name') for e in j]
for x in "$EXERCISES".split():
    need(x in names, "%s missing" % x)
need(len(set(names)) == len(names), "names repeat")
for e in j:
    need(isinstance(e.get('name'), str) and e['name'], "name: %r" % e)
    need(e.get('stage') in "$STAGES".split(), "stage: %r" % e)
    need(e.get('kind') in ('isometric', 'isotonic', 'plyometric'), "kind: %r" % e)
    h = e.get('hip_flexion_deg')
    need(isinstance(h, int) and not isinstance(h, bool) and 0 <= h <= 180, "hip_flexion_deg: %r" % e)
    need(isinstance(e.get('dose'), str) and e['dose'], "dose: %r" % e)
EOF
LIBRARY=$(json_get "' '.join(e['name'] for e in j)")

# ------------------------------------------------------------ today

# TODAY_PY: a python function today_ok(j, date) for expect_valid: the JSON of
# `today --json` on date has every key of the contract, with the right types
TODAY_PY=$(cat <<EOF
def today_ok(j, date):
    library = "$LIBRARY".split()
    isint = lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0
    need(isinstance(j, dict), "%s: not an object" % date)
    if not isinstance(j, dict):
        return
    for k in ('date', 'stage', 'decision', 'run', 'rehab', 'avoid', 'rules'):
        need(k in j, "%s: no key %s" % (date, k))
    need(j.get('date') == date, "%s: date %r" % (date, j.get('date')))
    need(j.get('stage') in "$STAGES".split(), "%s: stage %r" % (date, j.get('stage')))
    need(j.get('decision') in "$DECISIONS".split(), "%s: decision %r" % (date, j.get('decision')))
    run = j.get('run') if isinstance(j.get('run'), dict) else {}
    for k in ('allowed', 'minutes', 'terrain', 'run_walk', 'why'):
        need(k in run, "%s: no key run.%s" % (date, k))
    need(isinstance(run.get('allowed'), bool), "%s: run.allowed %r" % (date, run.get('allowed')))
    if run.get('allowed'):
        need(isint(run.get('minutes')), "%s: run.minutes %r" % (date, run.get('minutes')))
    else:
        need(run.get('minutes') is None, "%s: run.minutes %r when not allowed" % (date, run.get('minutes')))
    need(run.get('terrain') in ('flat', 'hilly', 'treadmill', 'trail'), "%s: run.terrain %r" % (date, run.get('terrain')))
    need(isinstance(run.get('run_walk'), bool), "%s: run.run_walk %r" % (date, run.get('run_walk')))
    need(isinstance(run.get('why'), str) and run.get('why'), "%s: run.why %r" % (date, run.get('why')))
    need(isinstance(j.get('rehab'), list), "%s: rehab not an array" % date)
    for x in j.get('rehab') or []:
        for k in ('exercise', 'sets', 'reps', 'hold_s', 'load'):
            need(k in x, "%s: no key rehab[].%s" % (date, k))
        need(x.get('exercise') in library, "%s: rehab exercise %r not in the library" % (date, x.get('exercise')))
        need(isint(x.get('sets')), "%s: rehab sets %r" % (date, x))
        need((isint(x.get('reps')) and x.get('hold_s') is None) or (x.get('reps') is None and isint(x.get('hold_s'))),
             "%s: one of reps and hold_s: %r" % (date, x))
        need(x.get('load') is None or isinstance(x.get('load'), (int, float)), "%s: load not a number %r" % (date, x))
        need(x.get('load') == x.get('kg'), "%s: load is the kg %r" % (date, x))
        need(isinstance(x.get('load_text'), str), "%s: load_text %r" % (date, x))
    av = j.get('avoid')
    need(isinstance(av, list) and all(isinstance(a, str) and a for a in av), "%s: avoid %r" % (date, av))
    rules = j.get('rules')
    need(isinstance(rules, list) and rules, "%s: rules empty or not an array" % date)
    for r in rules or []:
        for k in ('id', 'reason', 'source'):
            need(isinstance(r.get(k), str) and r[k], "%s: rules[].%s in %r" % (date, k, r))
EOF
)

# today_valid DAY: today --json on DAY keeps the contract
today_valid() {
	t today --date "$1" --json
	expect_rc 0 "today --date $1 --json"
	expect_valid "today --json on $1" <<EOF
$TODAY_PY
today_ok(j, '$1')
EOF
}

for n in 0 1 2 3 4 5 8 15; do
	today_valid "$(day $n)"
done

# a longer log (the demo story: eight weeks from isometrics to running,
# anchored on a fixed day): every day's prescription keeps the contract, and
# some days allow a run, so the run fields are checked filled in too
STORY="$(dirname "$0")/../../data/demo/story.txt"
[ -r "$STORY" ]; check $? "no demo story at $STORY"
SDB="$DB"
DB="$WORK/story.db"
END=2026-07-31
ok init --side right --tz UTC --date "$(date -u -d "$END -56 days" +%F)"
grep -v '^#' "$STORY" >"$WORK/story"
while read -r n args; do
	[ -n "$n" ] || continue
	eval "set -- $args"
	t log "$@" --date "$(date -u -d "$END $n days" +%F)"
	expect_rc 0 "story: log $args on day $n"
done <"$WORK/story"
n=-56
printf '[' >"$WORK/days"
while [ $n -le 0 ]; do
	d=$(date -u -d "$END $n days" +%F)
	t today --date "$d" --json
	expect_rc 0 "story: today --date $d --json"
	[ $n -lt 0 ] && sep=, || sep=
	printf '["%s", %s]%s\n' "$d" "$OUT" "$sep" >>"$WORK/days"
	n=$((n + 1))
done
echo ']' >>"$WORK/days"
OUT=$(cat "$WORK/days")
expect_valid "story: today --json on each of its 57 days" <<EOF
$TODAY_PY
need(len(j) == 57, "%d days" % len(j))
for d, x in j:
    today_ok(x, d)
need(any(x['run']['allowed'] for d, x in j), "no day allows a run")
need(any(x['stage'] == 'return_to_run' for d, x in j), "never reaches return_to_run")
need(any(r['hold_s'] for d, x in j for r in x['rehab']), "no hold in any rehab")
need(any(r['reps'] for d, x in j for r in x['rehab']), "no reps in any rehab")
EOF
DB="$SDB"

ok today --date "$(day 4)"
expect_out "^$(day 4): " "today starts with the date and the decision"
expect_out "Run:" "today says about running"
expect_out "Rehab:" "today says about rehab"
expect_out "Why:" "today says why"
t today --date "$(day 3)"
expect_rc 0 "today on the red-flag day"
expect_out "as advised that morning" "today on a past red-flag day is that morning's record"
ok today
ok today --json
expect_json "j['date']" "$(TZ=Europe/London date +%F)" "today without --date is today in the athlete's zone"

# ------------------------------------------------------------ status

ok status --date "$(day 4)" --json
expect_valid "status --json" <<EOF
need(j['date'] == '$(day 4)', "date %r" % j['date'])
a = j['athlete']
need((a['name'], a['side'], a['ceiling'], a['tz'], a['start']) == ('Ana', 'left', 3, 'Europe/London', '$(day 0)'), "athlete %r" % a)
need(j['stage'] in "$STAGES".split(), "stage %r" % j['stage'])
need(j['decision'] in "$DECISIONS".split(), "decision %r" % j['decision'])
need(j['entries'] == {'pain': 6, 'runs': 4, 'rehab': 3, 'cross': 6, 'tests': 2, 'flags': 2, 'sitting': 0, 'visa': 0}, "entries %r" % j['entries'])
need(j['visa'] is None, 'visa %r without a VISA-H' % j['visa'])
need(set(j['adherence']) >= {'runs_prescribed', 'runs_done', 'runs_extra', 'strength_prescribed', 'strength_done', 'percent'}, 'adherence %r' % j['adherence'])
need(len(j['readiness']['history']) == 2, 'readiness history %r' % j['readiness'])
need(j['red_flag'] is False, "red_flag %r after clearance" % j['red_flag'])
EOF
ok status --date "$(day 3)" --json
expect_json "j['red_flag'], j['decision'] == 'seek_care'" "False False" "status on a past red-flag day: that morning's"
ok status --date "$(day 4)"
expect_out "^Ana: left side, ceiling 3/10, Europe/London, started $(day 0)" "status names the athlete"
expect_out "^stage: " "status says the stage"
expect_out "^decision: " "status says the decision"

# ------------------------------------------------------------ rules

ok rules --json
expect_valid "rules --json" <<EOF
need(isinstance(j['rules'], list) and j['rules'], "no rules")
need(all(isinstance(r['id'], str) and r['source'] for r in j['rules']), "rule without id or source")
need(isinstance(j['settings'], list) and j['settings'], "no settings")
EOF

# ------------------------------------------------------------ profile

ok profile --json
expect_json "j['name'], j['side'], j['tz'], j['start']" "Ana left Europe/London $(day 0)" "profile --json"

# ------------------------------------------------------------ --help on every command

HELPDB="$WORK/help/none.db"
for c in "" init log "log pain" "log run" "log rehab" "log cross" "log test" "log flag" "log sitting" "log aggravator" done edit import \
	exercises today status history delete rules profile; do
	# shellcheck disable=SC2086
	tx --db "$HELPDB" $c --help
	expect_rc 0 "tendo $c --help"
	expect_out "^usage: tendo " "tendo $c --help prints usage on stdout"
	[ -z "$ERR" ]; check $? "tendo $c --help: something on stderr"
done
tx --db "$HELPDB" log pain --kind task --help
expect_rc 0 "--help after other options"
expect_out "^usage: tendo \[--db PATH\] log pain " "--help after other options"
[ ! -e "$WORK/help" ]; check $? "--help created $WORK/help"

# ------------------------------------------------------------ the database path

# no --db, no TENDO_DB: $XDG_DATA_HOME/tendo/tendo.db
XDB="$XDG_DATA_HOME/tendo/tendo.db"
tx init --side right --tz UTC --date "$(day 0)"
expect_rc 0 "init at the default path"
expect_out "database: $XDB" "init says the default path"
[ -s "$XDB" ]; check $? "init created $XDB"
tx log pain --kind task --score 4 --date "$(day 1)"
logged "$(day 1)" "pain (task) 4/10" "log at the default path"
tx history --json
expect_json "[(e['date'], e['score']) for e in j]" "[('$(day 1)', 4)]" "history at the default path"
tx status --json
expect_json "j['athlete']['side']" "right" "status at the default path"

# $HOME/.local/share when XDG_DATA_HOME is unset
mkdir "$WORK/home"
(unset XDG_DATA_HOME; HOME="$WORK/home"; export HOME; "$TENDO" init --side both --tz UTC >"$WORK/out" 2>"$WORK/err")
check $? "init with HOME only: $(cat "$WORK/err")"
[ -s "$WORK/home/.local/share/tendo/tendo.db" ]; check $? "init with HOME only used ~/.local/share/tendo/tendo.db"

# $TENDO_DB
EDB="$WORK/env/tendo.db"
export TENDO_DB="$EDB"
tx init --side both --tz UTC --date "$(day 0)"
expect_rc 0 "init with TENDO_DB"
expect_out "database: $EDB" "init with TENDO_DB says its path"
[ -s "$EDB" ]; check $? "init with TENDO_DB created $EDB"
tx log sitting --hours 3 --date "$(day 2)"
logged "$(day 2)" "sitting 3 h" "log with TENDO_DB"
tx history --json
expect_json "[(e['type'], e['hours']) for e in j]" "[('sitting', 3.0)]" "history with TENDO_DB"
tx --db "$XDB" history --json
expect_json "len(j)" "1" "the default database untouched by TENDO_DB"
# --db overrides TENDO_DB, in both spellings
FDB="$WORK/flag.db"
tx --db "$FDB" init --side left --tz UTC --date "$(day 0)"
expect_rc 0 "init --db with TENDO_DB set"
expect_out "database: $FDB" "--db overrides TENDO_DB"
tx --db="$FDB" log sitting --hours 5 --date "$(day 2)"
logged "$(day 2)" "sitting 5 h" "log --db=PATH with TENDO_DB set"
tx --db "$FDB" history --json
expect_json "[(e['type'], e['hours']) for e in j]" "[('sitting', 5.0)]" "history --db with TENDO_DB set"
tx history --json
expect_json "len(j)" "1" "TENDO_DB database untouched by --db"
unset TENDO_DB

# ------------------------------------------------------------ colour

# NO_COLOR set (lib.sh exports it), and stdout not a terminal without NO_COLOR
for c in "today --date $(day 3)" "today --date $(day 4)" "status --date $(day 4)" history exercises rules profile \
	"log flag --kind pop --date $(day 5)" "log flag --kind cleared --date $(day 5)"; do
	# shellcheck disable=SC2086
	"$TENDO" --db "$DB" $c >"$WORK/nc" 2>&1
	check $? "tendo $c with NO_COLOR"
	no_escapes "$WORK/nc" "tendo $c with NO_COLOR"
	# shellcheck disable=SC2086
	(unset NO_COLOR; "$TENDO" --db "$DB" $c >"$WORK/pipe" 2>&1)
	no_escapes "$WORK/pipe" "tendo $c to a file without NO_COLOR"
done
tx --db "$WORK/colour.db" init --side left --tz UTC --name Cy
no_escapes "$WORK/out" "init with NO_COLOR"
# on a terminal (script(1) gives one): colour unless NO_COLOR is set
if command -v script >/dev/null 2>&1; then
	cmd="'$TENDO' --db '$DB' today --date $(day 4)"
	NO_COLOR=1 script -qec "$cmd" /dev/null >"$WORK/tty" 2>&1
	check $? "today on a terminal with NO_COLOR: $(head -c 300 "$WORK/tty")"
	no_escapes "$WORK/tty" "today on a terminal with NO_COLOR"
	grep -q "$(day 4)" "$WORK/tty"; check $? "today on a terminal printed the day"
	(unset NO_COLOR; script -qec "$cmd" /dev/null >"$WORK/tty" 2>&1)
	CHECKS=$((CHECKS + 1))
	# shellcheck disable=SC2094 # both only read the file
	tr -d '\033' <"$WORK/tty" | cmp -s - "$WORK/tty" && fail "today on a terminal without NO_COLOR has no colour"
fi

finish
