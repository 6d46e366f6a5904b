# title: arrives in stage 2 curling 25 kg; a flare on day 3 (5/10 after three mornings at 2/10) is recognised in week 1, and the next curls are easier, not the declared load
# protocol: 11 (the first week holds at the declared level); 10.6 (the usual level forms from the first week); 2 and 6 (a flare makes the next session of every kind easier)
init --side right --stage strength --curl-kg 25
day 0..2: log pain --kind rest --score 0 ; follow --task 2 --rpe 7
expect lifts prone-curl 0..2: range 25-25
day 3: log pain --kind task --score 5
expect day 3: rule pain.morning.flare
expect day 3: run blocked
expect day 3: json all((x.get('kg_right') or x.get('kg') or 0) < 25 or (x.get('sets') or 0) * (x.get('reps') or 0) < 24 for x in j['rehab'] if x['exercise'] == 'prone-curl')
day 3: follow --rpe 6
day 4: log pain --kind task --score 4
expect day 4: json all((x.get('kg_right') or x.get('kg') or 0) < 25 or (x.get('sets') or 0) * (x.get('reps') or 0) < 24 for x in j['rehab'] if x['exercise'] == 'prone-curl')
