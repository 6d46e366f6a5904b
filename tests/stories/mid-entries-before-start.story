# title: a runner backfills the week before the start date: the start moves back, nothing is silently ignored
# protocol: 11 (entries logged before the programme's start move the start back to them, with a message)
init --side right
day -7: log pain --kind task --score 2
expect output: start
day -7..-1: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
day 0: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0
expect status day 0: json j['athlete']['start'] = '2025-12-29'
# a settled week behind them: stage 1 is done
expect day 0: stage strength
