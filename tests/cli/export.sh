# export.sh - tendo export (CSV and JSON) and tendo restore: the round trip
# gives back the same log (ids, notes, imported runs), CSV is RFC 4180
# (header, CRLF, quoting), and bad paths or files write nothing (issue 4).
. "$(dirname "$0")/lib.sh"
DATA="${TENDO_TESTS:-$(dirname "$0")/..}/data"

ok init --side left --name 'Sam "the tendon", jr' --tz Europe/London --date 2026-01-05 --set flare_delta=3 --days mon,wed,sat --run-time 06:45 --rehab-time 20:15
ok log pain --kind task --score 2 --date 2026-01-05 --note 'after "the drive", stiff
then fine'
ok log rehab --exercise iso-bridge --sets 5 --hold-s 45 --pain-during 1 --date 2026-01-06
ok log rehab --exercise prone-curl --sets 3 --reps 8 --kg 22.5 --rpe 7 --date 2026-01-07
ok log run --minutes 12 --km 2.1 --pain-during 1 --walk-breaks --date 2026-01-08
ok log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --date 2026-01-09
ok log flag --kind tingling --date 2026-01-10
ok log sitting --hours 7.5 --date 2026-01-10
ok log visa --items 7,8,6,9,5,6,7,20 --date 2026-01-11
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
