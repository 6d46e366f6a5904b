# title: a right-sided runner whose left starts to hurt in week 3 (profile switched to both): the day-21 test is now the first bilateral test, so running waits until each side is 10% above it
# protocol: 10.3 (both sides: each side at or above its first test + 10%, never below); 4 (bilateral: compare with the earlier values); 10.2 (loads per side)
init --side right
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..19: log pain --kind task --score 2
day 8..18/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
# day 20: the left sit bone now aches too after the bridge; the physio says treat both sides
tendo: profile --side both
day 20: log pain --kind task --score 2 --note "left now too" ; log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 2 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1
day 21: log pain --kind task --score 2 ; log test --drop-lunge-pain 0 --bridge-reps-left 18 --bridge-reps-right 19 --curl-10rm-left 28 --curl-10rm-right 29 --rest-pain 0
# symmetric, but nothing to show it is restored: both sides are affected now
expect day 22: stage strength
expect day 22: run blocked
expect day 22: no-rule readiness.pass
day 22..36: log pain --kind task --score 2
day 22..34/2: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1
# day 35: left curl 31 (+10.7%), right 32 (+10.3%), bridges 20 and 21 (+11%, +10.5%)
day 35: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 21 --curl-10rm-left 31 --curl-10rm-right 32 --rest-pain 0
expect day 36: stage return_to_run
expect day 36: run allowed
expect day 36: minutes 5-10
