# title: heavy deadlifts at the gym in return to run: an aggravator, the next run does not step up
# protocol: 10.7 (heavy hip-flexion lifting counts the same way); 3 (avoid deep hip flexion under load in stages 1-2)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
# (deadlifts with a friend)
day 25: log pain --kind task --score 2 ; log aggravator --kind hip-flexion
day 26: log pain --kind task --score 2
expect day 26: rule aggravator.*
expect day 26: no-rule run.step_up
expect day 26: minutes 0-10
