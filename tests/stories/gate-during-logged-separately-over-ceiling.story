# title: the run's 5/10 was logged separately ("log pain --kind during") on the run's day: no step up
# protocol: 10.1 (a during report on a day with a run is that run's pain); section 2 (over the ceiling during: go back one step)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# the watch synced the run; the pain went in afterwards from the phone
day 24: log pain --kind task --score 2 ; log run --minutes 10 ; log pain --kind during --score 5 --note "last km of the run"
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2
expect day 26: no-rule run.step_up
expect day 26: minutes 0-5
