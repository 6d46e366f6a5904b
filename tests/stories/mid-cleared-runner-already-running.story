# title: a runner cleared by their physio, already running 20 min pain-free, starts in return to run at 20 min
# protocol: 11 (start at the stage they are at; 2b with the current step and a passing test on day 1; first week holds; who set it is recorded)
init --side left --stage return_to_run --run-step 20 --cleared-by "J. Morgan, physio"
day 0: log pain --kind task --score 1 ; log pain --kind rest --score 0
day 0: log test --drop-lunge-pain 0 --bridge-reps-left 22 --bridge-reps-right 23 --curl-10rm-left 32 --curl-10rm-right 33 --rest-pain 0
expect day 0: stage return_to_run
# the test's 10RM curl is strength work: 24 h before the first run here
# (PROTOCOL.md 10.8; this story first expected a run on day 0)
expect day 0: run blocked
expect day 0: rule spacing.strength_before_run
expect day 0: rule readiness.pass
expect profile: json 'J. Morgan' in json.dumps(j)
day 0: log run --minutes 20 --pain-during 0
day 1: log pain --kind task --score 1 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 25 --rpe 7 --pain-during 0
day 2: log pain --kind task --score 1
# the first week holds at the declared level while the 24-hour responses come in
expect day 2: stage return_to_run
expect day 2: minutes 20
