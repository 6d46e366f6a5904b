# lib.sh - helpers for the fault sweeps and torture scripts (sourced, POSIX sh).
# Each script is run as: sh SCRIPT /path/to/tendo [short|full]
# It gets a fresh temporary folder ($WORK); the database checks use the
# sqlite3 command (scripts/install-deps), never tendo itself.
set -u
TENDO=${1:?usage: sh SCRIPT /path/to/tendo [short|full]}
MODE=${2:-short}
case "$MODE" in short | full) ;; *) echo "mode must be short or full (got '$MODE')" >&2; exit 2 ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
TESTS=${TENDO_TESTS:-$(cd "$HERE/.." && pwd)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tendo-torture.XXXXXX")
export NO_COLOR=1
unset TENDO_DB TENDO_FAULT TENDO_FAULT_HIT
export XDG_DATA_HOME="$WORK/xdg"
trap 'cleanup_hook; rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM HUP
cleanup_hook() { :; }
FAILS=0
CHECKS=0
command -v sqlite3 >/dev/null || { echo "SKIP: the sqlite3 command is missing (scripts/install-deps)"; exit 0; }

fail() {
	FAILS=$((FAILS + 1))
	printf 'FAIL: %s\n' "$*" >&2
}

check() { # check CONDITION-STATUS DESCRIPTION
	CHECKS=$((CHECKS + 1))
	[ "$1" = 0 ] || fail "$2"
}

# q DB SQL: one value from the database (read with sqlite3, busy-waiting)
q() {
	sqlite3 -cmd '.timeout 10000' "$1" "$2" 2>&1
}

# Every entry has the row of its type, every rehab session its sets, every
# imported file its entry; prints how many entries break that (0 = whole).
SQL_PARTIAL="SELECT
 (SELECT count(*) FROM entry e WHERE
   (e.type = 'pain'    AND NOT EXISTS (SELECT 1 FROM pain_report    WHERE entry_id = e.id)) OR
   (e.type = 'run'     AND NOT EXISTS (SELECT 1 FROM run            WHERE entry_id = e.id)) OR
   (e.type = 'rehab'   AND NOT EXISTS (SELECT 1 FROM rehab_session  WHERE entry_id = e.id)) OR
   (e.type = 'cross'   AND NOT EXISTS (SELECT 1 FROM cross_training WHERE entry_id = e.id)) OR
   (e.type = 'test'    AND NOT EXISTS (SELECT 1 FROM readiness_test WHERE entry_id = e.id)
                       AND NOT EXISTS (SELECT 1 FROM visa_h         WHERE entry_id = e.id)) OR
   (e.type = 'flag'    AND NOT EXISTS (SELECT 1 FROM red_flag       WHERE entry_id = e.id)) OR
   (e.type = 'sitting' AND NOT EXISTS (SELECT 1 FROM sitting        WHERE entry_id = e.id)))
 + (SELECT count(*) FROM rehab_session s WHERE NOT EXISTS (SELECT 1 FROM rehab_set WHERE session_id = s.entry_id))
 + (SELECT count(*) FROM activity_file f WHERE NOT EXISTS (SELECT 1 FROM entry WHERE id = f.entry_id))
 + (SELECT count(*) FROM activity_file f WHERE NOT EXISTS (SELECT 1 FROM run WHERE entry_id = f.entry_id)
                                         AND NOT EXISTS (SELECT 1 FROM cross_training WHERE entry_id = f.entry_id));"

# db_intact DB WHAT: integrity_check ok, no foreign key broken, no entry
# half-written; records a failure naming WHAT otherwise. A missing file is
# intact (nothing was written). Sets ENTRIES to the number of entries (0 for
# a missing or empty file). Two sqlite3 runs, whatever the outcome.
db_intact() {
	ENTRIES=0
	[ -e "$1" ] || return 0
	CHECKS=$((CHECKS + 1))
	res=$(q "$1" "PRAGMA integrity_check; SELECT 'fk:'; PRAGMA foreign_key_check; SELECT 'tables:' || count(*) FROM sqlite_master WHERE name = 'entry';")
	ic=$(printf '%s\n' "$res" | sed -n '1,/^fk:$/p' | sed '$d')
	fk=$(printf '%s\n' "$res" | sed -n '/^fk:$/,/^tables:/p' | sed '1d;$d')
	[ "$ic" = ok ] || { fail "$2: integrity_check: $ic"; return 1; }
	[ -z "$fk" ] || { fail "$2: foreign_key_check: $fk"; return 1; }
	# an empty file (a restore that left nothing) has no tables to look at
	case "$res" in *tables:1) ;; *) return 0 ;; esac
	res=$(q "$1" "$SQL_PARTIAL SELECT count(*) FROM entry;")
	part=$(printf '%s\n' "$res" | sed -n 1p)
	ENTRIES=$(printf '%s\n' "$res" | sed -n 2p)
	[ "$part" = 0 ] || { fail "$2: $part entries or files written in part"; return 1; }
	return 0
}

# entries DB: how many entries (0 for a missing or empty file)
entries() {
	if [ -e "$1" ] && [ -n "$(q "$1" "SELECT 1 FROM sqlite_master WHERE name = 'entry'")" ]; then
		q "$1" 'SELECT count(*) FROM entry'
	else
		echo 0
	fi
}

# exit_ok RC STDERR-FILE WHAT: a clean outcome is 0, or 1 with a one-line
# "tendo: ..." message; never a signal, a usage error or silence.
exit_ok() {
	CHECKS=$((CHECKS + 1))
	case "$1" in
	0) return 0 ;;
	1)
		grep -q '^tendo: ' "$2" || { fail "$3: exit 1 without a 'tendo: ' message: $(head -c 300 "$2")"; return 1; }
		return 0 ;;
	esac
	fail "$3: exit status $1 (a crash, a signal or a usage error): $(head -c 300 "$2")"
	return 1
}

# make_zip OUT COPIES [FIRST [TAG]]: a zip of COPIES distinct runs built from a GPX
# file of tests/data (copy k shifted by FIRST + k + 1 days, so none is a
# duplicate of another), every fifth gzipped and every fifth in a zip inside
# the zip; with FIRST 0 (the default) also a FIT run. A TAG gives other
# bytes (an XML comment) for the same runs: the same activities exported again.
make_zip() {
	python3 - "$1" "$2" "$TESTS/data" "${3:-0}" "${4:-}" <<'EOF'
import gzip, io, re, sys, zipfile, datetime
out, copies, data, first, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
src = open(data + "/gpx/togeojson-run.gpx", "rb").read().decode("utf-8")
def shifted(k):
    def f(m):
        t = datetime.datetime.strptime(m.group(1)[:19], "%Y-%m-%dT%H:%M:%S") + datetime.timedelta(days=k)
        return "<time>" + t.strftime("%Y-%m-%dT%H:%M:%S") + "Z</time>"
    body = re.sub(r"<time>([^<]*)</time>", f, src)
    if tag:
        body = body.replace("?>", "?><!-- %s -->" % tag, 1)
    return body.encode()
fit = open(data + "/fit/fitparse-garmin-fenix-5-run.fit", "rb").read()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for k in range(copies):
        body = shifted(first + k + 1)
        if k % 5 == 1:
            z.writestr("activities/%05d.gpx.gz" % k, gzip.compress(body))
        elif k % 5 == 2:
            inner = io.BytesIO()
            with zipfile.ZipFile(inner, "w") as zi:
                zi.writestr("%05d.gpx" % k, body)
            z.writestr("garmin/%05d.zip" % k, inner.getvalue())
        else:
            z.writestr("activities/%05d.gpx" % k, body)
    if first == 0:
        z.writestr("activities/fenix.fit", fit)
EOF
}

# init_db DB [--no-rehab]: a database with an athlete and a morning score,
# then (unless --no-rehab: today's prescription still to do) a rehab session
# and a run
init_db() {
	"$TENDO" --db "$1" init --side right --name Torture --tz UTC >/dev/null 2>&1 || return 1
	"$TENDO" --db "$1" log pain --kind rest --score 1 >/dev/null 2>&1 || return 1
	[ "${2:-}" = --no-rehab ] && return 0
	"$TENDO" --db "$1" log rehab --exercise iso-bridge --sets 5 --hold-s 45 --pain-during 1 >/dev/null 2>&1 || return 1
	"$TENDO" --db "$1" log run --minutes 10 --terrain flat --pain-during 1 --pain-after 1 >/dev/null 2>&1
}

finish() {
	if [ "$FAILS" -gt 0 ]; then
		echo "$(basename "$0" .sh): $FAILS of $CHECKS checks failed"
		exit 1
	fi
	echo "$(basename "$0" .sh): all $CHECKS checks passed${1:+ ($1)}"
	exit 0
}
