# title: a left-sided runner arrives in return to run at 20 min; the first run brings a flare: no run until it settles, then a step back, not the declared 20
# protocol: 11 (the first week holds at the declared level while the 24-hour responses come in); 2 (raised morning: one step back); 10.1
init --side left --stage return_to_run --run-step 20 --cleared-by "A. Patel, physio"
day 0: log pain --kind task --score 1 ; log pain --kind rest --score 0 ; log test --drop-lunge-pain 0 --bridge-reps-left 19 --bridge-reps-right 20 --curl-10rm-left 28 --curl-10rm-right 30 --rest-pain 0
day 1: log pain --kind task --score 1
expect day 1: run allowed
expect day 1: minutes 20
day 1: log run --minutes 20 --pain-during 2
day 2: log pain --kind task --score 4
expect day 2: rule pain.morning.flare
expect day 2: run blocked
day 3: log pain --kind task --score 2
expect day 3: run blocked
day 4: log pain --kind task --score 1
expect day 4: no-rule run.step_up
expect day 4: minutes 0-15
