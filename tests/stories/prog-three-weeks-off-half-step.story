# title: three weeks off running (holiday) at the 20 min step: restart at about half, not at the old step
# protocol: 10.2 (after 14 days without running restart at about half the last step)
include common/ready-right.inc
day 22..29: log pain --kind task --score 2
day 23..29/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 22: log run --minutes 5 --pain-during 0
day 24: log run --minutes 10 --pain-during 0
day 26: log run --minutes 15 --pain-during 0
day 28: log run --minutes 20 --pain-during 0
# away days 30-48: nothing logged; home on day 49, strength that day
day 49: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 18 --rpe 6 --pain-during 0
day 50: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 50: run allowed
expect day 50: minutes 10-13
expect day 50: no-rule run.step_up
