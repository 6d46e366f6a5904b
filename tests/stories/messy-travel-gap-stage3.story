# title: stage 3, then 18 days abroad without running: the first run back is about half the last one, with no strides or plyometrics on that step-back day
# protocol: 10.2 (after 14 days without running restart at about half the last step, setting 0.5); 10.4 (new loads never on a step-back day)
include common/stage3-arrival.inc
# the last week before the trip: 30 min every second day, strength in between, pain-free
day 28..34: log pain --kind task --score 2
day 28..34/2: log run --minutes 30 --pain-during 0 --rpe 5
day 29..33/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 25 --rpe 6 --pain-during 0 ; log rehab --exercise squat --sets 3 --reps 8 --kg 20 --rpe 6 --pain-during 0
# away days 35-52, nothing logged; back on day 53: about half of 30 min (at most 18)
day 53..54: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; expect any: run allowed ; expect: minutes 0-18 ; expect if run allowed: no-rule run.speed_hills_short ; expect if run allowed: rehab lacks skips ; follow --rpe 5
