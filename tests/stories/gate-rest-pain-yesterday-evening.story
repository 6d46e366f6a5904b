# title: rest pain the evening before blocks today's run; 1/10 at rest counts as pain-free
# protocol: 10.1 (today or yesterday; "above the pain-free level", setting painfree_max = 1)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 23: log pain --kind rest --score 4 --note "evening, on the sofa"
day 24: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 24: run blocked
expect day 24: rule pain.rest.present
# a 1/10 at rest on both of the next days is at the pain-free level
day 25: log pain --kind task --score 2 ; log pain --kind rest --score 1
day 26: log pain --kind task --score 2 ; log pain --kind rest --score 1
expect day 26: run allowed
expect day 26: minutes 5-10
expect day 26: no-rule pain.rest.present
