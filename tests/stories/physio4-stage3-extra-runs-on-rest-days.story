# title: stage 3: the runner adds an unprescribed 30-min run on two rest days (pain 1/10, mornings 2/10): tendo trims the rest of the spike week to the budget, and the next week grows at most 10%
# protocol: 10.2 (each week within last week's x 1.10, no swings); 5 (never an arbitrary distance); silent on whether the budget grows from what was prescribed or what was done
include common/stage3-arrival.inc
# week 4 (days 28-34): follows tendo and adds two extra 30-min runs on days without a run in the plan
day 28: follow --task 2 --rpe 5
day 29: follow --task 2 --rpe 5 ; log run --minutes 30 --pain-during 1 --rpe 5
day 30..32: follow --task 2 --rpe 5
day 33: follow --task 2 --rpe 5 ; log run --minutes 30 --pain-during 1 --rpe 5
# the week's budget is last week's x 1.10 of running minutes, the extra runs included (10.2):
# by now the week is near or over it, so no more running this week
expect day 34: run blocked
day 34: follow --task 2 --rpe 5
expect week 4: run-minutes 0-160
day 35..48: follow --task 2 --rpe 5
# 10.2 counts the week's running minutes, extras included: week 5 within week 4 x 1.10 (at most 160 x 1.1;
# the engine trims the rest of week 4 after the first extra run, so week 4 ends near its budget)
expect week 5: run-minutes 0-146
# silent: single runs jump 39 -> 48 -> 53 min in week 6 because the every-second-day pattern gives
# 4 runs one week and 3 the next; a physio would keep a single run's rise near the +5 min step
expect weeks 6..6: run-minutes within 10%
