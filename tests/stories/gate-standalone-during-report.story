# title: a standalone "during" report of 5/10 (stairs at work) before the afternoon run
# protocol: 10.1 (no session and no standalone during report above the ceiling earlier today)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log pain --kind during --score 5 --note "climbing the office stairs"
expect day 24: run blocked
expect day 24: minutes 0
