# title: intervals that hurt 5/10 in stage 3: no strides, speed, hills or skips for the next 14 days
# protocol: 10.4 (withheld for 14 days after any session over the ceiling; seed 001: intervals aggravate)
include common/ready-right.inc
tendo: profile --set target_week_min=30
day 22..55: follow --task 2 --rpe 6
day 56: log pain --kind task --score 2
expect day 56: stage full_load
# (6 x 400 m on the track)
day 56: log run --minutes 30 --intent speed --pain-during 5 --rpe 8
day 57..70: log pain --kind task --score 2 ; expect: rehab lacks skips ; expect: json j['run'].get('intent') in (None, 'easy') ; expect: json not j['run'].get('strides') ; expect: json j['run']['terrain'] in ('flat', 'treadmill') ; follow --rpe 6
# after the 14 days, with settled mornings, the energy-storage work comes back
day 71..95: log pain --kind task --score 2 ; expect any: rehab has skips ; follow --rpe 6
