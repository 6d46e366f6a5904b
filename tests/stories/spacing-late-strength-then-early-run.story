# title: strength at 20:00, the usual run at 07:00 next morning: only 11 hours apart, no run that morning
# protocol: 10.8 (at least 24 h from the end of a strength session to a run, judged in hours when times are known)
init --side right --run-time 07:00
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..21: log pain --kind task --score 2
day 8..20/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
day 21: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0 --time 07:00
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1 --time 20:00
day 24: log pain --kind task --score 2
expect day 24: run blocked
expect day 24: rule spacing.strength_before_run
