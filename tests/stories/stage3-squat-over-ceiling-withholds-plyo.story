# title: stage 3: squats at 40 kg hurt 5/10: the next squats are lighter, and plyometrics, strides and hills wait 14 days
# protocol: 10.4 (withheld 14 days after any session over the ceiling); 2 (over the ceiling: the next session of that kind one step back)
include common/stage3-arrival.inc
day 28..34: follow --task 2 --rpe 5
day 35: log pain --kind task --score 2 ; log rehab --exercise squat --sets 3 --reps 8 --kg 40 --rpe 8 --pain-during 5
day 36..49: log pain --kind task --score 2 ; expect: rehab lacks skips ; expect: no-rule run.speed_hills_short ; expect: json all((x.get('kg') or 0) < 40 for x in j['rehab'] if x['exercise'] == 'squat') ; follow --rpe 5
day 50..70: log pain --kind task --score 2 ; expect any: rehab has skips ; follow --rpe 5
