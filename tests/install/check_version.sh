#!/usr/bin/env bash
# plancheck --version: "plancheck <project version>", then " (git <describe>)"
# when built from a git checkout. cmake/GitDescribe.cmake gives nothing
# outside a checkout (a tarball must build) and the description inside one.
#   check_version.sh PLANCHECK
set -u
bin=$1
fail=0
version=$(sed -n 's/^project(plancheck VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
line=$("$bin" --version)
re="^plancheck ${version//./\\.}( \(git [A-Za-z0-9._+-]+\))?$"
[[ $line =~ $re ]] || { echo "--version printed '$line', not the shape $re"; fail=1; }
# Built from a checkout of its own: the description is there.
if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
  [[ $line == *"(git "* ]] || { echo "built from a git checkout but --version has no description: '$line'"; fail=1; }
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
describe() {  # the description GitDescribe.cmake writes for source directory $1
  cmake -DSOURCE_DIR="$1" -DOUTPUT="$tmp/out.cpp" -P cmake/GitDescribe.cmake || echo FAILED
  sed -n 's/.*return "\(.*\)";.*/\1/p' "$tmp/out.cpp"
}
mkdir "$tmp/tarball"
got=$(describe "$tmp/tarball")
[ -z "$got" ] || { echo "outside a git checkout: '$got', expected nothing"; fail=1; }
# A tarball unpacked inside another repository does not take its description.
mkdir -p "$tmp/repo/plancheck-0.1.0"
git -C "$tmp/repo" init -q && git -C "$tmp/repo" -c user.name=t -c user.email=t@t commit -q --allow-empty -m x
got=$(describe "$tmp/repo/plancheck-0.1.0")
[ -z "$got" ] || { echo "a directory inside another repository: '$got', expected nothing"; fail=1; }
got=$(describe "$tmp/repo")
want=$(git -C "$tmp/repo" rev-parse --short HEAD)
[ "$got" = "$want" ] || { echo "a checkout: '$got', expected '$want'"; fail=1; }
touch "$tmp/repo/new" && git -C "$tmp/repo" add new
got=$(describe "$tmp/repo")
[ "$got" = "$want-dirty" ] || { echo "an edited checkout: '$got', expected '$want-dirty'"; fail=1; }
exit $fail
