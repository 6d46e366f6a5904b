# title: 5/10 after a run, settled the next morning: run again, but no step up
# protocol: 10.1 (a settled morning logged since); section 2 (after pain over the ceiling is not "within limits")
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 1 --pain-after 5
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2
expect day 26: run allowed
expect day 26: minutes 5-10
expect day 26: no-rule run.step_up
