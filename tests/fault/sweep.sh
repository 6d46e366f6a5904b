# sweep.sh - I/O errors injected into every write path, SQLite-style.
#   sh tests/fault/sweep.sh /path/to/tendo [short|full]
# needs TENDO_FAULT_SO: the path of tendo_vfs_fault.so (tests/fault/vfs_fault.c).
#
# For `log` (pain, rehab), `done`, `delete` (full), `import` and `restore`,
# and for each kind of fault (the Nth
# write, sync or read of SQLite; "persist": that call and every later one),
# N goes 1, 2, ... until the command runs through without meeting a fault.
# Each step starts from the same database and must end clean: exit 0, or 1
# with a "tendo: " message (never a signal, never 2); integrity_check and
# foreign_key_check clean; no entry written in part; the log either has the
# command's entries or it has not (an import keeps the activities stored
# before the fault, each whole); and the next command, without faults,
# opens the database and (for import) completes it with no duplicate.
# short (ctest): write and sync faults, every N up to 8 then every third,
# a three-activity import.
# full (make torture): also read faults and persistent faults, a larger import.
# KINDS="write,persist read" picks kinds.
. "$(cd "$(dirname "$0")" && pwd)/../torture/lib.sh"
SO=${TENDO_FAULT_SO:-}
if [ -z "$SO" ] || [ ! -f "$SO" ]; then
	echo "sweep: TENDO_FAULT_SO must name tendo_vfs_fault.so (built by cmake)" >&2
	exit 1
fi
STEPS=0
LATE=0 # failures reported after the commit reached the disk (allowed, counted)

# [BASE=NAME] sweep NAME KIND DELTA-MODE COMMAND...: from $WORK/NAME.db
# (base.db by default); DELTA-MODE is "one:K" (the command adds K entries,
# or removes -K, or does nothing; "?": as many as it adds without faults), "upto:K" (an import: 0..K, completed by a retry)
# or "restore:K" (a new database with K entries, or none at all)
sweep() {
	name=$1 kind=$2 dm=$3
	shift 3
	k=${dm#*:}
	base="$WORK/${BASE:-base}.db"
	nbase=$(entries "$base")
	if [ "$k" = "?" ]; then # as many as the command adds without faults
		rm -f "$WORK"/cur.db*
		cp "$base" "$WORK/cur.db"
		"$TENDO" --db "$WORK/cur.db" "$@" >/dev/null 2>&1 || fail "$name: fails without faults"
		k=$(($(entries "$WORK/cur.db") - nbase))
	fi
	n=1
	while :; do
		rm -f "$WORK/cur.db" "$WORK/cur.db-wal" "$WORK/cur.db-shm" "$WORK/hit"
		case "$dm" in restore:*) before=0 ;; *) cp "$base" "$WORK/cur.db"; before=$nbase ;; esac
		case "$kind" in *,persist) spec="${kind%,persist}:$n,persist" ;; *) spec="$kind:$n" ;; esac
		TENDO_FAULT="$spec" TENDO_FAULT_HIT="$WORK/hit" LD_PRELOAD="$SO" \
			"$TENDO" --db "$WORK/cur.db" "$@" >"$WORK/out" 2>"$WORK/err"
		rc=$?
		STEPS=$((STEPS + 1))
		what="$name $kind:$n"
		exit_ok "$rc" "$WORK/err" "$what"
		db_intact "$WORK/cur.db" "$what"
		after=$ENTRIES
		CHECKS=$((CHECKS + 1))
		case "$dm" in
		one:*)
			if [ "$rc" = 0 ] && [ "$after" != $((before + k)) ]; then
				fail "$what: exit 0 but $after entries (expected $((before + k)))"
			elif [ "$after" != "$before" ] && [ "$after" != $((before + k)) ]; then
				fail "$what: $after entries, expected $before or $((before + k))"
			elif [ "$rc" = 1 ] && [ "$after" = $((before + k)) ]; then
				LATE=$((LATE + 1))
			fi ;;
		upto:*)
			if [ "$after" -lt "$before" ] || [ "$after" -gt $((before + k)) ]; then
				fail "$what: $after entries, expected $before-$((before + k))"
			elif [ "$rc" = 0 ] && [ "$after" != $((before + k)) ]; then
				fail "$what: exit 0 but $after entries (expected $((before + k)))"
			fi ;;
		restore:*)
			if [ "$rc" = 0 ] && [ "$after" != "$k" ]; then
				fail "$what: exit 0 but $after entries restored (expected $k)"
			elif [ "$after" != 0 ] && [ "$after" != "$k" ]; then
				fail "$what: $after entries restored, expected 0 or $k"
			elif [ "$rc" = 1 ] && [ "$after" = "$k" ]; then
				LATE=$((LATE + 1))
			fi ;;
		esac
		# the next command, with no fault, finds a working database
		if [ "$after" -gt 0 ]; then
			"$TENDO" --db "$WORK/cur.db" history >/dev/null 2>"$WORK/err2"
			r2=$?
			check "$r2" "$what: tendo history afterwards exits $r2: $(head -c 200 "$WORK/err2")"
		fi
		case "$dm" in upto:*)
			"$TENDO" --db "$WORK/cur.db" "$@" >/dev/null 2>"$WORK/err2"
			r2=$?
			check "$r2" "$what: the import again exits $r2: $(head -c 200 "$WORK/err2")"
			db_intact "$WORK/cur.db" "$what, imported again"
			check "$([ "$ENTRIES" = $((before + k)) ]; echo $?)" \
				"$what: the import again leaves $ENTRIES entries (expected $((before + k)))" ;;
		esac
		if [ ! -e "$WORK/hit" ]; then # ran through: every call of this kind was swept
			[ "$n" -gt 1 ] || fail "$name $kind: no fault injected at N=1: is $SO preloaded?"
			break
		fi
		# short: every N up to 8, then every third (the run-through still ends it)
		if [ "$MODE" = short ] && [ "$n" -ge 8 ]; then n=$((n + 3)); else n=$((n + 1)); fi
		if [ "$n" -gt 5000 ]; then
			fail "$name $kind: still meeting faults at N=5000"
			break
		fi
	done
	printf '  %-9s %-14s N=1..%d%s\n' "$name" "$kind" "$n" "$([ "$MODE" = short ] && [ "$n" -gt 8 ] && echo ' (every third after 8)')"
}

init_db "$WORK/base.db" || { echo "sweep: cannot set up the database" >&2; exit 1; }
if [ "$MODE" = full ]; then copies=12; else copies=3; fi
make_zip "$WORK/export.zip" "$copies"
acts=$((copies + 1))
"$TENDO" --db "$WORK/base.db" export --json "$WORK/backup.json" >/dev/null 2>&1 || { echo "sweep: export failed" >&2; exit 1; }
nb=$(entries "$WORK/base.db")
init_db "$WORK/done.db" --no-rehab || { echo "sweep: cannot set up the database" >&2; exit 1; }

if [ "$MODE" = full ]; then kinds="write sync read write,persist sync,persist read,persist"; else kinds="write sync"; fi
kinds=${KINDS:-$kinds} # KINDS="read,persist" picks some
echo "sweep ($MODE): $acts activities in the archive, $nb entries in the backup"
for kind in $kinds; do
	[ "$MODE" = full ] && sweep log "$kind" one:1 log pain --kind task --score 2
	sweep log-rehab "$kind" one:1 log rehab --exercise prone-curl --sets 3 --reps 8 --kg 20
	BASE=done
	sweep done "$kind" "one:?" done --pain-during 1 --rpe 4
	BASE=
	[ "$MODE" = full ] && sweep delete "$kind" one:-1 delete 2
	sweep import "$kind" "upto:$acts" import "$WORK/export.zip"
	sweep restore "$kind" "restore:$nb" restore "$WORK/backup.json"
done
finish "$STEPS steps; $LATE failures reported after the data was on disk"
