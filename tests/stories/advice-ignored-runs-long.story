# title: prescribed 10 min, ran 40 min at 2/10: no jump to the distance run, and 48 h before hard loading
# protocol: 5 (never an arbitrary distance; long runs leave 48 h before the next hard loading); 6; 10.2
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2
expect day 24: minutes 10
# (felt great, kept going)
day 24: log run --minutes 40 --km 7 --pain-during 2
day 25: log pain --kind task --score 2
expect day 25: run blocked
expect day 25: rehab lacks prone-curl|hip-thrust|bridge-90|single-leg-bridge
expect day 25: rule run.over_prescription
day 26: log pain --kind task --score 2
expect day 26: minutes 0-15
expect day 26: no-rule run.step_up
