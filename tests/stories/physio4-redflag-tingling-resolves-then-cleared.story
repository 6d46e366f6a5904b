# title: return to run: tingling down the leg logged once, gone the next days (mornings fine, no rest pain): tendo keeps saying see a clinician until a clearance is logged, and then does not jump back to the old running step
# protocol: 7 (numbness, tingling or spreading pain: stop prescribing loading, see a clinician; tendo is not a diagnosis); 10.1; silent on the restart level after clearance
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 0
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2 ; log run --minutes 15 --pain-during 0 ; log pain --kind after --score 1 --note "tingling in the calf at the end"
day 26: log flag --kind tingling
# the tingling is gone next morning and stays gone; the runner keeps logging good mornings
day 27..34: log pain --kind task --score 1 ; log pain --kind rest --score 0
expect day 27..34: decision seek_care
expect day 27..34: rule redflag.neural
expect day 27..34: run blocked
expect day 27..34: json len(j['rehab']) = 0
# day 35: seen by the physio (lumbar referral ruled out), cleared to resume
day 35: log flag --kind cleared
day 36: log pain --kind task --score 1 ; log pain --kind rest --score 0
expect day 36: no-rule redflag.neural
expect day 36: rule redflag.cleared
# the 15-min run of day 26 was prescribed that morning; the flag came after it
expect day 36: no-rule run.over_prescription
# ten days without running and a neural episode: no straight return to the 20-min step
expect day 36..37: minutes 0-15
