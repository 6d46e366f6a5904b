# title: arrives in return to run at 15 min; the readiness test three days before the start and rest pain the evening before are backfilled: the start moves back and yesterday's rest pain blocks today's run
# protocol: 11 (entries before the start move it back, with a message; nothing silently ignored; a passing test on the first day; the first week holds); 10.1 (no pain at rest today or yesterday)
init --side right --stage return_to_run --run-step 15
day -3: log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 20 --curl-10rm-left 30 --curl-10rm-right 29 --rest-pain 0
expect output: start
day -3..-2: log pain --kind task --score 2
day -1: log pain --kind task --score 2 ; log pain --kind rest --score 3 --note "evening on the sofa"
day 0: log pain --kind task --score 2
expect status day 0: json j['athlete']['start'] = '2026-01-02'
expect day 0: run blocked
expect day 0: rule pain.rest.present
day 0: log pain --kind rest --score 0
day 1: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 1: run allowed
expect day 1: minutes 15
