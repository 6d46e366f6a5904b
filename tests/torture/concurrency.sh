# concurrency.sh - several writers and importers on one database at once.
#   sh tests/torture/concurrency.sh /path/to/tendo [short|full]
#
# WRITERS processes each log LOGS entries one command at a time while
# importers run: two import archives of their own, three import the same
# activities at the same moment (one archive twice, and the same runs as
# other bytes, as if exported again). Afterwards: every command exited 0, none said
# "database is locked" (or busy), the database is intact, every entry is
# there (nothing lost) and every activity is stored once (no duplicates).
# The same activities imported by two importers at once were stored twice
# before finding 5 was fixed (the duplicate check ran outside the write
# transaction); DUP_RACE=xfail reports a duplicate without failing (for a
# branch without the fix), DUP_RACE=check (the default) fails.
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
if [ "$MODE" = full ]; then
	writers=6 logs=60 copies=60 rounds=${ROUNDS:-5} race=${DUP_RACE:-check}
else
	writers=3 logs=10 copies=15 rounds=${ROUNDS:-1} race=${DUP_RACE:-check}
fi
echo "concurrency ($MODE): $rounds rounds of $writers writers x $logs logs, 5 importers of $copies-activity archives"
make_zip "$WORK/a.zip" "$copies" 1000
make_zip "$WORK/b.zip" "$copies" 2000
make_zip "$WORK/same.zip" "$copies" 3000
make_zip "$WORK/again.zip" "$copies" 3000 again
XFAILS=0
r=0
while [ "$r" -lt "$rounds" ]; do
	r=$((r + 1))
	db="$WORK/c$r.db"
	init_db "$db" || { echo "concurrency: cannot set up the database" >&2; exit 1; }
	nb=$(entries "$db")
	pids=""
	w=0
	while [ "$w" -lt "$writers" ]; do
		w=$((w + 1))
		(
			i=0
			while [ "$i" -lt "$logs" ]; do
				i=$((i + 1))
				if [ $((i % 2)) = 0 ]; then
					"$TENDO" --db "$db" log sitting --hours 1 >/dev/null 2>>"$WORK/err.w$w" || echo "exit $?" >>"$WORK/err.w$w"
				else
					"$TENDO" --db "$db" log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 >/dev/null \
						2>>"$WORK/err.w$w" || echo "exit $?" >>"$WORK/err.w$w"
				fi
			done
		) &
		pids="$pids $!"
	done
	for z in a b same same again; do
		"$TENDO" --db "$db" import "$WORK/$z.zip" >>"$WORK/out.i$r" 2>>"$WORK/err.i$r" &
		pids="$pids $!"
	done
	bad=0
	for p in $pids; do
		wait "$p" || bad=$((bad + 1))
	done
	check "$bad" "round $r: $bad importers exited non-zero: $(cat "$WORK"/err.* 2>/dev/null | head -c 400)"
	ierr=$(grep -c '^error' "$WORK/out.i$r")
	check "$([ "$ierr" = 0 ]; echo $?)" "round $r: the importers failed on $ierr files: $(grep '^error' "$WORK/out.i$r" | head -3)"
	errs=$(cat "$WORK"/err.* 2>/dev/null)
	check "$([ -z "$errs" ]; echo $?)" "round $r: messages on stderr: $(printf '%s' "$errs" | sort | uniq -c | head -c 600)"
	locked=$(printf '%s' "$errs" | grep -ci 'locked\|busy')
	check "$([ "$locked" = 0 ]; echo $?)" "round $r: $locked 'database is locked' messages"
	db_intact "$db" "round $r"
	want=$((nb + writers * logs + 3 * copies))
	got=$(entries "$db")
	# an activity stored twice has the same sport and start (its hash may differ)
	same=$(q "$db" "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM activity_file GROUP BY start_ms, sport HAVING n > 1)")
	lost=$((want - (got - same)))
	check "$([ "$lost" = 0 ]; echo $?)" "round $r: $got entries with $same activities twice: $lost lost (expected $want)"
	if [ "$same" != 0 ]; then
		if [ "$race" = xfail ]; then
			XFAILS=$((XFAILS + 1))
			echo "  XFAIL (finding 5): round $r: the activities imported twice at once stored $same twice"
		else
			check 1 "round $r: $same activities stored twice (finding 5: the duplicate check races)"
		fi
	else
		check 0 ""
	fi
	printf '  round %d: %d entries (expected %d), %d activities twice, %d lost\n' "$r" "$got" "$want" "$same" "$lost"
	rm -f "$WORK"/err.* "$WORK"/out.*
done
finish "$XFAILS expected failures"
