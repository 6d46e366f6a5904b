# bad_input.sh - every kind of bad input the contract names is refused:
# exit status 2 (usage) or 1 (runtime), exactly one line on stderr that starts
# "tendo: " and names the field and what is allowed, nothing on stdout, and
# nothing written (the database dump, or the file's bytes, are unchanged).
# Run: sh tests/cli/bad_input.sh /path/to/tendo   (needs sqlite3 and python3)
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || { echo "bad_input.sh: needs the sqlite3 command (scripts/install-deps)" >&2; exit 1; }

# ------------------------------------------------------------ helpers

# tx ARGS...: run tendo without the implicit --db of `t`; sets OUT, ERR, RC
# shellcheck disable=SC2034 # RC, OUT and ERR are read by lib.sh's expect_*
tx() {
	"$TENDO" "$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	OUT=$(cat "$WORK/out")
	ERR=$(cat "$WORK/err")
	return 0
}

# has TEXT PART: TEXT contains PART (fixed string)
has() {
	case $1 in *"$2"*) return 0 ;; esac
	return 1
}

# check CONDITION-STATUS DESCRIPTION: count a check, fail if the status is not 0
check() {
	CHECKS=$((CHECKS + 1))
	[ "$1" -eq 0 ] || fail "$2"
}

# state FILE: a fingerprint of a database: its dump, or "missing"
state() {
	if [ -e "$1" ]; then
		sqlite3 "$1" .dump 2>&1 | cksum
	else
		echo missing
	fi
}

# entries FILE: the number of entries
entries() {
	sqlite3 "$1" 'SELECT count(*) FROM entry'
}

# files FILE: the files that belong to a database and hold data: itself, and a
# -wal or -journal that is not empty (a reader of a WAL database may leave an
# empty -wal and a -shm index behind: sqlite's bookkeeping, not data)
files() {
	for f in "$1" "$1-wal" "$1-journal"; do
		[ -s "$f" ] && printf '%s ' "${f##*/}"
	done
	echo
}

# refused RC FIELD ALLOWED DESC: the last run exited RC with one line on stderr
# "tendo: ..." containing FIELD and ALLOWED, and nothing on stdout
refused() {
	expect_rc "$1" "$4"
	n=$(awk 'END { print NR }' "$WORK/err")
	[ "$n" = 1 ]; check $? "$4: $n lines on stderr, expected exactly 1"
	[ "${ERR#tendo: }" != "$ERR" ]; check $? "$4: stderr does not start with 'tendo: '"
	has "$ERR" "$2"; check $? "$4: stderr does not name the field '$2'"
	has "$ERR" "$3"; check $? "$4: stderr does not say what is allowed ('$3')"
	[ ! -s "$WORK/out" ]; check $? "$4: something on stdout"
}

# bad RC FIELD ALLOWED ARGS...: `tendo --db $DB ARGS` is refused (see refused)
# and the database is unchanged
bad() {
	want=$1 field=$2 allowed=$3
	shift 3
	before=$(state "$DB")
	t "$@"
	desc="tendo $(printf "'%s' " "$@")"
	refused "$want" "$field" "$allowed" "$desc"
	[ "$(state "$DB")" = "$before" ]; check $? "$desc: the database changed"
}

# ------------------------------------------------------------ setup

ok init --side left --tz UTC --date 2026-03-02 --name Ana
ok log pain --kind task --score 2 --date 2026-03-02
ok log run --minutes 20 --date 2026-03-03
ok log rehab --exercise iso-bridge --sets 5 --hold-s 45 --date 2026-03-03
N0=$(entries "$DB")
[ "$N0" = 3 ]; check $? "setup: 3 entries, got $N0"
D=2026-03-04                      # a valid past day for every command below
FUTURE=$(date -u -d '+2 days' +%F) # the athlete's zone is UTC

# ------------------------------------------------------------ commands and options

# no command, an unknown command: the line lists the commands
tx
refused 2 "command" "init, log" "tendo (no command)"
for c in init log today status history delete exercises; do
	has "$ERR" " $c"; check $? "tendo (no command): '$c' not among the commands listed"
done
bad 2 "'bogus'" "init, log" bogus
for c in init log today status history delete exercises; do
	has "$ERR" " $c"; check $? "tendo bogus: '$c' not among the commands listed"
done
bad 2 "--bogus" "--help" --bogus today
tx --db "" today
refused 2 "--db" "path" "tendo --db ''"
bad 2 "kind" "pain, run, rehab, cross, test, flag, sitting, aggravator or visa" log
bad 2 "'bogus'" "pain, run, rehab, cross, test, flag, sitting, aggravator or visa" log bogus
bad 2 "'walk'" "pain, run, rehab, cross, test, flag, sitting, aggravator or visa" log walk --minutes 20

# an unknown option on every command, and on every log kind
for c in init "log pain" "log run" "log rehab" "log cross" "log test" "log flag" "log sitting" "log aggravator" \
	"log visa" exercises today status history delete rules profile plan report export done edit import; do
	# shellcheck disable=SC2086
	bad 2 "--bogus" "tendo $c --help" $c --bogus
done
bad 2 "--score" "tendo log pain --help" log pain --kind task --score
bad 2 "--minutes" "tendo log run --help" log run --minutes
bad 2 "'extra'" "tendo today --help" today --date $D extra
bad 2 "'--sharp=yes'" "--help" log run --minutes 20 --sharp=yes

# ------------------------------------------------------------ numbers

# whole-number 0-10 scores of every log kind
for v in -1 11 abc 5x "" 5.5 " 5" 0x5 1e1; do
	bad 2 "--score" "0-10" log pain --kind task --score "$v" --date $D
	bad 2 "--rpe" "0-10" log run --minutes 20 --rpe "$v" --date $D
	bad 2 "--pain-during" "0-10" log run --minutes 20 --pain-during "$v" --date $D
	bad 2 "--pain-after" "0-10" log run --minutes 20 --pain-after "$v" --date $D
	bad 2 "--rpe" "0-10" log rehab --exercise clam --sets 3 --reps 15 --rpe "$v" --date $D
	bad 2 "--pain-during" "0-10" log rehab --exercise clam --sets 3 --reps 15 --pain-during "$v" --date $D
	bad 2 "--pain-during" "0-10" log cross --kind swim --minutes 30 --pain-during "$v" --date $D
	bad 2 "--drop-lunge-pain" "0-10" log test --drop-lunge-pain "$v" --date $D
	bad 2 "--rest-pain" "0-10" log test --rest-pain "$v" --date $D
done

# minutes: 1-600, so negative, zero and absurd are refused
for v in -5 0 601 1000 abc 5x "" 0x10 1e2 inf nan .5 30. " 30"; do
	bad 2 "--minutes" "1-600" log run --minutes "$v" --date $D
	bad 2 "--minutes" "1-600" log cross --kind cycle --minutes "$v" --date $D
done

for v in -1 301 abc 5x ""; do
	bad 2 "--km" "0-300" log run --minutes 30 --km "$v" --date $D
done
bad 2 "--km" "30 km/h" log run --minutes 30 --km 100 --date $D

for v in -1 0 21 abc 5x "" 2.5; do
	bad 2 "--sets" "1-20" log rehab --exercise clam --sets "$v" --reps 15 --date $D
done
for v in -1 0 101 abc 5x "" 7.5; do
	bad 2 "--reps" "1-100" log rehab --exercise clam --sets 3 --reps "$v" --date $D
done
for v in -1 0 601 abc 5x ""; do
	bad 2 "--hold-s" "1-600" log rehab --exercise iso-bridge --sets 5 --hold-s "$v" --date $D
done
for v in -1 501 abc 5x ""; do
	bad 2 "--kg" "0-500" log rehab --exercise prone-curl --sets 3 --reps 10 --kg "$v" --date $D
done
for v in -1 201 abc 5x "" 12.5; do
	bad 2 "--bridge-reps-left" "0-200" log test --bridge-reps-left "$v" --bridge-reps-right 20 --date $D
	bad 2 "--bridge-reps-right" "0-200" log test --bridge-reps-left 20 --bridge-reps-right "$v" --date $D
done
for v in -1 301 abc 5x ""; do
	bad 2 "--curl-10rm-left" "0-300" log test --curl-10rm-left "$v" --curl-10rm-right 10 --date $D
	bad 2 "--curl-10rm-right" "0-300" log test --curl-10rm-left 10 --curl-10rm-right "$v" --date $D
done
for v in -1 25 abc 5x ""; do
	bad 2 "--hours" "0-24" log sitting --hours "$v" --date $D
done

# ------------------------------------------------------------ names and required options

for v in stabbing PAIN "" task2; do
	bad 2 "--kind" "during|after|morning|task|rest|sitting" log pain --kind "$v" --score 3 --date $D
done
for v in skate "" Swim; do
	bad 2 "--kind" "stairs|swim|cycle|elliptical|row|walk" log cross --kind "$v" --minutes 30 --date $D
done
for v in headache "" POP; do
	bad 2 "--kind" "pop|bruising|numbness|tingling|night-pain" log flag --kind "$v" --date $D
done
for v in leg-press SQUAT "" "squat "; do
	bad 2 "--exercise" "iso-bridge, iso-bridge-single, iso-curl, prone-curl" \
		log rehab --exercise "$v" --sets 3 --reps 10 --date $D
done
for v in mud "" Flat; do
	bad 2 "--terrain" "flat|hilly|treadmill|trail" log run --minutes 30 --terrain "$v" --date $D
done
for v in tempo ""; do
	bad 2 "--intent" "easy|long|speed|hills" log run --minutes 30 --intent "$v" --date $D
done
for v in up "" LEFT; do
	bad 2 "--side" "left|right|both" log rehab --exercise clam --sets 3 --reps 15 --side "$v" --date $D
done

bad 2 "--kind" "during|after|morning|task|rest|sitting" log pain --score 3 --date $D
bad 2 "--score" "0-10" log pain --kind task --date $D
bad 2 "--minutes" "1-600" log run --km 5 --date $D
bad 2 "--exercise" "tendo exercises" log rehab --sets 3 --reps 10 --date $D
bad 2 "--sets" "1-20" log rehab --exercise clam --reps 10 --date $D
bad 2 "--reps" "--hold-s" log rehab --exercise clam --sets 3 --date $D
bad 2 "--reps" "--hold-s" log rehab --exercise iso-bridge --sets 3 --reps 10 --hold-s 30 --date $D
bad 2 "--kind" "stairs|swim|cycle|elliptical|row|walk" log cross --minutes 30 --date $D
bad 2 "--minutes" "1-600" log cross --kind swim --date $D
bad 2 "--kind" "pop|bruising|numbness|tingling|night-pain" log flag --date $D
bad 2 "--hours" "0-24" log sitting --date $D
bad 2 "result" "--drop-lunge-pain" log test --date $D
bad 2 "--bridge-reps-left" "--bridge-reps-right" log test --bridge-reps-left 18 --date $D
bad 2 "--bridge-reps-left" "--bridge-reps-right" log test --bridge-reps-right 18 --date $D
bad 2 "--curl-10rm-left" "--curl-10rm-right" log test --curl-10rm-left 9 --rest-pain 0 --date $D
bad 2 "--curl-10rm-left" "--curl-10rm-right" log test --curl-10rm-right 9 --date $D
bad 2 "--note" "1000" log pain --kind task --score 3 --date $D --note "$(printf '%01001d' 0)"

# ------------------------------------------------------------ dates

for v in tomorrow -x 1d 2026-2-3 2026/03/04 20260304 2026-03-04x " 2026-03-04" ""; do
	bad 2 "--date" "YYYY-MM-DD" log pain --kind task --score 3 --date "$v"
	bad 2 "--date" "YYYY-MM-DD" today --date "$v"
	bad 2 "--date" "YYYY-MM-DD" status --date "$v" --json
	bad 2 "--from" "YYYY-MM-DD" history --from "$v"
	bad 2 "--to" "YYYY-MM-DD" history --to "$v"
done
for v in 2026-13-01 2026-02-30 2026-00-10 2026-04-31 2025-02-29 0000-01-01; do
	bad 2 "--date" "YYYY-MM-DD" log pain --kind task --score 3 --date "$v"
	bad 2 "--date" "YYYY-MM-DD" today --date "$v"
	bad 2 "--date" "YYYY-MM-DD" status --date "$v"
	bad 2 "--from" "YYYY-MM-DD" history --from "$v"
	bad 2 "--to" "YYYY-MM-DD" history --to "$v" --json
done
# a malformed date on every log kind
bad 2 "--date" "YYYY-MM-DD" log run --minutes 20 --date 2026-02-30
bad 2 "--date" "YYYY-MM-DD" log rehab --exercise clam --sets 3 --reps 15 --date 2026-13-01
bad 2 "--date" "YYYY-MM-DD" log cross --kind swim --minutes 30 --date last-week
bad 2 "--date" "YYYY-MM-DD" log test --rest-pain 0 --date 2026-2-3
bad 2 "--date" "YYYY-MM-DD" log flag --kind pop --date 2026-02-30
bad 2 "--date" "YYYY-MM-DD" log sitting --hours 8 --date 2026-13-01
# the future, on every log kind
for v in "$FUTURE" 2099-01-01; do
	bad 2 "--date" "today" log pain --kind task --score 3 --date "$v"
	bad 2 "--date" "today" log run --minutes 20 --date "$v"
	bad 2 "--date" "today" log rehab --exercise clam --sets 3 --reps 15 --date "$v"
	bad 2 "--date" "today" log cross --kind swim --minutes 30 --date "$v"
	bad 2 "--date" "today" log test --rest-pain 0 --date "$v"
	bad 2 "--date" "today" log flag --kind pop --date "$v"
	bad 2 "--date" "today" log sitting --hours 8 --date "$v"
done
bad 2 "--from" "--to" history --from 2026-03-10 --to 2026-03-01
bad 2 "--from" "--to" history --from 2026-03-02 --to 2026-03-01 --json

# ------------------------------------------------------------ delete

for v in abc 1.5 "" 1x "#" "#abc" 0 "#0" " 1" +1 99999999999999999999; do
	bad 2 "entry id" "positive number" delete "$v"
done
bad 2 "-3" "--help" delete -3
bad 2 "entry id" "positive number" delete -- -3
bad 2 "entry id" "exactly one" delete
bad 2 "entry id" "exactly one" delete 1 2
bad 1 "999" "tendo history" delete 999

# ------------------------------------------------------------ the bounds themselves are allowed

N=$(entries "$DB")
ok log pain --kind task --score 0 --date $D
ok log pain --kind task --score 10 --date $D
ok log run --minutes 1 --km 0 --rpe 0 --pain-during 10 --pain-after 0 --date $D
ok log run --minutes 600 --date $D
ok log cross --kind walk --minutes 600 --pain-during 0 --date $D
ok log rehab --exercise clam --sets 20 --reps 100 --kg 500 --rpe 10 --date $D
ok log rehab --exercise iso-bridge --sets 1 --hold-s 600 --date $D
ok log test --bridge-reps-left 0 --bridge-reps-right 200 --curl-10rm-left 0 --curl-10rm-right 300 --date $D
ok log sitting --hours 24 --date $D
ok log sitting --hours 0 --date $D
[ "$(entries "$DB")" = $((N + 10)) ]; check $? "the ten in-bound entries were written"

# ------------------------------------------------------------ init

NEW="$WORK/new/tendo.db"
for args in "--side left --ceiling 6" "--side left --ceiling -1" "--side left --ceiling abc" \
	"--side up" "--side LEFT" "--side" "--ceiling 3" "--side left --tz Mars/Base" \
	"--side left --tz ../../etc/passwd" "--side left --date 2026-02-30" "--side left --date soon"; do
	# shellcheck disable=SC2086
	tx --db "$NEW" init $args
	refused 2 "--" "" "tendo init $args"
	[ ! -e "$WORK/new" ]; check $? "tendo init $args: created $WORK/new"
done
tx --db "$NEW" init --side left --ceiling 6
refused 2 "--ceiling" "0-5" "init --ceiling 6"
tx --db "$NEW" init --side up
refused 2 "--side" "left|right|both" "init --side up"
tx --db "$NEW" init --side left --tz Mars/Base
refused 2 "--tz" "Europe/London" "init --tz Mars/Base"
tx --db "$NEW" init --side left --tz ""
refused 2 "--tz" "Europe/London" "init --tz ''"
tx --db "$NEW" init
refused 2 "--side" "left|right|both" "init without --side"
[ ! -e "$WORK/new" ]; check $? "bad init created $WORK/new"

# profile changes are checked like init's
bad 2 "--ceiling" "0-5" profile --ceiling 6
bad 2 "--side" "left|right|both" profile --side up
bad 2 "--tz" "Europe/London" profile --tz Mars/Base
bad 2 "--name" "--help" profile --name
bad 2 "--days" "mon,tue,wed,thu,fri,sat,sun" profile --days mon,funday
bad 2 "--days" "twice" profile --days mon,mon
bad 2 "--days" "mon,tue,wed,thu,fri,sat,sun" profile --days ""
bad 2 "--run-time" "HH:MM" profile --run-time 5pm
bad 2 "--run-time" "00:00-23:59" profile --run-time 24:00
bad 2 "--rehab-time" "00:00-23:59" profile --rehab-time 07:60
bad 2 "--items" "8 " log visa --items 1,2,3
bad 2 "--items" "0-10" log visa --items 11,0,0,0,0,0,0,0
bad 2 "--items" "0, 4, 7 or 10" log visa --items 0,0,0,0,0,0,5,0
bad 2 "--items" "0-30" log visa --items 0,0,0,0,0,0,0,31
bad 2 "--from" "after --to" report --from 2026-03-05 --to 2026-03-01 --html "$WORK/r.html"
bad 2 "--html FILE" "--svg DIR" report
bad 1 "cannot write" "$WORK/nowhere/r.html" report --html "$WORK/nowhere/r.html"
bad 1 "cannot write" "$WORK/nowhere/p.ics" plan --ics "$WORK/nowhere/p.ics"
bad 2 "--alarm" "--ics" plan --alarm 5

# init twice: refused, the first profile kept
bad 1 "already" "init" init --side right --name Bo --ceiling 2
ok status --json
expect_json "j['athlete']['side'], j['athlete']['name'], j['athlete']['ceiling']" "left Ana 3" "first profile kept"

# ------------------------------------------------------------ before init

NONE="$WORK/none/tendo.db"
for c in "log pain --kind task --score 3" "log run --minutes 20" "log rehab --exercise clam --sets 3 --reps 15" \
	"log cross --kind swim --minutes 30" "log test --rest-pain 0" "log flag --kind pop" "log sitting --hours 8" \
	today "today --json" status "status --json" history "history --json" "delete 1"; do
	# shellcheck disable=SC2086
	tx --db "$NONE" $c
	refused 1 "$NONE" "tendo init" "tendo $c before init"
	[ ! -e "$WORK/none" ]; check $? "tendo $c before init: created $WORK/none"
done
# the default path ($XDG_DATA_HOME/tendo/tendo.db), and $TENDO_DB
tx log pain --kind task --score 3
refused 1 "$XDG_DATA_HOME/tendo/tendo.db" "tendo init" "log before init (default path)"
[ ! -e "$XDG_DATA_HOME" ]; check $? "log before init created $XDG_DATA_HOME"
tx today --json
refused 1 "$XDG_DATA_HOME/tendo/tendo.db" "tendo init" "today before init (default path)"
export TENDO_DB="$NONE"
tx log sitting --hours 3
unset TENDO_DB
refused 1 "$NONE" "tendo init" "log before init (TENDO_DB)"
[ ! -e "$WORK/none" ]; check $? "log before init (TENDO_DB) created $WORK/none"
# an empty file is a database before init: nothing is written into it
EMPTY="$WORK/empty.db"
: >"$EMPTY"
for c in "log pain --kind task --score 3" "delete 1" today history; do
	# shellcheck disable=SC2086
	tx --db "$EMPTY" $c
	refused 1 "$EMPTY" "tendo init" "tendo $c on an empty file"
	[ ! -s "$EMPTY" ] && [ -z "$(files "$EMPTY")" ]
	check $? "tendo $c on an empty file wrote to it: $(ls -l "$EMPTY"*)"
done

# ------------------------------------------------------------ corrupt and foreign databases

# not_a_db FILE MESSAGE: every command on FILE fails with exit 1 and MESSAGE, file untouched
not_a_db() {
	sum=$(cksum <"$1")
	for c in "log pain --kind task --score 3 --date $D" "log run --minutes 20 --date $D" today "today --json" \
		"status --json" history "history --json" "delete 1" "init --side left"; do
		# shellcheck disable=SC2086
		tx --db "$1" $c
		refused 1 "$1" "$2" "tendo $c on $3"
		[ "$(cksum <"$1")" = "$sum" ] && [ "$(files "$1")" = "${1##*/} " ]
		check $? "tendo $c on $3: the file changed ($(files "$1"))"
	done
}
# random bytes
head -c 8192 /dev/urandom >"$WORK/random.db"
not_a_db "$WORK/random.db" "not a tendo database" "random bytes"
# a tendo database with a valid header and garbage pages
cp "$DB" "$WORK/broken.db"
head -c 16384 /dev/urandom | dd of="$WORK/broken.db" bs=4096 seek=1 conv=notrunc 2>/dev/null
not_a_db "$WORK/broken.db" "is corrupt" "a tendo database with garbage pages"
# an unrelated sqlite database
sqlite3 "$WORK/foreign.db" "CREATE TABLE song (title TEXT); INSERT INTO song VALUES ('x');"
not_a_db "$WORK/foreign.db" "not a tendo database" "an unrelated sqlite database"
# a tendo database from a newer tendo
cp "$DB" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 99"
not_a_db "$WORK/newer.db" "newer than this tendo" "a newer tendo database"
# a folder
mkdir "$WORK/folder.db"
tx --db "$WORK/folder.db" log pain --kind task --score 3 --date $D
refused 1 "$WORK/folder.db" "folder" "log to a folder"
tx --db "$WORK/folder.db" init --side left
refused 1 "$WORK/folder.db" "" "init on a folder"
[ -z "$(ls -A "$WORK/folder.db")" ]; check $? "init on a folder wrote into it"

# ------------------------------------------------------------ a locked database

# a second process holds the write lock, in a transaction it never commits,
# until we close its input
N=$(entries "$DB")
ID=$(sqlite3 "$DB" 'SELECT max(id) FROM entry')
BEFORE=$(state "$DB")
mkfifo "$WORK/lockin"
sqlite3 "$DB" <"$WORK/lockin" >"$WORK/lock.out" 2>&1 &
HOLDER=$!
exec 3>"$WORK/lockin"
# (.timeout: the holder waits out our own probe below instead of failing)
printf '%s\n' ".timeout 5000" "BEGIN EXCLUSIVE; INSERT INTO setting VALUES ('x', 1);" >&3
i=0 # wait until a writer would be turned away
while sqlite3 "$DB" 'BEGIN IMMEDIATE; ROLLBACK;' 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 100 ] || break
	sleep 0.1
done
[ $i -lt 100 ]; check $? "the lock holder never took the lock ($(cat "$WORK/lock.out"))"
t0=$(date +%s)
t log pain --kind task --score 4 --date $D
t1=$(date +%s)
refused 1 "$DB" "locked" "log pain on a locked database"
# it gives up after the busy timeout (5 s), never waits for ever (memcheck: slower)
LIMIT=10
[ "$UNDER_VALGRIND" = 1 ] && LIMIT=120
[ $((t1 - t0)) -le $LIMIT ]; check $? "log pain on a locked database took $((t1 - t0)) s"
t delete "$ID"
refused 1 "$DB" "locked" "delete on a locked database"
t init --side right
refused 1 "$DB" "" "init on a locked database"
echo "ROLLBACK;" >&3
exec 3>&-
wait $HOLDER
check $? "the lock holder failed: $(cat "$WORK/lock.out")"
[ "$(entries "$DB")" = "$N" ]; check $? "entries written while locked: $(entries "$DB"), expected $N"
[ "$(state "$DB")" = "$BEFORE" ]; check $? "the database changed while locked"
ok history --json
expect_json "[e['id'] for e in j if e['id'] == $ID]" "[$ID]" "entry $ID survived delete on a locked database"
ok log pain --kind task --score 4 --date $D # and once released, logging works again
[ "$(entries "$DB")" = $((N + 1)) ]; check $? "logging after the lock is released"

# ------------------------------------------------------------ unwritable places

# the folder for --db is a regular file
: >"$WORK/plainfile"
tx --db "$WORK/plainfile/tendo.db" init --side left
refused 1 "$WORK/plainfile/tendo.db" "" "init under a regular file"
[ ! -s "$WORK/plainfile" ]; check $? "init under a regular file wrote to it"
tx --db "$WORK/plainfile/sub/tendo.db" init --side left
refused 1 "$WORK/plainfile" "" "init two folders under a regular file"
if [ "$(id -u)" -ne 0 ]; then
	# a read-only folder and a read-only database (root would write them anyway)
	mkdir "$WORK/ro"
	chmod 555 "$WORK/ro"
	tx --db "$WORK/ro/tendo.db" init --side left
	refused 1 "$WORK/ro/tendo.db" "" "init in a read-only folder"
	[ -z "$(ls -A "$WORK/ro")" ]; check $? "init in a read-only folder created $(ls -A "$WORK/ro")"
	tx --db "$WORK/ro/sub/tendo.db" init --side left
	refused 1 "$WORK/ro/sub" "" "init below a read-only folder"
	chmod 755 "$WORK/ro"
	cp "$DB" "$WORK/ro.db"
	chmod 444 "$WORK/ro.db"
	sum=$(cksum <"$WORK/ro.db")
	tx --db "$WORK/ro.db" log pain --kind task --score 3 --date $D
	refused 1 "$WORK/ro.db" "" "log to a read-only database"
	[ "$(cksum <"$WORK/ro.db")" = "$sum" ]; check $? "log to a read-only database changed it"
fi

# a bad value is a usage error (2) even before init or on a locked
# database: values are checked before the database is opened
rm -rf "$WORK/early"
"$TENDO" --db "$WORK/early/t.db" log pain --kind task --score 11 >"$WORK/out" 2>"$WORK/err"
RC=$?
OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
expect_rc 2 "bad score before init"
expect_err "--score" "bad score before init names the field"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/early" ] || fail "bad score before init created $WORK/early"

finish
