# title: a pop and bruising during a sprint for the bus: stop loading, see a clinician; cleared -> stage 1
# protocol: 7 (sudden sharp pain with a pop or bruising: possible tear; stop prescribing loading); 2
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log flag --kind pop ; log flag --kind bruising
expect output: clinician
day 24: log pain --kind task --score 4
expect day 24: decision seek_care
expect day 24: rule redflag.tear
expect day 24: run blocked
expect day 24: json len(j['rehab']) = 0
day 40: log flag --kind cleared
expect day 40: stage settle
expect day 40: run blocked
expect day 40: json j['decision'] != 'seek_care'
