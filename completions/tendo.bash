# bash completion for tendo                                  -*- shell-script -*-
#
# Commands, log kinds, options and their values are read from tendo's own --help
# (tendo --help, tendo CMD --help, tendo log KIND --help), so this file never falls
# behind the command table. An option's values come from its placeholder
# (--side left|right|both) or from a description that starts with them
# (--kind K   during|after|...); PATH, FILE and DIR placeholders complete file names.

# _tendo_opts BIN ARGS...: "option placeholder first-word" lines (placeholder - when none) of 'BIN ARGS... --help'
_tendo_opts()
{
	"$@" --help 2>/dev/null |
		sed -n -e 's/^  \(--[a-z0-9-]*\) \([^ ][^ ]*\)  *\([^ ]*\).*/\1 \2 \3/p' \
			-e 's/^  \(--[a-z0-9-]*\)  *\([^ ]*\).*/\1 - \2/p'
}

_tendo()
{
	local cur prev bin cmd="" kind="" i w
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	bin=${COMP_WORDS[0]}
	local -a base=("$bin")
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--db) base+=(--db "${COMP_WORDS[i + 1]}"); ((i++)) ;;
		-*) ;;
		*)
			if [[ -z $cmd ]]; then
				cmd=$w
			elif [[ $cmd == log && -z $kind ]]; then
				kind=$w
			fi
			;;
		esac
	done

	if [[ -z $cmd ]]; then
		case $prev in
		--db) COMPREPLY=($(compgen -f -- "$cur")); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$(_tendo_opts "$bin" | cut -d' ' -f1)" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$("$bin" --help 2>/dev/null |
				sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')" -- "$cur"))
		fi
		return
	fi
	local -a at=("$cmd")
	if [[ $cmd == log ]]; then
		if [[ -z $kind ]]; then
			[[ $cur == -* ]] || COMPREPLY=($(compgen -W "$("$bin" log --help 2>/dev/null |
				sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')" -- "$cur"))
			return
		fi
		at+=("$kind")
	fi

	local opt ph first values=""
	while read -r opt ph first; do
		[[ $opt == "$prev" && $ph != - ]] || continue
		case $ph in
		*PATH* | *FILE* | *DIR*) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
		*'|'*) values=${ph//|/ } ;;
		*) [[ $first == *'|'* ]] && values=${first//|/ } ;;
		esac
		COMPREPLY=($(compgen -W "$values" -- "$cur"))
		return
	done < <(_tendo_opts "$bin" "${at[@]}")

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_tendo_opts "$bin" "${at[@]}" | cut -d' ' -f1) --help" -- "$cur"))
	else
		case $cmd in
		import | restore) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null ;;
		esac
	fi
}
complete -F _tendo tendo
