# title: readiness tests without the curl (no machine at home): not a pass; the full set passes
# protocol: 4 ("all must hold before the first run")
init --side right
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..23: log pain --kind task --score 2
day 8..22/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1
day 21: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --rest-pain 0
expect day 22: stage strength
expect day 22: run blocked
expect day 22: no-rule readiness.pass
day 23: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
day 24: log pain --kind task --score 2
expect day 24: stage return_to_run
expect day 24: run allowed
