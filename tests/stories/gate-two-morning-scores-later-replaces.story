# title: two monitoring scores on one morning: the later one stands, both ways (a typo corrected down; a stiff re-test an hour later up)
# protocol: 2 (the morning monitoring task is the 24-hour signal); 10.1 (a flare: no running)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# 5 typed by mistake, then the real score
day 24: log pain --kind task --score 5 ; log pain --kind task --score 2
expect day 24: no-rule pain.morning.flare
expect day 24: run allowed
expect day 24: minutes 10
day 24: log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# 2/10 straight out of bed, 5/10 when re-tested an hour later
day 26: log pain --kind task --score 2 ; log pain --kind task --score 5
expect day 26: rule pain.morning.flare
expect day 26: run blocked
