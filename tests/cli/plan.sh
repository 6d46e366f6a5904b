# plan.sh - tendo plan through the binary: the projection's shape, its
# bounds, and that it writes nothing (issue 4).
. "$(dirname "$0")/lib.sh"
# days: keep the last output's "days" array as $OUT, for the day-by-day checks
days() {
	OUT=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin)['days']))")
}
t plan
expect_rc 1 "plan before init"
ok init --side right --tz UTC --date 2026-03-02
ok log pain --kind task --score 2 --date 2026-03-02
t history --json
before=$OUT
ok plan --from 2026-03-02 --json
expect_json "sorted(j)" "['days', 'next_readiness_tests', 'next_visa']" "plan --json: days and what is due next"
expect_json "j['next_visa']" 2026-03-02 "no VISA-H yet: due now"
days
expect_json "len(j)" 14 "two weeks by default"
expect_json "j[0]['date']" 2026-03-02 "from the given day"
expect_json "j[0]['weekday']" Mon "with the weekday"
expect_json "sorted(j[0].keys())" "['date', 'decision', 'monitoring_task', 'readiness_tests_due', 'rehab', 'run', 'seek_care', 'stage', 'training_day', 'visa_due', 'weekday']" "every key"
expect_json "all(d['run']['minutes'] is None for d in j)" True "no running in the first two weeks of stage 1"
expect_json "j[0]['rehab']['items'].startswith('iso-bridge')" True "stage 1 holds"
expect_json "any(d['stage'] == 'strength' for d in j)" True "the projection reaches strength work"
ok plan --weeks 1 --from 2026-03-02
expect_out "^Mon 2026-03-02" "text: one line a day"
expect_out "a projection that assumes no flare" "text says what it is"
t history --json
CHECKS=$((CHECKS + 1))
[ "$OUT" = "$before" ] || fail "plan wrote to the log"
t plan --weeks 13
expect_rc 2 "--weeks out of range"
expect_err "--weeks" "names the option"
t plan --from 2026-02-30
expect_rc 2 "impossible date"

# the training days and times: runs, strength and tests only on those days
ok profile --days mon,wed,sat --run-time 07:15 --rehab-time 19:30
expect_out "training days mon,wed,sat; runs at 07:15, rehab at 19:30" "profile says the schedule"
ok profile --json
expect_json "(j['days'], j['run_time'], j['rehab_time'])" "('mon,wed,sat', '07:15', '19:30')" "profile --json carries the schedule"
ok plan --from 2026-03-02 --weeks 8 --json
expect_json "j['next_readiness_tests'] is not None" True "the tests fall due within 8 weeks"
days
expect_json "sorted({d['weekday'] for d in j if d['run']['minutes'] or d['rehab']['strength'] or d['readiness_tests_due']})" "['Mon', 'Sat', 'Wed']" "sessions only on training days"
expect_json "all(d['training_day'] == (d['weekday'] in ('Mon', 'Wed', 'Sat')) for d in j)" True "training_day flag"
expect_json "len([d for d in j if d['run']['minutes']]) >= 3" True "the projection reaches running in 8 weeks"
expect_json "{d['run']['at'] for d in j if d['run']['minutes']}" "{'07:15'}" "runs at the run time"
expect_json "{d['rehab']['at'] for d in j if d['rehab']['items']}" "{'19:30'}" "rehab at the rehab time"
expect_json "[d['date'] for d in j if d['visa_due']]" "['2026-03-02', '2026-03-30']" "VISA-H: a baseline, then every 4 weeks"
expect_json "any(d['rehab']['items'] and not d['training_day'] for d in j)" True "holds on the other days"
ok log visa --items 8,8,7,7,6,6,7,15 --date 2026-03-03
expect_out "VISA-H 64/100" "log visa prints the total"
ok plan --from 2026-03-03 --weeks 1 --json
expect_json "j['next_visa']" 2026-03-31 "the next VISA-H, after the plan: 28 days after the last"
ok plan --from 2026-03-03 --weeks 5 --json
days
expect_json "[d['date'] for d in j if d['visa_due']]" "['2026-03-31']" "the next VISA-H counts from the last one"
ok plan --from 2026-03-02 --weeks 1
expect_out "training days mon,wed,sat, runs at 07:15, rehab at 19:30" "text plan names the schedule"
t profile --json
prof=$OUT
for bad in "--days mon,funday" "--days mon,mon" "--days ," "--run-time 25:00" "--run-time 7pm" "--rehab-time 12:60"; do
	# shellcheck disable=SC2086
	t profile $bad
	expect_rc 2 "profile $bad"
	expect_err "${bad%% *}" "names the option ($bad)"
done
t profile --days mon,funday
expect_err "funday" "names the unknown day"
t profile --json
CHECKS=$((CHECKS + 1))
[ "$OUT" = "$prof" ] || fail "a refused profile change wrote something"
for bad in "1,2,3" "11,0,0,0,0,0,0,0" "0,0,0,0,0,0,5,0" "0,0,0,0,0,0,0,31" "a,b,c,d,e,f,g,h" "1,2,3,4,5,6,7,8,9"; do
	t log visa --items "$bad"
	expect_rc 2 "log visa --items $bad"
	expect_err "VISA-H" "says what is wrong ($bad)"
done
t log visa
expect_rc 2 "log visa without items"

# today knows the schedule but does not obey it: the tendon decides, the athlete chooses
ok today --date 2026-03-03 --json
expect_json "j['training_day']" False "a Tuesday is not a training day"
ok today --date 2026-03-04 --json
expect_json "j['training_day']" True "a Wednesday is"
finish
