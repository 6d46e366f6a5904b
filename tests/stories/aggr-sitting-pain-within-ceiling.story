# title: 2/10 after sitting is within the ceiling: the pain-free runner steps up as usual
# protocol: 10.7 (only sitting pain above the ceiling holds); 10.2
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 25: log pain --kind sitting --score 2 --note "an hour at the desk"
day 26: log pain --kind task --score 2
expect day 26: run allowed
expect day 26: minutes 15
expect day 26: rule run.step_up
