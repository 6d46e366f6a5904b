# title: a 90-minute drive is under the 3-hour threshold: the pain-free runner steps up
# protocol: 10.7 (3 hours in one go, setting); 10.2
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 25: log aggravator --kind driving --hours 1.5
day 26: log pain --kind task --score 2
expect day 26: run allowed
expect day 26: minutes 15
