# units.sh - metric and imperial (tendo profile --units): what is typed in
# miles and pounds is stored metric and read back metric in --json, and
# shown in miles, pounds and pace per mile; --km/--mi/--kg/--lb always mean
# their unit; the decimal comma; runs with pace and the local start (none
# for a typed run without a time); numbers as JSON numbers.
# Run: sh tests/cli/units.sh /path/to/tendo   (needs python3)
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
export TENDO_TODAY=2026-03-10

# near EXPR VALUE DESCRIPTION: the JSON number EXPR is VALUE within 0.01
near() {
	expect_json "abs(($1) - ($2)) < 0.01" True "$3 ($1 = $(json_get "$1" 2>&1), want $2)"
}

ok init --side left --tz Europe/London --date 2026-03-02 --stage strength --curl-kg 20
ok profile --json
expect_json "j['units']" metric "metric by default"

# ------------------------------------------------------------ metric, decimal comma

t log run --minutes 30 --km 5 --time 07:30 --date 2026-03-03 --json
expect_json "(j['km'], j['time'])" "(5.0, '07:30')" "--km 5 is 5 km"
RUN1=$(json_get "j['id']")
t log run --minutes 45 --km 7,5 --date 2026-03-04 --json
expect_json "j['km']" 7.5 "decimal comma: --km 7,5"
RUN2=$(json_get "j['id']")
t log run --minutes 12,5 --date 2026-03-05 --json
expect_json "(j['minutes'], j['km'], j['time'])" "(12.5, None, None)" "decimal comma in --minutes; no distance, no time"
t log rehab --exercise prone-curl --sets 3 --reps 10 --kg 22,5 --date 2026-03-05 --json
expect_json "j['kg']" 22.5 "decimal comma in --kg"
t log sitting --hours 1,5 --date 2026-03-05 --json
expect_json "j['hours']" 1.5 "decimal comma in --hours"
for v in "7,5,1" ",5" "7," "7.5,1" "7;5"; do
	t log run --minutes 20 --km "$v" --date 2026-03-05
	expect_rc 2 "--km '$v' is refused"
done
t log run --minutes 20 --km 5 --mi 3 --date 2026-03-05
expect_rc 2 "--km with --mi"
expect_err "give the distance once" "one distance"

t runs
expect_rc 0 "runs (metric)"
expect_out "^id +start +min +km +pace" "runs: the columns, km"
expect_out "^#$RUN1 +2026-03-03 07:30 +30 +5.00 +6:00/km" "a typed run with a time: local start and pace per km"
expect_out "^#$RUN2 +2026-03-04 +45 +7.50 +6:00/km" "a typed run without a time: the day alone"
CHECKS=$((CHECKS + 1))
printf '%s\n' "$OUT" | grep "^#$RUN2 " | grep -q "12:00" && fail "no invented noon for a run without a time"
t runs --json
expect_json "[(r['start'], r['start_local']) for r in j if r['id'] == $RUN1]" "[(None, '2026-03-03T07:30')]" \
	"runs --json: start_local of a typed run with a time"
expect_json "[(r['start'], r['start_local']) for r in j if r['id'] == $RUN2]" "[(None, None)]" \
	"runs --json: no start for a typed run without a time"
expect_json "[r['pace_s_km'] for r in j if r['id'] == $RUN1]" "[360.0]" "runs --json: pace_s_km"
expect_json "all(isinstance(r['distance_m'], (int, float)) or r['distance_m'] is None for r in j)" True \
	"runs --json: distance_m a number"

# today's loads are numbers: strength stage with a prone-curl load
t today --json
expect_rc 0 "today --json"
expect_json "all(x['load'] is None or isinstance(x['load'], (int, float)) for x in j['rehab'])" True "rehab loads are numbers"
expect_json "all(x['load'] == x['kg'] and isinstance(x['load_text'], str) for x in j['rehab'])" True \
	"load is the kg; load_text the words"
expect_json "any(isinstance(x['load'], (int, float)) and x['load'] > 0 for x in j['rehab'])" True "a load in kg"

# ------------------------------------------------------------ imperial

t profile --units imperial --json
expect_rc 0 "profile --units imperial"
expect_json "j['units']" imperial "the profile says imperial"
t profile
expect_out "units imperial \\(miles, lb, pace per mile\\)" "profile shows the units"
t profile --units furlongs
expect_rc 2 "--units furlongs"
expect_err "--units must be metric\\|imperial" "the units allowed"

t log run --minutes 30 --distance 3.1 --time 18:00 --date 2026-03-06 --json
expect_rc 0 "log run --distance in miles"
near "j['km']" "3.1 * 1.609344" "--distance 3.1 in imperial is stored as km"
RUN3=$(json_get "j['id']")
t log run --minutes 20 --distance 2,5 --date 2026-03-07 --json
near "j['km']" "2.5 * 1.609344" "--distance with a decimal comma, miles"
t log run --minutes 20 --km 4 --date 2026-03-07 --json
expect_json "j['km']" 4.0 "--km is km whatever the units"
t log run --minutes 20 --mi 2 --date 2026-03-07 --json
near "j['km']" "2 * 1.609344" "--mi is miles"
t log rehab --exercise prone-curl --sets 3 --reps 10 --load 44 --date 2026-03-07 --json
near "j['kg']" "44 * 0.45359237" "--load 44 in imperial is lb, stored as kg"
t log rehab --exercise prone-curl --sets 3 --reps 10 --lb 10 --date 2026-03-07 --json
near "j['kg']" "10 * 0.45359237" "--lb is pounds"
t log rehab --exercise prone-curl --sets 3 --reps 10 --kg 10 --date 2026-03-07 --json
expect_json "j['kg']" 10.0 "--kg is kg whatever the units"
t log rehab --exercise prone-curl --sets 3 --reps 10 --kg 10 --lb 5 --date 2026-03-07
expect_rc 2 "--kg with --lb"

# read back: JSON metric, text imperial
t history --json
near "[e for e in j if e['id'] == $RUN3][0]['km']" "3.1 * 1.609344" "history --json stays metric (km)"
t history
expect_out "#$RUN3 +2026-03-06  run 30 min 3.1 mi at 18:00" "history shows miles"
expect_out "prone-curl 3 x 10 @ 44 lb" "history shows pounds"
expect_out "prone-curl 3 x 10 @ 22 lb" "a load typed in kg shown in pounds"
t runs
expect_out "^id +start +min +mi +pace" "runs: the distance column in miles"
expect_out "^#$RUN3 +2026-03-06 18:00 +30 +3.10 +9:41/mi" "runs: miles and pace per mile"
expect_out "^#$RUN1 +2026-03-03 07:30 +30 +3.11 +9:39/mi" "a run typed in km shown in miles"
t runs --json
near "[r['distance_m'] for r in j if r['id'] == $RUN3][0]" "3.1 * 1609.344" "runs --json: distance_m, metric"
t today
expect_rc 0 "today (imperial)"
CHECKS=$((CHECKS + 1))
printf '%s' "$OUT" | grep -E "^ +- prone-curl" | grep -q " lb" || fail "today shows the prone-curl load in lb: $(printf '%s' "$OUT" | grep prone-curl)"
CHECKS=$((CHECKS + 1))
printf '%s' "$OUT" | grep -E "^ +- " | grep -q "[0-9] kg" && fail "today (imperial) still shows kg"
t today --json
expect_json "all(x['load'] == x['kg'] for x in j['rehab'])" True "today --json stays metric in imperial"

# the easy pace per mile, stored per km
t profile --easy-pace 10:00 --json
expect_json "j['settings']['easy_pace_s_km']" 373.0 "--easy-pace 10:00 per mile is 373 s per km"
t profile --easy-pace 2:30
expect_rc 2 "--easy-pace 2:30 per mile is too fast"
expect_err "per mile" "the message says per mile"
t profile --curl-kg 44 --stage strength --json
near "j['start_curl_kg']" "44 * 0.45359237" "--curl-kg in imperial is pounds, stored as kg"

# and back to metric: the same log in km
ok profile --units metric
t runs
expect_out "^#$RUN3 +2026-03-06 18:00 +30 +4.99 +6:01/km" "back to metric: km again"
t history
expect_out "prone-curl 3 x 10 @ 20 kg" "44 lb shown as 20 kg"

# a readiness test's curl 10RM in the athlete's units too
ok profile --units imperial
ok log test --curl-10rm-left 66 --curl-10rm-right 60 --date 2026-03-07 --json
expect_json "round(j['curl_left'], 2)" 29.94 "66 lb stored as 29.94 kg"
expect_json "round(j['curl_right'], 2)" 27.22 "60 lb stored as 27.22 kg"
ok profile --units metric

# the unit survives export and restore
ok profile --units imperial
t export --json "$WORK/e.json"
tx_rc=0
"$TENDO" --db "$WORK/r.db" restore "$WORK/e.json" >/dev/null 2>&1 || tx_rc=$?
CHECKS=$((CHECKS + 1))
[ "$tx_rc" = 0 ] || fail "restore"
OUT=$("$TENDO" --db "$WORK/r.db" profile --json)
expect_json "j['units']" imperial "units restored"
finish
