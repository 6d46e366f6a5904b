# title: sharp pain in a prone curl set: no run the next day, rehab back to isometrics
# protocol: 10.1 (sharp pain in any activity, rehab included); section 2 (sharp pain: back to stage 1 for that activity)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 24 --rpe 9 --pain-during 4 --sharp
day 24: log pain --kind task --score 2
expect day 24: run blocked
expect day 24: rule pain.sharp.regress
expect day 24: rehab lacks prone-curl|hip-thrust|single-leg-bridge
