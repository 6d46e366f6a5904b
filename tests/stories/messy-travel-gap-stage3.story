# title: stage 3, then 18 days abroad without running: the first run back is about half the last one, with no strides or plyometrics on that step-back day
# protocol: 10.2 (after 14 days without running restart at about half the last step, setting 0.5); 10.4 (new loads never on a step-back day)
init --side right --stage full_load --week-min 90
day 0..34: follow --task 2 --rpe 5
# away days 35-52, nothing logged
day 53..54: log pain --kind task --score 2 ; log pain --kind rest --score 0 ; expect any: run allowed ; expect if run allowed: json j['last_run']['date'] > '2026-02-26' or j['run']['minutes'] <= 0.6 * j['last_run']['minutes'] + 1 ; expect if run allowed: no-rule run.speed_hills_short ; expect if run allowed: rehab lacks skips ; follow --rpe 5
