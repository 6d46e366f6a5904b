# report.sh - tendo report through the binary, then in a real browser: the
# demo story (data/demo/story.txt) replayed on fixed dates, the HTML page
# and the SVG charts written, bad input refused with nothing half-written,
# and the page rendered by headless Chromium (Debian's chromium) to a PNG
# with no console error and data in every chart (issue 4).
. "$(dirname "$0")/lib.sh"
STORY="$(dirname "$0")/../../data/demo/story.txt"
t report --html "$WORK/r.html"
expect_rc 1 "report before init"
expect_err "tendo init" "says to init first"
ok init --side right --name "Alex" --tz UTC --date 2026-03-02 --days mon,tue,thu,sat
ok report --to 2026-03-02 --html "$WORK/empty.html"
expect_out "wrote .*empty.html" "says where it wrote"
CHECKS=$((CHECKS + 1))
grep -q 'id="nothing"' "$WORK/empty.html" || fail "an empty report says there is nothing yet"

# the demo story, day -56 = 2026-03-02, day 0 = 2026-04-27
base=$(date -u -d 2026-04-27 +%s)
grep -v '^#' "$STORY" | while read -r day args; do
	[ -n "$day" ] || continue
	d=$(date -u -d "@$((base + day * 86400))" +%F)
	eval "set -- $args"
	"$TENDO" --db "$DB" log "$@" --date "$d" >/dev/null || echo "story line failed: $day $args" >&2
done
ok log visa --items 6,6,5,6,5,5,4,12 --date 2026-03-03
ok log visa --items 8,8,7,8,7,7,7,20 --date 2026-03-31
ok report --from 2026-03-02 --to 2026-04-27 --html "$WORK/report.html"
ok report --from 2026-03-02 --to 2026-04-27 --svg "$WORK/svg"
expect_out "wrote 10 charts" "ten charts"
CHECKS=$((CHECKS + 1))
python3 - "$WORK/svg" "$WORK/report.html" >"$WORK/check" 2>&1 <<'PYEOF' || fail "report files: $(cat "$WORK/check")"
import os, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
names = sorted(os.listdir(d))
assert names == ['chart-acwr.svg', 'chart-adherence.svg', 'chart-load.svg', 'chart-lsi.svg', 'chart-pain.svg',
                 'chart-sitting.svg', 'chart-stage.svg', 'chart-strength.svg', 'chart-visa.svg', 'chart-volume.svg'], names
axes = set()
for n in names:
    root = ET.parse(os.path.join(d, n)).getroot()      # well-formed XML
    assert root.tag == '{http://www.w3.org/2000/svg}svg', root.tag
    assert int(root.get('data-points')) > 0, (n, root.get('data-points'))
    axis = root.find('{http://www.w3.org/2000/svg}g[@class="axis"]')[0]  # the x axis
    axes.add((root.get('viewBox').split()[2], axis.get('x1'), axis.get('x2')))
    assert not [e for e in root.iter() if 'style' in e.attrib], n   # presentation attributes only
assert len(axes) == 1, 'the x axes do not line up: %s' % axes
html = open(sys.argv[2]).read()
for k in ('VISA-H', 'readiness tests', 'Prescription for 2026-04-27', 'data-rule=', 'Week by week',
          'id="references"', 'Silbernagel KG', 'href="#ref-'):
    assert k in html, k
for k in ('seed 0', 'seeds 0', 'PROTOCOL.md', 'docs/RULES.md', 'return_to_run'):   # stands alone when emailed
    assert k not in html, k
PYEOF

# today says when the day is not a training day and something needs a gym or a run
notes=0
for d in 2026-04-28 2026-04-29 2026-04-30 2026-05-01 2026-05-03; do # after the story: nothing logged yet
	ok today --date "$d" --json
	busy=$(json_get "j['run']['allowed'] or any(x['reps'] for x in j['rehab'])")
	json=$OUT
	ok today --date "$d"
	CHECKS=$((CHECKS + 1))
	if [ "$busy" = True ] && [ "$(OUT=$json json_get "j['training_day']")" = False ]; then
		notes=$((notes + 1))
		printf '%s' "$OUT" | grep -q "not one of your training days (mon,tue,thu,sat)" || fail "$d: no training-day note"
	else
		! printf '%s' "$OUT" | grep -q "not one of your training days" || fail "$d: a note on a day with nothing to move"
	fi
done
CHECKS=$((CHECKS + 1))
[ "$notes" -ge 2 ] || fail "the story never needed the note ($notes)"

# bad input: one line, non-zero, nothing half-written
cp "$WORK/report.html" "$WORK/keep.html"
t report --from 2026-04-27 --to 2026-03-02 --html "$WORK/report.html"
expect_rc 2 "reversed dates"
expect_err "--from 2026-04-27 is after --to 2026-03-02" "names both dates"
t report --from 2026-02-30 --html "$WORK/report.html"
expect_rc 2 "impossible date"
t report
expect_rc 2 "no --html or --svg"
expect_err "--html FILE or --svg DIR" "says what is missing"
t report --html "$WORK/no/such/dir/r.html"
expect_rc 1 "unwritable --html"
expect_err "cannot write .*no/such/dir/r.html" "names the file"
: >"$WORK/afile"
t report --svg "$WORK/afile"
expect_rc 1 "--svg on a file"
ok report --to 2026-01-01 --html "$WORK/before.html"
expect_out "2026-01-01 to 2026-01-01" "a day before the programme: that day alone"
CHECKS=$((CHECKS + 1))
cmp -s "$WORK/report.html" "$WORK/keep.html" || fail "a refused report touched the old file"
CHECKS=$((CHECKS + 1))
[ -z "$(find "$WORK" -name '*.tmp-*')" ] || fail "temporary files left: $(find "$WORK" -name '*.tmp-*')"

# the browser: headless Chromium renders the page; no console error; every chart has data
CHROME=$(command -v chromium || command -v chromium-browser || true)
CHECKS=$((CHECKS + 1))
if [ -z "$CHROME" ]; then
	fail "chromium is not installed (scripts/install-deps installs it)"
	finish
fi
render() { # render FILE.html OUT.png: console messages in OUT.log, DOM in OUT.dom
	HOME="$WORK" XDG_CONFIG_HOME="$WORK/cfg" XDG_CACHE_HOME="$WORK/cache" timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--disable-background-networking --disable-component-update --disable-sync --no-first-run \
		--no-default-browser-check --user-data-dir="$WORK/chrome-profile" --enable-logging=stderr --v=0 \
		--hide-scrollbars --window-size=412,5200 --screenshot="$2" "file://$1" >"$2.out" 2>"$2.log"
	HOME="$WORK" XDG_CONFIG_HOME="$WORK/cfg" XDG_CACHE_HOME="$WORK/cache" timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--disable-background-networking --disable-component-update --disable-sync --no-first-run \
		--no-default-browser-check --user-data-dir="$WORK/chrome-profile" --enable-logging=stderr --v=0 \
		--dump-dom "file://$1" >"$2.dom" 2>>"$2.log"
}
# a control page that breaks the rules must be caught, or the check proves nothing
sed 's|</body>|<img src="http://192.0.2.1/x.png"><script>console.error("boom")</script></body>|' \
	"$WORK/report.html" >"$WORK/control.html"
render "$WORK/control.html" "$WORK/control.png"
CHECKS=$((CHECKS + 1))
grep -q "CONSOLE" "$WORK/control.png.log" || fail "the browser check cannot see console errors: $(tail -5 "$WORK/control.png.log")"
render "$WORK/report.html" "$WORK/report.png"
CHECKS=$((CHECKS + 1))
[ -s "$WORK/report.png" ] || fail "no screenshot: $(tail -5 "$WORK/report.png.log")"
CHECKS=$((CHECKS + 1))
! grep -q "CONSOLE" "$WORK/report.png.log" || fail "console messages: $(grep CONSOLE "$WORK/report.png.log" | head -3)"
CHECKS=$((CHECKS + 1))
python3 - "$WORK/report.png.dom" "$WORK/report.png" >"$WORK/check" 2>&1 <<'PYEOF' || fail "rendered page: $(cat "$WORK/check")"
import struct, sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.charts = {}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'svg' and 'tendo-chart' in (a.get('class') or ''):
            self.charts[a['id']] = int(a.get('data-points', '0'))
p = P(); p.feed(open(sys.argv[1]).read())
assert len(p.charts) == 10, p.charts
empty = [k for k, v in p.charts.items() if v <= 0]
assert not empty, 'charts without data: %s' % empty
png = open(sys.argv[2], 'rb').read()
assert png[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
w, h = struct.unpack('>II', png[16:24])
assert w >= 400 and h >= 1000, (w, h)
assert len(png) > 50000, 'the screenshot looks empty (%d bytes)' % len(png)
PYEOF
# and in print: a PDF of several pages
HOME="$WORK" timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
	--disable-background-networking --no-first-run --user-data-dir="$WORK/chrome-profile" \
	--no-pdf-header-footer --print-to-pdf="$WORK/report.pdf" "file://$WORK/report.html" >/dev/null 2>&1
CHECKS=$((CHECKS + 1))
[ "$(head -c 5 "$WORK/report.pdf" 2>/dev/null)" = "%PDF-" ] && [ "$(wc -c <"$WORK/report.pdf")" -gt 50000 ] ||
	fail "printing the report to PDF failed"

# the empty report renders too: ten charts saying "no data yet", no console error
render "$WORK/empty.html" "$WORK/empty.png"
CHECKS=$((CHECKS + 1))
[ -s "$WORK/empty.png" ] && ! grep -q "CONSOLE" "$WORK/empty.png.log" || fail "the empty report did not render cleanly"
CHECKS=$((CHECKS + 1))
[ "$(grep -o 'class="tendo-chart' "$WORK/empty.png.dom" | wc -l)" = 10 ] && grep -q "no data yet" "$WORK/empty.png.dom" ||
	fail "the empty report lacks its ten empty charts"
[ -n "${TENDO_KEEP_PNG:-}" ] && cp "$WORK/report.png" "$TENDO_KEEP_PNG"
finish
