# memlimit.sh - import, restore and log with little memory (ulimit -v).
#   sh tests/torture/memlimit.sh /path/to/tendo [short|full]
#
# The address space is limited from just below what tendo needs to start
# (found first, in 1 MB steps) to 4 MB (short) or 16 MB (full) above it; at every limit the
# command must exit 0, or 1 with a "tendo: " message (never a signal, never
# an abort), and the database must be intact with each entry whole. A limit
# so small that the dynamic loader cannot start tendo (exit 127) is counted
# apart. Out of memory stops an import with exit 1; --strict makes any
# other file that could not be read an error too. Skipped
# under AddressSanitizer (its shadow memory needs terabytes).
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
if grep -q __asan_init "$TENDO" 2>/dev/null; then
	echo "memlimit: SKIP under AddressSanitizer (ulimit -v does not apply)"
	exit 0
fi
if [ "$MODE" = full ]; then copies=100; step=64; span=16384; else copies=10; step=512; span=4096; fi
init_db "$WORK/base.db" || { echo "memlimit: cannot set up the database" >&2; exit 1; }
make_zip "$WORK/export.zip" "$copies"
acts=$((copies + 1))
nb=$(entries "$WORK/base.db")
cp "$WORK/base.db" "$WORK/big.db"
"$TENDO" --db "$WORK/big.db" import "$WORK/export.zip" >/dev/null 2>&1
"$TENDO" --db "$WORK/big.db" export --json "$WORK/backup.json" >/dev/null 2>&1
nf=$(entries "$WORK/big.db")

# limited KB ARGS...: tendo with its address space limited to KB kilobytes
limited() {
	kb=$1
	shift
	(
		ulimit -v "$kb" 2>/dev/null || exit 126
		exec "$TENDO" "$@"
	) >/dev/null 2>"$WORK/err"
}

# the smallest limit (in 1 MB steps) at which tendo starts and reads the log
kb=8192
while [ "$kb" -lt 1048576 ]; do
	limited "$kb" --db "$WORK/big.db" history && break
	kb=$((kb + 1024))
done
start=$((kb - 1024))
top=$((start + span))
echo "memlimit ($MODE): tendo reads the log from $kb KB; sweeping $start-$top KB in $step KB steps"
STEPS=0
NOSTART=0
OOM=0
kb=$start
while [ "$kb" -le "$top" ]; do
	for op in log import restore; do
		rm -f "$WORK"/t.db*
		[ "$op" = restore ] || cp "$WORK/base.db" "$WORK/t.db"
		before=$(entries "$WORK/t.db")
		case "$op" in
		log) limited "$kb" --db "$WORK/t.db" log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 ;;
		import) limited "$kb" --db "$WORK/t.db" import --strict "$WORK/export.zip" ;;
		restore) limited "$kb" --db "$WORK/t.db" restore "$WORK/backup.json" ;;
		esac
		rc=$?
		what="ulimit -v $kb: $op"
		STEPS=$((STEPS + 1))
		if [ "$rc" = 127 ] && grep -q 'error while loading shared libraries' "$WORK/err"; then
			NOSTART=$((NOSTART + 1))
			continue
		fi
		exit_ok "$rc" "$WORK/err" "$what"
		[ "$rc" = 1 ] && OOM=$((OOM + 1))
		db_intact "$WORK/t.db" "$what"
		got=$(entries "$WORK/t.db")
		case "$op" in
		log) want_ok=$([ "$got" = "$before" ] || [ "$got" = $((before + 1)) ]; echo $?); full=$((before + 1)) ;;
		import) want_ok=$([ "$got" -ge "$before" ] && [ "$got" -le $((before + acts)) ]; echo $?); full=$((before + acts)) ;;
		restore) want_ok=$([ "$got" = 0 ] || [ "$got" = "$nf" ]; echo $?); full=$nf ;;
		esac
		check "$want_ok" "$what: $got entries after exit $rc (before: $before)"
		[ "$rc" = 0 ] && check "$([ "$got" = "$full" ]; echo $?)" "$what: exit 0 but $got entries (expected $full)"
	done
	kb=$((kb + step))
done
finish "$STEPS steps from $start KB to $top KB: $NOSTART could not start, $OOM ran out of memory and said so"
