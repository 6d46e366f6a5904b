# title: stage 3: a 75-minute long run on a Sunday, about twice the usual run: no strength, plyometrics or fast running the next day
# protocol: 5 and 6 (long runs: leave 48 h before the next hard loading; Magnusson et al. 2010); 9 (long run = over 1.5 x the recent average)
include common/stage3-arrival.inc
day 28..33: follow --task 2 --rpe 5
day 34: log pain --kind task --score 2 ; log run --minutes 75 --intent long --pain-during 1 --rpe 6
day 35: log pain --kind task --score 2
expect day 35: rehab lacks prone-curl|squat|deadlift|lunge|skips|hip-thrust|nordic-negative|bridge-90|single-leg-bridge
expect day 35: no-rule run.speed_hills_short
expect day 35: rule spacing.long_run_48h
