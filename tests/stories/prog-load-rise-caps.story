# title: a strength block followed to the letter: curl load up at most 5% a session, 10% a week, in 1.25 kg plates
# protocol: 10.2 (a load rises at most 5% a session and 10% a week, rounded to the plate step 1.25 kg); 3 (HSR)
init --side right
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 6 --pain-during 0
# then does every session as prescribed, finding it easy (RPE 6), for four weeks
day 8..35: follow --task 2 --rpe 6
expect lifts prone-curl 7..35: rise at most 5%
expect lifts prone-curl 7..35: week rise at most 10%
expect lifts prone-curl 7..35: step 1.25
