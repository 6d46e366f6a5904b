# title: a run in the afternoon after morning holds that hurt 6/10
# protocol: 10.1 (nothing earlier today went over the ceiling); section 2 (over the ceiling: the next session is made much easier)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2
# (morning holds, sharp ache by the 4th)
day 24: log rehab --exercise iso-bridge --sets 5 --hold-s 45 --pain-during 6
expect day 24: run blocked
expect day 24: minutes 0
expect day 24: no-rule run.step_up
