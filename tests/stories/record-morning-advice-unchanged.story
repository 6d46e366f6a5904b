# title: what tendo said on the morning of day 24 stays what it said, whatever is logged on later days
# protocol: 10.9 (a day's prescription is computed from what was logged before that day)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2
expect day 24: run allowed
expect day 24: minutes 10
expect day 24: decision progress
# later days: a painful run and a flare
day 25: log pain --kind task --score 2 ; log run --minutes 25 --pain-during 6 --pain-after 7
day 26..28: log pain --kind task --score 6 ; log pain --kind rest --score 3
expect day 24: run allowed
expect day 24: minutes 10
expect day 24: decision progress
