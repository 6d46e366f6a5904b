# title: a compliant runner past 30 min: weekly minutes grow by about 10%, no forced rest then catch-up
# protocol: 10.2 (each week within last week x 1.10, spread over the training days; no swings); 5
include common/ready-right.inc
# does exactly what tendo says, every day, pain-free, mornings at the usual 2/10
day 22..90: follow --task 2 --rpe 6
# the step reaches 30 min in week 4 (days 28-34): growth is weekly from week 5
expect weeks 5..12: run-minutes within 10%
