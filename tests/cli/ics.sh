# ics.sh - tendo plan --ics read by a second, independent parser
# (python3-icalendar, Debian's package; test_ics.c reads it with libical):
# events match the plan day by day, the zone's VTIMEZONE is there, UIDs stay
# the same when the plan is exported again, and a file that cannot be
# written is reported with nothing left behind (issue 4).
. "$(dirname "$0")/lib.sh"
PY=${TENDO_TEST_PY:-/usr/bin/python3} # Debian's python, where python3-icalendar lives
ok init --side right --tz Europe/Madrid --date 2026-03-02 --days mon,wed,fri,sat --run-time 07:30 --rehab-time 19:00
for d in 02 03 04 05 06 07 08 09; do
	ok log pain --kind task --score 1 --date 2026-03-$d
done
ok plan --from 2026-03-09 --weeks 6 --json
printf '%s' "$OUT" >"$WORK/plan.json"
ok plan --from 2026-03-09 --weeks 6 --ics "$WORK/plan.ics" --alarm 30
expect_err "wrote .*plan.ics" "says where it wrote"
expect_out "^Mon 2026-03-09" "still prints the plan"
CHECKS=$((CHECKS + 1))
"$PY" - "$WORK/plan.ics" "$WORK/plan.json" >"$WORK/check" 2>&1 <<'PYEOF' || fail "python3-icalendar check: $(cat "$WORK/check")"
import json, sys
from datetime import timedelta
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
plan = json.load(open(sys.argv[2]))['days']
assert str(cal['VERSION']) == '2.0', cal['VERSION']
assert 'PRODID' in cal
tz = [c for c in cal.walk('VTIMEZONE')]
assert len(tz) == 1 and str(tz[0]['TZID']) == 'Europe/Madrid', tz
events = cal.walk('VEVENT')
uids = [str(e['UID']) for e in events]
assert len(uids) == len(set(uids)), 'duplicate UIDs'
runs = {str(e['DTSTART'].dt.date()): e for e in events if '-run-' in str(e['UID'])}
want = {d['date']: d['run']['minutes'] for d in plan if d['run']['minutes']}
assert len(want) >= 2, want
assert sorted(runs) == sorted(want), (sorted(runs), sorted(want))
for day, e in runs.items():
    start = e['DTSTART']
    assert start.params['TZID'] == 'Europe/Madrid', start.params
    assert (start.dt.hour, start.dt.minute) == (7, 30), start.dt
    assert e['DURATION'].dt == timedelta(minutes=want[day]), (e['DURATION'].dt, want[day])
    assert str(e['SUMMARY']).startswith('Run %d min' % want[day]), e['SUMMARY']
    alarms = e.walk('VALARM')
    assert len(alarms) == 1 and alarms[0]['TRIGGER'].dt == timedelta(minutes=-30), alarms
    assert 'DTSTAMP' in e
rehab = {str(e['DTSTART'].dt.date()) for e in events if '-rehab-' in str(e['UID'])}
assert rehab == {d['date'] for d in plan if d['rehab']['items']}, 'rehab days differ'
strength = [e for e in events if str(e['SUMMARY']) == 'Strength session']
assert strength and all('\n- ' in str(e['DESCRIPTION']) for e in strength), 'exercises one a line'
visa = [e for e in events if '-visa-' in str(e['UID'])]
assert [str(e['DTSTART'].dt) for e in visa] == [d['date'] for d in plan if d['visa_due']], 'visa days'
print(len(events), 'events')
PYEOF
grep -o '^UID:.*' "$WORK/plan.ics" | sort >"$WORK/uids1"
# a day later, a new entry in the log: the days still planned the same keep their UIDs
ok log pain --kind task --score 1 --date 2026-03-10
ok plan --from 2026-03-09 --weeks 6 --ics "$WORK/plan2.ics"
grep -o '^UID:.*' "$WORK/plan2.ics" | sort >"$WORK/uids2"
CHECKS=$((CHECKS + 1))
[ "$(comm -12 "$WORK/uids1" "$WORK/uids2" | wc -l)" -ge "$(($(wc -l <"$WORK/uids1") * 3 / 4))" ] ||
	fail "re-export changed most UIDs"
CHECKS=$((CHECKS + 1))
[ "$(head -c 15 "$WORK/plan2.ics")" = "BEGIN:VCALENDAR" ] || fail "re-export is a calendar"

# bad input: nothing half-written, the old file kept
cp "$WORK/plan2.ics" "$WORK/keep.ics"
t plan --ics "$WORK/no/such/dir/plan.ics"
expect_rc 1 "unwritable --ics path"
expect_err "cannot write .*no/such/dir/plan.ics" "names the file"
mkdir "$WORK/ro" && chmod 555 "$WORK/ro"
if [ "$(id -u)" != 0 ]; then
	t plan --ics "$WORK/ro/plan.ics"
	expect_rc 1 "read-only folder"
fi
t plan --ics "$WORK/plan2.ics" --weeks 0
expect_rc 2 "--weeks 0 with --ics"
CHECKS=$((CHECKS + 1))
cmp -s "$WORK/plan2.ics" "$WORK/keep.ics" || fail "a refused plan touched the calendar"
CHECKS=$((CHECKS + 1))
[ -z "$(ls "$WORK" | grep 'tmp-')" ] || fail "a temporary file was left: $(ls "$WORK")"
t plan --alarm 10
expect_rc 2 "--alarm without --ics"
expect_err "--ics" "says --alarm needs --ics"
t plan --ics "$WORK/x.ics" --alarm 2000
expect_rc 2 "--alarm out of range"
t plan --ics ""
expect_rc 2 "empty --ics"
finish
