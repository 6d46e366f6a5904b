# title: a sharp twinge on a run, without pop or bruising: back to stage 1 for running, not a referral
# protocol: 7 (the tear red flag needs a pop or bruising); 2 (sharp pain: back to stage 1 for that activity)
include common/ready-right.inc
# (one sharp twinge, no pop)
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0 --sharp
day 23: log pain --kind task --score 2
expect day 23: json j['decision'] != 'seek_care'
expect day 23: no-rule redflag.*
expect day 23: rule pain.sharp.regress
expect day 23: json len(j['rehab']) > 0
