# title: return to run: prescribed 10, 15, 20 but runs 20, 25, 30 in a row at 1/10 with settled mornings: tendo keeps to its own steps (+5 at most over what it prescribed), flags each overrun, and never jumps to what was done
# protocol: 5 (+5 min per good run; never an arbitrary distance regardless of symptoms; long runs leave 48 h); 10.2 (+5 only after a pain-free run); 6
include common/ready-right.inc
day 22..40: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 22: log run --minutes 5 --pain-during 0
day 23: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
expect day 24: minutes 10
day 24: log run --minutes 20 --pain-during 1
expect day 25: rule run.over_prescription
expect day 25: run blocked
day 25: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# at most one step over the last prescription (10 -> 15); never 25
expect any day 26..27: run allowed
expect day 26..27: minutes 0-15
day 27: log run --minutes 25 --pain-during 1
expect day 28: rule run.over_prescription
expect day 28: run blocked
day 28: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
expect any day 29..30: run allowed
expect day 29..30: minutes 0-20
day 30: log run --minutes 30 --pain-during 1
expect day 31: rule run.over_prescription
day 31: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# three overruns later the prescription is still on tendo's own ladder (5,10,15,20,...), never 30 or 35
expect day 32..33: minutes 0-25
