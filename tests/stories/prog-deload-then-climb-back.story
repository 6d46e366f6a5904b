# title: stalled two weeks at 20 min, deloaded to 10: back to 15 then 20, never 10 -> 20 in one jump
# protocol: 2 (stalled: deload); 10.2 (after a deload restart at the deload level and climb back step by step)
include common/ready-right.inc
day 22..41: log pain --kind task --score 2
day 23..41/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 22: log run --minutes 5 --pain-during 0
day 24: log run --minutes 10 --pain-during 0
day 26: log run --minutes 15 --pain-during 0
# at 20 min every run sits at 2/10: within limits, the step holds, two weeks go by
day 28..40/2: log run --minutes 20 --pain-during 2
expect any day 41..43: decision deload
# from here on the runner follows tendo exactly, pain-free
day 42..60: follow --task 2 --rpe 6
expect runs 41..58: rise at most 5
