# title: arrives in stage 3 running 120 min a week: the first week holds at about that volume
# protocol: 11 (stage 3 with their current weekly volume; the first week holds at the declared level)
init --side right --stage full_load --week-min 120
day 0..6: log pain --kind task --score 1 ; log pain --kind rest --score 0 ; follow --rpe 5
expect day 0: stage full_load
expect week 0: run-minutes 100-132
