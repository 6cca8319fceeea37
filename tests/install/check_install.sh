#!/usr/bin/env bash
# `cmake --install` into a temporary prefix installs exactly the files of
# tests/install/manifest.txt (paths relative to the prefix, sorted), and the
# installed plancheck runs. PLANCHECK_UPDATE_MANIFEST=1 rewrites the list
# (review the diff: a new doc is expected there, a stray file is not).
#   check_install.sh BUILD_DIR
set -u
build=$1
manifest=tests/install/manifest.txt
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null || { echo "cmake --install failed"; exit 1; }
actual=$(cd "$prefix" && find . \( -type f -o -type l \) | sed 's|^\./||' | LC_ALL=C sort)
if [ "${PLANCHECK_UPDATE_MANIFEST:-}" = 1 ]; then
  printf '%s\n' "$actual" > "$manifest"
  exit 0
fi
fail=0
diff -u "$manifest" <(printf '%s\n' "$actual") || { echo "installed files differ from $manifest (+ installed, - expected)"; fail=1; }
"$prefix/bin/plancheck" --version | grep -Eq '^plancheck [0-9]' || { echo "the installed plancheck does not run"; fail=1; }
# Executable, and the rest readable by all, not executable.
[ -x "$prefix/bin/plancheck" ] || { echo "bin/plancheck is not executable"; fail=1; }
odd=$(cd "$prefix" && find share -type f -perm /111)
[ -z "$odd" ] || { echo "executable data files: $odd"; fail=1; }
exit $fail
