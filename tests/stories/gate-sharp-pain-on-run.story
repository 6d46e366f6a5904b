# title: a sharp twinge during a run: running goes back to stage 1, and comes back only after the restart
# protocol: 10.1 (no sharp pain not followed by the stage-1 restart); section 2 (sharp pain: back to stage 1 for that activity)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# (sharp at the sit bone, stopped)
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 4 --sharp
day 25: log pain --kind task --score 3
expect day 25: run blocked
expect day 25: rule pain.sharp.regress
# the restart: a settled week of holds, two weeks of strength, readiness tests again
day 25: log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 26..31: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; expect: run blocked ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 32..46: log pain --kind task --score 2
day 33..45/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1
day 46: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
day 47: log pain --kind task --score 2
expect day 47: run allowed
expect day 47: minutes 5-10
