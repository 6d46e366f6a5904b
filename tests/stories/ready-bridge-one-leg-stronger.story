# title: left leg much stronger in single-leg bridges (25 vs 18 reps, LSI 72%): no running until symmetric
# protocol: 4 (single-leg bridge reps equal left and right, LSI >= 90%)
init --side right
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..29: log pain --kind task --score 2
day 8..28/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise single-leg-bridge --side right --sets 3 --reps 12 --pain-during 0
day 21: log test --drop-lunge-pain 0 --bridge-reps-left 25 --bridge-reps-right 18 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
expect day 22: stage strength
expect day 22: run blocked
expect day 22: rule readiness.fail.symmetry
day 29: log test --drop-lunge-pain 0 --bridge-reps-left 25 --bridge-reps-right 23 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
day 30: log pain --kind task --score 2
expect day 30: stage return_to_run
expect day 30: run allowed
