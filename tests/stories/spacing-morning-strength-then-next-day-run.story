# title: strength at 06:30, the run next day at 17:00: 34 hours apart, the run goes ahead
# protocol: 10.8 (24 h judged in hours when times are known)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0 --time 17:00
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1 --time 06:30
day 24: log pain --kind task --score 2
expect day 24: run allowed
expect day 24: minutes 10
