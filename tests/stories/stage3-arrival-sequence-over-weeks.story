# title: arrives in stage 3 and follows tendo for ten weeks: hip-flexion strength first, plyometrics after about two weeks of it, strides and short hills only after that
# protocol: 10.4 (one new kind of load at a time, each after a settled 24-hour response: hip-flexion strength ~2 weeks, then plyometrics, then strides and short gentle hills); 11 (stage 3 with the current weekly volume)
init --side right --stage full_load --week-min 90
day 0..6: log pain --kind task --score 2 ; expect any: rehab has squat|deadlift|lunge ; expect: rehab lacks skips ; expect: no-rule run.speed_hills_short ; follow --rpe 5
day 7..13: log pain --kind task --score 2 ; expect: rehab lacks skips ; expect: no-rule run.speed_hills_short ; follow --rpe 5
# plyometrics first: no strides before day 16 at the earliest (first skips no earlier than day 14, then a settled morning)
day 14..15: log pain --kind task --score 2 ; expect: no-rule run.speed_hills_short ; follow --rpe 5
day 16..41: log pain --kind task --score 2 ; expect any: rehab has skips ; follow --rpe 5
day 42..69: log pain --kind task --score 2 ; expect any: rule run.speed_hills_short ; follow --rpe 5
