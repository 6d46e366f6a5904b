# title: right leg affected, left leg stronger: the right curl dose comes from the right leg's own history
# protocol: 10.2 (loads per exercise and per side; the affected side never gets the healthy side's load; +5% at most)
init --side right
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..20: log pain --kind task --score 2
# some days the healthy leg goes first, some days the painful one
day 7,11,15: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 30 --rpe 7 --pain-during 0 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1
day 9,13,17,19: log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 30 --rpe 7 --pain-during 0
day 21: log pain --kind task --score 2
expect day 21: rehab has prone-curl
expect day 21: load prone-curl@right 20-21.25
expect day 21: load prone-curl@left 30-31.5
