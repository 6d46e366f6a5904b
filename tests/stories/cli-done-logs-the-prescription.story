# title: "tendo done" logs the day's prescribed sessions: the first run, then the next step
# protocol: 5 (+5 min after a pain-free run and a settled morning); the done command records what was prescribed
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; done --pain-during 0 --rpe 4
day 23: log pain --kind task --score 2 ; done --pain-during 1 --rpe 7
day 24: log pain --kind task --score 2
expect day 24: run allowed
expect day 24: minutes 10
expect runs 22..22: range 5-10
expect lifts prone-curl 23..23: range 20-21.25
