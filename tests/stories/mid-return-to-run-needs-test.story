# title: declared in return to run at 15 min but no readiness test logged on day 1: no run until it is
# protocol: 11 (stage 2b with the current step "needs a passing readiness test logged on the first day"); 4
init --side right --stage return_to_run --run-step 15
day 0: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 0: run blocked
expect day 0: rule readiness.due
day 1: log pain --kind task --score 2
day 1: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 20 --curl-10rm-left 30 --curl-10rm-right 29 --rest-pain 0
day 2: log pain --kind task --score 2
expect day 2: run allowed
expect day 2: minutes 5-15
