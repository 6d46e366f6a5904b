# title: a 07:00 run, then the gym at 19:00 the same day anyway: no strength prescribed on the run day, and the next afternoon's run (22 h later) waits
# protocol: 6 and 10.8 (at least 24 h between strength work and a run, judged in hours); 3 (strength every second day, 48 h)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0 --time 17:00
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1 --time 16:00
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0 --time 07:00
expect day 24: rehab lacks prone-curl|bridge-90|hip-thrust|single-leg-bridge|adductor
day 24: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1 --time 19:00 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0 --time 19:20
day 25: log pain --kind task --score 2
expect day 25: run blocked
expect day 25: rule spacing.strength_before_run|spacing.hours
expect day 25: rehab lacks prone-curl|bridge-90|hip-thrust
# then the next run comes on day 26 or 27 (whichever the alternation picks), one step up at most
day 26..27: log pain --kind task --score 2 ; expect any: run allowed ; expect: minutes 0-15 ; follow --rpe 6
