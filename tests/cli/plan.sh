# plan.sh - tendo plan through the binary: the projection's shape, its
# bounds, and that it writes nothing (issue 4).
. "$(dirname "$0")/lib.sh"
t plan
expect_rc 1 "plan before init"
ok init --side right --tz UTC --date 2026-03-02
ok log pain --kind task --score 2 --date 2026-03-02
t history --json
before=$OUT
ok plan --from 2026-03-02 --json
expect_json "len(j)" 14 "two weeks by default"
expect_json "j[0]['date']" 2026-03-02 "from the given day"
expect_json "j[0]['weekday']" Mon "with the weekday"
expect_json "sorted(j[0].keys())" "['date', 'decision', 'monitoring_task', 'readiness_tests_due', 'rehab', 'run', 'seek_care', 'stage', 'weekday']" "every key"
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
finish
