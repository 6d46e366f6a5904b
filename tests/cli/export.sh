# export.sh - tendo export (CSV and JSON) and tendo restore: the round trip
# gives back the same log (ids, notes, imported runs), CSV is RFC 4180
# (header, CRLF, quoting), and bad paths or files write nothing (issue 4).
. "$(dirname "$0")/lib.sh"
DATA="${TENDO_TESTS:-$(dirname "$0")/..}/data"

ok init --side left --name 'Sam "the tendon", jr' --tz Europe/London --date 2026-01-05 --set flare_delta=3 --days mon,wed,sat --run-time 06:45 --rehab-time 20:15 \
	--stage strength --curl-kg 22.5 --cleared-by "Dr Okafor, physio"
ok log pain --kind task --score 2 --date 2026-01-05 --note 'after "the drive", stiff
then fine'
ok log rehab --exercise iso-bridge --sets 5 --hold-s 45 --pain-during 1 --date 2026-01-06
ok log rehab --exercise prone-curl --sets 3 --reps 8 --kg 22.5 --rpe 7 --date 2026-01-07
ok log run --minutes 12 --km 2.1 --pain-during 1 --walk-breaks --date 2026-01-08
ok log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --date 2026-01-09
ok log flag --kind tingling --date 2026-01-10
ok log sitting --hours 7.5 --date 2026-01-10
ok log visa --items 7,8,6,9,5,6,7,20 --date 2026-01-11
# what schema v4 added: times, sharp pain, pain on a session, custom exercises, aggravator kinds
ok log run --minutes 15 --time 07:10 --sharp --date 2026-01-12
RUN12=$(printf '%s' "$OUT" | sed -n 's/^logged #\([0-9]*\) .*/\1/p')
ok log pain --kind after --score 3 --sharp --session "$RUN12" --date 2026-01-12
ok log rehab --exercise step-down --stage return_to_run --ex-kind isotonic --sets 2 --reps 12 --sharp --time 19:00 --date 2026-01-12
ok log cross --kind cycle --minutes 25 --sharp --time 12:30 --date 2026-01-12
ok log test --rest-pain 0 --time 08:00 --date 2026-01-12
ok log aggravator --kind driving --hours 3.5 --date 2026-01-12
ok log aggravator --kind stretching --date 2026-01-12
ok log flag --kind spreading --date 2026-01-12
ok import "$DATA/fit/fitparse-2013-02-06-12-11-14.fit" "$DATA/gpx/togeojson-run.gpx"
ok delete 3   # a gap in the ids must survive

ok export --json "$WORK/log.json"
expect_out "exported the log to" "export --json says where"
python3 -c "import json,sys; j=json.load(open(sys.argv[1])); assert j['format']=='tendo-export'; assert len(j['tables']['activity_file'])==2" "$WORK/log.json" \
	|| fail "the JSON export holds the tables and both imported files"
CHECKS=$((CHECKS + 1))

# restore into a new database and compare everything a user can read
"$TENDO" restore "$WORK/log.json" --db "$WORK/copy.db" >"$WORK/out" 2>"$WORK/err"
RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
expect_rc 0 "restore into a new database"
expect_out "restored [0-9]+ rows" "restore says how much"
for c in "history --json" "runs --json" "profile --json" "status --date 2026-01-12 --json" "today --date 2026-01-12 --json" "plan --from 2026-01-12 --json"; do
	# shellcheck disable=SC2086
	"$TENDO" --db "$DB" $c >"$WORK/a.json"
	# shellcheck disable=SC2086
	"$TENDO" --db "$WORK/copy.db" $c >"$WORK/b.json"
	CHECKS=$((CHECKS + 1))
	cmp -s "$WORK/a.json" "$WORK/b.json" || fail "'$c' differs after export and restore"
done

# an export made before schema v4 (no aggravator kind, no starting stage) restores with v4's defaults
cat >"$WORK/v3.json" <<'JSON'
{"format": "tendo-export", "version": 1, "schema": 3, "tables": {
 "profile": [{"id": 1, "name": "Old", "side": "right", "tz": "UTC", "start_date": "2025-06-02", "created_utc": "2025-06-02T08:00:00Z",
              "days": "mon,tue,wed,thu,fri,sat,sun", "run_time": "17:00", "rehab_time": "16:00"}],
 "entry": [{"id": 1, "type": "sitting", "date": "2025-06-03", "at_utc": "2025-06-03T12:00:00Z", "note": null},
           {"id": 2, "type": "pain", "date": "2025-06-03", "at_utc": "2025-06-03T12:00:00Z", "note": null}],
 "pain_report": [{"entry_id": 2, "kind": "task", "score": 2}],
 "sitting": [{"entry_id": 1, "hours": 6.5}]}}
JSON
"$TENDO" restore "$WORK/v3.json" --db "$WORK/v3.db" >"$WORK/out" 2>"$WORK/err"
RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
expect_rc 0 "restore a schema 3 export"
OUT=$("$TENDO" --db "$WORK/v3.db" history --json)
expect_json "[(e['type'], e.get('kind'), e.get('hours'), e.get('sharp'), e.get('session_id')) for e in j]" \
	"[('sitting', 'sitting', 6.5, None, None), ('pain', 'task', None, False, None)]" "a schema 3 export restores with v4's defaults"
OUT=$("$TENDO" --db "$WORK/v3.db" profile --json)
expect_json "(j['start_stage'], j['cleared_by'])" "('settle', None)" "a schema 3 profile starts in settle"

# a restore gets the same rules as logging: an RPE of 12 is refused, nothing is left behind
sed 's/"pain_report": \[{"entry_id": 2, "kind": "task", "score": 2}\]/"pain_report": [{"entry_id": 2, "kind": "task", "score": 2}], "run": [{"entry_id": 1, "minutes": 20, "rpe": 12}]/; s/"sitting": \[{"entry_id": 1, "hours": 6.5}\]/"sitting": []/; s/"type": "sitting"/"type": "run"/' \
	"$WORK/v3.json" >"$WORK/bad-rpe.json"
"$TENDO" restore "$WORK/bad-rpe.json" --db "$WORK/bad-rpe.db" >"$WORK/out" 2>"$WORK/err"
RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
expect_rc 1 "restore of an export with an RPE of 12"
expect_err "nothing restored: entry 1: rpe must be 0-10 \(got 12\)" "says which entry and why"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/bad-rpe.db" ] || fail "a refused restore left a database behind"

# CSV: one file per table, header row, CRLF, quoting
ok export --csv "$WORK/csv"
expect_out "CSV files to" "export --csv says where"
for t in profile entry pain_report run rehab_session rehab_set readiness_test red_flag sitting activity_file visa_h; do
	CHECKS=$((CHECKS + 1))
	[ -f "$WORK/csv/$t.csv" ] || fail "no $t.csv"
done
python3 - "$WORK/csv" <<'PY' || fail "CSV files are RFC 4180 with the note quoted"
import csv, sys
d = sys.argv[1]
raw = open(d + "/entry.csv", "rb").read()
assert raw.count(b"\r\n") >= 8 and b"\n" not in raw.replace(b"\r\n", b"").replace(b"stiff\nthen", b""), "CRLF rows"
rows = list(csv.DictReader(open(d + "/entry.csv", newline="")))
assert rows[0].keys() >= {"id", "type", "date", "at_utc", "note"}
assert any(r["note"] == 'after "the drive", stiff\nthen fine' for r in rows), "note round trip"
p = list(csv.DictReader(open(d + "/profile.csv", newline="")))
assert p[0]["name"] == 'Sam "the tendon", jr'
assert (p[0]["days"], p[0]["run_time"], p[0]["rehab_time"]) == ("mon,wed,sat", "06:45", "20:15"), p[0]
v = list(csv.DictReader(open(d + "/visa_h.csv", newline="")))
assert v[0]["items"] == "7,8,6,9,5,6,7,20" and v[0]["total"] == "68", v
assert (p[0]["start_stage"], p[0]["start_curl_kg"], p[0]["cleared_by"], p[0]["start_run_step_min"]) == ("strength", "22.5", "Dr Okafor, physio", ""), p[0]
e = {r["id"]: r for r in rows}
typed = [int(r["time_min"]) for r in rows if r["time_min"] and r["date"] == "2026-01-12"]
assert sorted(typed) == [430, 480, 750, 1140], typed  # 07:10, 08:00, 12:30, 19:00
assert sum(1 for r in rows if r["time_min"]) == 6, "the two imported files carry their start time too"
pr = [r for r in csv.DictReader(open(d + "/pain_report.csv", newline="")) if r["session_id"]]
assert len(pr) == 1 and pr[0]["sharp"] == "1" and e[pr[0]["session_id"]]["type"] == "run", pr
rs = list(csv.DictReader(open(d + "/rehab_session.csv", newline="")))
assert [(r["exercise"], r["custom_stage"], r["custom_kind"], r["sharp"]) for r in rs if r["custom_stage"]] == [("step-down", "return_to_run", "isotonic", "1")], rs
s = list(csv.DictReader(open(d + "/sitting.csv", newline="")))
assert sorted((r["kind"], r["hours"]) for r in s) == [("driving", "3.5"), ("sitting", "7.5"), ("stretching", "")], s
c = list(csv.DictReader(open(d + "/cross_training.csv", newline="")))
assert [r["sharp"] for r in c if r["kind"] == "cycle"] == ["1"], c
PY
CHECKS=$((CHECKS + 1))

# bad input: nothing half-written, clear errors
t export
expect_rc 2 "export without --csv or --json"
t export --csv "$WORK/x" --json "$WORK/x.json"
expect_rc 2 "export with both"
t export --json "$WORK/no/such/dir/log.json"
expect_rc 1 "export to an unwritable path"
expect_err "cannot write" "the error says it cannot write"
CHECKS=$((CHECKS + 1))
[ -z "$(ls "$WORK" | grep tmp-)" ] || fail "a temporary file was left behind"
: >"$WORK/afile"
t export --csv "$WORK/afile"
expect_rc 1 "export --csv to a file"
"$TENDO" restore "$WORK/log.json" --db "$DB" >"$WORK/out" 2>"$WORK/err"
RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
expect_rc 1 "restore into a database that holds a log"
expect_err "needs a new or empty database" "says why"
printf '{"format": "tendo-export", "schema": 2, "tables": {"entry": [{"id": 1, "type": "pain", "date": "2026-01-05", "at_utc": "x", "bogus; DROP TABLE entry": 1}]}}' >"$WORK/bad.json"
"$TENDO" restore "$WORK/bad.json" --db "$WORK/bad.db" >"$WORK/out" 2>"$WORK/err"
RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
expect_rc 1 "restore of a file with an unknown column"
expect_err "nothing restored" "says nothing was restored"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/bad.db" ] || fail "a failed restore left a database behind"
printf 'not json' >"$WORK/bad2.json"
"$TENDO" restore "$WORK/bad2.json" --db "$WORK/bad2.db" >"$WORK/out" 2>"$WORK/err"
RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
expect_rc 1 "restore of something that is not JSON"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/bad2.db" ] || fail "a failed restore left a database behind"
finish
