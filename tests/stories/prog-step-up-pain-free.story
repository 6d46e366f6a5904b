# title: the textbook climb: 5, 10, 15, 20 min, pain-free runs and settled mornings, a rest day between
# protocol: 4 (first run a 5-10 min test, flat or treadmill); 5 and 10.2 (+5 min after a pain-free run and a settled morning); 10.8
include common/ready-right.inc
day 22: log pain --kind task --score 2
expect day 22: stage return_to_run
expect day 22: decision start
expect day 22: run allowed
expect day 22: minutes 5-10
expect day 22: rule run.first_test
expect day 22: json j['run']['terrain'] in ('flat', 'treadmill')
day 22: log run --minutes 5 --pain-during 0 --terrain treadmill
day 23: log pain --kind task --score 2
expect day 23: run blocked
day 23: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2
expect day 24: run allowed
expect day 24: minutes 10
expect day 24: rule run.step_up
expect day 24: rehab lacks prone-curl|hip-thrust|bridge-90|adductor
day 24: log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2
expect day 26: minutes 15
# 1/10 during is the pain-free level (setting painfree_max)
day 26: log run --minutes 15 --pain-during 1
day 27: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 22 --rpe 7 --pain-during 1
day 28: log pain --kind task --score 2
expect day 28: run allowed
expect day 28: minutes 20
