# title: pain at rest 6/10 on the morning of a planned run
# protocol: 10.1 (no pain at rest today or yesterday, from any report; rest pain holds the step and the minutes)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0 --terrain treadmill
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# day 24 is a run day: the monitoring task is fine, but the tendon aches at rest
day 24: log pain --kind task --score 2 ; log pain --kind rest --score 6 --note "aching at breakfast"
expect day 24: run blocked
expect day 24: minutes 0
expect day 24: rule pain.rest.present
expect day 24: no-rule run.step_up
expect day 24: stage return_to_run
expect day 24: decision hold|reduce
# next morning no rest pain, but yesterday's still counts
day 25: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 25: run blocked
# two clear days: running again, not longer than the step held by the rest pain
day 26: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 26: run allowed
expect day 26: minutes 5-10
expect day 26: no-rule pain.rest.present
