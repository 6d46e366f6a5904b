# title: return to run: night pain logged in the morning, seen by the GP and cleared the same afternoon: no seek-care the next days, but no jump: the run after the episode is not longer than the last one
# open: 7 (silent on after clearance), 10.1 (rest pain holds the running step and the minutes): after a same-day clearance tendo restarts from stage 1 ('redflag.cleared: cleared by a clinician on 2026-02-04: restarted from stage 1'): no running for weeks, and it then calls the day-29 prone curls 'too early, in settle' and shows the old rest pain 3/10 as current
# protocol: 7 (night pain not eased by rest is a red flag; tendo stops prescribing and says see a clinician, until cleared); 10.1 (pain at rest or night pain today or yesterday holds running); 2
include common/ready-right.inc
day 22..29: follow --task 2 --rpe 5
day 30: log pain --kind task --score 2 ; log pain --kind rest --score 3 --note "woke at 3am with a deep ache" ; log flag --kind night-pain
expect day 30: decision seek_care
expect day 30: run blocked
day 30: log flag --kind cleared
# same day, after the clearance: still no run today (rest pain 3/10 this morning, 10.1)
expect day 30: run blocked
expect day 30: no-rule redflag.night_pain
day 31: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 31: no-rule redflag.night_pain
expect day 31: json j['decision'] != 'seek_care'
# rest pain yesterday (night pain): still no run on day 31 (10.1: today or yesterday)
expect day 31: run blocked
day 32: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect any day 32..33: run allowed
expect day 32..33: minutes 0-15
