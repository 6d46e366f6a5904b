# share.sh - tendo share through the binary: a read link and a calendar
# token printed once in a URL, --list without tokens, --revoke, expiry
# options, and every refusal with its exit status and nothing written
# (issue 9). The server's side: tests/server/test_server_share.c.
. "$(dirname "$0")/lib.sh"
t share
expect_rc 1 "share before init"
ok init --side right --tz UTC --date 2026-03-02
ok share --label "Dr Jones"
expect_out "^http://127.0.0.1:8080/s/[0-9a-f]{64}$" "the default URL with a 64-digit token"
expect_err "shown only now" "says the link is the key"
tok1=$(printf '%s\n' "$OUT" | tail -n 1 | sed 's|.*/s/||')
ok share --calendar --days 30 --url https://physio.example:8443/ --json
expect_json "j['scope']" calendar "a calendar token"
expect_json "j['id']" 2 "the second share"
expect_json "j['url'].startswith('https://physio.example:8443/calendar.ics?token=')" True "the feed's URL under --url (one slash)"
expect_json "len(j['url'].split('token=')[1])" 64 "a 64-digit token"
expect_json "j['expires'] is not None and j['expires'] > j['created']" True "expires in 30 days"
tok2=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['url'].split('token=')[1])")
CHECKS=$((CHECKS + 1))
[ "$tok1" != "$tok2" ] || fail "two shares, two tokens"
ok share --expires 2099-12-31 --label physio --json
expect_json "j['expires']" 2100-01-01T00:00:00Z "through the whole day (UTC zone)"
ok share --list --json
expect_json "len(j)" 3 "three shares"
expect_json "[s['scope'] for s in j]" "['read', 'calendar', 'read']" "their scopes"
expect_json "j[0]['label']" "Dr Jones" "the label"
expect_json "all(s['state'] == 'valid' and s['revoked'] is None for s in j)" True "all valid"
CHECKS=$((CHECKS + 1))
case "$OUT" in *"$tok1"* | *"$tok2"*) fail "--list shows a token" ;; esac
ok share --revoke 1
expect_out "revoked share 1" "says so"
ok share --revoke 1
ok share --list
expect_out "^1 +read +[0-9T:Z-]+ +never +[0-9T:Z-]+ +Dr Jones$" "the text list: revoked, with its label"
CHECKS=$((CHECKS + 1))
case "$OUT" in *"$tok1"* | *"$tok2"*) fail "--list shows a token" ;; esac
ok share --list --json
expect_json "j[0]['state']" revoked "revoked in the JSON"

# refusals: usage 2, runtime 1, nothing written
t share --revoke 99
expect_rc 1 "unknown id"
expect_err "--revoke: no share 99" "names it"
for bad in "--revoke 0" "--revoke x" "--days 0" "--days 3651" "--expires 2026-02-30" "--expires 2020-01-01" \
	"--url ftp://x" "--url http://" "--list --revoke 2" "--revoke 2 --label x" "--days 2 --expires 2099-01-01" \
	"--list --calendar"; do
	# shellcheck disable=SC2086
	t share $bad
	expect_rc 2 "share $bad"
done
t share --label "$(printf 'a\033[31mb')"
expect_rc 2 "a control character in the label"
expect_err "--label" "names the option"
t share --label "$(printf '%081d' 0)"
expect_rc 2 "a label over 80 bytes"
t share extra
expect_rc 2 "an operand"
ok share --list --json
expect_json "len(j)" 3 "nothing written by the refusals"
ok export --json -
CHECKS=$((CHECKS + 1))
case "$OUT" in *"$tok1"* | *"$tok2"*) fail "export --json carries a share token" ;; esac
expect_json "'share' in j['tables']" False "no share table in the export"
ok share --help
expect_out "--url BASE" "--help names --url"
expect_out "127.0.0.1:8080" "and its default"
finish
