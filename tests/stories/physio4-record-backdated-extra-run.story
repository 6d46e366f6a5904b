# title: stage 3: on Thursday the runner back-logs an extra run she did on Tuesday: Wednesday's record must still show what tendo advised on Wednesday morning (30 min), not a recomputed 20
# open: 10.9: after the back-dated Tuesday run is logged, Wednesday's record reads "run 20 min (as advised that morning)" although 30 min was advised and run
# protocol: 10.9 (the record is what was known that morning; logging later never rewrites it; the history and the report show what was advised, then what was done)
include common/stage3-arrival.inc
day 28..29: follow --task 2 --rpe 5
day 30: log pain --kind task --score 2
# the fixture: Wednesday morning's advice is a 30-min run
expect day 30: minutes 30
day 30: follow --rpe 5
day 31: log pain --kind task --score 2
# Thursday evening: "oh, I also ran 30 min with friends on Tuesday"
tendo: log run --date 2026-02-03 --minutes 30 --pain-during 1 --rpe 5
# Wednesday's morning record is unchanged
expect day 30: minutes 30
expect day 30: run allowed
