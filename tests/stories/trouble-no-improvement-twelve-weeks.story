# title: twelve weeks in stage 1 with rest pain and no change: see a clinician
# protocol: 10.5 and 7 (no improvement after about 12 weeks, checked in every stage)
init --side left
# logs every second day: rest pain 3/10, morning task 4/10, holds at 2/10, never better
day 0..60/2: log pain --kind task --score 4 ; log pain --kind rest --score 3 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 2
expect day 60: stage settle
expect day 60: no-rule redflag.no_improvement
expect day 60: json j['decision'] != 'seek_care'
day 62..90/2: log pain --kind task --score 4 ; log pain --kind rest --score 3 ; log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 2
expect day 90: rule redflag.no_improvement
expect day 90: decision seek_care
expect day 90: run blocked
