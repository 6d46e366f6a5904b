# title: both sides affected, curls per leg (left 20 kg, right 25 kg): a left set hurts 4/10 -- the left steps back, the right holds; later a raised morning after a pain-free strength day steps both legs back (the tendon, not one set)
# protocol: 2 (over the ceiling during: next session of that kind one step back; raised next morning: next session much easier); 6 (a flare makes the next session of every kind easier); 10.2 (loads per exercise and per side, from that side's own history); 10.3 (bilateral readiness: +10% over the first test)
init --side both
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 40 --pain-during 0
day 7..40: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 8..16/2: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 25 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
day 18: log test --drop-lunge-pain 0 --bridge-reps-left 15 --bridge-reps-right 16 --curl-10rm-left 24 --curl-10rm-right 28 --rest-pain 0
# first bilateral test is the baseline, not a pass (10.3)
expect day 19..20: run blocked
expect day 20: rule rehab.load_per_side|stage.strength.hsr
expect day 20: load prone-curl@left 18.75-21.25
expect day 20: load prone-curl@right 23.75-26.25
day 20: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 20 --rpe 8 --pain-during 4 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 25 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 1
# next strength session: left one step back, right at its load (its own set was within the ceiling)
expect day 22: rule pain.during.over_ceiling|rehab.step_back
expect day 22: load prone-curl@left 0-18.75
expect day 22: load prone-curl@right 23.75-26.25
day 22: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 16.25 --rpe 6 --pain-during 0 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 25 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
day 24,26: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 17.5 --rpe 6 --pain-during 0 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 25 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
# day 27: the morning after a pain-free strength day is raised, 4/10 against 2/10; no set hurt
day 27: log pain --kind task --score 4
day 28: log pain --kind task --score 2
# the next strength session is much easier on both legs: both sides are affected and the raised morning
# belongs to the session, not to one set (section 2)
expect day 28: rule rehab.step_back|pain.morning.raised|pain.morning.flare
expect day 28: load prone-curl@left 0-16.25
expect day 28: load prone-curl@right 0-23.75
