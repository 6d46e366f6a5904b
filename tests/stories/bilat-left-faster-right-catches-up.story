# title: both legs affected, the left recovering faster: per-leg curl loads from each leg's own log; running once the slower right leg too is 10% above its first test, symmetry or not
# protocol: 10.3 (each side at or above its first test + 10%); 4 (bilateral: compare with the earlier values instead of left with right); 10.2 (loads per side, +5% a session)
init --side both
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7: log test --drop-lunge-pain 0 --bridge-reps-left 18 --bridge-reps-right 15 --curl-10rm-left 25 --curl-10rm-right 20 --rest-pain 0
day 7..30: log pain --kind task --score 2
day 8..20/2: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 18.75 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 15 --rpe 7 --pain-during 1
# left +12% on the curl and +11% on the bridge; right only +5% and +7%
day 21: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 16 --curl-10rm-left 28 --curl-10rm-right 21 --rest-pain 0
expect day 22: stage strength
expect day 22: run blocked
expect day 22: no-rule readiness.pass
# each leg from its own log: left 18.75 (+5% = 19.69, in plates 18.75), right 15 (+5% = 15.75, in plates 15)
expect any day 22..23: load prone-curl@left 18.75-19.6
expect any day 22..23: load prone-curl@right 15-15.75
day 23..27/2: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 18.75 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 15 --rpe 7 --pain-during 1
# right now +12.5% curl, +20% bridge; left still well ahead (curl 22.5/28 = 80%, bridge 18/21 = 86%)
day 29: log test --drop-lunge-pain 0 --bridge-reps-left 21 --bridge-reps-right 18 --curl-10rm-left 28 --curl-10rm-right 22.5 --rest-pain 0
expect day 30: stage return_to_run
expect day 30: run allowed
expect day 30: minutes 5-10
