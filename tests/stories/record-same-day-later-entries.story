# title: day 24's advice asked again days later is still that morning's: the painful long run and evening rest pain logged later that day do not rewrite it
# protocol: 10.9 (a day's prescription is computed from what was logged before that day; logging later that day never rewrites that morning's record)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2
expect day 24: run allowed
expect day 24: minutes 10
expect day 24: rule run.step_up
# that evening: went for 25 min, it hurt, then it ached on the sofa
day 24: log run --minutes 25 --pain-during 6 --pain-after 6 --time 18:00 ; log pain --kind rest --score 4 --note "evening on the sofa"
day 25: log pain --kind task --score 5
expect day 25: run blocked
# the record of day 24 is unchanged
expect day 24: run allowed
expect day 24: minutes 10
expect day 24: rule run.step_up
expect day 24: no-rule pain.today.over_ceiling|pain.rest.present|pain.morning.flare
