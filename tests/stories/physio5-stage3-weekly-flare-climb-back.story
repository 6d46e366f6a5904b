# title: stage 3 in weekly growth (about 30 min a run, 4 runs a week): one flare after a run, then pain-free again: the next run is a real step back, the week after the flare is not a catch-up week, and the climb back stays within 10% a week with no strides for 14 days
# protocol: 2 (raised morning -> next session much easier); 6 (a flare makes every session easier); 10.2 (week-on-week within 10%, no catch-up weeks); 10.4 (speed, hills, strides, plyometrics withheld 14 days after a raised morning)
include common/stage3-arrival.inc
day 28..36: follow --task 2 --rpe 5
# day 37 (Tuesday of week 5): the task is 5/10 against her usual 2 -- a flare; no rest pain
day 37: log pain --kind task --score 5 ; log pain --kind rest --score 0
expect day 37: rule pain.morning.flare
expect day 37: no-rule run.step_up
# the next run is much easier than the runs before the flare (they were about 30 min)
expect day 37: minutes 0-25
expect day 37: json not (j['run'] or {}).get('advised')
day 37: follow --rpe 5
day 38: log pain --kind task --score 3 ; log pain --kind rest --score 0
expect day 38: no-rule run.step_up
# the morning is still raised (3/10) the day after the flare: the run is one step back (section 2: 5 min)
# from the run before the flare (44 min; the runs of the weeks before climbed 30 -> 43 evenly)
expect day 38: minutes 0-39
day 38: follow --rpe 5
day 39..70: follow --task 2 --rpe 5
# no strides, hills or plyometrics within 14 days of the flare
day 39..50: expect: json not (j['run'] or {}).get('advised')
day 39..50: expect: rehab lacks skips|hops|bounds|pogo|plyo
# the flare week is lower; the following weeks climb back by at most 10% a week (no catch-up)
expect weeks 4..9: run-minutes within 10%
# single runs spread over the week: no run more than ~6 min over the one before (10.2: spread over the training days)
expect runs 39..70: rise at most 6
