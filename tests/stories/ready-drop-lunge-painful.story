# title: readiness tests with a painful drop lunge (3/10): not yet; pain-free four days later: the first run
# protocol: 4 (pain-free unweighted drop lunge on the painful leg); first run 5-10 min
init --side right
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..25: log pain --kind task --score 2
day 8..24/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
day 21: log test --drop-lunge-pain 3 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
expect day 22: stage strength
expect day 22: run blocked
expect day 22: rule readiness.fail.pain
day 25: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
day 26: log pain --kind task --score 2
expect day 26: stage return_to_run
expect day 26: run allowed
expect day 26: minutes 5-10
