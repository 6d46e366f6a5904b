# title: holds at 3/10 every day (within the ceiling, not pain-free), no rest pain: stage 1 goes on until the holds have been pain-free for about a week
# protocol: 3 (leave stage 1: no pain at rest, isometrics pain-free for about a week, morning pain not rising)
init --side left
day 0..9: log pain --kind task --score 3 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 3
expect day 10: stage settle
expect day 10: run blocked
expect day 10: rehab lacks prone-curl|bridge-90|hip-thrust|squat|skips
day 10..16: log pain --kind task --score 3 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 1
day 17: log pain --kind task --score 3 ; log pain --kind rest --score 0
expect day 17: stage strength
expect day 17: run blocked
