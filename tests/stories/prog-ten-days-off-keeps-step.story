# title: ten days off running (a cold) at the 20 min step: under 14 days, the step is kept
# protocol: 10.2 (the halving applies after 14 days without running; before that the normal rules)
include common/ready-right.inc
day 22..29: log pain --kind task --score 2
day 23..29/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 22: log run --minutes 5 --pain-during 0
day 24: log run --minutes 10 --pain-during 0
day 26: log run --minutes 15 --pain-during 0
day 28: log run --minutes 20 --pain-during 0
# a cold: a few mornings logged, no training on days 30-37
day 31,33,35: log pain --kind task --score 2
day 37: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 38: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 38: run allowed
expect day 38: minutes 20-25
