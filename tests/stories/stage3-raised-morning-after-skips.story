# title: stage 3: the morning after a first go at skips is raised (3/10, usual 2/10): no plyometrics, strides or hills for 14 days, while hip-flexion strength goes on
# protocol: 10.4 (speed, hills, strides and plyometrics withheld 14 days after a session followed by a raised morning); 2
include common/stage3-arrival.inc
# day 28: 3 x 20 m skips, 1/10 during
day 28: log pain --kind task --score 2 ; log rehab --exercise skips --sets 3 --reps 20 --rpe 5 --pain-during 1
day 29: log pain --kind task --score 3 ; expect: rehab lacks skips ; expect: no-rule run.speed_hills_short ; follow --rpe 5
day 30..42: log pain --kind task --score 2 ; expect: rehab lacks skips ; expect: no-rule run.speed_hills_short ; expect any: rehab has squat|deadlift|lunge ; follow --rpe 5
day 43..62: log pain --kind task --score 2 ; expect any: rehab has skips ; follow --rpe 5
