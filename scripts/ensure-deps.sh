#!/usr/bin/env bash
# Installs the Debian packages plancheck needs to build and test, when it can.
# Root or passwordless sudo: apt-get install what is missing.
# Otherwise: print the exact command to run and exit 2.
set -euo pipefail

packages=(g++ cmake make libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev libxlsxwriter-dev
          libminizip-dev libexpat1-dev libfreexl-dev libpoppler-cpp-dev)
# Extra package sets, e.g. `ensure-deps.sh test` for the test suite's consumers.
for set in "$@"; do
  case "$set" in
    test) packages+=(python3 python3-jsonschema python3-junitparser bsdutils python3-html5lib chromium fonts-dejavu-core
                     python3-openpyxl python3-yaml libreoffice-calc-nogui strace) ;;
    bench) packages+=(python3 python3-yaml libyaml-dev time) ;;
    fuzz) packages+=(clang libclang-rt-dev) ;;
    deb) packages+=(dpkg-dev file debootstrap) ;;
    *) echo "ensure-deps: unknown package set '$set'" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "plancheck needs these Debian packages: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 2
fi

echo "Installing missing packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
