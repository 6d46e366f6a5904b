# title: a 4-hour drive in one go the day before a run: aggravator advice, no step up
# protocol: 10.7 (3 hours of sitting or driving in one go holds progression the next day; seed 003: Goom's 4-hour drive)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# (to the wedding, no stops)
day 25: log aggravator --kind driving --hours 4
day 26: log pain --kind task --score 2
expect day 26: rule aggravator.*
expect day 26: no-rule run.step_up
expect day 26: minutes 0-10
