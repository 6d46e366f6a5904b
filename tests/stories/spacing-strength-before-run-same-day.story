# title: the runner does the curls in the morning of a run day: no run that afternoon; run days carry no strength work
# protocol: 10.8 (strength work never comes on the same day before a run); 6 (24 h from strength to a run)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2
expect day 24: run allowed
expect day 24: rehab lacks prone-curl|hip-thrust|bridge-90|single-leg-bridge|adductor|band-walk|clam
# (did it before work anyway)
day 24: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
expect day 24: run blocked
