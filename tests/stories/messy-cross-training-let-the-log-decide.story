# title: cycling hurt 5/10, the stair machine twice at 1/10: the log decides which cross-training to keep
# protocol: 3 (stair machine tolerated by some, cycling aggravated others: let the log decide); 2 (ceiling)
init --side right
day 0..3: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 2: log cross --kind cycle --minutes 30 --pain-during 5
day 1,3: log cross --kind stairs --minutes 20 --pain-during 1
day 4: log pain --kind task --score 2
expect day 4: rule cross.aggravating
expect day 4: rule cross.tolerated
expect day 4: stage settle
expect day 4: run blocked
