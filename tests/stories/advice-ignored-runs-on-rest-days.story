# title: a runner who runs every day anyway: the extra runs earn no extra steps, and a rest day comes before the next run
# protocol: 10.2 (+5 min per run that went well, never an arbitrary jump); 6 and 10.8 (spacing); 5 (never an arbitrary distance)
include common/ready-right.inc
day 22..27: log pain --kind task --score 2
day 22: log run --minutes 5 --pain-during 0
expect day 23: run blocked
# ran anyway, twice in a row, pain-free
day 23: log run --minutes 10 --pain-during 0
day 24: log run --minutes 10 --pain-during 0
expect day 25: run blocked
day 25: log run --minutes 15 --pain-during 0
expect day 26: run blocked
day 26: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# the unprescribed runs earn no extra steps: at most one step above the longest run done
expect day 27: run allowed
expect day 27: minutes 10-20
