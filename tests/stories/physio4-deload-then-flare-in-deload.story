# title: return to run: flares after the 20-min and then the 15-min run (a deload), then a third flare in the middle of the deload: nothing climbs during it, and the climb back afterwards is step by step
# protocol: 2 (repeated flare-ups: deload 1-2 weeks then ease back; a raised morning makes the next session easier); 6 (a flare makes every session easier); 10.2 (after a deload restart at the deload level, climb back step by step); 10.5 (repeated trouble escalates)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2 ; log run --minutes 15 --pain-during 0
day 27: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 28: log pain --kind task --score 2 ; log run --minutes 20 --pain-during 1
# flare 1
day 29: log pain --kind task --score 5 ; log pain --kind rest --score 0
expect day 29: rule pain.morning.flare
expect day 29: minutes 0-15
day 30..32: follow --task 2 --rpe 6
# flare 2, within 14 days of the first: a deload
day 33: log pain --kind task --score 5 ; log pain --kind rest --score 0
expect any day 33..35: decision deload
expect any day 33..35: rule deload.repeated_flares
day 33: follow --rpe 6
day 34..36: follow --task 2 --rpe 6
# flare 3, during the deload: nothing grows, and the deload does not end on schedule as if all were well
day 37: log pain --kind task --score 5 ; log pain --kind rest --score 0
expect day 37: rule pain.morning.flare
expect day 37: no-rule run.step_up
expect day 37: minutes 0-10
day 37: follow --rpe 6
day 38..44: follow --task 2 --rpe 6 ; expect: minutes 0-10
day 45..70: follow --task 2 --rpe 6
# step by step until growth turns weekly at 30 min (10.2)
expect runs 29..55: rise at most 5
# silent (seen in this story): once growth turns weekly, single runs go 26 -> 33 -> 36, then 19 the
# next day when stage 3 starts (days 66-67, back-to-back runs); 10.2 asks for the week to be
# spread over the training days, a physio would keep single runs near +5 min and not run 36 then 19 on consecutive days
