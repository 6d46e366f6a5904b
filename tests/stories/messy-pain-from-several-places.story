# title: a plain morning score of 2/10 but the monitoring task at 5/10: the task wins, it is a flare
# protocol: 2 (the daily monitoring task is preferred to a plain morning score when both exist); 6 (a flare makes every session easier)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind morning --score 2 --note "woke up fine" ; log pain --kind task --score 5 --note "bridges hurt" ; log pain --kind rest --score 0
expect day 24: rule pain.morning.flare
expect day 24: run blocked
expect day 24: rehab lacks prone-curl|hip-thrust|bridge-90|single-leg-bridge
