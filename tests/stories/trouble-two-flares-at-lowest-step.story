# title: 5-minute runs, each followed by a flare: after two, running pauses for a strength block and a retest
# protocol: 10.5 (2 flared mornings at the lowest step: pause running, strength block >= 2 weeks, readiness tests again); 10.2 (a deload at the lowest step pauses running)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 1
# flare: 5/10 against the usual 2/10
day 23: log pain --kind task --score 5
expect day 23: rule pain.morning.flare
expect day 23: run blocked
day 23: log rehab --exercise iso-bridge --sets 3 --hold-s 30 --pain-during 2
day 24: log pain --kind task --score 3 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 1
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 6 --pain-during 1
day 26: log pain --kind task --score 2
expect day 26: run allowed
expect day 26: minutes 5
day 26: log run --minutes 5 --pain-during 1
day 27: log pain --kind task --score 5
# the second flare at the lowest step: running pauses, a strength block follows;
# the runner does what tendo says each day, mornings back to the usual 2/10
day 27: log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 2
day 28..40: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; expect: run blocked ; expect any: rehab has prone-curl ; follow --rpe 7 --pain-during 1
expect any day 40..42: rule readiness.due
day 41: log pain --kind task --score 2 ; log test --drop-lunge-pain 0 --bridge-reps-left 21 --bridge-reps-right 20 --curl-10rm-left 31 --curl-10rm-right 30 --rest-pain 0
day 42: log pain --kind task --score 2
expect day 42: run allowed
expect day 42: minutes 5
