# title: return to run: numbness down the leg logged in the evening of a run day: `today` for that day (it is still that day) says see a clinician at once; the next days too; the morning record of that day is kept (it advised the run)
# protocol: 7 (numbness/tingling/pain spreading down the leg: stop prescribing loading, see a clinician; tendo is not a diagnosis); 10.9 (the morning record is what was known that morning)
include common/ready-right.inc
day 22..29: follow --task 2 --rpe 5
day 30: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 30: run allowed
day 30: follow --rpe 5
day 30: log flag --kind numbness ; log pain --kind after --score 2 --note "numb patch down the back of the thigh"
# it is still day 30: the flag applies at once
expect day 30: decision seek_care
expect day 30: rule redflag.neural
expect day 30: json len(j['rehab']) = 0
day 31: log pain --kind task --score 1 ; log pain --kind rest --score 0
expect day 31..33: decision seek_care
expect day 31..33: run blocked
expect day 31..33: json len(j['rehab']) = 0
# once day 31 is reached, day 30 shows the morning record: it advised the run, no red flag was known yet
expect day 30: no-rule redflag.*
expect day 30: run allowed
