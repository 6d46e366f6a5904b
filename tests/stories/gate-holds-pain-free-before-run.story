# title: morning holds at 1/10 do not stop the afternoon run
# protocol: 10.1 (only a session over the ceiling blocks); section 6 (isometrics may be done daily)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2
day 24: log rehab --exercise iso-bridge --sets 5 --hold-s 45 --pain-during 1
expect day 24: run allowed
expect day 24: minutes 10
