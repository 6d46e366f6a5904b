# title: first test run after a readiness test that said rest 0 while a separate rest report that day said 4
# protocol: 10.1 (rest pain from any report, the readiness test's rest item included); section 4
init --side right
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..21: log pain --kind task --score 2
day 8..20/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
day 21: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
day 21: log pain --kind rest --score 4 --note "throbbing at my desk in the afternoon"
day 22: log pain --kind task --score 2
expect day 22: run blocked
expect day 22: minutes 0
expect day 22: rule pain.rest.present
# rest pain gone, readiness tests repeated and passed: the first run is the 5-10 min test
day 22: log pain --kind rest --score 0
day 23: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 23: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
day 24: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 24: run allowed
expect day 24: minutes 5-10
expect day 24: stage return_to_run
