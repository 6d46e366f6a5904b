# title: a run logged pain-free, corrected the next day to 6/10 during: no step up, one step back
# protocol: 2 and 10.2 (over the ceiling during: the next session goes back one step); 10.1 (the run's pain wherever it is logged)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; $R1 = log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
tendo: edit $R1 --pain-during 6 --rpe 8
day 26: log pain --kind task --score 2
expect day 26: no-rule run.step_up
expect day 26: minutes 0-5
