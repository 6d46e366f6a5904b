# title: return to run at 20 min, a 9-day break (work trip), the climb resumes, a run with pain after 5/10 (gate until a settled morning), then a 12-day break a month later: never a step up on the first run back, never halved under 14 days, strength loads kept
# open: 10.2: after the 12-day break the first run back (day 83) is 14 min, not the held 39: the weekly budget falls back to the part-week before the break (10.2's 'last week's + 10%' after a week with no running is tendo's reading: the week before); a run on day 84 would be halved (14 days)
# protocol: 10.2 (halving only after 14 days without running; 85% only after 14 days without strength; +5 only after a good run); 5 (+5 after a run with no symptom increase and no raised morning); 10.1 (pain after above the ceiling: a settled morning logged since, no morning is not settled)
include common/ready-right.inc
day 22..28: follow --task 2 --rpe 5
# work trip days 29-37: no running, she keeps her strength work and logs mornings
day 29..37: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 29..37/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 ; log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0
day 38: log pain --kind task --score 2 ; log pain --kind rest --score 0
# 10 days since the last run (20 min): not halved, and the earned step up waits (a physio holds the first run back)
expect any day 38..39: run allowed
day 38..39: expect: no-rule run.after_gap|rehab.after_gap
day 38..39: expect: no-rule run.step_up
day 38..39: expect: json not j['run']['allowed'] or 15 <= j['run']['minutes'] <= 20
day 38: follow --rpe 5
day 39..45: follow --task 2 --rpe 5
# day 46 run: pain after 5/10 (over the ceiling), during 2
expect day 46: run allowed
day 46: log pain --kind task --score 2 ; $RP = log run --minutes 25 --rpe 6 --pain-during 2 --pain-after 5
# day 47: no morning logged (she forgot); day 48 before the morning score: the 24-hour response is unknown
day 47: log rehab --exercise iso-bridge --sets 5 --hold-s 40 --pain-during 0
expect day 48: run blocked
expect day 48: rule pain.after.raised|pain.morning.missing|monitor.morning_first
day 48: log pain --kind task --score 2 ; log pain --kind rest --score 0
# settled morning now logged: the gate is cleared (10.1); no step up after a run that hurt after
expect day 48: no-rule run.step_up
expect any day 48..49: run allowed
day 48..70: follow --task 2 --rpe 5
# second break: days 71-82 (12 days), mornings on most days, no running, strength twice
day 71..82: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 74,79: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1
day 83: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect any day 83..84: run allowed
day 83..84: expect: no-rule run.after_gap|rehab.after_gap
day 83..84: expect: no-rule run.step_up
# the first run back is no longer than the last run before the break, and not halved
day 83..84: expect: json not j['run']['allowed'] or 0.75 * j['last_run']['minutes'] <= j['run']['minutes'] <= j['last_run']['minutes']
day 83..96: follow --task 2 --rpe 5
expect runs 83..96: rise at most 5
