# title: stage 3 at 100 min a week: a compliant month never swings by more than 10% a week; after a week off, no catch-up week
# protocol: 10.2 (each week within last week's x 1.10, spread over the training days; no catch-up weeks); 11 (the first week holds at the declared level)
init --side right --stage full_load --week-min 100
day 0..27: follow --task 2 --rpe 5
expect week 0: run-minutes 90-110
expect weeks 0..3: run-minutes within 10%
# week 4 (days 28-34): a week off, nothing logged
day 35..55: follow --task 2 --rpe 5
# week 5 stays within week 3 x 1.10, and week 3 is at most 100 x 1.1^3 = 133: at most 146
expect week 5: run-minutes 0-146
expect weeks 5..7: run-minutes within 10%
