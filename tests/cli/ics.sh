# ics.sh - tendo plan --ics read by a second, independent parser
# (python3-icalendar, Debian's package; test_ics.c reads it with libical):
# events match the plan day by day, the zone's VTIMEZONE is there, UIDs stay
# the same when the plan is exported again, and a file that cannot be
# written is reported with nothing left behind (issue 4); a second export tells the
# calendar what changed (SEQUENCE) and what left the plan (CANCELLED) (issue 9).
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

# what was sent is remembered (issue 9): a flare changes the plan, a red flag empties it;
# exported again each time, the changed events have a higher SEQUENCE, the unchanged keep
# theirs, the days that left the plan come back CANCELLED; every day has the monitoring
# task with a reminder at 07:00
cat >"$WORK/seq.py" <<'PYEOF2'
import sys
from datetime import timedelta
import icalendar
def events(path):
    out = {}
    for e in icalendar.Calendar.from_ical(open(path, 'rb').read()).walk('VEVENT'):
        body = [(k, e[k].to_ical()) for k in sorted(e.keys()) if k not in ('DTSTAMP', 'SEQUENCE')]
        body.append(('VALARM', [a.to_ical() for a in e.walk('VALARM')]))
        out[str(e['UID'])] = (int(e['SEQUENCE']), str(e.get('STATUS', '')), body, e)
    return out
a, b, mode = events(sys.argv[1]), events(sys.argv[2]), sys.argv[3]
tasks = [v[3] for u, v in a.items() if '-task-' in u and v[1] != 'CANCELLED']
assert len(tasks) == 14, len(tasks)
for t in tasks:
    assert (t['DTSTART'].dt.hour, t['DTSTART'].dt.minute) == (7, 0), t['DTSTART'].dt
    assert [al['TRIGGER'].dt for al in t.walk('VALARM')] == [timedelta(0)], 'a reminder when it starts'
same = changed = cancelled = 0
for uid, (seq, status, body, e) in a.items():
    assert uid in b, 'an event sent before vanished: ' + uid
    seq2, status2, body2, e2 = b[uid]
    if status2 == 'CANCELLED':
        cancelled += status != 'CANCELLED'
        assert seq2 == seq + (status != 'CANCELLED'), (uid, status, seq, seq2)
    elif body2 == body:
        same += 1
        assert seq2 == seq, (uid, seq, seq2)
    else:
        changed += 1
        assert seq2 == seq + 1, (uid, seq, seq2)
if mode == 'change':
    assert same and changed, (same, changed, cancelled)
else:
    assert cancelled >= 14 and not same, (same, changed, cancelled)
    new = [u for u in b if u not in a]
    assert len(new) == 1 and '-care-' in new[0] and b[new[0]][0] == 0, new
print(same, 'same', changed, 'changed', cancelled, 'cancelled')
PYEOF2
ok plan --from 2026-03-09 --weeks 2 --ics "$WORK/t1.ics"
ok log pain --kind task --score 6 --date 2026-03-09
# a calendar that cannot be written leaves no record of being sent
sent() { sqlite3 "$DB" "SELECT group_concat(uid || ' ' || digest || ' ' || sequence || ' ' || cancelled, ';') FROM calendar_event"; }
before=$(sent)
t plan --from 2026-03-09 --weeks 2 --ics "$WORK/no/such/dir/t.ics"
expect_rc 1 "unwritable: refused"
CHECKS=$((CHECKS + 1))
[ -n "$before" ] && [ "$(sent)" = "$before" ] || fail "a calendar that was not written was recorded as sent"
ok plan --from 2026-03-09 --weeks 2 --ics "$WORK/t2.ics"
CHECKS=$((CHECKS + 1))
[ "$(sent)" != "$before" ] || fail "a calendar written was not recorded"
CHECKS=$((CHECKS + 1))
"$PY" "$WORK/seq.py" "$WORK/t1.ics" "$WORK/t2.ics" change >"$WORK/check" 2>&1 ||
	fail "SEQUENCE after a flare: $(cat "$WORK/check")"
ok log flag --kind numbness --date 2026-03-09
ok plan --from 2026-03-09 --weeks 2 --ics "$WORK/t3.ics"
CHECKS=$((CHECKS + 1))
"$PY" "$WORK/seq.py" "$WORK/t2.ics" "$WORK/t3.ics" drop >"$WORK/check" 2>&1 ||
	fail "CANCELLED after a red flag: $(cat "$WORK/check")"
CHECKS=$((CHECKS + 1))
grep -q 'Prone (lying) hamstring curl, heavy slow: [0-9] x [0-9]' "$WORK/t2.ics" ||
	grep -q 'Long-lever bridge hold' "$WORK/t2.ics" || fail "no exercise with its dose in the descriptions"
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
