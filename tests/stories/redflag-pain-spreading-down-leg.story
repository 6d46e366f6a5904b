# title: pain spreading down the back of the thigh to the calf: stop loading, see a clinician
# protocol: 7 (pain spreading down the leg: sciatic nerve involvement)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 3 ; log flag --kind spreading
day 24: log pain --kind task --score 3
expect day 24: decision seek_care
expect day 24: rule redflag.neural
expect day 24: run blocked
expect day 24: json len(j['rehab']) = 0
