# title: mornings at 2/10 for six weeks, then five weeks with no log; the first morning back the task is 4/10: a flare against her own usual 2, not "a little raised" with "no usual level yet"
# protocol: 2 (thresholds are per athlete, compared with their own baseline; flare = morning up by 2 or more); 10.6 (the usual level forms from the first week); 6 (a flare makes every session easier)
include common/ready-right.inc
day 22..40: follow --task 2 --rpe 5
# away and not logging days 41-76; day 77 back home, the long flight (and the luggage) left the tendon grumpy
day 77: log pain --kind task --score 4 --note "after the flight home" ; log pain --kind rest --score 0
expect day 77: rule pain.morning.flare
expect day 77: no-rule pain.morning.raised
# the same expectation existing stories hold for a flare morning (messy-pain-from-several-places)
expect day 77: run blocked
