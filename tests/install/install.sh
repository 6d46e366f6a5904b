#!/bin/sh
# install.sh - the install tree: cmake --install into a temporary prefix puts
# every file where it belongs, the installed tendo runs (on the installed
# libtendo.so.0), the shared library exports the public API only, and a small
# program compiles against the installed library through pkg-config and runs.
#
#   sh tests/install/install.sh CMAKE BUILD_DIR CC [EXTRA_CFLAGS]
set -u
CMAKE=${1:?usage: install.sh CMAKE BUILD_DIR CC [EXTRA_CFLAGS]}
BUILD=${2:?}
CC=${3:?}
EXTRA=${4:-}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tendo-install.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
P="$WORK/prefix"
FAILS=0
CHECKS=0
fail() { FAILS=$((FAILS + 1)); echo "FAIL: $*" >&2; }
check() { CHECKS=$((CHECKS + 1)); }

"$CMAKE" --install "$BUILD" --prefix "$P" >"$WORK/install.log" 2>&1 || {
	cat "$WORK/install.log" >&2
	echo "cmake --install failed" >&2
	exit 1
}
echo "installed:"
(cd "$P" && find . \( -type f -o -type l \) | sort | sed 's|^\./|  |')

pc=$(find "$P" -name tendo.pc)
libdir=$(dirname "$(dirname "$pc")")
for f in bin/tendo include/tendo/tendo.h include/tendo/date.h share/man/man1/tendo.1 \
	share/bash-completion/completions/tendo share/zsh/vendor-completions/_tendo \
	share/doc/tendo/LICENSE; do
	check
	[ -f "$P/$f" ] || fail "$f not installed"
done
for f in libtendo.so.0 libtendo.so libtendo.a; do
	check
	[ -e "$libdir/$f" ] || fail "$f not installed in $libdir"
done
check
[ -n "$pc" ] || fail "tendo.pc not installed"
check
[ "$(readlink "$libdir/libtendo.so.0")" = "libtendo.so.0.1.0" ] ||
	fail "libtendo.so.0 -> $(readlink "$libdir/libtendo.so.0"), expected libtendo.so.0.1.0"

# the installed command finds the installed library on its own (RPATH $ORIGIN/../lib)
check
out=$(env -u LD_LIBRARY_PATH "$P/bin/tendo" --version 2>&1) || fail "installed tendo --version: $out"
echo "$out" | grep -q '^tendo [0-9]' || fail "installed tendo --version printed '$out'"
check
loaded=$(ldd "$P/bin/tendo" | sed -n 's/^[[:space:]]*libtendo\.so\.0 => \([^ ]*\) .*/\1/p')
[ -n "$loaded" ] && [ "$(readlink -f "$loaded")" = "$(readlink -f "$libdir/libtendo.so.0")" ] ||
	fail "installed tendo does not load the installed library: $(ldd "$P/bin/tendo" | grep tendo)"
check
"$P/bin/tendo" --db "$WORK/t.db" init --side left --tz UTC >/dev/null 2>&1 &&
	"$P/bin/tendo" --db "$WORK/t.db" today >"$WORK/today" 2>&1 ||
	fail "installed tendo init/today: $(cat "$WORK/today" 2>/dev/null)"

# the shared library exports the functions of include/tendo/*.h and nothing else
check
others=$(nm -D --defined-only "$libdir/libtendo.so.0" | awk '$2 != "A" && $3 !~ /^tendo_/ { print $3 }')
[ -z "$others" ] || fail "libtendo.so.0 exports more than tendo_*: $others"
check
internal=$(nm -D --defined-only "$libdir/libtendo.so.0" | awk '$3 ~ /^tendo_xml_|^tendo_malloc$/ { print $3 }')
[ -z "$internal" ] || fail "libtendo.so.0 exports internal functions: $internal"

# a program compiled against the installed library through pkg-config
cat >"$WORK/prog.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <tendo/tendo.h>

int main(void)
{
	tendo_date d;
	char buf[TENDO_DATE_BUFSZ];
	if (tendo_date_parse(&d, "2026-11-22") != 0)
		return 1;
	printf("tendo %s: %s is weekday %d\n", TENDO_VERSION, tendo_date_format(d, buf),
	       tendo_date_weekday(d));
	return strcmp(buf, "2026-11-22") != 0 || tendo_date_weekday(d) != 6;
}
C
export PKG_CONFIG_PATH="$libdir/pkgconfig"
check
flags=$(pkg-config --cflags --libs tendo) || fail "pkg-config --cflags --libs tendo"
echo "pkg-config --cflags --libs tendo: $flags"
check
# shellcheck disable=SC2086
"$CC" -std=c17 -Wall -Werror $EXTRA -o "$WORK/prog" "$WORK/prog.c" $flags 2>"$WORK/cc.log" ||
	fail "compiling against the installed library: $(cat "$WORK/cc.log")"
check
LD_LIBRARY_PATH="$libdir" "$WORK/prog" || fail "the program linked with the installed library failed"
check
static=$(pkg-config --static --libs tendo)
for l in -ltendo -lsqlite3 -larchive -lz -lexpat -lical -lm; do
	echo " $static " | grep -q -- " $l " || fail "pkg-config --static --libs tendo lacks $l: $static"
done

if [ "$FAILS" -ne 0 ]; then
	echo "$FAILS of $CHECKS checks failed" >&2
	exit 1
fi
echo "all $CHECKS checks passed"
