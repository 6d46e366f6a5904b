# docs.sh - docs/RULES.md names every rule id and every setting with its
# default, so the documentation cannot fall behind the registry.
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
finish
