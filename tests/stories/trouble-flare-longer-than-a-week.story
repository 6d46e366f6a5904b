# title: a flare that lasts nine days: clinician review advised, isometrics at their normal relieving dose
# protocol: 10.5 (a flare lasting more than 7 days: review with a clinician; isometrics 2-5 min a day, not a token dose)
include common/ready-right.inc
day 22: log pain --kind task --score 2 ; log run --minutes 5 --pain-during 0
day 23: log pain --kind task --score 2 ; log rehab --exercise prone-curl --sets 3 --reps 8 --kg 21 --rpe 7 --pain-during 1
day 24: log pain --kind task --score 2 ; log run --minutes 10 --pain-during 2
# mornings at 5/10 (usual 2/10) from day 25 on
day 25..33: log pain --kind task --score 5 ; log rehab --exercise iso-bridge --sets 2 --hold-s 30 --pain-during 2
# early in the flare: easier sessions, no running, no referral yet
expect day 27: run blocked
expect day 27: decision reduce|hold
day 34: log pain --kind task --score 5
expect day 34: run blocked
expect day 34: json any(re.search('clinician|physio', (r['id'] + ' ' + r.get('reason', '')).lower()) for r in j['rules'])
expect day 34: json sum((x.get('sets') or 0) * (x.get('hold_s') or 0) for x in j['rehab'] if x.get('kind') == 'isometric') >= 120
