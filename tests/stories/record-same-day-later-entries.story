# title: a day's advice asked again later is still that morning's: neither the prescribed run done with "tendo done" nor a painful long run and evening rest pain logged later that day rewrite it
# protocol: 10.9 (a day's prescription is computed from what was logged before that day; logging later that day never rewrites that morning's record)
include common/ready-right.inc
day 22: log pain --kind task --score 2
expect day 22: run allowed
expect day 22: minutes 5-10
# does exactly that ("tendo done"): the record of day 22 still shows the run that was advised
day 22: done --pain-during 0 --rpe 4
# the same day, seen now: done, with the advice kept (nothing more to run today)
expect day 22: json j['done']['run'] and j['done']['run_min'] == j['run']['advised'] and 5 <= j['run']['advised'] <= 10
day 23: log pain --kind rest --score 0
# the next day, the record of day 22 is the morning's advice, then what was done
expect day 22: run allowed
expect day 22: minutes 5-10
expect day 22: json j['done']['run'] and j['done']['run_min'] == j['run']['minutes']
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2
expect day 24: run allowed
expect day 24: minutes 10
expect day 24: rule run.step_up
# that evening: went for 25 min, it hurt, then it ached on the sofa
day 24: log run --minutes 25 --pain-during 6 --pain-after 6 --time 18:00
# (the ache on the sofa is logged as the next morning's rest pain: a rest score carries no
# time of day, so the day's own rest reports count as known that morning, the safer reading
# of PROTOCOL.md 10.1 "no pain at rest today or yesterday")
day 25: log pain --kind rest --score 4 --note "aching on the sofa last night"
day 25: log pain --kind task --score 5
expect day 25: run blocked
# the record of day 24 is unchanged
expect day 24: run allowed
expect day 24: minutes 10
expect day 24: rule run.step_up
expect day 24: no-rule pain.today.over_ceiling|pain.rest.present|pain.morning.flare
