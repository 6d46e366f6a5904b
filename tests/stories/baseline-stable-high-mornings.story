# title: a stable 4/10 morning from the first week is this runner's baseline, not a daily flare
# protocol: 10.6 (the usual level forms from the first week even above the ceiling; a flare is a rise over it); 3 (settle exit)
init --side right
day 0..6: log pain --kind task --score 4 ; log pain --kind rest --score 0 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 1 ; expect if json j['date'] >= '2026-01-08': no-rule pain.morning.flare
day 7: log pain --kind task --score 4
expect day 7: stage strength
expect day 7: no-rule pain.morning.flare
day 8..12: log pain --kind task --score 4
day 8..12/2: log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1
expect day 12: no-rule pain.morning.flare
# a real flare: 6/10 over the usual 4/10
day 13: log pain --kind task --score 6
expect day 13: rule pain.morning.flare
