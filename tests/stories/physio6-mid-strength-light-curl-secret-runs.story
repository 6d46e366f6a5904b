# title: arrives in stage 2 with a light curl (15 kg), follows for two weeks, then secretly runs 20 min four times and drops the curls for two weeks, flares; after it settles the curl restarts lower: does the light load ever rise again
# open: 3, 10.2: the 15 kg curl is never raised ('same load: the next plate is over the 5% cap'; sets go 3 -> 4 instead), and after the restart at 12.5 kg it stays at 12.5 kg from day 30 to day 62: below 25 kg a +5% cap with 1.25 kg plates never allows a rise
# protocol: 11 (stage 2 with the current loads; the first week holds at the declared level); 3 (HSR: load from about 15RM down to 6-8RM over the weeks); 10.2 (rise at most 5% a session, 10% a week, plates of 1.25 kg; 85% after 14 days without strength work); 4 (no running before the readiness tests pass); 2 and 6 (flare)
init --side right --stage strength --curl-kg 15 --cleared-by "M. Duarte, physio"
day 0: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 0: stage strength
expect day 0: run blocked
# her current load, not a default and not a test
expect day 0: rehab has prone-curl
expect day 0: load prone-curl 15
day 0: follow --rpe 6
day 1..6: follow --task 2 --rpe 6 ; expect if rehab has prone-curl: load prone-curl 15
# easy at RPE 6 and pain-free for two weeks (tendo adds a fourth set instead of load: fine, a +5% cap
# cannot give the next 1.25 kg plate in one session, so no load expectation for these two weeks)
day 7..13: follow --task 2 --rpe 6
# days 14-27: no strength work at all; runs 20 min on days 14, 17, 20, 24 (pain 1-2), mornings 2
day 14..27: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 15,18,21: expect: run blocked
day 14,17,20,24: log run --minutes 20 --pain-during 2 --rpe 5
day 26: log run --minutes 25 --pain-during 4 --rpe 6
# day 28: flare the morning after a run over the ceiling: no running (she is in stage 2 anyway), easier sessions
day 28: log pain --kind task --score 5 ; log pain --kind rest --score 1
expect day 28: run blocked
expect day 28: rule pain.morning.flare
expect day 28: rehab has iso-bridge|iso-curl|iso-bridge-single
day 28: follow --rpe 6
day 29: log pain --kind task --score 3 ; log pain --kind rest --score 0 ; follow --rpe 6
# two weeks and more without curls (last on day 13 or so), and a flare: the curl comes back lower, at most 85% of the last load
day 30..32: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; expect any: load prone-curl 10-14 ; follow --rpe 6
day 33..55: follow --task 2 --rpe 6
# pain-free and easy for more than three weeks: the light load climbs back to the 15 kg she lifted before
day 56..62: log pain --kind task --score 2 ; expect any: load prone-curl 15-17.5 ; follow --rpe 6
expect lifts prone-curl 30..62: rise at most 10%
