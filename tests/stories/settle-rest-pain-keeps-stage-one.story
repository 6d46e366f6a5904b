# title: rest pain every day in the first ten days keeps stage 1 going; a clear week lets strength start
# protocol: 3 (leave stage 1 when: no pain at rest, isometrics pain-free about a week, morning pain not rising)
init --side left
day 0..9: log pain --kind task --score 3 ; log pain --kind rest --score 2 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 1
expect day 7: stage settle
expect day 7: run blocked
expect day 9: stage settle
day 10..16: log pain --kind task --score 3 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 1
day 17: log pain --kind task --score 3 ; log pain --kind rest --score 0
expect day 17: stage strength
expect day 17: run blocked
expect day 17: rehab lacks squat|lunge|deadlift|skips
