# title: the after-run pain typed on the phone before the watch synced the run, and a sharp twinge added to a later run by edit: both count as that run's pain
# protocol: 10.1 (a pain report on a day with a run is that run's pain; after pain over the ceiling holds the step even when settled; no outstanding sharp pain); 2 (pain after must settle)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
# 20:00 on the phone: 5/10 after the run; 22:00 the watch syncs the 18:00 run, no pain fields
day 24: log pain --kind task --score 2 ; log pain --kind after --score 5 --note "after the run" ; log run --minutes 10 --time 18:00
day 25: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 26: log pain --kind task --score 2
expect day 26: run allowed
expect day 26: minutes 5-10
expect day 26: no-rule run.step_up
expect day 26: rule pain.after.raised
day 26: $R2 = log run --minutes 10 --pain-during 1
day 27: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
tendo: edit $R2 --sharp --note "sharp at the sit bone stepping up a kerb"
day 28: log pain --kind task --score 2
expect day 28: run blocked
expect day 28: rule pain.sharp.outstanding|pain.sharp.regress
