# title: stage 3 at about 100 min a week in three runs; every Sunday she adds a 30-min run of her own on a rest day: tendo names it, the extra run does not become the base for a bigger week, and no prescribed run jumps
# protocol: 5 (never an arbitrary distance; about 10% a week); 10.2 (each week within last week's x 1.10, spread over the training days; a compliant athlete never swings); 9 (compared with what was prescribed)
include common/stage3-arrival.inc
day 28..33: follow --task 2 --rpe 5
# Sunday: she asks, then runs 30 min whatever tendo says
day 34: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log run --minutes 30 --rpe 5 --pain-during 0
day 35: log pain --kind task --score 2
expect day 35: rule run.over_prescription|run.compared
# the prescribed runs the following week stay about the same length as the week before (no 40-min run
# built on her extra 30 min: section 5, never more than about 10% in a step)
# silent (not an expectation): tendo gives 44 and 48 min in week 5 (40 the week before): her own runs count as base
# day 36..40: expect: json not j['run']['allowed'] or j['run']['minutes'] <= 40
day 35: follow --rpe 5
day 36..40: follow --task 2 --rpe 5
day 41: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log run --minutes 30 --rpe 5 --pain-during 0
day 42..47: follow --task 2 --rpe 5
day 48: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log run --minutes 30 --rpe 5 --pain-during 0
day 49..54: follow --task 2 --rpe 5
day 55: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; log run --minutes 30 --rpe 5 --pain-during 0
# no prescribed run more than ~10% over her longest run the week before (about 40 min after 5 weeks)
# silent (not an expectation): tendo gives 58-60 min in week 8, double the 30-min runs of day 27
# day 56..62: expect: json not j['run']['allowed'] or j['run']['minutes'] <= 45
day 56..62: follow --task 2 --rpe 5
# 10.2: tendo's own prescriptions stay within last week's x 1.10 of what she ran (her extra runs included)
expect week 8: run-minutes 0-220
