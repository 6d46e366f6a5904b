# title: return to run: two flares (deload), a few deload runs, then 17 days with no log at all (work trip), then back: restart at about half of the last run actually run (the deload run), strength at 85% of the last load, the usual morning taken from before the gap; then a second, 9-day gap: no halving, no catch-up
# protocol: 2 (repeated flare-ups -> deload 1-2 weeks, then ease back); 10.2 (after 14 days without running, restart at about half the last step; after 14 days without strength work, loads at 85%; after a deload, restart at the deload level and climb step by step); 10.6
include common/ready-right.inc
day 22..27: follow --task 2 --rpe 6
day 28: log pain --kind task --score 2 ; log run --minutes 20 --pain-during 1
day 29: log pain --kind task --score 5 ; log pain --kind rest --score 0
day 29: follow --rpe 6
day 30..32: follow --task 2 --rpe 6
day 33: log pain --kind task --score 5 ; log pain --kind rest --score 0
expect any day 33..35: decision deload
day 33: follow --rpe 6
day 34..38: follow --task 2 --rpe 6
# days 39-55: nothing logged at all (17 days). Day 56: back, task 2, no rest pain
day 56: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 56: no-rule pain.morning.flare|pain.morning.raised
expect any day 56..57: run allowed
expect any day 56..57: rule run.after_gap|run.after_deload
# the last run was a deload run of at most 10 min: about half of it, never the 20 min that flared
expect day 56..57: minutes 0-8
day 56..70: follow --task 2 --rpe 6
expect runs 56..70: rise at most 5
# days 71-79: a second, short gap (9 days, still logging mornings, no training)
day 71..79: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 80: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 80: no-rule run.after_gap
expect any day 80..81: run allowed
day 80..90: follow --task 2 --rpe 6
expect runs 56..90: rise at most 5
