# title: a day's advice asked again later is still that morning's: neither the prescribed run done with "tendo done" nor a painful long run and evening rest pain logged later that day rewrite it
# protocol: 10.9 (a day's prescription is computed from what was logged before that day; logging later that day never rewrites that morning's record)
# open: 10.9: asked again later, a past day's today shows what was logged later that day instead of the morning's advice (after "tendo done" day 22 reads run blocked; day 24 reads run blocked with pain.today.over_ceiling and pain.rest.present from that evening's entries)
include common/ready-right.inc
day 22: log pain --kind task --score 2
expect day 22: run allowed
expect day 22: minutes 5-10
# does exactly that ("tendo done"): the record of day 22 still shows the run that was advised
day 22: done --pain-during 0 --rpe 4
expect day 22: run allowed
expect day 22: minutes 5-10
expect day 22: json j['done']['run'] and j['done']['run_min'] == j['run']['minutes']
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
