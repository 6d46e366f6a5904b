# title: no morning score the day after a run (slept in), one two days later: the step holds, no +5
# protocol: 10.1 (no morning score means the response is unknown, not settled); 5 (+5 needs no raised morning)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
# day 25: slept in, no morning score; the evening gym session is logged
day 25: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2
expect day 26: no-rule run.step_up
expect day 26: run allowed
expect day 26: minutes 5-10
