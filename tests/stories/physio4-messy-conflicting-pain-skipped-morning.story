# title: one messy day in return to run: task 2, run at 2/10, pain after 4, sitting pain 4 at night; no morning score next day (gym instead), then the morning after that is raised to 4: no step up, a step back, aggravator advice
# protocol: 10.1 (pain after over the ceiling needs a settled morning since; a missing morning is unknown); 10.2 (2/10 during holds the step); 10.7 (sitting pain above the ceiling holds progression); 2 and 6 (a raised/flared morning makes the next session of every kind easier, one step back)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 26: minutes 15
# day 26: the messy day. Morning fine; 15-min run at 2/10, a standalone "during" of 1 from the watch app,
# pain after 4/10 in the evening, then 3 hours on the sofa with sitting pain 4/10
day 26: log run --minutes 15 --pain-during 2 --pain-after 4 ; log pain --kind during --score 1 ; log pain --kind sitting --score 4 --note "sofa, film"
# day 27: slept in, no morning score; evening gym session as usual
expect day 27: run blocked
expect day 27: rule aggravator.sitting
day 27: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 2
# day 28: monitoring task 4/10 (usual 2): raised after a skipped morning
day 28: log pain --kind task --score 4 ; log pain --kind rest --score 0
expect day 28: rule pain.morning.flare|pain.morning.raised
expect day 28: no-rule run.step_up
# a run, if any, is a step back from 15 (at most 10); never 20
expect day 28: minutes 0-10
# day 29-30: mornings back to 2/10
day 29..30: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 30: minutes 0-10
expect day 30: no-rule run.step_up
# silent (seen in this story): on the flare morning (day 28) the isometric dose is "2 x 30 s hold, gentle",
# below the usual 4 x 45 s; isometrics are the pain-relief tool (section 6; seed 004: 2-5 min a day)
