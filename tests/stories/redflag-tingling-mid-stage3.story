# title: tingling down the leg in stage 3: no loading until a clinician clears it, however good the mornings; after clearance no plyometrics, strides or hip-flexion lifting straight away
# protocol: 7 (numbness, tingling or pain spreading down the leg: stop loading, see a clinician); 10.4 (new loads one at a time)
include common/stage3-arrival.inc
day 28: log pain --kind task --score 2 ; log flag --kind tingling
expect output: clinician
day 29..40: log pain --kind task --score 1 ; expect: decision seek_care ; expect: run blocked ; expect: rule redflag.neural ; expect: json len(j['rehab']) = 0
day 41: log flag --kind cleared ; log pain --kind task --score 1
expect day 41: json j['decision'] != 'seek_care'
expect day 41: rehab lacks skips|squat|deadlift|lunge
expect day 41: no-rule run.speed_hills_short
