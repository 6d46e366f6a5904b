# title: a 4-hour drive and hamstring stretches at the hotel the same day: both named, the next run held at its step (not blocked), progression resumes after
# protocol: 10.7 (3 h of driving in one go, and hamstring stretching, each bring the aggravator advice and hold progression the next day)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 25: log aggravator --kind driving --hours 4 ; log aggravator --kind stretching
day 26: log pain --kind task --score 2
expect day 26: rule aggravator.sitting|aggravator.driving
expect day 26: rule aggravator.stretching
expect day 26: no-rule run.step_up
expect day 26: run allowed
expect day 26: minutes 10
day 26: log run --minutes 10 --pain-during 0
day 27: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 28: log pain --kind task --score 2
expect day 28: no-rule aggravator.*
expect day 28: minutes 15
expect day 28: rule run.step_up
