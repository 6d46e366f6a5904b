# title: prone curl loads after a 10-day break (kept) and after a 3-week break (restart at 85%)
# protocol: 10.2 (after 14 days without strength work loads restart at 85%, setting)
init --side right
day 0..6: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 7..19/2: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 30 --rpe 8 --pain-during 0
# ten days without strength work (days 20-28), mornings logged now and then
day 22,25,28: log pain --kind task --score 2
day 29: log pain --kind task --score 2
expect day 29: rehab has prone-curl
expect day 29: load prone-curl 30-31.5
day 29..41/2: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 30 --rpe 8 --pain-during 0
# then three weeks away (days 42-62)
day 63: log pain --kind task --score 2
expect day 63: rehab has prone-curl
expect day 63: load prone-curl 25-26.25
