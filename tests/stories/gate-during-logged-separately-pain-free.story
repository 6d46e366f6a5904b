# title: the run's 0/10 was logged separately on the run's day: the step goes up as usual
# protocol: 10.1 (a report counts wherever it was logged); 10.2 (+5 min after pain during at the pain-free level)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 ; log pain --kind during --score 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2
expect day 26: run allowed
expect day 26: minutes 15
expect day 26: rule run.step_up
