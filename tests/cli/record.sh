# record.sh - recording what PROTOCOL.md 10-11 needs, end to end: pain that
# names a session and sharp pain, sharp rehab and cross-training, times of
# day, custom exercises, aggravators, spreading pain, a second morning score,
# tendo edit (typed and imported entries), tendo import with pain and RPE (and
# a FIT file's own workout_rpe), tendo done, starting mid-rehab (init --stage,
# profile --start) and entries before the start moving it back.
# Run: sh tests/cli/record.sh /path/to/tendo   (needs python3)
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
DATA="${TENDO_TESTS:-$(dirname "$0")/..}/data"

# check STATUS DESCRIPTION: count a check, fail unless STATUS is 0
check() {
	CHECKS=$((CHECKS + 1))
	[ "$1" -eq 0 ] || fail "$2"
}

# refused RC PATTERN DESCRIPTION: exit RC, one line "tendo: ..." on stderr matching PATTERN, nothing on stdout
refused() {
	expect_rc "$1" "$3"
	expect_err "^tendo: .*$2" "$3"
	n=$(printf '%s\n' "$ERR" | awk 'END { print NR }')
	[ "$n" = 1 ]; check $? "$3: $n lines on stderr"
	[ -z "$OUT" ]; check $? "$3: something on stdout"
}

# id: the id in "logged #ID on ..." of $OUT (the first one)
id() {
	printf '%s\n' "$OUT" | sed -n 's/^logged #\([0-9][0-9]*\) on .*/\1/p' | head -n 1
}

# entry ID: `history --json` entry ID as $OUT (JSON object)
entry() {
	"$TENDO" --db "$DB" history --json >"$WORK/h.json"
	OUT=$(python3 -c "import json,sys; print(json.dumps([e for e in json.load(open(sys.argv[1])) if e['id'] == int(sys.argv[2])][0]))" "$WORK/h.json" "$1")
}

# count: the number of entries
count() {
	"$TENDO" --db "$DB" history --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))"
}

ok init --side left --tz UTC --date "$(day 0)"

# ------------------------------------------------------------ pain: session and sharp

ok log run --minutes 20 --time 06:45 --date "$(day 1)"
RUN=$(id)
ok log pain --kind during --score 4 --sharp --session "$RUN" --date "$(day 1)"
PAIN=$(id)
expect_out "pain \(during\) 4/10, sharp, session #$RUN" "pain with --sharp --session says so"
entry "$PAIN"
expect_json "(j['kind'], j['score'], j['sharp'], j['session_id'])" "('during', 4, True, $RUN)" "pain names its session"
ok log pain --kind after --score 2 --session "#$RUN" --date "$(day 1)"
entry "$(id)"
expect_json "(j['sharp'], j['session_id'])" "(False, $RUN)" "a '#' in front of the id, no --sharp"
N=$(count)
t log pain --kind during --score 3 --session "$RUN" --date "$(day 2)"
refused 1 "--session $RUN is not a run, rehab or cross-training entry on $(day 2)" "--session of another day"
t log pain --kind during --score 3 --session "$PAIN" --date "$(day 1)"
refused 1 "--session $PAIN is not a run, rehab or cross-training entry" "--session naming a pain report"
t log pain --kind during --score 3 --session 9999 --date "$(day 1)"
refused 1 "--session 9999" "--session naming nothing"
t log pain --kind morning --score 3 --session "$RUN" --date "$(day 1)"
refused 2 "--session goes with --kind during or after" "--session on a morning score"
for v in 0 -1 abc 1.5 ""; do
	t log pain --kind during --score 3 --session "$v" --date "$(day 1)"
	refused 2 "--session must be an entry id" "--session '$v'"
done
[ "$(count)" = "$N" ]; check $? "refused pain reports wrote nothing"

# ------------------------------------------------------------ sharp, times of day

ok log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --sharp --time 18:30 --date "$(day 1)"
REHAB=$(id)
expect_out "prone-curl 3 x 8 with load with sharp pain" "log rehab --sharp says so"
entry "$REHAB"
expect_json "(j['sharp'], j['time'], j['custom'])" "(True, '18:30', None)" "rehab: sharp and time"
ok log cross --kind swim --minutes 30 --pain-during 1 --sharp --time 00:00 --date "$(day 1)"
CROSS=$(id)
entry "$CROSS"
expect_json "(j['sharp'], j['time'], j['pain_during'])" "(True, '00:00', 1)" "cross: sharp and midnight"
entry "$RUN"
expect_json "(j['time'], j['sharp'])" "('06:45', False)" "run: time"
ok log test --rest-pain 0 --time 07:05 --date "$(day 1)"
entry "$(id)"
expect_json "j['time']" "07:05" "test: time"
ok log run --minutes 10 --date "$(day 1)"
entry "$(id)"
expect_json "j['time']" "None" "no --time: null"
for v in 24:00 7:05 07:60 0705 noon ""; do
	t log run --minutes 20 --time "$v" --date "$(day 1)"
	refused 2 "--time must be a time of day HH:MM, 00:00-23:59" "--time '$v'"
done
ok history --from "$(day 1)" --to "$(day 1)"
expect_out "#$RUN +$(day 1) +run 20 min at 06:45" "history shows the time"
expect_out "#$PAIN +$(day 1) +pain during 4/10 SHARP \(session #$RUN\)" "history shows sharp pain and its session"

# ------------------------------------------------------------ custom exercises

ok log rehab --exercise leg-press --stage strength --ex-kind isotonic --sets 3 --reps 10 --kg 60 --date "$(day 1)"
CUSTOM=$(id)
expect_out "leg-press 3 x 10 with load \(custom: strength, isotonic\)" "a custom exercise is logged with its stage and kind"
entry "$CUSTOM"
expect_json "(j['exercise'], j['custom'])" "('leg-press', {'stage': 'strength', 'kind': 'isotonic'})" "custom in history --json"
t log rehab --exercise leg-press --sets 3 --reps 10 --date "$(day 1)"
refused 2 "--exercise 'leg-press' is not in the library: .*iso-bridge.*add --stage settle\|strength\|return_to_run\|full_load and --ex-kind isometric\|isotonic\|plyometric" \
	"an unknown exercise without --stage: how to log a custom one"
t log rehab --exercise leg-press --stage strength --sets 3 --reps 10 --date "$(day 1)"
refused 2 "needs both --stage .* and --ex-kind" "--stage without --ex-kind"
t log rehab --exercise clam --stage strength --ex-kind isotonic --sets 3 --reps 10 --date "$(day 1)"
refused 2 "'clam' is in the library" "--stage on a library exercise"
t log rehab --exercise leg-press --stage stage9 --ex-kind isotonic --sets 3 --reps 10 --date "$(day 1)"
refused 2 "--stage must be settle\|strength\|return_to_run\|full_load" "a bad --stage"
t log rehab --exercise leg-press --stage strength --ex-kind wobbly --sets 3 --reps 10 --date "$(day 1)"
refused 2 "--ex-kind must be isometric\|isotonic\|plyometric" "a bad --ex-kind"

# ------------------------------------------------------------ aggravators, spreading

ok log aggravator --kind driving --hours 4 --date "$(day 2)"
DRIVE=$(id)
expect_out "driving 4 h" "log aggravator --kind driving"
ok log aggravator --kind stretching --date "$(day 2)"
STRETCH=$(id)
ok log aggravator --kind hip-flexion --date "$(day 2)"
LIFT=$(id)
ok log aggravator --kind sitting --hours 3.5 --date "$(day 2)"
ok log sitting --hours 7 --date "$(day 2)"
SIT=$(id)
expect_out "sitting 7 h" "log sitting still works"
entry "$DRIVE"
expect_json "(j['type'], j['kind'], j['hours'])" "('sitting', 'driving', 4.0)" "driving in history --json"
entry "$STRETCH"
expect_json "(j['kind'], j['hours'])" "('stretching', None)" "stretching has no hours"
entry "$LIFT"
expect_json "j['kind']" "hip-flexion" "hip-flexion lifting"
entry "$SIT"
expect_json "(j['kind'], j['hours'])" "('sitting', 7.0)" "log sitting is an aggravator of kind sitting"
t log aggravator --kind driving --date "$(day 2)"
refused 2 "--hours is required for driving" "driving without --hours"
t log aggravator --kind sitting --date "$(day 2)"
refused 2 "--hours is required for sitting" "sitting without --hours"
t log aggravator --kind stretching --hours 1 --date "$(day 2)"
refused 2 "--hours goes with --kind sitting or driving" "stretching with --hours"
t log aggravator --kind cycling --date "$(day 2)"
refused 2 "--kind must be sitting\|driving\|stretching\|hip-flexion" "a bad aggravator kind"
t log aggravator --hours 2 --date "$(day 2)"
refused 2 "--kind is required" "aggravator without --kind"
ok log flag --kind spreading --date "$(day 3)"
expect_out "red flag: spreading" "log flag --kind spreading"
expect_out "see a clinician" "spreading pain is a red flag"
ok log flag --kind cleared --date "$(day 3)"

# ------------------------------------------------------------ a second morning score

ok log pain --kind task --score 2 --date "$(day 4)"
T1=$(id)
ok log pain --kind task --score 5 --date "$(day 4)"
T2=$(id)
expect_out "this replaces #$T1 \(task 2/10, logged earlier that day\): the latest task score of a day is the one that counts" \
	"a second task score says which one it replaces"
ok log pain --kind morning --score 3 --date "$(day 4)"
CHECKS=$((CHECKS + 1))
case $OUT in *replaces*) fail "a morning score does not replace the day's task score" ;; esac
t status --date "$(day 4)" --json
expect_rc 0 "status after two task scores"
expect_json "j['morning']['today']" "5" "the later task score is the one that counts"
ok history --from "$(day 4)" --to "$(day 4)"
expect_out "#$T1 +$(day 4) +pain task 2/10 \[replaced by #$T2\]" "history marks the replaced score"
entry "$T1"
expect_json "j['replaced_by']" "$T2" "history --json: replaced_by"

# ------------------------------------------------------------ edit

ok edit "$RUN" --pain-during 3 --pain-after 1 --rpe 6 --note "felt fine" --time 07:15
expect_out "^edited #$RUN on $(day 1): run 20 min at 07:15 .*RPE 6, pain during 3/10, after 1/10 \(felt fine\)" "edit says what the entry is now"
entry "$RUN"
expect_json "(j['pain_during'], j['pain_after'], j['rpe'], j['time'], j['note'], j['minutes'])" \
	"(3, 1, 6, '07:15', 'felt fine', 20.0)" "edit changed the run, nothing else"
ok edit --sharp "$RUN" --json
expect_json "(j['id'], j['type'], j['sharp'], j['rpe'])" "($RUN, 'run', True, 6)" "edit --json prints the edited entry; options after or before the id"
ok edit "$RUN" --no-sharp --note ""
entry "$RUN"
expect_json "(j['sharp'], 'note' in j)" "(False, False)" "--no-sharp, and an empty --note removes it"
ok edit "$REHAB" --pain-during 2 --rpe 7 --no-sharp
entry "$REHAB"
expect_json "(j['pain_during'], j['rpe'], j['sharp'])" "(2, 7, False)" "edit a rehab entry"
ok edit "$CROSS" --pain-during 0 --time 12:00
entry "$CROSS"
expect_json "(j['pain_during'], j['time'], j['sharp'])" "(0, '12:00', True)" "edit a cross-training entry"
ok edit "$DRIVE" --note "to the coast"
entry "$DRIVE"
expect_json "j['note']" "to the coast" "every entry takes --note"
before=$("$TENDO" --db "$DB" history --json)
t edit "$CROSS" --rpe 5
refused 2 "#$CROSS is a cross-training entry, which has no --rpe \(it takes --pain-during, --sharp, --no-sharp, --note, --time\)" \
	"edit refuses a field the type lacks, and lists what it takes"
t edit "$REHAB" --pain-after 3
refused 2 "a rehab entry, which has no --pain-after" "rehab has no pain after"
t edit "$PAIN" --time 07:00
refused 2 "a pain report, which has no --time" "pain has no time"
t edit "$DRIVE" --sharp
refused 2 "an aggravator, which has no --sharp" "aggravators have no sharp pain"
t edit "$RUN"
refused 2 "give at least one change" "edit without a change"
t edit "$RUN" --sharp --no-sharp
refused 2 "--sharp or --no-sharp, not both" "--sharp and --no-sharp"
t edit "$RUN" --rpe 11
refused 2 "--rpe must be 0-10 \\(got 1[12]\\)" "edit --rpe 11"
t edit "$RUN" --time 25:00
refused 2 "--time must be a time of day" "edit --time 25:00"
t edit 9999 --rpe 3
refused 1 "no entry with id 9999" "edit an id that is not there"
t edit abc --rpe 3
refused 2 "'abc' is not an entry id" "edit a bad id"
t edit "$RUN" "$CROSS" --rpe 3
refused 2 "exactly one entry id" "edit two ids"
[ "$("$TENDO" --db "$DB" history --json)" = "$before" ]; check $? "refused edits changed nothing"

# ------------------------------------------------------------ import with pain and RPE

# a FIT run of 30 min whose session carries workout_rpe (CR10 x 10) and
# workout_feel, starting at 07:30 UTC on day $2 (relative to day 0)
fit_run() {
	python3 - "$1" "$(day "$2")" "$3" <<'PY'
import struct, sys, calendar, time
path, day, rpe = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = calendar.timegm(time.strptime(day + " 07:30", "%Y-%m-%d %H:%M")) - 631065600
TAB = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
       0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400]
def crc(data, c=0):
    for b in data:
        for nib in (b & 0xF, b >> 4):
            t = TAB[c & 0xF]; c = (c >> 4) & 0x0FFF; c = c ^ t ^ TAB[nib]
    return c
body = b""
# file_id: type=activity (4), manufacturer=garmin (1), time_created
body += bytes([0x40, 0, 0]) + struct.pack("<HB", 0, 3) + bytes([0, 1, 0x00, 1, 2, 0x84, 4, 4, 0x86])
body += bytes([0x00, 4]) + struct.pack("<HI", 1, start)
# session: timestamp, start_time, sport, total_elapsed_time, total_timer_time, total_distance, workout_feel, workout_rpe
fields = [(253, 4, 0x86), (2, 4, 0x86), (5, 1, 0x00), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86), (192, 1, 0x02), (193, 1, 0x02)]
body += bytes([0x41, 0, 0]) + struct.pack("<HB", 18, len(fields)) + b"".join(bytes(f) for f in fields)
body += bytes([0x01]) + struct.pack("<IIBIIIBB", start + 1800, start, 1, 1800000, 1800000, 500000, 75, rpe)
hdr = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
hdr += struct.pack("<H", crc(hdr))
data = hdr + body
open(path, "wb").write(data + struct.pack("<H", crc(data)))
PY
}

fit_run "$WORK/rpe.fit" 5 70
ok import "$WORK/rpe.fit" --verbose
expect_out "imported .*rpe.fit: run on $(day 5): 30 min" "a FIT run with workout_rpe imports"
FITRUN=$(count)
"$TENDO" --db "$DB" history --json >"$WORK/h.json"
FITRUN=$(python3 -c "import json; print([e['id'] for e in json.load(open('$WORK/h.json')) if e['type'] == 'run' and e.get('imported')][0])")
entry "$FITRUN"
expect_json "(j['rpe'], j['time'], j['imported'], j['pain_during'])" "(7, '07:30', True, None)" \
	"the watch's workout_rpe (70 = CR10 7) fills the RPE; the start fills the time"
ok edit "$FITRUN" --pain-during 2 --pain-after 1 --sharp
entry "$FITRUN"
expect_json "(j['pain_during'], j['pain_after'], j['sharp'], j['rpe'])" "(2, 1, True, 7)" "edit an imported run"

fit_run "$WORK/rpe2.fit" 6 40
ok import "$WORK/rpe2.fit" --pain-during 1 --pain-after 2 --rpe 5 --sharp
"$TENDO" --db "$DB" history --json --from "$(day 6)" --to "$(day 6)" >"$WORK/h.json"
OUT=$(python3 -c "import json; print(json.dumps([e for e in json.load(open('$WORK/h.json')) if e['type'] == 'run'][0]))")
expect_json "(j['pain_during'], j['pain_after'], j['rpe'], j['sharp'])" "(1, 2, 5, True)" \
	"import FILE --pain-during --pain-after --rpe --sharp (--rpe over the watch's own 4)"
t import "$WORK/rpe2.fit" --rpe 3
expect_rc 0 "importing the same file with --rpe again"
expect_out "nothing added to #[0-9]+, which was in the log already: tendo edit [0-9]+" "a duplicate says how to change it"
N=$(count)
t import "$DATA/fit" --rpe 3
refused 2 "is a folder: pain, RPE and sharp pain go with a single activity file" "import a folder with --rpe"
t import "$WORK/rpe.fit" "$WORK/rpe2.fit" --pain-during 2
refused 2 "go with a single activity file \(got 2 paths\)" "import two files with --pain-during"
python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.write(sys.argv[2],'a.fit'); z.close()" "$WORK/a.zip" "$WORK/rpe.fit"
t import "$WORK/a.zip" --sharp
refused 2 "a.zip is an archive: pain, RPE and sharp pain go with a single activity file" "import an archive with --sharp"
t import "$DATA/fit/fitparse-garmin-fenix-5-walk.fit" --rpe 4
expect_rc 1 "import cross-training with --rpe"
expect_out "fenix-5-walk.fit: cross-training \(walking\): RPE and pain after are recorded for runs; nothing imported" "says why"
t import "$WORK/rpe.fit" --rpe 11
refused 2 "--rpe must be 0-10 \\(got 1[12]\\)" "import --rpe 11"
[ "$(count)" = "$N" ]; check $? "refused imports wrote nothing"
ok import "$DATA/fit/fitparse-garmin-fenix-5-walk.fit" --pain-during 3 --sharp
expect_out "imported" "cross-training takes --pain-during and --sharp"

# ------------------------------------------------------------ done

DONE=$(day 8)
ok log pain --kind task --score 1 --date "$DONE"
t today --date "$DONE" --json
expect_rc 0 "today before done"
RX=$(json_get "(j['run']['allowed'], j['run']['minutes'], [(r['exercise'], r['sets'], r['reps'], r['hold_s']) for r in j['rehab']])")
ok done --date "$DONE" --pain-during 1 --rpe 4
expect_out "^logged #[0-9]+ on $DONE: " "done says what it logged"
"$TENDO" --db "$DB" history --json --from "$DONE" --to "$DONE" >"$WORK/h.json"
GOT=$(python3 - "$WORK/h.json" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))
runs = [e for e in h if e['type'] == 'run']
rehab = [(e['exercise'], e['sets'], e['reps'] or 0, e['hold_s'] or 0) for e in h if e['type'] == 'rehab']
ok = all(e['pain_during'] == 1 and e['rpe'] == 4 and e['side'] in ('left', 'right', 'both') for e in h if e['type'] == 'rehab')
print((bool(runs), int(runs[0]['minutes']) if runs else 0, rehab, ok))
PY
)
WANT=$(printf '%s' "$RX" | python3 -c "import sys; a, m, r = eval(sys.stdin.read()); print((a, m if a else 0, [(e, s, x or 0, h or 0) for e, s, x, h in r], True))")
[ "$GOT" = "$WANT" ]; check $? "done logged what today prescribed: got $GOT, prescribed $WANT"
N=$(count)
t done --date "$DONE"
refused 1 "the prescribed session of $DONE is already logged \(#[0-9]+" "done twice"
[ "$(count)" = "$N" ]; check $? "a refused done wrote nothing"
ok log flag --kind pop --date "$(day 9)"
t done --date "$(day 9)"
refused 1 "nothing is prescribed for $(day 9) \(seek_care\)" "done on a day with nothing prescribed"
ok log flag --kind cleared --date "$(day 10)"
ok log pain --kind task --score 1 --date "$(day 10)"
ok done --date "$(day 10)" --pain-after 2 --json
expect_json "(j['date'], len(j['logged']) > 0, j['logged'][-1]['type'])" "('$(day 10)', True, 'pain')" \
	"done --json; --pain-after without a run is a pain report on the session"
t done --date 2099-01-01
refused 2 "--date 2099-01-01 is in the future" "done in the future"
t done --rpe 12
refused 2 "--rpe must be 0-10 \\(got 1[12]\\)" "done --rpe 12"

# follow the programme with done for six weeks: every logged session is what
# that day's prescription said (run minutes and run/walk; each exercise's
# sets, reps or hold and the load when it names kg), until runs come
FOLLOW="$WORK/follow.db"
"$TENDO" --db "$FOLLOW" init --side left --tz UTC --date "$(day 0)" >/dev/null
mkdir "$WORK/rx"
curl_logged=0
for i in $(seq 0 34); do
	d=$(day "$i")
	"$TENDO" --db "$FOLLOW" log pain --kind task --score 1 --date "$d" >/dev/null
	"$TENDO" --db "$FOLLOW" log pain --kind rest --score 0 --date "$d" >/dev/null
	"$TENDO" --db "$FOLLOW" today --date "$d" --json >"$WORK/rx/$d.json"
	stage=$(python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(j['stage'], 'prone-curl' in [r['exercise'] for r in j['rehab']])" "$WORK/rx/$d.json")
	case $stage in strength*) "$TENDO" --db "$FOLLOW" log test --drop-lunge-pain 0 --bridge-reps-left 25 \
		--bridge-reps-right 25 --curl-10rm-left 30 --curl-10rm-right 30 --rest-pain 0 --date "$d" >/dev/null ;; esac
	if [ "$stage" = "strength True" ] && [ $curl_logged = 0 ]; then
		# a load the next prescriptions build on; done then refuses the day (prone-curl is logged)
		"$TENDO" --db "$FOLLOW" log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 6 --side left --date "$d" >/dev/null
		curl_logged=1
		rm "$WORK/rx/$d.json"
		continue
	fi
	"$TENDO" --db "$FOLLOW" done --date "$d" --pain-during 0 --rpe 3 >"$WORK/out" 2>"$WORK/err" || rm "$WORK/rx/$d.json"
done
"$TENDO" --db "$FOLLOW" history --json >"$WORK/h.json"
python3 - "$WORK/h.json" "$WORK/rx" >"$WORK/follow.out" <<'PY'
import json, os, re, sys
h = json.load(open(sys.argv[1]))
runs = kg = 0
bad = []
for f in sorted(os.listdir(sys.argv[2])):
    rx = json.load(open(os.path.join(sys.argv[2], f)))
    d = rx['date']
    day = [e for e in h if e['date'] == d]
    got_runs = [e for e in day if e['type'] == 'run']
    if rx['run']['allowed']:
        runs += 1
        if [(r['minutes'], r['walk_breaks'], r['terrain'], r['pain_during'], r['rpe']) for r in got_runs] != \
           [(rx['run']['minutes'], rx['run']['run_walk'], 'flat', 0, 3)]:
            bad.append('%s run %r, prescribed %r' % (d, got_runs, rx['run']))
    elif got_runs:
        bad.append('%s a run was logged but none prescribed' % d)
    got = sorted((e['exercise'], e['sets'], e['reps'], e['hold_s'], e['kg'], e['side']) for e in day if e['type'] == 'rehab')
    want = []
    for r in rx['rehab']:
        # one entry a leg when the prescription gives each leg its load, else both legs
        sides = [(s, r['kg_' + s]) for s in ('left', 'right') if r.get('kg_' + s) is not None]
        for side, load in sides or [('both', r.get('kg'))]:
            want.append((r['exercise'], r['sets'], r['reps'], r['hold_s'], load, side))
            kg += load is not None
    if got != sorted(want):
        bad.append('%s rehab %r, prescribed %r' % (d, got, sorted(want)))
print('runs=%d kg=%d bad=%s' % (runs, kg, '; '.join(bad)))
PY
CHECKS=$((CHECKS + 1))
grep -q "bad=\$" "$WORK/follow.out" || fail "done logged something other than the prescription: $(cat "$WORK/follow.out")"
CHECKS=$((CHECKS + 1))
grep -Eq "runs=[1-9][0-9]* kg=[1-9]" "$WORK/follow.out" || fail "six weeks of done reach runs and loads in kg: $(cat "$WORK/follow.out")"

# ------------------------------------------------------------ entries before the start

ok profile --json
expect_json "j['start']" "$(day 0)" "the start before"
fit_run "$WORK/old.fit" -30 50
ok import "$WORK/old.fit"
ok profile --json
expect_json "j['start']" "$(day 0)" "an imported activity before the start does not move it"
t log pain --kind rest --score 1 --date "$(day -3)"
expect_rc 0 "log before the start"
expect_out "^logged #" "logged before the start"
expect_err "^tendo: log pain: programme start moved back from $(day 0) to $(day -3)\$" "the start moves back, said on stderr"
ok profile --json
expect_json "j['start']" "$(day -3)" "the start moved back"
t log run --minutes 10 --date "$(day -1)"
[ -z "$ERR" ]; check $? "an entry after the (new) start moves nothing: $ERR"

# ------------------------------------------------------------ profile --start

t profile --start "$(day -2)"
refused 2 "--start $(day -2) is after your first logged entry \($(day -3)\)" "profile --start after the first entry"
ok profile --start "$(day -10)"
ok profile --json
expect_json "j['start']" "$(day -10)" "profile --start moves the start earlier"
t profile --start 2026-02-30
refused 2 "--start must be a real day" "profile --start of an impossible day"

# ------------------------------------------------------------ init --stage

DB="$WORK/mid.db"
ok init --side right --tz UTC --date "$(day 0)" --stage return_to_run --run-step 15 --curl-kg 27.5 --cleared-by "Dr Smith, physio"
expect_out "starting stage return_to_run \(running step 15 min, prone curl 27.5 kg\), set by Dr Smith, physio" "init says the starting stage"
expect_out "needs a passing readiness test on the first day" "return to run asks for a test on day one"
ok profile --json
expect_json "(j['start_stage'], j['start_run_step_min'], j['start_week_min'], j['start_curl_kg'], j['cleared_by'])" \
	"('return_to_run', 15, None, 27.5, 'Dr Smith, physio')" "profile --json carries the starting point"
ok profile
expect_out "^starting stage return_to_run" "profile shows the starting point"
ok profile --stage full_load --week-min 90
ok profile --json
expect_json "(j['start_stage'], j['start_run_step_min'], j['start_week_min'], j['cleared_by'])" \
	"('full_load', None, 90, None)" "a new --stage clears the old stage's numbers"
t profile --stage strength --run-step 10
refused 2 "--run-step goes with return_to_run or full_load, not strength" "--run-step on strength"
ok profile --json
expect_json "j['start_stage']" "full_load" "a refused change keeps the profile"
for args in "--stage return_to_run" "--stage full_load --run-step 20" "--stage settle --curl-kg 10" \
	"--stage strength --week-min 30" "--stage stage5" "--stage return_to_run --run-step 0" \
	"--stage return_to_run --run-step 121" "--stage strength --curl-kg abc"; do
	rm -f "$WORK/bad.db"
	# shellcheck disable=SC2086
	"$TENDO" --db "$WORK/bad.db" init --side left --tz UTC $args >"$WORK/out" 2>"$WORK/err"
	RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
	refused 2 "--" "init $args"
	[ ! -e "$WORK/bad.db" ]; check $? "init $args created a database"
done
"$TENDO" --db "$WORK/bad.db" init --side left --tz UTC --stage return_to_run >"$WORK/out" 2>"$WORK/err"
RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
refused 2 "--run-step is needed to start at return_to_run: the current running step, 1-120 minutes" "return_to_run without --run-step says what it needs"
"$TENDO" --db "$WORK/bad.db" init --side left --tz UTC --stage full_load >"$WORK/out" 2>"$WORK/err"
RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
refused 2 "--week-min is needed to start at full_load: the current running minutes a week, 1-1500" "full_load without --week-min says what it needs"

finish
