# title: a sparse logger in return to run: after the readiness test she logs the morning task only on Mondays and Thursdays (from week 8 only on Mondays), runs when told; her usual 2/10 stays her baseline, missing mornings are not flares, the running step still climbs slowly when a logged morning follows a run, and a 4/10 Monday is a flare
# protocol: 2 (24-h response; per-athlete baseline; week-to-week trend); 5 (+5 after a run with no symptom increase and no raised morning); 10.6 (the athlete's own baseline)
include common/ready-right.inc
day 22: follow --rpe 5
day 23: follow --rpe 5
day 24: follow --task 2 --rpe 5
day 25: follow --rpe 5
day 26: follow --rpe 5
day 27: follow --rpe 5
day 28: follow --task 2 --rpe 5
day 29: follow --rpe 5
day 30: follow --rpe 5
day 31: follow --task 2 --rpe 5
day 32: follow --rpe 5
day 33: follow --rpe 5
day 34: follow --rpe 5
day 35: follow --task 2 --rpe 5
day 36: follow --rpe 5
day 37: follow --rpe 5
day 38: follow --task 2 --rpe 5
day 39: follow --rpe 5
day 40: follow --rpe 5
day 41: follow --rpe 5
day 42: follow --task 2 --rpe 5
day 43: follow --rpe 5
day 44: follow --rpe 5
day 45: follow --task 2 --rpe 5
day 46: follow --rpe 5
day 47: follow --rpe 5
day 48: follow --rpe 5
# five weeks of running with a morning logged twice a week: the step has moved on at least once, and no flare was invented
expect any day 42..48: minutes 10-30
day 49: follow --task 2 --rpe 5
day 50: follow --rpe 5
day 51: follow --rpe 5
day 52: follow --rpe 5
day 53: follow --rpe 5
day 54: follow --rpe 5
day 55: follow --rpe 5
day 56: follow --task 2 --rpe 5
day 57: follow --rpe 5
day 58: follow --rpe 5
day 59: follow --rpe 5
day 60: follow --rpe 5
day 61: follow --rpe 5
day 62: follow --rpe 5
day 56..62: expect: no-rule pain.morning.flare|pain.morning.raised|pain.trend.rising
# day 63 (Monday): task 4/10 against her usual 2: a flare, though only 2 scores in the last 14 days
day 63: log pain --kind task --score 4
expect day 63: rule pain.morning.flare
expect day 63: no-rule run.step_up
day 63: follow --rpe 5
day 64: follow --rpe 5
day 65: follow --rpe 5
day 66: follow --rpe 5
day 67: follow --rpe 5
day 68: follow --rpe 5
day 69: follow --rpe 5
# the next runs after the flare hold or step back
expect runs 63..69: rise at most 0
