# title: a 5/10 "during" report that names the holds, not the run: the pain-free run still steps up
# protocol: 10.1 (a report is that run's pain "unless it names another session")
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
day 24: $H = log rehab --exercise iso-bridge-single --sets 4 --hold-s 45
day 24: log pain --kind during --score 5 --session $H --note "single-leg holds in the evening"
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2
expect day 26: run allowed
expect day 26: minutes 15
