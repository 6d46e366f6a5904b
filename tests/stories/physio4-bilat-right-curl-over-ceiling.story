# title: both sides affected, loads logged per leg (left 25 kg, right 15 kg): the right curl goes to 5/10 once; the next strength session is a step back (the right curl lighter than 15 kg), and the right never gets the left's load
# protocol: 2 (over the ceiling during: the next session of that kind one step back); 10.2 (loads per exercise and per side, from that side's own history; +5% a session max)
init --side both
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..30: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 8..16/2: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 25 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 15 --rpe 7 --pain-during 1
# day 18: right curl 5/10 during (over the ceiling), left fine
day 18: log rehab --exercise prone-curl --side left --sets 3 --reps 8 --kg 25 --rpe 7 --pain-during 1 ; log rehab --exercise prone-curl --side right --sets 3 --reps 8 --kg 15 --rpe 8 --pain-during 5
# day 19 is not a strength day (48 h); day 20 is the next strength session
expect day 20: rule pain.during.over_ceiling
expect day 20: load prone-curl@right 0-14.99
# section 2 makes the next strength *session* much easier, so a lighter left is within the protocol;
# the left never goes up, and the right never gets more than the left
expect day 20: load prone-curl@left 0-25
expect day 20: json (lambda c: len(c) > 0)([x for x in j['rehab'] if x['exercise'] == 'prone-curl'])
expect day 19..20: no-rule readiness.pass
# silent: the engine cuts the pain-free left from 25 to 20 kg as well ("one step back -20%"), and the
# why-line says only "strength work on 2026-01-23 hurt 5/10", not which exercise or which leg
