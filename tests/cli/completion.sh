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

# zsh (when installed): the completion function with zsh's completion builtins
# replaced by stubs that print what they were given
if command -v zsh >/dev/null 2>&1; then
	CHECKS=$((CHECKS + 1))
	zsh -n "$COMP/_tendo" 2>"$WORK/zsh" || fail "zsh -n completions/_tendo: $(cat "$WORK/zsh")"
	zcomp() {
		zsh -f -c 'compadd() { [[ $1 == -- ]] && shift; print -r -- "$*"; }
			_describe() { local n=${@[-1]}; print -r -- ${(P)n%%:*}; }
			_files() { print files; }
			_message() { print message; }
			f=$1; shift; words=( "$@" ); CURRENT=$#words; source $f' \
			zsh "$COMP/_tendo" "$TENDO" "$@" 2>&1
	}
	expect_zsh() {
		want=$1
		shift
		CHECKS=$((CHECKS + 1))
		got=$(zcomp "$@")
		[ "$got" = "$want" ] || fail "zsh completing 'tendo $*': got '$got', expected '$want'"
	}
	expect_zsh "left right both" init --side ""
	expect_zsh "during after morning task rest sitting" log pain --kind ""
	expect_zsh "files" plan --ics ""
	expect_zsh "$("$TENDO" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | tr '\n' ' ' | sed 's/ $//')" ""
	expect_zsh "$("$TENDO" log --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | tr '\n' ' ' | sed 's/ $//')" log ""
fi
finish
