# title: arrives in stage 2 already curling 25 kg: starts at that load, not at zero, and no running yet
# protocol: 11 (stage 2 with their current loads); 10.2 (+5% a session at most)
init --side right --stage strength --curl-kg 25
day 0: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 0: stage strength
expect day 0: run blocked
expect any day 0..1: load prone-curl 25-26.25
