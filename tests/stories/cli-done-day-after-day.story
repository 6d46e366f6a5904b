# title: "tendo done" every day for four weeks of return to run, a flare morning in the middle: it logs only what was prescribed (no run that day), never a run and strength on one day, runs never jump, curls within the caps
# protocol: 5 and 10.2 (+5 min per good run; loads +5% a session, +10% a week); 2 and 6 (a flare: no running; strength not on a run day)
include common/ready-right.inc
day 22..35: log pain --kind task --score 2 ; done --pain-during 0 --rpe 5 ; expect: json not (j['done']['run'] and j['done']['strength'])
day 36: log pain --kind task --score 5
expect day 36: run blocked
day 36: done --pain-during 1 --rpe 4
expect day 36: json j['done']['run'] = False
day 37..49: log pain --kind task --score 2 ; done --pain-during 0 --rpe 5 ; expect: json not (j['done']['run'] and j['done']['strength'])
expect runs 22..49: rise at most 5
expect lifts prone-curl 22..49: rise at most 5%
expect lifts prone-curl 22..49: week rise at most 10%
