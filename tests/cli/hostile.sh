# hostile.sh - what a reliability tester found (issue 11), each at its
# cause: output files and folders written whole (full disk, symlinks,
# FIFOs, modes), one bad row never locks the log, every way in obeys the
# same ranges, text that is not UTF-8 survives export + restore byte for
# byte, terminal escapes are shown escaped, the import's duplicate check
# holds against a second importer, archive bombs stay small, a WAL
# database in a read-only folder can be read.
. "$(dirname "$0")/lib.sh"
DATA="${TENDO_TESTS:-$(dirname "$0")/..}/data"
ESC=$(printf '\033')

ok init --side left --tz UTC --date 2026-01-05

# sql STATEMENT: run SQL on the test database (python's sqlite3)
sql() {
	python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchall(); c.commit(); print('\n'.join('|'.join(map(str,x)) for x in r))" "$DB" "$1"
}

# ---------------------------------------------------------------- outputs
i=0
LONG=$(python3 -c "print('n' * 900)")
while [ $i -lt 60 ]; do
	"$TENDO" --db "$DB" log pain --kind task --score 2 --date 2026-01-05 --note "$LONG $i" >/dev/null || fail "log $i"
	i=$((i + 1))
done
ok export --csv "$WORK/csv"
before=$(cat "$WORK"/csv/*.csv | cksum)
ok log pain --kind task --score 3 --date 2026-01-06
# a full disk (RLIMIT_FSIZE, 36 KB: 512-byte blocks in dash) in the middle of the folder
sh -c 'trap "" XFSZ; ulimit -f 72; exec "$@"' sh "$TENDO" --db "$DB" export --csv "$WORK/csv2" >"$WORK/out" 2>"$WORK/err"
RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
expect_rc 1 "export --csv past the file size limit"
expect_err "cannot write .*csv2/entry.csv: File too large" "the reason is the system's, on the file the user asked for"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/csv2" ] || fail "a half-written folder was left: $(ls "$WORK/csv2")"
CHECKS=$((CHECKS + 1))
[ -z "$(ls "$WORK" | grep tmp-)" ] || fail "temporary files left: $(ls "$WORK")"
ok export --csv "$WORK/csv"
after=$(cat "$WORK"/csv/*.csv | cksum)
CHECKS=$((CHECKS + 1))
[ "$before" != "$after" ] || fail "export --csv over its own folder did not replace it"
# the same export into a folder a full disk stops: the old files stay whole
sh -c 'trap "" XFSZ; ulimit -f 72; exec "$@"' sh "$TENDO" --db "$DB" export --csv "$WORK/csv" >/dev/null 2>&1
CHECKS=$((CHECKS + 1))
[ "$(cat "$WORK"/csv/*.csv | cksum)" = "$after" ] || fail "a failed export --csv changed the old folder"

# a full device: our own node when we may make one (as root a regression
# that renamed over the path would replace the machine's /dev/full)
FULL=/dev/full
if [ "$(id -u)" = 0 ] && mknod -m 666 "$WORK/full" c 1 7 2>/dev/null; then FULL="$WORK/full"; fi
t export --json "$FULL"
expect_rc 1 "export --json to a full device"
expect_err "No space left on device" "says the disk is full"
"$TENDO" --db "$DB" history --json >"$FULL" 2>"$WORK/err"
RC=$?; ERR=$(cat "$WORK/err")
expect_rc 1 "history --json to a full device"
expect_err "standard output: No space left on device" "history says why"

mkdir "$WORK/mixed" && echo keep >"$WORK/mixed/notes.txt"
t export --csv "$WORK/mixed"
expect_rc 1 "export --csv into a folder of other files"
expect_err "holds other things than .csv files \(notes.txt\)" "names the stranger"
CHECKS=$((CHECKS + 1))
[ -c "$FULL" ] || fail "$FULL is no longer a device"
CHECKS=$((CHECKS + 1))
[ "$(cat "$WORK/mixed/notes.txt")" = keep ] && [ "$(ls "$WORK/mixed")" = notes.txt ] || fail "the folder was touched"

# modes: a new file takes the umask, a replaced one keeps its mode
(umask 022 && "$TENDO" --db "$DB" report --html "$WORK/r.html" >/dev/null)
CHECKS=$((CHECKS + 1))
[ "$(stat -c %a "$WORK/r.html")" = 644 ] || fail "new report mode $(stat -c %a "$WORK/r.html"), expected 644 under umask 022"
chmod 600 "$WORK/r.html"
(umask 022 && "$TENDO" --db "$DB" report --html "$WORK/r.html" >/dev/null)
CHECKS=$((CHECKS + 1))
[ "$(stat -c %a "$WORK/r.html")" = 600 ] || fail "a replaced report lost its mode 600"
# a symbolic link is followed: the link stays, its target is replaced
mkdir "$WORK/shared" && echo old >"$WORK/shared/real.html" && ln -s shared/real.html "$WORK/link.html"
ok report --html "$WORK/link.html"
CHECKS=$((CHECKS + 1))
[ -L "$WORK/link.html" ] && grep -q "<html" "$WORK/shared/real.html" || fail "the symlink was replaced or its target not written"
ln -s nowhere/x.html "$WORK/dangling.html"
t report --html "$WORK/dangling.html"
expect_rc 1 "a dangling symlink"
expect_err "symbolic link to a missing file" "says what the link is"
# a FIFO is written in place, as a shell redirection would
mkfifo "$WORK/fifo"
timeout 20 cat "$WORK/fifo" >"$WORK/from-fifo" &  # (a regression must fail, not hang)
ok export --json "$WORK/fifo"
wait
CHECKS=$((CHECKS + 1))
[ -p "$WORK/fifo" ] && python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$WORK/from-fifo" || fail "the FIFO was replaced or the JSON not written through it"
# importing a FIFO does not wait for a writer
timeout 20 "$TENDO" --db "$DB" import "$WORK/fifo" >"$WORK/out" 2>"$WORK/err"
RC=$?; ERR=$(cat "$WORK/err"); OUT=$(cat "$WORK/out")
expect_rc 1 "import of a FIFO"
expect_out "not a regular file" "says what it is"

# ------------------------------------------------- one bad row, left out
ok log run --minutes 20 --date 2026-01-07
RUN=$(printf '%s' "$OUT" | sed -n 's/^logged #\([0-9]*\) .*/\1/p')
sql "UPDATE entry SET date = '9999-01-01' WHERE id = $RUN" >/dev/null
t history
expect_rc 0 "history with one unreadable row"
expect_err "warning: 1 entry could not be read .*'9999-01-01'.*tendo delete $RUN" "warns, naming the row and the way out"
for c in runs status today "report --html $WORK/r2.html"; do
	t $c
	expect_rc 0 "$c with one unreadable row"
done
ok delete "$RUN"
t history
CHECKS=$((CHECKS + 1))
[ -z "$ERR" ] || fail "a warning after the bad row was deleted: $ERR"

# ------------------------------------- the same ranges for every way in
gpx() { # gpx FILE START END LAT2 LON2: a two-point track
	cat >"$1" <<EOF
<?xml version="1.0"?>
<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>
<trkpt lat="0" lon="0"><time>$2</time></trkpt>
<trkpt lat="$4" lon="$5"><time>$3</time></trkpt>
</trkseg></trk></gpx>
EOF
}
gpx "$WORK/future.gpx" 9999-01-01T10:00:00Z 9999-01-01T10:30:00Z 0.01 0.01
t import "$WORK/future.gpx"
expect_out "skipped .*future.gpx: not imported: .*years 1900-2999" "a year-9999 activity is skipped, naming the field"
gpx "$WORK/long.gpx" 2026-01-08T10:00:00Z 2026-01-11T10:00:00Z 0.01 0.01
t import "$WORK/long.gpx"
expect_out "skipped .*long.gpx: not imported: elapsed_s must be 0-172800" "a 72-hour activity is skipped, naming the field"
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT count(*) FROM activity_file")" = 0 ] || fail "an out-of-range activity was stored"

# restore: the store's checks, and the newer-schema message
ok export --json "$WORK/good.json"
python3 - "$WORK/good.json" "$WORK" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1])); w = sys.argv[2]
def save(name, f):
    x = json.loads(json.dumps(d)); f(x); json.dump(x, open(w + '/' + name, 'w'))
save('newer.json', lambda x: x.update(schema=99))
save('baddate.json', lambda x: x['tables']['entry'][0].update(date='2026-02-30'))
save('badtz.json', lambda x: x['tables']['profile'][0].update(tz='Mars/Olympus'))
save('badscore.json', lambda x: x['tables']['pain_report'][0].update(score=11))
EOF
t restore "$WORK/newer.json" --db "$WORK/n1.db"
expect_rc 1 "restore of a newer export"
expect_err "newer tendo \(schema 99" "names the schema it found"
for f in baddate:2026-02-30 badtz:Mars badscore:score; do
	t restore "$WORK/${f%%:*}.json" --db "$WORK/${f%%:*}.db"
	expect_rc 1 "restore of ${f%%:*}"
	expect_err "${f#*:}" "restore of ${f%%:*} names the value"
	CHECKS=$((CHECKS + 1))
	[ ! -e "$WORK/${f%%:*}.db" ] || fail "restore of ${f%%:*} left a database behind"
done

# -------------------------- text that is not UTF-8, byte for byte
ok log pain --kind task --score 1 --date 2026-01-09 --note "$(printf 'caf\351 cr\350me')"
ok export --json "$WORK/latin.json"
CHECKS=$((CHECKS + 1))
python3 -c "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8'))" "$WORK/latin.json" || fail "export is not valid UTF-8 JSON"
ok restore "$WORK/latin.json" --db "$WORK/latin.db"
"$TENDO" --db "$WORK/latin.db" export --json "$WORK/latin2.json" >/dev/null
CHECKS=$((CHECKS + 1))
cmp -s "$WORK/latin.json" "$WORK/latin2.json" || fail "export + restore + export is not byte-exact"
CHECKS=$((CHECKS + 1))
python3 -c "
import sqlite3,sys
a=sqlite3.connect(sys.argv[1]); b=sqlite3.connect(sys.argv[2]); a.text_factory=b.text_factory=bytes
q='SELECT id, note FROM entry ORDER BY id'
sys.exit(a.execute(q).fetchall() != b.execute(q).fetchall())" "$DB" "$WORK/latin.db" || fail "the restored notes differ in their bytes"
ok history --json
expect_json "[e.get('note') for e in j if e.get('note','').startswith('caf')][0]" "caf� cr�me" "history --json shows the note (repaired)"

# ------------------------------------------------ terminal escapes
ok log pain --kind task --score 1 --date 2026-01-10 --note "$(printf 'x\033]0;pwned\007\033[2J\rimported  fake.fit')"
ok history
CHECKS=$((CHECKS + 1))
printf '%s' "$OUT" | grep -q "$ESC" && fail "history printed a raw escape"
expect_out 'x\\x1b\]0;pwned\\x07\\x1b\[2J\\rimported' "the escape is shown escaped"
python3 - "$WORK/esc.zip" "$DATA/gpx/togeojson-run.gpx" <<'EOF'
import zipfile, sys
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('\x1b]0;owned\x07\x1b[2Jrun.gpx', open(sys.argv[2], 'rb').read())
    z.writestr('\x1b[31mbad\r\nimported  x.fit', b'junk')
EOF
t import --verbose "$WORK/esc.zip"
CHECKS=$((CHECKS + 1))
printf '%s%s' "$OUT" "$ERR" | grep -q "$ESC" && fail "import printed a raw escape"
expect_out 'esc.zip:\\x1b\]0;owned' "the entry's name is shown escaped"

# --------------------------- one run, two formats, two importers at once
python3 - "$DATA/gpx/togeojson-run.gpx" "$WORK" <<'EOF'
import sys
s = open(sys.argv[1], 'rb').read()
open(sys.argv[2] + '/a.gpx', 'wb').write(s)
open(sys.argv[2] + '/b.gpx', 'wb').write(s.replace(b'<trk>', b'<trk><!-- the same run, another file -->', 1))
EOF
round=0; dup=0
while [ $round -lt 8 ]; do
	R="$WORK/race$round.db"
	"$TENDO" --db "$R" init --side left --tz UTC --date 2020-01-01 >/dev/null
	"$TENDO" --db "$R" import "$WORK/a.gpx" >/dev/null 2>&1 &
	"$TENDO" --db "$R" import "$WORK/b.gpx" >/dev/null 2>&1 &
	wait
	n=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM activity_file').fetchone()[0])" "$R")
	[ "$n" = 1 ] || dup=$((dup + 1))
	round=$((round + 1))
done
CHECKS=$((CHECKS + 1))
[ $dup = 0 ] || fail "the same run stored twice in $dup of 8 rounds of two importers"

# ------------------------------------------------------- archive bombs
# zip( x.tar.gz = gz( tar( x.gpx = 300 MB of zeros ) ) ): 300 KB on disk
python3 - "$WORK/bomb.zip" <<'EOF'
import zipfile, zlib, io, sys, tarfile
class Zeros(io.RawIOBase):
    def __init__(s, n): s.n = n
    def readinto(s, b):
        k = min(len(b), s.n); b[:k] = bytes(k); s.n -= k; return k
c = zlib.compressobj(9, zlib.DEFLATED, 31)
class Sink:
    parts = []
    def write(s, b): s.parts.append(c.compress(b)); return len(b)
sink = Sink()
with tarfile.open(fileobj=sink, mode='w|') as tf:
    ti = tarfile.TarInfo('x.gpx'); ti.size = 300 << 20; tf.addfile(ti, Zeros(300 << 20))
    ti = tarfile.TarInfo('y.fit.gz'); g = zlib.compressobj(9, zlib.DEFLATED, 31)
    y = b''.join(g.compress(bytes(1 << 20)) for _ in range(200)) + g.flush()
    ti.size = len(y); tf.addfile(ti, io.BytesIO(y))
sink.parts.append(c.flush())
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
    z.writestr('x.tar.gz', b''.join(sink.parts))
EOF
python3 - "$TENDO" "$DB" "$WORK/bomb.zip" "$WORK/out" <<'EOF' >"$WORK/rss"
import resource, subprocess, sys
r = subprocess.run([sys.argv[1], '--db', sys.argv[2], 'import', '--strict', sys.argv[3]], capture_output=True, text=True)
open(sys.argv[4], 'w').write(r.stdout + r.stderr)
print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
EOF
read RC RSS <"$WORK/rss"; OUT=$(cat "$WORK/out")
expect_rc 1 "import --strict of an archive bomb"
expect_out "x.gpx: inflates more than 100 times" "the tar entry stops at the ratio"
expect_out "y.fit.gz: inflates past" "the gzip member stops at the ratio"
CHECKS=$((CHECKS + 1))
[ "$RSS" -lt 150 ] || fail "an archive bomb took $RSS MB (at most 150 expected)"
echo "bomb: peak RSS $RSS MB"

# ------------------------------- a WAL database in a read-only folder
# (not under make valgrind: its wrapper writes root's logs, which nobody cannot)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && [ "$UNDER_VALGRIND" = 0 ]; then
	mkdir -p "$WORK/ro" && chmod 755 "$WORK" "$WORK/ro"
	cp "$TENDO" "$WORK/tendo-ro" && chmod 755 "$WORK/tendo-ro"
	"$TENDO" --db "$WORK/ro/t.db" init --side left --tz UTC >/dev/null
	"$TENDO" --db "$WORK/ro/t.db" log pain --kind task --score 2 >/dev/null
	chmod 644 "$WORK/ro/t.db" && chmod 555 "$WORK/ro"
	RO="setpriv --reuid=nobody --regid=nogroup --clear-groups $WORK/tendo-ro --db $WORK/ro/t.db"
	$RO history >"$WORK/out" 2>"$WORK/err"
	RC=$?; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
	expect_rc 0 "history of a WAL database in a read-only folder"
	expect_out "pain task 2/10" "reads the log"
	$RO log pain --kind task --score 1 >"$WORK/out" 2>"$WORK/err"
	RC=$?; ERR=$(cat "$WORK/err")
	expect_rc 1 "writing to it"
	expect_err "read-only" "says why it cannot write"
	chmod 755 "$WORK/ro"
else
	echo "read-only folder: skipped (needs root and setpriv to act as another user)"
fi

finish
