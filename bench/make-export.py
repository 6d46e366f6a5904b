#!/usr/bin/env python3
"""make-export.py - a synthetic export archive for the end-to-end import
benchmark: N distinct GPX runs (one sample a second, heart rate and step
rate), each about SIZE_KB, in a zip, stored (not deflated) by default.

   bench/make-export.py OUT.zip [--mb 1000] [--deflate]
"""
import io, math, sys, time, zipfile

def gpx_run(start, n, lat0):
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
              'xmlns="http://www.topografix.com/GPX/1/1" '
              'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
              '<trk><type>running</type><trkseg>\n')
    for i in range(n):
        t = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + i))
        lat = lat0 + 3.0 * i / 111195.08
        ele = 100 + 20 * math.sin(i / 300.0)
        out.write('<trkpt lat="%.7f" lon="-0.1200000"><ele>%.1f</ele><time>%s</time>'
                  '<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr>'
                  '<gpxtpx:cad>%d</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>\n'
                  % (lat, ele, t, 140 + i % 20, 82 + i % 4))
    out.write('</trkseg></trk></gpx>\n')
    return out.getvalue().encode()

def main():
    out = sys.argv[1]
    mb = 1000
    if "--mb" in sys.argv:
        mb = int(sys.argv[sys.argv.index("--mb") + 1])
    comp = zipfile.ZIP_DEFLATED if "--deflate" in sys.argv else zipfile.ZIP_STORED
    total, k = 0, 0
    with zipfile.ZipFile(out, "w", compression=comp) as z:
        while total < mb * 1e6:
            body = gpx_run(1600000000 + k * 86400, 3600, 50.0 + (k % 100) * 0.01)
            z.writestr("activities/%06d.gpx" % k, body)
            total += len(body)
            k += 1
    print("%s: %d runs, %.0f MB of GPX" % (out, k, total / 1e6))

main()
