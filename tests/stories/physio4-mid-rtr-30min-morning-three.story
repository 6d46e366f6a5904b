# title: arrives from a physio already running 30 min x 3 a week, morning task stable at 3/10: starts in return to run at 30 min, 3/10 is her baseline (no flare), weekly growth about 10% after a held first week; a 5/10 morning is a flare
# protocol: 11 (start at the current step with a passing test on day 1; first week holds); 10.6 (usual morning level forms from the first week, even high); 5 and 10.2 (weekly growth ~10% once >= 30 min); 2 (flare)
init --side left --stage return_to_run --run-step 30 --week-min 90 --cleared-by "A. Patel, physio"
day 0: log pain --kind task --score 3 ; log pain --kind rest --score 0
day 0: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 21 --curl-10rm-left 27.5 --curl-10rm-right 30 --rest-pain 0
expect day 0: stage return_to_run
expect day 0: rule readiness.pass
expect day 1..6: no-rule pain.morning.flare|pain.morning.raised
day 1..13: follow --task 3 --rpe 5
# the first week holds at the declared 30 min x 3 (90), the second grows at most 10%
expect week 0: run-minutes 60-90
expect week 1: run-minutes 60-99
expect runs 0..13: rise at most 5
day 14: log pain --kind task --score 5 ; log pain --kind rest --score 0
expect day 14: rule pain.morning.flare
expect day 14: no-rule run.step_up
expect day 14: minutes 0-25
# the flare makes the next session of every kind easier (sections 2 and 6): the next strength
# session no harder than the last (3 x 8; isometric holds for relief are not strength work), the next run a step back
day 15: log pain --kind task --score 3
expect day 15: no-rule pain.morning.flare
expect day 15: json all((x.get('sets') or 0) <= 3 for x in j['rehab'] if x.get('kind') != 'isometric')
day 15: follow --rpe 5
day 16: log pain --kind task --score 3
# the first run after the flare (day 15 or 16, as the days fall) is a step back from the last run (33 min)
expect any day 15,16: rule run.step_back
expect day 15..16: minutes 0-28
day 16: follow --rpe 5
day 17..20: follow --task 3 --rpe 5
expect week 2: run-minutes 0-109
