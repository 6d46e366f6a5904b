# diskfull.sh - import, log and restore when the disk fills up.
#   sh tests/torture/diskfull.sh /path/to/tendo [short|full]
#
# Two ways to run out of room:
# - a small tmpfs (when this user may mount one: root outside a locked-down
#   container) with the database on it, filled up to leave FREE bytes: the
#   writes fail with ENOSPC;
# - RLIMIT_FSIZE (ulimit -f, SIGXFSZ ignored) a little above the database's
#   size: the writes that grow a file fail with EFBIG.
# For each FREE or limit the command must exit 0, or 1 with a "tendo: "
# message; once the room is back the database is intact (integrity,
# foreign keys, no entry in part), holds all or nothing of what the command
# wrote (each imported activity whole), and the same command run again
# completes it.
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
if [ "$MODE" = full ]; then copies=60; else copies=10; fi
init_db "$WORK/base.db" || { echo "diskfull: cannot set up the database" >&2; exit 1; }
make_zip "$WORK/export.zip" "$copies"
acts=$((copies + 1))
nb=$(entries "$WORK/base.db")
cp "$WORK/base.db" "$WORK/big.db"
"$TENDO" --db "$WORK/big.db" import "$WORK/export.zip" >/dev/null 2>&1
"$TENDO" --db "$WORK/big.db" export --json "$WORK/backup.json" >/dev/null 2>&1
nf=$(entries "$WORK/big.db")
STEPS=0
FAILED=0 # steps that ran out of room and said so

# outcome WHAT DB RC DELTA-MODE BEFORE: the checks after one step (room back)
outcome() {
	what=$1 db=$2 rc=$3 dm=$4 before=$5
	STEPS=$((STEPS + 1))
	exit_ok "$rc" "$WORK/err" "$what"
	[ "$rc" = 1 ] && FAILED=$((FAILED + 1))
	db_intact "$db" "$what"
	got=$(entries "$db")
	case "$dm" in
	log) ok=$([ "$got" = "$before" ] || [ "$got" = $((before + 1)) ]; echo $?) ;;
	import) ok=$([ "$got" -ge "$before" ] && [ "$got" -le $((before + acts)) ]; echo $?) ;;
	restore) ok=$([ "$got" = 0 ] || [ "$got" = "$nf" ]; echo $?) ;;
	esac
	check "$ok" "$what: $got entries after exit $rc (before: $before)"
	if [ "$rc" = 0 ]; then
		case "$dm" in
		log) check "$([ "$got" = $((before + 1)) ]; echo $?)" "$what: exit 0 but $got entries" ;;
		import) check "$([ "$got" = $((before + acts)) ]; echo $?)" "$what: exit 0 but $got entries" ;;
		restore) check "$([ "$got" = "$nf" ]; echo $?)" "$what: exit 0 but $got entries" ;;
		esac
	fi
}

# again WHAT DB WANT ARGS...: with room back, the command completes the log
again() {
	what=$1 db=$2 want=$3
	shift 3
	"$TENDO" --db "$db" "$@" >/dev/null 2>"$WORK/err"
	r=$?
	check "$r" "$what: run again with room: exit $r: $(head -c 200 "$WORK/err")"
	got=$(entries "$db")
	check "$([ "$got" = "$want" ]; echo $?)" "$what: run again with room: $got entries, expected $want"
	db_intact "$db" "$what, run again"
}

# ------------------------------------------------------- tmpfs: ENOSPC
MNT="$WORK/mnt"
mkdir -p "$MNT"
if mount -t tmpfs -o size=4m tmpfs "$MNT" 2>/dev/null; then
	cleanup_hook() { umount "$MNT" 2>/dev/null; }
	if [ "$MODE" = full ]; then frees="0 4096 8192 16384 32768 65536 131072 262144 524288 1048576"; else frees="0 16384 131072"; fi
	# fill FREE: leave about FREE bytes free on the tmpfs
	fill() {
		rm -f "$MNT/filler"
		avail=$(df --output=avail -B1 "$MNT" | tail -1)
		blocks=$(((avail - $1) / 4096))
		[ "$blocks" -gt 0 ] && dd if=/dev/zero of="$MNT/filler" bs=4096 count="$blocks" 2>/dev/null
		:
	}
	for free in $frees; do
		for op in log import restore; do
			rm -f "$MNT"/t.db*
			[ "$op" = restore ] || cp "$WORK/base.db" "$MNT/t.db"
			before=$(entries "$MNT/t.db")
			fill "$free"
			case "$op" in
			log) "$TENDO" --db "$MNT/t.db" log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 >/dev/null 2>"$WORK/err" ;;
			import) "$TENDO" --db "$MNT/t.db" import "$WORK/export.zip" >/dev/null 2>"$WORK/err" ;;
			restore) "$TENDO" --db "$MNT/t.db" restore "$WORK/backup.json" >/dev/null 2>"$WORK/err" ;;
			esac
			rc=$?
			rm -f "$MNT/filler"
			outcome "tmpfs $op with $free bytes free" "$MNT/t.db" "$rc" "$op" "$before"
			case "$op" in
			log) ;;
			import) again "tmpfs import with $free bytes free" "$MNT/t.db" $((before + acts)) import "$WORK/export.zip" ;;
			restore) [ "$(entries "$MNT/t.db")" = 0 ] &&
				again "tmpfs restore with $free bytes free" "$MNT/t.db" "$nf" restore "$WORK/backup.json" ;;
			esac
		done
	done
	umount "$MNT"
	cleanup_hook() { :; }
	echo "  tmpfs: $frees bytes free"
else
	echo "  tmpfs: cannot mount one here (not root, or a container): RLIMIT_FSIZE only"
fi

# ----------------------------------------------- RLIMIT_FSIZE: EFBIG
# limited SIZE-KB ARGS...: tendo with files limited to SIZE-KB kilobytes
limited() {
	kb=$1
	shift
	(
		trap '' XFSZ
		# ulimit -f counts 512-byte blocks in POSIX sh (dash), 1024 in bash
		if [ -n "${BASH_VERSION:-}" ]; then ulimit -f "$kb"; else ulimit -f $((kb * 2)); fi
		exec "$TENDO" "$@"
	) >/dev/null 2>"$WORK/err"
}
size_kb=$(($(stat -c %s "$WORK/base.db") / 1024))
if [ "$MODE" = full ]; then steps="0 1 2 4 8 16 32 64 128 256"; else steps="0 4 32"; fi
for extra in $steps; do
	lim=$((size_kb + extra))
	rlim=$((extra + 1)) # a restore starts from nothing; 1 KB leaves room for the message on stderr (a file)
	for op in log import restore; do
		lim=$((size_kb + extra))
		rm -f "$WORK"/t.db*
		[ "$op" = restore ] || cp "$WORK/base.db" "$WORK/t.db"
		before=$(entries "$WORK/t.db")
		case "$op" in
		log) limited "$lim" --db "$WORK/t.db" log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20 ;;
		import) limited "$lim" --db "$WORK/t.db" import "$WORK/export.zip" ;;
		restore) limited "$rlim" --db "$WORK/t.db" restore "$WORK/backup.json" ;;
		esac
		rc=$?
		[ "$op" = restore ] && lim=$rlim
		outcome "ulimit -f $lim KB: $op" "$WORK/t.db" "$rc" "$op" "$before"
		case "$op" in
		import) again "ulimit -f $lim KB: import" "$WORK/t.db" $((before + acts)) import "$WORK/export.zip" ;;
		restore) [ "$(entries "$WORK/t.db")" = 0 ] &&
			again "ulimit -f $rlim KB: restore" "$WORK/t.db" "$nf" restore "$WORK/backup.json" ;;
		esac
	done
done
echo "  RLIMIT_FSIZE: database size + $steps KB"
finish "$STEPS steps, $FAILED ran out of room and said so"
