# title: 5/10 after a long meeting sitting: aggravator advice, and the next run does not step up
# protocol: 10.7 (sitting pain above the ceiling brings the aggravator advice and holds progression the next day)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 25: log pain --kind sitting --score 5 --note "two-hour board meeting"
day 26: log pain --kind task --score 2
expect day 26: rule aggravator.sitting
expect day 26: no-rule run.step_up
expect day 26: minutes 0-10
