# title: 3/10 and 2/10 during hold the step; only a pain-free run earns +5
# protocol: 10.2 (+5 min only after pain during at the pain-free level; pain at the ceiling but within it holds)
include common/ready-right.inc
day 22..31: log pain --kind task --score 2
day 23..31/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 22: log run --minutes 5 --pain-during 0
day 24: log run --minutes 10 --pain-during 3
expect day 26: run allowed
expect day 26: minutes 10
expect day 26: no-rule run.step_up
day 26: log run --minutes 10 --pain-during 2
expect day 28: minutes 10
expect day 28: no-rule run.step_up
day 28: log run --minutes 10 --pain-during 1
expect day 30: minutes 15
