# title: a clinician set the ceiling at 5/10: a 4/10 report allows the run but a 4/10 run does not step up
# protocol: 2 (5/10 allowed only if the profile says so); 10.1 (blocks only above the ceiling); 10.2 (+5 only at the pain-free level)
init --side right --ceiling 5
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..21: log pain --kind task --score 2
day 8..20/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
day 21: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log pain --kind during --score 4 --note "walking the dog"
expect day 24: run allowed
expect day 24: minutes 10
day 24: log run --minutes 10 --pain-during 4
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2
expect day 26: run allowed
expect day 26: minutes 10
expect day 26: no-rule run.step_up
