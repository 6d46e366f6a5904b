# title: arrives in stage 3 (her physio's word) running 150 min a week as five 30-min runs, logged for the week before: the first week holds her declared level without turning it into three 50-min runs, then grows about 10% a week
# open: 11, 10.2: the declared 150 min (5 x 30, logged) becomes 99 min in week 0 (three runs of 33) and 108 in week 1: tendo runs three a week once growth is weekly, so the first week does not hold at the declared level (how many runs a week is silent in PROTOCOL.md; the count should follow the athlete's declared or logged pattern)
# protocol: 11 (stage 3 with current weekly volume; the first week holds at the declared level while the 24-hour responses come in; entries before the start move it back with a message); 5 (duration is the first variable; never an arbitrary distance); 10.2 (week within last week's x 1.10)
init --side right --stage full_load --week-min 150 --cleared-by "J Mills, physio"
day -7,-6,-4,-3,-1: log run --minutes 30 --rpe 4 --pain-during 0 ; log pain --kind task --score 1
day -5,-2: log pain --kind task --score 1
expect output: start moved back|moved back
expect day 0: stage full_load
# the bogus 'last on 1752-03-15' must never be shown to a patient
expect day 0..2: json '1752' not in json.dumps(j)
# section 11: hold the declared level; section 5: her runs are 30 min, a 50-min run is a 67% jump in one run
# (silent on run frequency: a physio keeps her run length, ~30-33 min, in week 1)
day 0..13: log pain --kind task --score 1 ; log pain --kind rest --score 0 ; expect: json not j['run']['allowed'] or j['run']['minutes'] <= 33 ; follow --rpe 5
# week 0 holds at about the declared 150 min (not cut to 99, not pushed past 165)
expect week 0: run-minutes 120-165
expect week 1: run-minutes 120-182
