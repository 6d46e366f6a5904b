# title: a custom strength exercise (Nordic slider) done in stage 1 is named as too early; a custom hold is fine
# protocol: 3 (every exercise carries its stage and kind; stage 1 is isometrics only)
init --side right
day 0..2: log pain --kind task --score 2 ; log pain --kind rest --score 0
day 1: log rehab --exercise wall-hold --stage settle --ex-kind isometric --sets 5 --hold-s 40 --pain-during 0
day 2: log pain --kind task --score 2
expect day 2: no-rule stage.exercise_too_early
day 2: log rehab --exercise slider-curl --stage strength --ex-kind isotonic --sets 3 --reps 8 --kg 10 --pain-during 2
day 3: log pain --kind task --score 2
expect day 3: stage settle
expect day 3: rule stage.exercise_too_early
