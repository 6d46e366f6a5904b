# title: return to run: runs on the strength days and ~40% longer than prescribed, drops the curls for two weeks, flares, runs through the flare, then complies: no reward for the overruns, the flare stops running, the curl restarts at 85% and climbs back to the 20 kg it was
# open: 3, 10.2: after the 85% restart the curl stays at 16.25 kg from day 35 to day 70 ('same load: one plate is +8%, over the 5% cap'), never back to the 20 kg he lifted (a protocol decision: 10.2's 5% cap with 1.25 kg plates forbids any rise under 25 kg)
# protocol: 5 and 10.2 (+5 from the prescribed step, never an arbitrary distance); 6 and 10.8 (24 h from strength work to a run; runs and strength alternate); 2 and 10.1 (raised morning holds, flare stops running, over the ceiling -> one step back); 10.5 (flare isometrics); 10.2 (85% after 14 days without strength; loads rise again)
include common/ready-right.inc
# day 22: the first run, as prescribed
day 22: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log run --minutes 5 --pain-during 0
# day 23 was a strength day; he runs instead (10 min, fine)
day 23: log pain --kind task --score 2
expect day 23: run blocked
day 23: log run --minutes 10 --pain-during 0 --rpe 4
day 24: log pain --kind task --score 2
# no reward for the extra run: at most the next step on tendo's ladder (10)
expect day 24: minutes 0-10
day 24: log run --minutes 15 --pain-during 1 --rpe 5
# strength day again, runs again, a bit sore at the end
day 25: log pain --kind task --score 2
expect day 25: run blocked
expect day 25: rule run.over_prescription
day 25: log run --minutes 15 --pain-during 2 --rpe 5
day 26: log pain --kind task --score 2
expect day 26: minutes 0-15
expect day 26: no-rule run.step_up
day 26: log run --minutes 22 --pain-during 2 --rpe 6
day 27: log pain --kind task --score 2
day 27: log run --minutes 20 --pain-during 3 --rpe 6
day 28: log pain --kind task --score 2
# pain at the ceiling on the last run: the step holds (10.2), and never the 20-22 he chose
expect day 28: minutes 0-15
expect day 28: no-rule run.step_up
day 28: log run --minutes 28 --pain-during 3 --pain-after 3 --rpe 7
# day 29: task 3/10 (usual 2): raised; no rest pain
day 29: log pain --kind task --score 3 ; log pain --kind rest --score 0
expect day 29: rule pain.morning.raised|pain.morning.flare
expect day 29: no-rule run.step_up
expect day 29: run blocked
# runs anyway and it hurts (4/10, over the ceiling)
day 29: log run --minutes 25 --pain-during 4 --rpe 7
# day 30: flare (5/10), rest 1/10 (at the pain-free level)
day 30: log pain --kind task --score 5 ; log pain --kind rest --score 1
expect day 30: run blocked
expect day 30: rule pain.morning.flare
expect day 30: rehab has iso-bridge|iso-curl|iso-bridge-single
# silent (10.5 names a relieving dose for long flares): a physio gives the holds at a useful dose on any flare day
# (2-5 min in all). tendo gives 'iso-bridge 2 x 30 s hold, body weight, gentle' (1 min): a token dose; silent, so not an expectation:
# expect day 30: json sum((x.get('sets') or 0) * (x.get('hold_s') or 0) for x in j['rehab'] if x.get('kind') == 'isometric') >= 120
day 30: log rehab --exercise iso-bridge --sets 3 --hold-s 30 --pain-during 2
day 31: log pain --kind task --score 5 ; log pain --kind rest --score 0
expect day 31: run blocked
# runs anyway, 15 min at 4/10
day 31: log run --minutes 15 --pain-during 4 --rpe 6
day 32: log pain --kind task --score 4 ; log pain --kind rest --score 0
expect day 32: run blocked
day 33: log pain --kind task --score 3 ; log pain --kind rest --score 0
expect day 33: no-rule run.step_up
day 33: log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 1
day 34: log pain --kind task --score 2 ; log pain --kind rest --score 0
# settled again after a flare and two runs over the ceiling: a real step back from the best tendo
# ever prescribed (15), or running paused (10.5)
expect day 34..35: minutes 0-10
expect day 34..35: no-rule run.step_up
# from here he does what tendo says
day 34: follow --rpe 6
# the curl was last done on day 20: more than 14 days, so it restarts at 85% of 20 kg (17 -> 16.25-17)
day 35..37: log pain --kind task --score 2 ; expect any: load prone-curl 16.25-17 ; follow --rpe 6
day 38..59: follow --task 2 --rpe 6
# the light restart load climbs back to the 20 kg he tolerated within five weeks of compliance
day 60..70: log pain --kind task --score 2 ; expect any: load prone-curl 18.75-22 ; follow --rpe 6
# the runs climb back step by step (+5 at most)
expect runs 34..70: rise at most 6
