# title: a plain morning score on days the monitoring task was skipped counts as the 24-hour response; when both are logged the task is the one that counts
# protocol: 2 (the daily monitoring task is preferred to a plain morning score when both exist); 10.1 (a missing morning is unknown; a plain one is not missing); 5
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
# no bridges these two mornings, just "how does it feel"
day 23: log pain --kind morning --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind morning --score 2
expect day 24: run allowed
expect day 24: minutes 10
expect day 24: rule run.step_up
day 24: log run --minutes 10 --pain-during 0
# the plain score says 2, the three bridges say 4
day 25: log pain --kind morning --score 2 ; log pain --kind task --score 4
expect day 25: rule pain.morning.flare|pain.morning.raised
expect day 25: no-rule pain.morning.settled
day 26: log pain --kind task --score 2
expect day 26: no-rule run.step_up
expect day 26: minutes 0-5
