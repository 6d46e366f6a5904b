# title: both sides affected: symmetric but weaker than at the first test -> not ready to run
# protocol: 10.3 (each side at or above its first test + 10%, never below it); section 4
init --side both
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 20 --curl-10rm-left 30 --curl-10rm-right 30 --rest-pain 0
day 7..21: log pain --kind task --score 2
day 8..20/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
day 21: log test --drop-lunge-pain 0 --bridge-reps-left 18 --bridge-reps-right 18 --curl-10rm-left 27 --curl-10rm-right 27 --rest-pain 0
day 22: log pain --kind task --score 2
expect day 22: stage strength
expect day 22: run blocked
expect day 22: no-rule readiness.pass
