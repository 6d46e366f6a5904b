# import.sh - tendo import and tendo runs through the real binary: files,
# .gz, a Strava-style export zip (activities.csv, routes, a damaged member),
# a Garmin-style zip inside a zip, folders, duplicates across formats and
# re-imports, --json, and the comparison in tendo today (issue 3).
. "$(dirname "$0")/lib.sh"
DATA="${TENDO_TESTS:-$(dirname "$0")/..}/data"
[ -d "$DATA" ] || DATA="$(dirname "$0")/../data"

ok init --side right --tz UTC --date 2010-01-01

# no run yet: an empty list (the runs of an empty log are a NULL array:
# UBSan caught NULL + 0 here)
t runs --json
expect_rc 0 "runs --json on an empty log"
expect_json "j" "[]" "no runs: an empty list"

# one GPX run
ok import "$DATA/gpx/togeojson-run.gpx" --verbose
expect_out "^imported +.*togeojson-run.gpx: run on 2012-10-2[45]" "a GPX run is imported"
expect_out "1 file: 1 imported, 0 duplicates, 0 skipped, 0 errors" "summary line"
t runs --json
expect_rc 0 "runs --json"
expect_json "len(j)" 1 "one run"
expect_json "sorted(k for k in ['id','start','sport','elapsed_s','moving_s','distance_m','ascent_m','uphill_s','fast_s','cadence_spm','avg_hr','source','long_run','cadence_vs_usual_pct'] if k not in j[0])" "[]" "runs --json has every contract key"
expect_json "j[0]['source']" gpx "source is the format"
expect_json "j[0]['start'].endswith('Z')" True "start is ISO 8601 UTC"
# the file's own track is 3.10 km (reference-gpx.json own.haversine_2d_m)
expect_json "abs(j[0]['distance_m'] - 3100) < 40" True "distance within about 1% of the reference"

# again, and gzipped: duplicates, nothing new
ok import --verbose "$DATA/gpx/togeojson-run.gpx"
expect_out "^duplicate" "re-import is a duplicate"
python3 -c "import gzip,shutil,sys; shutil.copyfileobj(open(sys.argv[1],'rb'), gzip.open(sys.argv[2],'wb'))" \
	"$DATA/gpx/togeojson-run.gpx" "$WORK/run.gpx.gz"
ok import --json "$WORK/run.gpx.gz"
expect_json "j['summary']['duplicates']" 1 "the .gz of the same file is a duplicate"
expect_json "j['files'][0]['status']" duplicate "per-file status in --json"
t runs --json
expect_json "len(j)" 1 "still one run"

# a Strava-style export: names and types from activities.csv, a route, a
# damaged member; the rest imports, the damaged one is listed and (exit 0 by
# default, 1 with --strict)
python3 - "$DATA" "$WORK/export_1.zip" <<'PY'
import gzip, io, sys, zipfile
data, out = sys.argv[1], sys.argv[2]
fit = open(data + "/fit/fitparse-garmin-fenix-5-run.fit", "rb").read()
tcx = open(data + "/tcx/tcxparser-test.tcx", "rb").read()
gpx = open(data + "/gpx/togeojson-run.gpx", "rb").read()
with zipfile.ZipFile(out, "w") as z:
    z.writestr("activities.csv", "Activity ID,Activity Date,Activity Name,Activity Type,Filename\n"
               "1,2017,Fenix run,Run,activities/1.fit.gz\n2,2012,Lunch,Run,activities/2.tcx\n"
               "3,2012,Again,Run,activities/3.gpx\n4,2020,Broken,Run,activities/4.fit\n")
    z.writestr("activities/1.fit.gz", gzip.compress(fit))
    z.writestr("activities/2.tcx", tcx)
    z.writestr("activities/3.gpx", gpx)
    z.writestr("activities/4.fit", b"\x0e\x10\x00\x00\x00\x00\x00\x00.FIT" + b"\xff" * 40)
    z.writestr("routes/5.gpx", gpx)
PY
cp "$DB" "$WORK/before-zip.db"
t import "$WORK/export_1.zip"
expect_rc 0 "an archive with a damaged member: the rest imports, exit 0"
expect_out "^error +.*export_1.zip:activities/4.fit: " "by default the damaged member is listed"
expect_out "^skipped +.*routes/5.gpx: a route" "and the skipped ones"
CHECKS=$((CHECKS + 1))
printf '%s' "$OUT" | grep -q "^imported" && fail "by default the imported files are not listed one by one"
expect_out "6 files: 2 imported, 1 duplicate, 2 skipped, 1 error" "the summary"
CHECKS=$((CHECKS + 1))
[ -z "$ERR" ] || fail "a damaged file is not an error on stderr without --strict: $ERR"
cp "$WORK/before-zip.db" "$DB"
t import "$WORK/export_1.zip" --strict --verbose
expect_rc 1 "--strict: an archive with a damaged member exits 1"
expect_out "^imported +.*export_1.zip:activities/1.fit.gz: run on 2017-06-11" "FIT inside .gz inside the zip"
expect_out "^imported +.*export_1.zip:activities/2.tcx: run on 2012-12-26" "TCX in the zip"
expect_out "^duplicate +.*export_1.zip:activities/3.gpx" "the GPX imported before is a duplicate"
expect_out "^error +.*export_1.zip:activities/4.fit: " "the damaged member is reported"
expect_out "^skipped +.*routes/5.gpx: a route" "routes are skipped"
expect_out "6 files: 2 imported, 1 duplicate, 2 skipped, 1 error" "archive summary"
expect_err "1 file could not be imported" "stderr says what failed"
CHECKS=$((CHECKS + 1))
printf '%s' "$ERR" | grep -q "$(printf '\r')" && fail "a progress bar was drawn on a non-terminal"

# a Garmin-style export: zips inside the zip
python3 - "$DATA" "$WORK/garmin.zip" <<'PY'
import io, sys, zipfile
data, out = sys.argv[1], sys.argv[2]
inner = io.BytesIO()
with zipfile.ZipFile(inner, "w") as z:
    z.writestr("2013-02-06.fit", open(data + "/fit/fitparse-2013-02-06-12-11-14.fit", "rb").read())
with zipfile.ZipFile(out, "w") as z:
    z.writestr("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", inner.getvalue())
PY
ok import "$WORK/garmin.zip" --verbose
expect_out "UploadedFiles_0-_Part1.zip:2013-02-06.fit: run on 2013-02-06" "a FIT in a zip in a zip"

# folders: everything below, non-activities skipped
ok import "$DATA/tcx" --verbose
expect_out "^duplicate +.*tcxparser-test.tcx" "the TCX already imported from the zip"
expect_out "^imported +.*tcxparser-sup_activity_1.tcx: other" "another sport becomes cross-training"
t history --json
expect_json "any(e['type'] == 'cross' and e['kind'] == 'other' for e in j)" True "cross-training entry in the log"

# runs: filters and text
t runs --from 2013-01-01 --to 2013-12-31 --json
expect_json "[r['date'] for r in j]" "['2013-02-06']" "runs --from/--to"
t runs
expect_out "^#[0-9]+ +2012-10-2" "text lists the runs with ids"

# today compares the last run with what was prescribed
t today --date 2013-02-07 --json
expect_rule run.compared "the last imported run is compared"
expect_json "j['rules'][[r['id'] for r in j['rules']].index('run.compared')]['reason'].startswith('ran 36 min on 2013-02-06')" True "in words"
expect_json "j['last_run']['date']" 2013-02-06 "and in --json: last_run"
expect_json "j['last_run']['imported']" True "last_run.imported"
expect_json "j['last_run']['summary'].startswith('ran 36 min')" True "last_run.summary"

# Strava: names in runs and history; activities typed by hand (rows of
# activities.csv without a file) imported from time, distance and type
python3 - "$WORK/export_2.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("activities.csv",
               "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
               "Filename,Elapsed Time,Moving Time,Distance\n"
               "71,\"Mar 2, 2021, 6:05:12 PM\",\"Treadmill, easy\",Run,,1800,5.01,,1800.0,1750.0,5010.5\n"
               "72,\"Mar 3, 2021, 7:00:00 AM\",Pool,Swim,,2400,1.5,,2400.0,2400.0,1500.0\n"
               "73,2021-03-04 08:00:00,Track,Run,,1200,4.0,,,,\n"
               "74,yesterday,Unreadable,Run,,,,,,,\n")
PY
t import "$WORK/export_2.zip" --verbose
expect_rc 0 "a Strava export with manual activities"
expect_out "^imported +.*export_2.zip:activities.csv#71: run on 2021-03-02: 29 min, 5.01 km" "a manual run: moving time and the distance in metres"
expect_out "^imported +.*#72: swimming on 2021-03-03: 40 min \\(cross-training: swim" "a manual swim is cross-training"
expect_out "^imported +.*#73: run on 2021-03-04: 20 min, 4.00 km" "ISO date, elapsed time, the distance in km"
expect_out "^skipped +.*#74: " "a row without a readable date is skipped"
t import "$WORK/export_2.zip"
expect_out "5 files: 0 imported, 3 duplicates, 2 skipped, 0 errors" "manual activities again: duplicates"
t runs --from 2021-03-01 --to 2021-03-31 --json
expect_json "[(r['title'], r['source'], r['start_local']) for r in j]" \
	"[('Treadmill, easy', 'strava', '2021-03-02T18:05'), ('Track', 'strava', '2021-03-04T08:00')]" \
	"runs --json: the activities' names, local starts (UTC zone)"
t runs --from 2021-03-01 --to 2021-03-31
expect_out '"Treadmill, easy"' "runs shows the activity's name"
t runs --from 2017-06-01 --to 2017-06-30
expect_out '"Fenix run"' "runs shows a Strava file's name from activities.csv"
t history --from 2021-03-02 --to 2021-03-02
expect_out 'run "Treadmill, easy" 29 min 5.0 km' "history shows the name"
t history --from 2021-03-02 --to 2021-03-02 --json
expect_json "j[0]['title']" "Treadmill, easy" "history --json: title"
t history --from 2021-03-03 --to 2021-03-03
expect_out 'swim "Pool" 40 min at 07:00' "history shows a cross-training activity's name"

# bad input
t import
expect_rc 2 "import without a path"
t import "$WORK/nope.fit"
expect_rc 1 "a missing path"
expect_out "no such file or folder" "the missing path is named"
t import --bogus "$WORK/run.gpx.gz"
expect_rc 2 "unknown option"
finish
