# title: 8/10 pain after a run, then no morning score logged: the next run waits
# protocol: 10.1 (after pain above the ceiling, a settled morning must be logged since; no score is not "settled")
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 1 --pain-after 8
# a busy couple of days: no morning score on day 25 or 26; the gym session on day 25 is logged
day 25: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
expect day 26: run blocked
expect day 26: minutes 0
expect day 26: no-rule run.step_up
# a settled morning at last, strength the same day, then the run day
day 27: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 22 --rpe 7 --pain-during 1
day 28: log pain --kind task --score 2
expect day 28: run allowed
expect day 28: minutes 5-10
