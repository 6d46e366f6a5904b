# title: left leg affected: curls logged one leg at a time, then both legs together on the stack: the left leg's single-leg dose stays its own, never the right leg's or the two-leg total
# protocol: 10.2 (loads per exercise and per side; a unilateral dose from that side's own history; the affected side never gets the healthy side's load; +5% a session at most)
init --side left
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..22: log pain --kind task --score 2
day 8..14/2: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 15 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 22.5 --rpe 6 --pain-during 0
expect day 16: rehab has prone-curl
expect day 16: load prone-curl@left 15-15.75
expect day 16: load prone-curl@right 22.5-23.625
# the single-leg machine is taken: both legs together, 20 kg on the stack (about 10 kg a leg)
day 16..20/2: log rehab --exercise prone-curl --side both --sets 3 --reps 8 --kg 20 --rpe 6 --pain-during 1
expect day 22: rehab has prone-curl
expect day 22: load prone-curl@left 15-15.75
