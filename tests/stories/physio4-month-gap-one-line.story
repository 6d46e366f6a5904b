# title: return to run at 20 min, then five weeks with nothing logged at all, then one morning score: half the last step (about 10 min) and strength loads at 85%, never the old step
# protocol: 10.2 (after 14 days without running restart at about half the last step; after 14 days without strength work loads restart at 85%); 10.1; 7 (12 weeks without improvement counts well-run rehab, not an empty log)
include common/ready-right.inc
day 22..41: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 22: log run --minutes 5 --pain-during 0
day 24: log run --minutes 10 --pain-during 0
day 26: log run --minutes 15 --pain-during 0
day 28..40/2: log run --minutes 20 --pain-during 1
day 23..41/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# day 42-76: nothing. Day 77: one line.
day 77: log pain --kind task --score 2
expect day 77: stage return_to_run|strength
expect day 77: no-rule pain.morning.flare
expect day 77: no-rule redflag.no_improvement
expect day 77: run allowed
expect day 77: rule run.after_gap
# she held the 20-min step (prescribed 25, ran 20 at 1/10): about half of it is 10, not 5
expect day 77: minutes 10-13
# then she follows tendo again; the first strength day: 85% of 21 kg = 17.85, at most 17.5 in 1.25 kg plates
day 77: follow --rpe 5
day 78..80: follow --task 2 --rpe 5 ; expect if rehab has prone-curl: load prone-curl 12.5-17.85
expect runs 77..80: rise at most 5
