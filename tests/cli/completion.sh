# completion.sh - the bash completion (completions/tendo.bash) completes the
# commands, log kinds, options and option values that tendo's --help lists, and
# the zsh completion (completions/_tendo) at least parses when zsh is installed.
. "$(dirname "$0")/lib.sh"
OUT= ERR=
COMP="$(cd "$(dirname "$0")/../../completions" && pwd)"

# comp WORDS...: what bash completes for the last word (may be empty) after tendo
comp() {
	bash -c '. "$1"; shift; bin=$1; shift
		COMP_WORDS=("$bin" "$@"); COMP_CWORD=$#
		compopt() { :; }
		_tendo; [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' \
		sh "$COMP/tendo.bash" "$TENDO" "$@"
}
# expect_comp "EXPECTED" WORDS...: the completions are exactly EXPECTED (sorted)
expect_comp() {
	want=$1
	shift
	CHECKS=$((CHECKS + 1))
	got=$(comp "$@")
	[ "$got" = "$want" ] || fail "completing 'tendo $*': got '$got', expected '$want'"
}
# expect_has WORD WORDS...: WORD is among the completions
expect_has() {
	want=$1
	shift
	CHECKS=$((CHECKS + 1))
	case " $(comp "$@")" in
	*" $want "*) ;;
	*) fail "completing 'tendo $*': '$want' not among '$(comp "$@")'" ;;
	esac
}

expect_comp "today " to
expect_comp "report restore rules runs " r
expect_comp "--db " --d
expect_comp "today " --db x.db to
expect_has aggravator log a
expect_comp "--side " init --si
expect_comp "both left right " init --side ""
expect_comp "--set --side --stage " init --s
expect_comp "after during morning rest sitting task " log pain --kind ""
expect_has --score log pain --sc
expect_has --json today --j
expect_comp "" log pain --score ""
CHECKS=$((CHECKS + 1))
n=$("$TENDO" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | wc -l)
[ "$(comp "" | wc -w)" -eq "$n" ] || fail "completing 'tendo ': $(comp "") for $n commands"

if command -v zsh >/dev/null 2>&1; then
	CHECKS=$((CHECKS + 1))
	zsh -n "$COMP/_tendo" 2>"$WORK/zsh" || fail "zsh -n completions/_tendo: $(cat "$WORK/zsh")"
fi
finish
