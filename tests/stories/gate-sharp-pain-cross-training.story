# title: sharp pain on the rowing machine: no run the next day
# protocol: 10.1 (no sharp pain in any activity, cross-training included)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log cross --kind row --minutes 20 --pain-during 4 --sharp
day 24: log pain --kind task --score 2
expect day 24: run blocked
expect day 24: rule pain.sharp.regress
