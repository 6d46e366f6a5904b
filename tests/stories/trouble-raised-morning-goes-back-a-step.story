# title: one morning raised above the usual level after a 15-minute run: the next run goes back a step
# protocol: 2 (raised next morning -> the next session of that kind is made much easier, go back one step); 5
include common/ready-right.inc
day 22..25: log pain --kind task --score 2
day 23,25: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 22: log run --minutes 5 --pain-during 0
day 24: log run --minutes 10 --pain-during 0
day 26: log pain --kind task --score 2 ; log run --minutes 15 --pain-during 0
day 27: log pain --kind task --score 3 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 28: log pain --kind task --score 2
expect day 28: no-rule run.step_up
expect day 28: minutes 0-10
