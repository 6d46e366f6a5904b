# docs.sh - docs/RULES.md names every rule id and every setting with its
# default, and README.md and the man page every command and kind of log
# entry, so the documentation cannot fall behind the registry or the CLI.
. "$(dirname "$0")/lib.sh"
DOC="$(dirname "$0")/../../docs/RULES.md"
t rules --json
expect_rc 0 "tendo rules --json"
for id in $(json_get "' '.join(r['id'] for r in j['rules'])"); do
	CHECKS=$((CHECKS + 1))
	grep -q "\`$id\`" "$DOC" || fail "docs/RULES.md does not name rule $id"
done
json_get "'\n'.join('%s %g' % (s['name'], s['value']) for s in j['settings'])" >"$WORK/settings"
while read -r name value; do
	CHECKS=$((CHECKS + 1))
	grep -q "^| \`$name\` | $value |" "$DOC" || fail "docs/RULES.md does not give setting $name with default $value"
done <"$WORK/settings"

# README.md shows every command (and every kind of log entry) in use, and the
# man page has a paragraph for each: the docs cannot fall behind the command table
README="$(dirname "$0")/../../README.md"
MAN="$(dirname "$0")/../../docs/man/tendo.1"
"$TENDO" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' >"$WORK/commands"
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$WORK/commands")" -ge 15 ] || fail "tendo --help lists $(wc -l <"$WORK/commands") commands"
while read -r c; do
	CHECKS=$((CHECKS + 2))
	grep -q "^tendo $c\b" "$README" || fail "README.md does not show 'tendo $c'"
	grep -q "^\.B $c\b" "$MAN" || fail "docs/man/tendo.1 has no paragraph for '$c'"
done <"$WORK/commands"
"$TENDO" log --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' >"$WORK/kinds"
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$WORK/kinds")" -ge 9 ] || fail "tendo log --help lists $(wc -l <"$WORK/kinds") kinds"
while read -r k; do
	CHECKS=$((CHECKS + 2))
	grep -q "^tendo log $k\b" "$README" || fail "README.md does not show 'tendo log $k'"
	grep "^\.B log " "$MAN" | grep -q "[ |]$k[ |]" || fail "docs/man/tendo.1 does not name 'log $k'"
done <"$WORK/kinds"
finish
