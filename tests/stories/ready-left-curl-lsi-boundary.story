# title: left-sided: curl LSI 26/30 = 87% fails; a week later 27/30 = 90% exactly passes, with the bridge at 18/20 = 90% too
# protocol: 4 (prone curl and single-leg bridge LSI = weaker/stronger >= 90%; first run 5-10 min, flat); 10.2 (the affected side's curl load from its own log)
init --side left
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..29: log pain --kind task --score 2
day 8..20/2: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 17.5 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 22.5 --rpe 6 --pain-during 0
day 21: log test --drop-lunge-pain 0 --bridge-reps-left 19 --bridge-reps-right 20 --curl-10rm-left 26 --curl-10rm-right 30 --rest-pain 0
expect day 22: stage strength
expect day 22: run blocked
expect day 22: rule readiness.fail.symmetry
# 17.5 kg + 5% = 18.375, in plates 17.5
expect any day 22..23: load prone-curl@left 17.5-18.375
day 23..27/2: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 17.5 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 22.5 --rpe 6 --pain-during 0
day 29: log test --drop-lunge-pain 0 --bridge-reps-left 18 --bridge-reps-right 20 --curl-10rm-left 27 --curl-10rm-right 30 --rest-pain 0
day 30: log pain --kind task --score 2
expect day 30: stage return_to_run
expect day 30: run allowed
expect day 30: minutes 5-10
expect day 30: rule readiness.pass
expect day 30: json j['run']['terrain'] in ('flat', 'treadmill')
