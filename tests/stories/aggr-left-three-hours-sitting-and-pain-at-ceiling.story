# title: left-sided desk worker: three hours sat in one go counts (the next run holds), sitting pain of 3/10 - at the ceiling, not above it - does not
# protocol: 10.7 (3 hours (setting) of sitting in one go, or sitting pain above the ceiling, hold progression the next day)
include common/ready-left.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 17.5 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 22.5 --rpe 6 --pain-during 0
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 17.5 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 22.5 --rpe 6 --pain-during 0
# (a three-hour planning meeting)
day 25: log sitting --hours 3
day 26: log pain --kind task --score 2
expect day 26: rule aggravator.sitting
expect day 26: no-rule run.step_up
expect day 26: run allowed
expect day 26: minutes 10
day 26: log run --minutes 10 --pain-during 0
day 27: log pain --kind task --score 2 ; log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 17.5 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 22.5 --rpe 6 --pain-during 0
day 27: log pain --kind sitting --score 3 --note "train home, 50 min"
day 28: log pain --kind task --score 2
expect day 28: no-rule aggravator.sitting
expect day 28: run allowed
expect day 28: minutes 15
