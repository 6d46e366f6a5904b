# title: three 15-minute runs in 10 days, each followed by a raised morning: pause running, strength block, retest
# protocol: 10.5 (raised or flared mornings after 3 runs within 14 days at the same step); 2 (no progression)
include common/ready-right.inc
day 22..26: log pain --kind task --score 2
day 23,25: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 22: log run --minutes 5 --pain-during 0
day 24: log run --minutes 10 --pain-during 0
# each 15-minute run leaves the next morning at 3/10 against the usual 2/10
day 26: log run --minutes 15 --pain-during 1
day 27: log pain --kind task --score 3 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 28: log pain --kind task --score 2
expect day 28: minutes 0-15
expect day 28: no-rule run.step_up
day 28: log run --minutes 15 --pain-during 1
day 29: log pain --kind task --score 3 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 30: log pain --kind task --score 2
# two raised mornings: running goes on
expect day 30: run allowed
expect day 30: minutes 5-15
day 30: log run --minutes 15 --pain-during 1
day 31: log pain --kind task --score 3 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# the third: running pauses for at least two weeks of strength, then the readiness tests
# (the runner now does what tendo says each day, mornings back to the usual 2/10)
day 32..44: log pain --kind task --score 2 ; expect: run blocked ; expect any: rehab has prone-curl ; follow --rpe 7 --pain-during 1
expect any day 45..47: rule readiness.due
