# title: stage 2 then 2b: a raised morning the day after a curl session makes the next curl session one step back (2 sets, ~20% lighter), only once; in return to run a flare the day after strength work holds the run and steps the next strength session back
# open: 3, 2: after the step backs the curl stays at 15 kg and then 11.25 kg for weeks ('same load, add a rep (the next plate is over the cap)') while the sets x reps still read 3 x 8: with 1.25 kg plates a +5% cap never allows a rise below 25 kg; the step back is -25% (20 -> 15) though the text says -20%
# protocol: 2 (raised next morning -> next session of that kind much easier, go back one step); 6 (a flare makes the next session of every kind easier); 3 (HSR every 48 h); 10.2 (loads rise at most 5% a session)
init --side right
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..12: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 8,10,12: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
# day 13: the morning after the day-12 curls the task is 3/10 (usual 2): raised, not a flare
day 13: log pain --kind task --score 3 ; log pain --kind rest --score 0
expect day 13: rule pain.morning.raised|pain.morning.flare
expect day 13: stage strength
day 13: log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 14: log pain --kind task --score 2 ; log pain --kind rest --score 0
# the next curl session is one step back: ~20% lighter than 20 kg, not 20-21 kg
expect day 14: rule rehab.step_back
expect day 14: load prone-curl 15-17.5
day 14: follow --rpe 6
day 15: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 16: log pain --kind task --score 2 ; log pain --kind rest --score 0
# the step-back session was followed by a settled morning: back to the usual load, no second step back,
# and not above 20 kg x 1.05 either
expect day 16: no-rule rehab.step_back
expect day 16: load prone-curl 15-21
day 16..20: follow --task 2 --rpe 7
day 21: log pain --kind task --score 2 ; log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
day 22..23: follow --task 2 --rpe 6
# check where we are: runs and strength alternate
expect status day 23: json j['stage'] in ('return_to_run','strength')
# day 24: flare the morning after strength work (the day-22 run had a settled morning on day 23)
day 24: log pain --kind task --score 5 ; log pain --kind rest --score 0
expect day 24: rule pain.morning.flare
expect day 24: no-rule run.step_up
expect day 24: minutes 0-5
day 24: follow --rpe 6
day 25: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 25: follow --rpe 6 --task 2
day 26: log pain --kind task --score 2
expect day 26: rule rehab.step_back
day 26: follow --rpe 6
# from here all is settled for four weeks: the curl load climbs back towards the 20 kg she tolerated
# (section 3: HSR load goes up over the weeks; section 2: within limits the activity may progress)
day 27..60: expect any: json any(r['exercise']=='prone-curl' and (r.get('kg') or 0) >= 16 for r in j['rehab']) ; follow --task 2 --rpe 6
