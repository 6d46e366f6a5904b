# title: return to run stuck for twelve weeks: every session done as prescribed at 2/10, mornings and VISA-H unchanged, retested monthly: see a clinician
# protocol: 10.5 and 7 (no improvement for about 12 weeks in any stage: see a clinician); 10.2 (2/10 holds the step)
include common/ready-right.inc
day 22: log visa --items 6,6,5,5,5,5,7,12
day 22..49: follow --task 2 --pain-during 2 --rpe 6
day 50: log visa --items 6,6,5,5,5,5,7,12 ; log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0 ; follow --task 2 --pain-during 2 --rpe 6
day 51..63: follow --task 2 --pain-during 2 --rpe 6
# six weeks in return to run: too early to refer
expect day 64: no-rule redflag.no_improvement
day 64..77: follow --task 2 --pain-during 2 --rpe 6
day 78: log visa --items 6,6,5,5,5,5,7,12 ; log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0 ; follow --task 2 --pain-during 2 --rpe 6
day 79..105: follow --task 2 --pain-during 2 --rpe 6
day 106: log visa --items 6,6,5,5,5,5,7,12 ; log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 --curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0 ; follow --task 2 --pain-during 2 --rpe 6
# twelve weeks after return to run began (day 22 + 84 = day 106), still nothing better
day 107..118: log pain --kind task --score 2 ; expect any: rule redflag.no_improvement ; expect any: decision seek_care ; follow --pain-during 2 --rpe 6
