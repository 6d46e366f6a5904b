# title: stage 3: two flares a week apart: a deload (running and rehab cut markedly for 1-2 weeks), and no plyometrics or strides meanwhile
# protocol: 2 (repeated flare-ups: deload all loading for 1-2 weeks, then ease back; seed 002); 10.4 (withheld after a raised morning)
include common/stage3-arrival.inc
day 28: log pain --kind task --score 5
expect day 28: rule pain.morning.flare
expect day 28: run blocked
day 29..33: follow --task 2 --rpe 5
day 34: log pain --kind task --score 5 ; follow --rpe 5
day 35..41: log pain --kind task --score 2 ; expect any: decision deload ; expect any: rule deload.repeated_flares ; expect: rehab lacks skips ; expect: no-rule run.speed_hills_short ; follow --rpe 5
