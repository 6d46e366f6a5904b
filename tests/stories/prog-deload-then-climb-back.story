# title: stalled two weeks at 20 min, deloaded: back up step by step, never 10 -> 20 in one jump
# protocol: 2 (no progress for 2 weeks within limits: deload 1-2 weeks); 10.2 (2/10 holds the step; after a deload restart at the deload level and climb back step by step)
include common/ready-right.inc
day 22..40: log pain --kind task --score 2
day 23..39/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 22: log run --minutes 5 --pain-during 0
day 24: log run --minutes 10 --pain-during 0
day 26: log run --minutes 15 --pain-during 0
# at 20 min every run sits at 2/10: within limits, the step holds, two weeks go by (step reached on day 28)
day 28..40/2: log run --minutes 20 --pain-during 2
# from day 41 the runner follows tendo exactly, pain-free, mornings at the usual 2/10;
# the two weeks at 20 min end on day 42: no step above 20 before the deload, and the deload comes
day 41..46: log pain --kind task --score 2 ; expect: minutes 0-20 ; expect any: decision deload ; follow --rpe 6
day 47..62: follow --task 2 --rpe 6
expect runs 40..62: rise at most 5
