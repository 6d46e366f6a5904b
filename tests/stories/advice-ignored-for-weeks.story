# title: doubles the minutes, runs on flare mornings, drops the strength work for weeks: the advice stays safe and never rewards it
# protocol: 5 and 10.2 (+5 min a run from the prescribed step, never an arbitrary distance); 2 and 10.1 (a flare: no running until it settles; over the ceiling: one step back); 10.5; 10.2 (85% after 14 days without strength work)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
# from here on no strength work at all (last curls on day 20)
day 23: log pain --kind task --score 2
day 24: log pain --kind task --score 2
# (a run may wait for the skipped strength day: runs and strength alternate, seed 003)
expect day 24: minutes 0-10
# doubles it, pain-free
day 24: log run --minutes 20 --pain-during 0
day 25..26: log pain --kind task --score 2
# at most one step above the 10 he was due, never a step from the 20 he chose (or no run while the strength day is owed)
expect day 26: minutes 0-15
day 26: log run --minutes 30 --pain-during 1
day 27..28: log pain --kind task --score 2
expect day 28: minutes 0-20
day 28: log run --minutes 40 --pain-during 3
# a flare the next morning (5/10, usual 2/10)
day 29: log pain --kind task --score 5
expect day 29: run blocked
expect day 29: rule pain.morning.flare
# runs anyway, and it hurts
day 29: log run --minutes 20 --pain-during 5
day 30: log pain --kind task --score 5
expect day 30: run blocked
day 30: log run --minutes 15 --pain-during 4
day 31: log pain --kind task --score 3
expect day 31: run blocked
day 32..34: log pain --kind task --score 2
# settled again: at least a step back from the last prescribed step (at most 20), or running paused
# after three bad mornings in a row (10.5); never a step up
expect day 32..34: minutes 0-15
expect day 32..34: no-rule run.step_up
# 14 days and more without strength work: the curl restarts at 85% of the 20 kg last done (17 kg, plates of 1.25 kg)
day 35..38: log pain --kind task --score 2 ; expect any: load prone-curl 16.25-17
