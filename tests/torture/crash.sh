# crash.sh - SIGKILL at random moments of import, log and restore.
#   sh tests/torture/crash.sh /path/to/tendo [short|full]   (ROUNDS=, SEED= override)
#
# Each command is timed once uninterrupted, then started again and again and
# killed with SIGKILL after a random delay within that time. After every kill
# the database must pass integrity_check and foreign_key_check with no entry
# written in part, and hold what was committed before the kill and nothing
# else: an import some of its activities (each whole), a log entry all or
# not at all, a restore every row or none. Then the command is run again to
# the end: the import completes with every activity exactly once, a restore
# into what the killed one left works.
# short (ctest): 10 rounds each on a 30-activity archive. full (make torture):
# 200 rounds each on a 200-activity archive.
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
if [ "$MODE" = full ]; then rounds=${ROUNDS:-200}; copies=200; else rounds=${ROUNDS:-10}; copies=30; fi
seed=${SEED:-$(date +%s)}
echo "crash ($MODE): $rounds rounds each, SEED=$seed"

# ms_now: milliseconds since the epoch
ms_now() { date +%s%3N; }
# delays N MAX_MS: N random delays in seconds, 0 - MAX_MS ms, from the seed
delays() {
	awk -v n="$1" -v max="$2" -v s="$seed" -v salt="${3:-0}" 'BEGIN { srand(s + salt); for (i = 0; i < n; i++) printf "%.4f\n", rand() * max / 1000 }'
}
KILLED=0
FINISHED=0

# run_killed DELAY ARGS...: start tendo, SIGKILL it after DELAY seconds; RC
# is its status (137 when killed)
run_killed() {
	d=$1
	shift
	"$TENDO" "$@" >"$WORK/out" 2>"$WORK/err" &
	pid=$!
	sleep "$d"
	kill -KILL "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	RC=$?
	if [ "$RC" = 137 ]; then
		KILLED=$((KILLED + 1))
	else
		FINISHED=$((FINISHED + 1))
		check "$RC" "$CUR: finished before the kill with status $RC: $(head -c 200 "$WORK/err")"
	fi
}

init_db "$WORK/base.db" || { echo "crash: cannot set up the database" >&2; exit 1; }
make_zip "$WORK/export.zip" "$copies"
acts=$((copies + 1))
nb=$(entries "$WORK/base.db")

# ---------------------------------------------------------------- import
cp "$WORK/base.db" "$WORK/full.db"
t0=$(ms_now)
"$TENDO" --db "$WORK/full.db" import "$WORK/export.zip" >/dev/null 2>&1
dur=$(($(ms_now) - t0))
check "$([ "$(entries "$WORK/full.db")" = $((nb + acts)) ]; echo $?)" "import: the uninterrupted import stores $acts activities"
partial=0
i=0
for d in $(delays "$rounds" $((dur * 11 / 10))); do
	i=$((i + 1))
	CUR="import round $i (kill after ${d}s)"
	rm -f "$WORK/cur.db-wal" "$WORK/cur.db-shm"
	cp "$WORK/base.db" "$WORK/cur.db"
	run_killed "$d" --db "$WORK/cur.db" import "$WORK/export.zip"
	db_intact "$WORK/cur.db" "$CUR" || cp "$WORK/cur.db" "$WORK/../tendo-crash-import-$i.db" 2>/dev/null
	got=$(entries "$WORK/cur.db")
	check "$([ "$got" -ge "$nb" ] && [ "$got" -le $((nb + acts)) ]; echo $?)" "$CUR: $got entries, expected $nb-$((nb + acts))"
	[ "$got" -gt "$nb" ] && [ "$got" -lt $((nb + acts)) ] && partial=$((partial + 1))
	"$TENDO" --db "$WORK/cur.db" import "$WORK/export.zip" >/dev/null 2>"$WORK/err"
	r=$?
	check "$r" "$CUR: the import again exits $r: $(head -c 200 "$WORK/err")"
	got=$(entries "$WORK/cur.db")
	check "$([ "$got" = $((nb + acts)) ]; echo $?)" "$CUR: the import again leaves $got entries, expected $((nb + acts))"
	dup=$(q "$WORK/cur.db" "SELECT count(*) - count(DISTINCT hash) FROM activity_file")
	check "$([ "$dup" = 0 ]; echo $?)" "$CUR: $dup activities stored twice"
	db_intact "$WORK/cur.db" "$CUR, imported again"
done
echo "  import:  $rounds rounds, $acts activities in ${dur} ms uninterrupted; $partial rounds killed part-way"

# ------------------------------------------------------------------- log
cp "$WORK/base.db" "$WORK/log.db"
t0=$(ms_now)
"$TENDO" --db "$WORK/log.db" log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 >/dev/null 2>&1
dur=$(($(ms_now) - t0))
i=0
landed=0
for d in $(delays "$rounds" $((dur * 12 / 10 + 2)) 1); do
	i=$((i + 1))
	CUR="log round $i (kill after ${d}s)"
	before=$(entries "$WORK/log.db")
	run_killed "$d" --db "$WORK/log.db" log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 --time 07:00
	db_intact "$WORK/log.db" "$CUR"
	got=$(entries "$WORK/log.db")
	check "$([ "$got" = "$before" ] || [ "$got" = $((before + 1)) ]; echo $?)" "$CUR: $got entries, expected $before or $((before + 1))"
	if [ "$RC" = 0 ]; then
		check "$([ "$got" = $((before + 1)) ]; echo $?)" "$CUR: finished but $got entries"
	elif [ "$got" = $((before + 1)) ]; then
		landed=$((landed + 1))
	fi
done
echo "  log:     $rounds rounds (${dur} ms each uninterrupted); $landed killed after their commit"

# --------------------------------------------------------------- restore
"$TENDO" --db "$WORK/full.db" export --json "$WORK/backup.json" >/dev/null 2>&1
nf=$(entries "$WORK/full.db")
t0=$(ms_now)
"$TENDO" --db "$WORK/r0.db" restore "$WORK/backup.json" >/dev/null 2>&1
dur=$(($(ms_now) - t0))
check "$([ "$(entries "$WORK/r0.db")" = "$nf" ]; echo $?)" "restore: the uninterrupted restore brings $nf entries"
i=0
left=0
for d in $(delays "$rounds" $((dur * 11 / 10)) 2); do
	i=$((i + 1))
	CUR="restore round $i (kill after ${d}s)"
	rm -f "$WORK/r.db" "$WORK/r.db-wal" "$WORK/r.db-shm"
	run_killed "$d" --db "$WORK/r.db" restore "$WORK/backup.json"
	db_intact "$WORK/r.db" "$CUR"
	got=$(entries "$WORK/r.db")
	check "$([ "$got" = 0 ] || [ "$got" = "$nf" ]; echo $?)" "$CUR: $got entries, expected 0 or $nf"
	if [ "$got" = 0 ]; then
		[ -e "$WORK/r.db" ] && left=$((left + 1))
		"$TENDO" --db "$WORK/r.db" restore "$WORK/backup.json" >/dev/null 2>"$WORK/err"
		r=$?
		check "$r" "$CUR: restoring again into what the kill left exits $r: $(head -c 200 "$WORK/err")"
		got=$(entries "$WORK/r.db")
		check "$([ "$got" = "$nf" ]; echo $?)" "$CUR: restoring again brings $got entries, expected $nf"
	fi
done
echo "  restore: $rounds rounds, $nf entries in ${dur} ms uninterrupted; $left left an empty database behind"
finish "$KILLED killed, $FINISHED finished first"
