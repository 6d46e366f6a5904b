# title: stage 3 brings hip-flexion strength first, plyometrics (skips) only about two weeks later
# protocol: 10.4 (new kinds of load one at a time: hip-flexion strength ~2 weeks, then plyometrics); 3
include common/ready-right.inc
# a low target (setting) so that return to run ends within a few weeks
tendo: profile --set target_week_min=30
# every day: the morning task, what tendo says, and the runner does exactly that, pain-free
day 22..40: log pain --kind task --score 2 ; expect any: stage full_load ; expect any if stage full_load: rehab has squat|deadlift|lunge ; expect if stage full_load: rehab lacks skips ; follow --rpe 6
# stage 3 began at the earliest on day 29, so by day 41 at most 12 days of it: skips come later
day 41..75: log pain --kind task --score 2 ; expect any: rehab has skips ; follow --rpe 6
