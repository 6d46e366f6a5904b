# title: a standalone "during" report of 2/10 before the run does not block it
# protocol: 10.1 (only reports above the ceiling block; ceiling 3)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log pain --kind during --score 2 --note "climbing the office stairs"
expect day 24: run allowed
expect day 24: minutes 5-10
