# title: a week away with nothing logged at all, then back: running resumes at the step, not halved, not skipped ahead
# protocol: 10.2 (halving only after 14 days without running; +5 per good run); 10.1
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2 ; log run --minutes 15 --pain-during 0
day 27: log pain --kind task --score 2
# away days 28-34, no logs; back on day 35
day 35: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 36: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 36: run allowed
expect day 36: minutes 15-20
