# title: hamstring stretches in a yoga class: logged as an aggravator, progression held the next day
# protocol: 10.7 (stretching counts the same way); 3 (avoid stretching the hamstring in stages 1-2)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
# (yoga, forward folds)
day 25: log pain --kind task --score 2 ; log aggravator --kind stretching
day 26: log pain --kind task --score 2
expect day 26: rule aggravator.*
expect day 26: no-rule run.step_up
expect day 26: minutes 0-10
