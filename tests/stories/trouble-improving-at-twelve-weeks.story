# title: still strengthening at week 13 but clearly improving (VISA-H up, mornings down): no referral
# protocol: 10.5 and 7 (the referral is for no improvement, not for a long rehab)
init --side right
day 0: log visa --items 5,5,4,4,4,4,4,10
day 0..6: log pain --kind task --score 3 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 1
day 8..40/2: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1
day 28: log visa --items 6,6,5,5,5,5,7,14
day 42..90/2: log pain --kind task --score 1 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 25 --rpe 7 --pain-during 0
day 56: log visa --items 7,7,6,6,6,6,7,18
day 84: log visa --items 8,8,7,7,7,7,7,20
day 90: log pain --kind task --score 1
expect day 90: no-rule redflag.no_improvement
expect day 90: json j['decision'] != 'seek_care'
