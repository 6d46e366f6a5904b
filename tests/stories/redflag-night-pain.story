# title: night pain not eased by rest in stage 2: stop loading, see a clinician
# protocol: 7 (night pain not eased by rest)
init --side right
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..12: log pain --kind task --score 2
day 8,10,12: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1
expect day 12: stage strength
day 13: log flag --kind night-pain
day 14: log pain --kind task --score 3
expect day 14: decision seek_care
expect day 14: rule redflag.night_pain
expect day 14: json len(j['rehab']) = 0
