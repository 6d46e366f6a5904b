# title: a 07:00 spin class at 5/10, the run planned for the afternoon: no run that day; two days later the run goes ahead and cycling is flagged as aggravating
# protocol: 10.1 (nothing earlier today over the ceiling, any session); 3 (let the log decide on cross-training); 2 (over the ceiling: the next session of that kind easier)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log cross --kind cycle --minutes 45 --pain-during 5 --time 07:00
expect day 24: run blocked
expect day 24: rule pain.today.over_ceiling
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2
expect day 26: run allowed
expect day 26: minutes 5-10
expect day 26: rule cross.aggravating
