# stories.sh - the seed stories replayed through the real CLI with --date,
# asserting the engine's decisions (issue 2, "scenario tests"):
#   1. Goom's arbitrary 6 km run at 2-3/10, flared for 6 days (seed 003)
#   2. stuck at 20 minutes for two weeks (seed 003) -> deload; the same
#      with raised mornings after each run -> a strength block (PROTOCOL 10.5)
#   3. a flare after over-eager strength work in stage 1 (seed 000)
#   4. a readiness test failed on symmetry, then passed (seed 003)
#   5. numbness reported mid-programme -> seek care, then cleared
. "$(dirname "$0")/lib.sh"

# A right-sided runner from day 0 who settles in a week, does two weeks of
# strength work and passes the readiness tests on day 21: stage 2b on day 22.
setup_ready() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ok init --side right --name story --tz UTC --date "$(day 0)"
	for d in $(seq 0 6); do
		ok log pain --kind task --score 2 --date "$(day "$d")"
		ok log pain --kind rest --score 0 --date "$(day "$d")"
		ok log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 0 --date "$(day "$d")"
	done
	for d in $(seq 7 21); do
		ok log pain --kind task --score 2 --date "$(day "$d")"
		if [ $((d % 2)) -eq 0 ]; then
			ok log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 7 --pain-during 1 --date "$(day "$d")"
			ok log rehab --exercise bridge-90 --sets 3 --reps 15 --pain-during 0 --date "$(day "$d")"
		fi
	done
}

pass_test() { # day
	ok log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 \
		--curl-10rm-left 30 --curl-10rm-right 28 --rest-pain 0 --date "$(day "$1")"
}

# run DAY MINUTES PAIN [more options]: a run plus the task score that morning
run() {
	d=$1 m=$2 p=$3
	shift 3
	ok log run --minutes "$m" --pain-during "$p" --date "$(day "$d")" "$@"
}
task() { ok log pain --kind task --score "$2" --date "$(day "$1")"; }
# strength DAY: the strength session of a day without running
strength() {
	ok log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --rpe 8 --pain-during 1 --date "$(day "$1")"
	ok log rehab --exercise single-leg-bridge --sets 3 --reps 10 --pain-during 0 --date "$(day "$1")"
}

# -------------------------------------------------------------- the prefix
setup_ready
today_on 6
expect_json "j['stage']" settle "day 6: still settling (7 days at least)"
expect_rule stage.settle.waiting "day 6: says what is still to come"
today_on 7
expect_json "j['stage']" strength "day 7: settle criteria met"
expect_rule stage.start "day 7: strength starts"
expect_json "j['run']['allowed']" False "no running in strength"
pass_test 21
today_on 22
expect_json "j['stage']" return_to_run "tests passed: return to run"
expect_json "j['decision']" start "first day of return to run"
expect_json "j['run']['minutes']" 5 "the first run is 5 minutes"
expect_rule run.first_test "first run is a test"

# ------------------------------------------- 1. the arbitrary 6 km (Goom)
# 5 min (22), 10 min (24), then at step 15 an arbitrary 6 km in 35 min at 2-3/10
task 22 2; run 22 5 0 --terrain treadmill
task 23 2; strength 23
today_on 24
expect_json "j['run']['minutes']" 10 "good first run: +5 min"
expect_json "j['decision']" progress "progress after a clean run"
run 24 10 1
task 25 2; strength 25
today_on 26
expect_json "j['run']['minutes']" 15 "second clean run: 15 min"
run 26 35 3 --km 6 --pain-after 3
for d in 27 28 29 30 31 32; do task $d 5; done  # flared for 6 days
today_on 27
expect_json "j['decision']" reduce "flare the morning after the 6 km"
expect_json "j['run']['allowed']" False "no running during the flare"
expect_rule pain.morning.flare "the flare is named"
expect_rule run.over_prescription "35 min against 15 prescribed is named"
expect_json "all(x['kind'] == 'isometric' for x in j['rehab'])" True "isometrics only during a flare"
for d in 28 29 30 31 32; do
	today_on $d
	expect_json "j['run']['allowed']" False "day $d: still flared, no running"
	expect_json "j['decision'] != 'progress'" True "day $d: no progression while flared"
done
task 33 2
today_on 33
expect_json "j['run']['allowed']" True "settled again on day 33"
expect_json "j['run']['minutes']" 10 "one step back: 15 -> 10 min"
expect_json "j['decision']" reduce "the first run after a flare is reduced"
expect_rule run.step_back "the step back is named"
expect_json "j['run']['run_walk']" True "run/walk after a flare"

# --------------------------------- 2. stuck at 20 minutes for two weeks
setup_ready
pass_test 21
d=22; m=5
while [ $m -lt 20 ]; do
	task $d 2; run $d $m 0; task $((d + 1)) 2; strength $((d + 1))
	d=$((d + 2)); m=$((m + 5))
done
today_on $d
expect_json "j['run']['minutes']" 20 "reached 20 minutes on day $d"
stuck_from=$d
# every 20-minute run hurts 2/10: within the ceiling but not pain-free, so
# the step holds (PROTOCOL 10.2), mornings settled: hold, hold, hold...
while [ $d -lt $((stuck_from + 14)) ]; do
	task $d 2; run $d 20 2; task $((d + 1)) 2; strength $((d + 1))
	today_on $((d + 2))
	if [ $((d + 2)) -lt $((stuck_from + 14)) ]; then
		expect_json "j['decision'] in ('hold',)" True "day $((d + 2)): holding at 20 min"
		expect_json "j['run']['minutes']" 20 "day $((d + 2)): still 20 min"
	fi
	d=$((d + 2))
done
task $d 2
today_on $d
expect_json "j['decision']" deload "two weeks without progress: deload"
expect_rule deload.stalled "the stall is named"
expect_json "j['run']['minutes']" 10 "deload halves the run"
expect_rule deload.active "the deload says both numbers"
expect_out "10 min \\(was 20\\)" "the deload names 10 and 20"

# 2b. the same runner, but each 20-minute run leaves the next morning a
# little raised: after the third the running pauses for a strength block
setup_ready
pass_test 21
d=22; m=5
while [ $m -lt 20 ]; do
	task $d 2; run $d $m 0; task $((d + 1)) 2; strength $((d + 1))
	d=$((d + 2)); m=$((m + 5))
done
for k in 1 2 3; do
	task $d 2; run $d 20 0; task $((d + 1)) 3; strength $((d + 1))
	d=$((d + 2))
done
today_on $((d - 1))
expect_json "j['stage']" strength "three raised mornings at 20 min: strength block"
expect_rule run.pause_strength_block "the pause is named"
expect_json "j['run']['allowed']" False "no running in the block"

# ------------------------- 3. over-eager strength work in stage 1 (seed 000)
rm -f "$DB" "$DB-wal" "$DB-shm"
ok init --side right --tz UTC --date "$(day 0)"
for d in 0 1 2 3; do task $d 3; ok log rehab --exercise iso-bridge --sets 5 --hold-s 30 --pain-during 1 --date "$(day $d)"; done
ok log rehab --exercise hip-thrust --sets 4 --reps 10 --kg 60 --rpe 8 --pain-during 4 --date "$(day 3)"
ok log rehab --exercise prone-curl --sets 3 --reps 12 --kg 25 --rpe 8 --pain-during 4 --date "$(day 3)"
task 4 6
today_on 4
expect_json "j['stage']" settle "still stage 1"
expect_json "j['decision']" reduce "flare after the gym session: reduce"
expect_rule pain.morning.flare "the flare is named"
expect_rule stage.exercise_too_early "the stage-2 exercises are named"
expect_json "len(j['rehab'])" 1 "one gentle hold only"
expect_json "j['rehab'][0]['exercise']" iso-bridge "the double-leg bridge hold"
expect_json "j['run']['allowed']" False "no running in stage 1"

# ------------------------------------ 4. readiness failed on symmetry
setup_ready
ok log test --drop-lunge-pain 0 --bridge-reps-left 20 --bridge-reps-right 19 \
	--curl-10rm-left 30 --curl-10rm-right 24 --rest-pain 0 --date "$(day 21)"
today_on 22
expect_json "j['stage']" strength "curl LSI 80%: still strength"
expect_json "j['run']['allowed']" False "no running"
expect_rule readiness.fail.symmetry "the symmetry failure is named"
expect_json "[r['reason'] for r in j['rules'] if r['id']=='readiness.fail.symmetry'][0].count('80%')" 1 "the LSI is reported"
t status --date "$(day 22)" --json
expect_json "j['readiness']['pass']" False "status: not passed"
expect_json "j['load']['week'] > 0 and j['load']['estimated']" True "status: session-RPE load, RPE assumed where missing"
expect_json "j['load']['acwr']" None "status: no acute:chronic ratio before 28 days"
expect_json "j['load']['acwr_band']" "[0.8, 1.3]" "status: the band to show with the ratio"
t status --date "$(day 30)" --json
expect_json "j['load']['acwr'] is not None" True "status: a ratio from day 28 on"
expect_json "round(j['readiness']['lsi_curl'])" 80 "status: curl LSI 80"
pass_test 25
today_on 26
expect_json "j['stage']" return_to_run "retest passed: return to run"
expect_json "j['run']['minutes']" 5 "first run 5 min"

# -------------------------------------------- 5. numbness mid-programme
setup_ready
pass_test 21
task 22 2; run 22 5 0; task 23 2
ok log flag --kind numbness --date "$(day 24)"
expect_out "see a clinician" "logging a red flag says to see a clinician"
# day 24 as it was advised that morning: the flag came later that day (10.9)
today_on 24
expect_json "j['decision']" hold "day 24's record is what was advised that morning"
expect_json "any(r['id'].startswith('redflag.') for r in j['rules'])" False "the flag logged later that day is not in that morning's record"
today_on 25
expect_json "j['decision']" seek_care "numbness: seek care"
expect_json "j['run']['allowed']" False "no running after a red flag"
expect_json "len(j['rehab'])" 0 "no loading after a red flag"
expect_rule redflag.neural "the neural red flag is named"
today_on 40
expect_json "j['decision']" seek_care "still seek care 16 days later"
t today --date "$(day 25)"
expect_out "SEEK CARE" "the text says seek care first"
ok log flag --kind cleared --date "$(day 41)"
today_on 41
expect_json "j['stage']" settle "cleared: back to stage 1"
expect_rule redflag.cleared "the clearance is named"

finish
