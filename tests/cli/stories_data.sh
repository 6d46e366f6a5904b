# stories_data.sh - patient stories as data (tests/stories/*.story) replayed
# through the real CLI. Run by ctest as: sh tests/cli/stories_data.sh /path/to/tendo
# Optional further arguments: story names or files to run only those.
# The format is described in tests/stories/README.md.
set -u
TENDO=${1:?usage: sh stories_data.sh /path/to/tendo [STORY...]}
shift
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -n "${TENDO_TESTS:-}" ] && [ -d "$TENDO_TESTS/stories" ]; then
	STORIES="$TENDO_TESTS/stories"
else
	STORIES="$HERE/../stories"
fi
export NO_COLOR=1
unset TENDO_DB
exec python3 - "$TENDO" "$STORIES" "$@" <<'PYEOF'
import ast, concurrent.futures, datetime, fnmatch, glob, json, os, re, shlex
import shutil, subprocess, sys, tempfile, threading

TENDO = os.path.abspath(sys.argv[1])
STORIES = os.path.abspath(sys.argv[2])
ONLY = sys.argv[3:]
D0 = datetime.date(2026, 1, 5)  # a Monday: day 0 of every story
VERBOSE = os.environ.get("STORIES_VERBOSE", "") not in ("", "0")
TRACE = os.environ.get("STORIES_TRACE", "") not in ("", "0")


# A shared prefix (an include at the top of a story, with no expectation in it)
# is replayed once; the stories that start with it get a copy of its database.
PREFIXES = {}
PREFIX_LOCK = threading.Lock()
PREFIX_DIR = tempfile.mkdtemp(prefix="tendo-prefix.", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)


def date_of(n):
    return (D0 + datetime.timedelta(days=n)).isoformat()


class StoryError(Exception):
    """A line of the story file that the driver cannot read."""


class Stop(Exception):
    """A command failed: the rest of the story cannot run."""


# ------------------------------------------------------------------ parsing

def parse_days(spec, where):
    """'3', '0..6', '0..20/2', '1,3,5', '-3' -> list of day numbers."""
    days = []
    for item in spec.split(","):
        item = item.strip()
        m = re.fullmatch(r"(-?\d+)(?:\.\.(-?\d+)(?:/(\d+))?)?", item)
        if not m:
            raise StoryError("%s: bad day '%s' (N, A..B or A..B/K)" % (where, item))
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) is not None else a
        k = int(m.group(3)) if m.group(3) else 1
        if b < a or k < 1:
            raise StoryError("%s: bad day range '%s'" % (where, item))
        days.extend(range(a, b + 1, k))
    return days


def read_lines(path, seen=()):
    """(where, text) for every line, includes expanded."""
    out = []
    if path in seen:
        raise StoryError("%s: include loop" % path)
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            text = text.rstrip("\n")
            where = "%s:%d" % (os.path.relpath(path, STORIES), n)
            m = re.fullmatch(r"\s*include\s+(\S+)\s*", text)
            if m:
                inc = os.path.join(STORIES, m.group(1))
                out.extend(read_lines(inc, seen + (path,)))
            else:
                out.append((where, text))
    return out


def parse_story(path):
    meta = {"title": "", "protocol": "", "open": None}
    steps = []
    for where, text in read_lines(path):
        s = text.strip()
        if not s:
            continue
        if s.startswith("#"):
            m = re.fullmatch(r"#\s*(title|protocol|open)\s*:\s*(.*)", s)
            # only the story's own header counts, not an included file's
            if m and where.startswith(os.path.relpath(path, STORIES) + ":"):
                meta[m.group(1)] = m.group(2).strip()
            continue
        m = re.fullmatch(r"init(\s.*)?", s)
        if m:
            steps.append((where, "init", (m.group(1) or "").strip()))
            continue
        m = re.fullmatch(r"tendo\s*:\s*(.+)", s)
        if m:
            steps.append((where, "raw", m.group(1)))
            continue
        m = re.fullmatch(r"day\s+([-0-9.,/ ]+?)\s*:\s*(.+)", s)
        if m:
            days = parse_days(m.group(1), where)
            cmds = [c.strip() for c in m.group(2).split(" ; ") if c.strip()]
            steps.append((where, "day", (days, cmds)))
            continue
        m = re.fullmatch(r"expect\s+(any\s+)?day\s+([-0-9.,/ ]+?)\s*:\s*(.+)", s)
        if m:
            days = parse_days(m.group(2), where)
            steps.append((where, "expect", (bool(m.group(1)), days, m.group(3).strip(), "today")))
            continue
        m = re.fullmatch(r"expect\s+status\s+day\s+(-?\d+)\s*:\s*(.+)", s)
        if m:
            steps.append((where, "expect", (False, [int(m.group(1))], m.group(2).strip(), "status")))
            continue
        m = re.fullmatch(r"expect\s+profile\s*:\s*(.+)", s)
        if m:
            steps.append((where, "expect", (False, [None], m.group(1).strip(), "profile")))
            continue
        m = re.fullmatch(r"expect\s+output\s*:\s*(.+)", s)
        if m:
            steps.append((where, "output", m.group(1).strip()))
            continue
        m = re.fullmatch(r"expect\s+runs\s+([-0-9.,/ ]+?)\s*:\s*(.+)", s)
        if m:
            steps.append((where, "runs", (parse_days(m.group(1), where), m.group(2).strip())))
            continue
        m = re.fullmatch(r"expect\s+lifts\s+(\S+)\s+([-0-9.,/ ]+?)\s*:\s*(.+)", s)
        if m:
            steps.append((where, "lifts", (m.group(1), parse_days(m.group(2), where), m.group(3).strip())))
            continue
        m = re.fullmatch(r"expect\s+weeks?\s+([-0-9.,/ ]+?)\s*:\s*(.+)", s)
        if m:
            steps.append((where, "week", (parse_days(m.group(1), where), m.group(2).strip())))
            continue
        raise StoryError("%s: cannot read this line: %s" % (where, s))
    return meta, steps


# ------------------------------------------------------------------ checks

def rng(text):
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)(?:\s*-\s*(-?\d+(?:\.\d+)?))?", text.strip())
    if not m:
        raise StoryError("bad range '%s' (N or A-B)" % text)
    a = float(m.group(1))
    return a, float(m.group(2)) if m.group(2) else a


def load_kg(item):
    """The kg in a rehab item's load text, or None (body weight)."""
    for key in ("kg", "load_kg"):
        if isinstance(item.get(key), (int, float)):
            return float(item[key])
    m = re.search(r"(\d+(?:\.\d+)?)\s*kg", str(item.get("load_text") or ""))
    return float(m.group(1)) if m else None


def item_side(item):
    return str(item.get("side") or "both")


def check(j, text):
    """(ok, detail) for one check on a today/status/profile JSON object."""
    words = text.split(None, 1)
    what = words[0]
    arg = words[1].strip() if len(words) > 1 else ""
    run = j.get("run") or {}
    if what == "run":
        if arg not in ("allowed", "blocked"):
            raise StoryError("run allowed|blocked, not '%s'" % arg)
        return bool(run.get("allowed")) == (arg == "allowed"), ""
    if what == "minutes":
        a, b = rng(arg)
        got = run.get("minutes") or 0
        return a <= got <= b, ""
    if what in ("rule", "no-rule"):
        ids = [r.get("id", "") for r in j.get("rules", [])]
        hit = any(fnmatch.fnmatchcase(i, p) for p in arg.split("|") for i in ids)
        return hit == (what == "rule"), ""
    if what == "stage":
        return j.get("stage") in arg.split("|"), ""
    if what == "decision":
        return j.get("decision") in arg.split("|"), ""
    if what == "rehab":
        sub = arg.split(None, 1)
        if len(sub) != 2 or sub[0] not in ("has", "lacks"):
            raise StoryError("rehab has|lacks NAME, not '%s'" % arg)
        names = [str(x.get("exercise", "")) for x in j.get("rehab", [])]
        hit = any(fnmatch.fnmatchcase(n, p) for p in sub[1].split("|") for n in names)
        return hit == (sub[0] == "has"), ""
    if what == "load":
        # load EXERCISE[@side] A-B [step S]: every matching item's kg lies in
        # A-B (and is a multiple of S)
        sub = arg.split(None, 1)
        if len(sub) != 2:
            raise StoryError("load EXERCISE[@side] A-B [step S], not '%s'" % arg)
        name, side = (sub[0].split("@", 1) + [None])[:2]
        step = None
        ms = re.fullmatch(r"(.+?)\s+step\s+(\d+(?:\.\d+)?)", sub[1])
        if ms:
            sub[1], step = ms.group(1), float(ms.group(2))
        a, b = rng(sub[1])
        items = [x for x in j.get("rehab", []) if x.get("exercise") == name
                 and (side is None or item_side(x) in (side, "both"))]
        if not items:
            return False, "no %s in the rehab" % sub[0]
        kgs = [x["kg_" + side] if side in ("left", "right") and isinstance(x.get("kg_" + side), (int, float))
               else load_kg(x) for x in items]
        if any(k is None for k in kgs):
            return False, "%s has no load in kg: %s" % (name, [x.get("load_text") for x in items])
        on_step = step is None or all(abs(k / step - round(k / step)) < 1e-6 for k in kgs)
        return all(a <= k <= b for k in kgs) and on_step, "%s kg: %s%s" % (
            sub[0], kgs, "" if on_step else " (not a multiple of %g kg)" % step)
    if what == "json":
        m = re.fullmatch(r"(.+?)\s+=\s+(.+)", arg)
        try:
            if m:
                got = eval(m.group(1), {"json": json, "re": re}, {"j": j})
                try:
                    want = ast.literal_eval(m.group(2))
                except (ValueError, SyntaxError):
                    want = m.group(2)
                ok = got == want or (not isinstance(want, str) and str(got) == str(want)) \
                    or (isinstance(want, str) and str(got) == want)
                return ok, "%s is %r" % (m.group(1), got)
            got = eval(arg, {"json": json, "re": re}, {"j": j})
            return bool(got), "%s is %r" % (arg, got)
        except Exception as e:  # noqa: BLE001 - report any failure of the expression
            return False, "%s: %s: %s" % (arg, type(e).__name__, e)
    raise StoryError("unknown check '%s'" % text)


def said(j, kind):
    """What the engine said, in one line."""
    if kind == "profile":
        return json.dumps(j)[:300]
    run = j.get("run") or {}
    rules = " ".join(r.get("id", "") for r in j.get("rules", []))
    rehab = ", ".join("%s%s" % (x.get("exercise"), " (%s)" % x.get("load_text") if x.get("load") is not None else "")
                      for x in j.get("rehab", []))
    if kind == "status":
        return "stage=%s decision=%s run_step=%s" % (j.get("stage"), j.get("decision"), j.get("run_step_min"))
    return "stage=%s decision=%s run=%s minutes=%s\n      rules: %s\n      rehab: %s" % (
        j.get("stage"), j.get("decision"), "allowed" if run.get("allowed") else "blocked",
        run.get("minutes"), rules, rehab or "-")


# ------------------------------------------------------------------ running

class Story:
    def __init__(self, path):
        self.path = path
        self.name = os.path.relpath(path, STORIES)
        if self.name.startswith(".."):
            self.name = path
        self.work = tempfile.mkdtemp(prefix="tendo-story.", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
        self.db = os.path.join(self.work, "tendo.db")
        self.vars = {}
        self.anys = {}
        self.inday = {}
        self.trace = []
        self.cache = {}
        self.failures = []
        self.last_output = ""
        self.calls = 0
        self.now = None  # the story's today: the latest day it has reached

    def tendo(self, args, where, must=True, today=None):
        env = dict(os.environ, NO_COLOR="1", XDG_DATA_HOME=os.path.join(self.work, "xdg"))
        env.pop("TENDO_DB", None)
        env.pop("TENDO_TODAY", None)
        if today is not None:
            env["TENDO_TODAY"] = date_of(today)  # a past day is then its morning record (10.9)
        p = subprocess.run([TENDO, "--db", self.db] + args, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, env=env)
        self.calls += 1
        self.last_output = p.stdout + p.stderr
        if must and p.returncode != 0:
            raise Stop("%s: `tendo %s` exited %d: %s" % (where, " ".join(shlex.quote(a) for a in args),
                                                         p.returncode, (p.stderr or p.stdout).strip()[:300]))
        return p

    def subst(self, text, where):
        def var(m):
            if m.group(1) not in self.vars:
                raise StoryError("%s: $%s is not bound" % (where, m.group(1)))
            return str(self.vars[m.group(1)])
        return re.sub(r"\$([A-Za-z_]\w*)", var, text)

    def mutate(self, args, where):
        self.cache.clear()
        return self.tendo(args, where)

    def today(self, day, where, kind="today"):
        key = (kind, day)
        if key not in self.cache:
            if kind == "profile":
                args = ["profile", "--json"]
            else:
                args = [kind, "--json", "--date", date_of(day)]
            now = day if self.now is None or (day is not None and day > self.now) else self.now
            p = self.tendo(args, where, today=now)
            try:
                self.cache[key] = json.loads(p.stdout)
            except ValueError:
                raise Stop("%s: `tendo %s` did not print JSON: %s" % (where, " ".join(args), p.stdout[:200]))
        return self.cache[key]

    def follow(self, day, opts, where):
        """Do what today prescribes: the run and the rehab, as prescribed."""
        o = {"--pain-during": "0", "--task": None, "--pain-after": None, "--rpe": None}
        it = iter(opts)
        for a in it:
            if a not in o:
                raise StoryError("%s: follow takes --task N, --pain-during N, --pain-after N, --rpe N" % where)
            o[a] = next(it, None)
            if o[a] is None:
                raise StoryError("%s: follow %s needs a value" % (where, a))
        rpe = ["--rpe", o["--rpe"]] if o["--rpe"] is not None else []
        if o["--task"] is not None:
            self.mutate(["log", "pain", "--kind", "task", "--score", o["--task"], "--date", date_of(day)], where)
        j = self.today(day, where)
        run = j.get("run") or {}
        if run.get("allowed") and run.get("minutes"):
            args = ["log", "run", "--minutes", str(run["minutes"]), "--pain-during", o["--pain-during"]]
            if run.get("run_walk"):
                args.append("--walk-breaks")
            if o["--pain-after"] is not None:
                args += ["--pain-after", o["--pain-after"]]
            self.mutate(args + rpe + ["--date", date_of(day)], where)
        for x in j.get("rehab", []):
            args = ["log", "rehab", "--exercise", str(x["exercise"]), "--sets", str(x.get("sets") or 3)]
            if x.get("hold_s"):
                args += ["--hold-s", str(x["hold_s"])]
            else:
                args += ["--reps", str(x.get("reps") or 10)]
            kg = load_kg(x)
            if kg:
                args += ["--kg", "%g" % kg]
            if x.get("side") in ("left", "right"):
                args += ["--side", x["side"]]
            self.mutate(args + rpe + ["--pain-during", o["--pain-during"], "--date", date_of(day)], where)

    def do_cmd(self, cmd, day, where):
        cmd = cmd.strip()
        if day is not None and not re.match(r"expect", cmd) and (self.now is None or day > self.now):
            self.now = day  # the story has reached this day
        m = re.fullmatch(r"\$([A-Za-z_]\w*)\s*=\s*(.+)", cmd)
        bind = None
        if m:
            bind, cmd = m.group(1), m.group(2)
        m = re.fullmatch(r"expect(\s+any)?(?:\s+if\s+(.+?))?\s*:\s*(.+)", cmd)
        if m and day is not None and not bind:
            j = self.today(day, where)
            try:
                if m.group(2) and not check(j, m.group(2))[0]:
                    return
                ok, detail = check(j, m.group(3))
            except StoryError as e:
                raise StoryError("%s: %s" % (where, e))
            if TRACE:
                self.trace.append("%s: day %s %s -> %s\n      %s" % (where, day, cmd, "ok" if ok else "not met", said(j, "today")))
            if m.group(1):
                # expect any: at least one day of the line's range
                acc = self.anys.setdefault((where, cmd), [False, None])
                acc[0] = acc[0] or ok
                acc[1] = (day, said(j, "today"))
                return
            if not ok:
                # reported once per line, after its range (see run())
                self.inday.setdefault((where, cmd), []).append(
                    (day, "the engine said %s%s" % (said(j, "today"), ("\n      " + detail) if detail else "")))
            return
        args = shlex.split(self.subst(cmd, where))
        if args and args[0] == "follow":
            if bind:
                raise StoryError("%s: follow cannot be bound" % where)
            return self.follow(day, args[1:], where)
        if bind:
            args.append("--json")
        if day is not None:
            args += ["--date", date_of(day)]
        p = self.mutate(args, where)
        if bind:
            try:
                self.vars[bind] = json.loads(p.stdout)["id"]
            except (ValueError, KeyError, TypeError):
                raise Stop("%s: no id in the JSON of `tendo %s`: %s" % (where, " ".join(args), p.stdout[:200]))

    def history(self, where):
        key = ("history", None)
        if key not in self.cache:
            p = self.tendo(["history", "--json", "--from", date_of(-400), "--to", date_of(2000)], where)
            self.cache[key] = json.loads(p.stdout)
        return self.cache[key]

    def week_minutes(self, week, where):
        lo, hi = date_of(7 * week), date_of(7 * week + 6)
        return sum(float(e.get("minutes") or 0) for e in self.history(where)
                   if e.get("type") == "run" and lo <= e.get("date", "") <= hi)

    def check_series(self, where, label, series, text, pct):
        """series: [(date, value)] in order. Checks: rise at most N[%],
        week rise at most N%, step S, range A-B (kg or minutes)."""
        if not series:
            self.fail(where, label + ": " + text, "nothing logged in those days")
            return
        m = re.fullmatch(r"(week\s+)?rise at most (\d+(?:\.\d+)?)(%?)", text)
        if m:
            lim = float(m.group(2))
            rel = m.group(3) == "%"
            for i in range(1, len(series)):
                d, v = series[i]
                if m.group(1):
                    dd = datetime.date.fromisoformat(d)
                    ref = [w for e, w in series[:i] if datetime.date.fromisoformat(e) <= dd - datetime.timedelta(days=7)]
                    if not ref:
                        continue
                    prev = ref[-1]
                else:
                    prev = series[i - 1][1]
                top = prev * (1 + lim / 100) if rel else prev + lim
                if v > top + 1e-6:
                    self.fail(where, label + ": " + text, "%s: %g after %g (all: %s)" % (
                        d, v, prev, ", ".join("%s %g" % (e[5:], w) for e, w in series)))
                    return
            return
        m = re.fullmatch(r"step (\d+(?:\.\d+)?)", text)
        if m:
            st = float(m.group(1))
            bad = [(d, v) for d, v in series if abs(v / st - round(v / st)) > 1e-6]
            if bad:
                self.fail(where, label + ": " + text, "not a multiple of %g: %s" % (st, bad))
            return
        m = re.fullmatch(r"(?:range|kg|minutes) (.+)", text)
        if m:
            lo, hi = rng(m.group(1))
            bad = [(d, v) for d, v in series if not lo <= v <= hi]
            if bad:
                self.fail(where, label + ": " + text, "outside: %s" % bad)
            return
        raise StoryError("%s: runs/lifts take: rise at most N[%%], week rise at most N%%, step S, range A-B" % where)

    def fail(self, where, text, detail):
        self.failures.append("%s: expect %s\n      %s" % (where, text, detail))

    def prefix(self, steps):
        """Replay the leading steps that come from an included file, or
        copy their database if another story has replayed them already."""
        own = os.path.relpath(self.path, STORIES) + ":"
        n = 0
        while n < len(steps) and not steps[n][0].startswith(own) and steps[n][1] in ("init", "raw", "day"):
            n += 1
        if n == 0:
            return 0
        key = repr([(k, p) for _, k, p in steps[:n]])
        with PREFIX_LOCK:
            entry = PREFIXES.setdefault(key, {"lock": threading.Lock(), "db": None})
        with entry["lock"]:
            if entry["db"] is None:
                self.replay(steps[:n])
                if self.failures:
                    return n
                snap = os.path.join(PREFIX_DIR, "p%d" % len(os.listdir(PREFIX_DIR)))
                os.mkdir(snap)
                for f in os.listdir(self.work):
                    if f.startswith("tendo.db"):
                        shutil.copy(os.path.join(self.work, f), snap)
                entry["db"] = snap
                return n
        for f in os.listdir(entry["db"]):
            shutil.copy(os.path.join(entry["db"], f), self.work)
        return n

    def run(self):
        meta, steps = parse_story(self.path)
        self.meta = meta
        n = self.prefix(steps)
        self.replay(steps[n:])

    def replay(self, steps):
        for where, kind, payload in steps:
            if kind == "init":
                args = ["init"] + shlex.split(payload)
                if "--date" not in args:
                    args += ["--date", date_of(0)]
                if "--tz" not in args:
                    args += ["--tz", "UTC"]
                self.mutate(args, where)
            elif kind == "raw":
                self.do_cmd(payload, None, where)
            elif kind == "day":
                days, cmds = payload
                self.anys = {}
                self.inday = {}
                for d in days:
                    for c in cmds:
                        self.do_cmd(c, d, where)
                for (w, c), bad in self.inday.items():
                    d, text = bad[0]
                    more = "" if len(bad) == 1 else " (and on days %s)" % ", ".join(str(x) for x, _ in bad[1:])
                    self.fail(w, "day %d (%s)%s: %s" % (d, date_of(d), more, re.sub(r"^expect\s*:?\s*", "", c)), text)
                for (w, c), (ok, last) in self.anys.items():
                    if not ok:
                        self.fail(w, "on some day of %s..%s: %s" % (days[0], days[-1], re.sub(r"^expect\s+any\s*:?\s*", "", c)),
                                  "on no day; on day %d the engine said %s" % last)
            elif kind == "output":
                if not re.search(payload, self.last_output, re.I):
                    self.fail(where, "output: " + payload, "the last command printed: %s" % self.last_output.strip()[:300])
            elif kind == "runs":
                days, text = payload
                ds = set(date_of(d) for d in days)
                series = [(e["date"], float(e.get("minutes") or 0)) for e in self.history(where)
                          if e.get("type") == "run" and e.get("date") in ds]
                series.sort(key=lambda x: x[0])
                self.check_series(where, "runs %s..%s" % (days[0], days[-1]), series, text, False)
            elif kind == "lifts":
                ex, days, text = payload
                name, side = (ex.split("@", 1) + [None])[:2]
                ds = set(date_of(d) for d in days)
                series = [(e["date"], float(e.get("kg") or 0)) for e in self.history(where)
                          if e.get("type") == "rehab" and e.get("exercise") == name and e.get("date") in ds
                          and (side is None or e.get("side") in (side, "both", None))]
                series.sort(key=lambda x: x[0])
                self.check_series(where, "lifts %s %s..%s" % (ex, days[0], days[-1]), series, text, True)
            elif kind == "week":
                weeks, text = payload
                m = re.fullmatch(r"run-minutes\s+(.+)", text)
                m2 = re.fullmatch(r"run-minutes within (\d+)%", text)
                if m2:
                    pct = float(m2.group(1)) / 100
                    mins = [self.week_minutes(w, where) for w in weeks]
                    for a, b, w in zip(mins, mins[1:], weeks[1:]):
                        if a > 0 and not (a * (1 - pct) - 0.5 <= b <= a * (1 + pct) + 0.5):
                            self.fail(where, "weeks %s..%s: %s" % (weeks[0], weeks[-1], text),
                                      "week %d: %g min after %g (weeks %s..%s: %s)" % (
                                          w, b, a, weeks[0], weeks[-1], ", ".join("%g" % x for x in mins)))
                            break
                elif m:
                    lo, hi = rng(m.group(1))
                    for w in weeks:
                        got = self.week_minutes(w, where)
                        if not lo <= got <= hi:
                            self.fail(where, "week %d: %s" % (w, text), "ran %g min that week" % got)
                else:
                    raise StoryError("%s: expect week W: run-minutes A-B | run-minutes within P%%" % where)
            elif kind == "expect":
                anyday, days, text, src = payload
                results = []
                for d in days:
                    j = self.today(d, where, src)
                    try:
                        ok, detail = check(j, text)
                    except StoryError as e:
                        raise StoryError("%s: %s" % (where, e))
                    results.append((d, ok, detail, j))
                    if TRACE:
                        self.trace.append("%s: day %s %s -> %s\n      %s" % (where, d, text, "ok" if ok else "FAILS", said(j, src)))
                if anyday:
                    if not any(ok for _, ok, _, _ in results):
                        d, _, detail, j = results[-1]
                        self.fail(where, "any day %s: %s" % (",".join(map(str, days)), text),
                                  "on no day; on day %d the engine said %s%s" % (d, said(j, src), ("\n      " + detail) if detail else ""))
                else:
                    for d, ok, detail, j in results:
                        if not ok:
                            label = "profile" if d is None else "day %d (%s)" % (d, date_of(d))
                            self.fail(where, "%s: %s" % (label, text),
                                      "the engine said %s%s" % (said(j, src), ("\n      " + detail) if detail else ""))


def run_story(path):
    s = Story(path)
    try:
        s.run()
    except Stop as e:
        s.failures.append(str(e))
    except StoryError as e:
        s.failures.append("story error: %s" % e)
        s.broken = True
    except OSError as e:
        s.failures.append("story error: %s" % e)
        s.broken = True
    finally:
        if os.environ.get("STORIES_KEEP"):
            sys.stderr.write("kept %s: %s\n" % (s.name, s.db))
        else:
            shutil.rmtree(s.work, ignore_errors=True)
    if not hasattr(s, "meta"):
        s.meta = {"title": "", "protocol": "", "open": None}
    return s


def main():
    if ONLY:
        paths = []
        for a in ONLY:
            for cand in (a, os.path.join(STORIES, a), os.path.join(STORIES, a + ".story")):
                if os.path.isfile(cand):
                    paths.append(os.path.abspath(cand))
                    break
            else:
                print("no story %s" % a, file=sys.stderr)
                return 2
    else:
        paths = sorted(glob.glob(os.path.join(STORIES, "*.story")))
    if not paths:
        print("no stories in %s" % STORIES, file=sys.stderr)
        return 2
    workers = max(2, (os.cpu_count() or 2) * 2)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as ex:
        results = list(ex.map(run_story, paths))
    npass = nopen = nfail = 0
    for s in results:
        for t in s.trace:
            print("trace " + t)
        title = s.meta.get("title") or ""
        broken = getattr(s, "broken", False)
        if s.meta.get("open") is not None and not broken:
            if s.failures:
                nopen += 1
                print("OPEN  %s  (%s)" % (s.name, s.meta["open"]))
                shown = s.failures if VERBOSE else s.failures[:1]
                for f in shown:
                    print("      " + f.replace("\n", "\n      "))
                if not VERBOSE and len(s.failures) > 1:
                    print("      ... and %d more (STORIES_VERBOSE=1 shows all)" % (len(s.failures) - 1))
            else:
                nfail += 1
                print("FAIL  %s: story %s now passes: remove its open line (%s)" % (s.name, s.name, s.meta["open"]))
        elif s.failures:
            nfail += 1
            print("FAIL  %s  %s" % (s.name, title))
            for f in s.failures:
                print("      " + f.replace("\n", "\n      "))
        else:
            npass += 1
            print("pass  %s  %s" % (s.name, title))
    shutil.rmtree(PREFIX_DIR, ignore_errors=True)
    print("%d stories, %d pass, %d open, %d fail" % (len(results), npass, nopen, nfail))
    return 1 if nfail else 0


sys.exit(main())
PYEOF
