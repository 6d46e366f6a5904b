# title: stage 3 at about 30 min a run: a 16-day holiday with no log at all, then back: restart at about half of the last run, strength loads at 85%, no readiness retest, no strides or plyometrics on the first runs back, and the weeks after grow within 10%
# protocol: 10.2 (after 14 days without running restart at about half the last step; 85% strength loads; week-on-week within 10%); 10.4 (never on a step-back day); silent on a readiness retest after a holiday
include common/stage3-arrival.inc
day 28..34: follow --task 2 --rpe 5
# days 35-50: on holiday, nothing logged. Day 51: back home, the morning task is her usual 2
day 51: log pain --kind task --score 2 ; log pain --kind rest --score 0
expect day 51: stage full_load
expect day 51: no-rule readiness.due
expect day 51: no-rule pain.morning.flare|pain.morning.raised
expect any day 51..52: run allowed
expect any day 51..52: rule run.after_gap
# the last runs were about 30-35 min: about half
expect day 51..52: minutes 10-20
expect day 51..52: json not (j['run'] or {}).get('advised')
expect day 51..52: rehab lacks skips|hops|bounds|pogo
day 51..80: follow --task 2 --rpe 5
expect weeks 8..10: run-minutes within 10%
