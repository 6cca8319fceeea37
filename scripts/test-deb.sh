#!/usr/bin/env bash
# make test-deb: the newcomer test of the package. Installs build/deb's
# plancheck_*.deb into a fresh Debian bookworm root made with debootstrap
# (Debian's packages only), with apt-get so that Depends are resolved the way
# a user's apt resolves them, then runs the installed plancheck there.
# Needs root (debootstrap, chroot). docs/install.md.
set -euo pipefail
cd "$(dirname "$0")/.."

debdir=${1:-build/deb}
mirror=${PLANCHECK_DEB_MIRROR:-http://deb.debian.org/debian}
shopt -s nullglob
debs=("$debdir"/plancheck_*.deb)
[ ${#debs[@]} -eq 1 ] || { echo "test-deb: expected one plancheck_*.deb in $debdir, found ${#debs[@]}" >&2; exit 1; }
deb=${debs[0]}
if [ "$(id -u)" -ne 0 ]; then
  echo "test-deb: needs root (debootstrap and chroot); run it as root or with sudo" >&2
  exit 1
fi

root=$(mktemp -d "$PWD/build/deb-root.XXXXXX")
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT

echo "test-deb: debootstrap bookworm into $root" >&2
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 ||
  { tail -20 "$root.log" >&2; rm -f "$root.log"; exit 1; }
rm -f "$root.log"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"

chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  /bin/bash -euo pipefail -c '
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends man-db >/dev/null
apt-get install -y -qq --no-install-recommends /tmp/'"$(basename "$deb")"' >/dev/null
echo "--- dpkg -s plancheck"; dpkg -s plancheck | grep -E "^(Package|Version|Depends):"
echo "--- plancheck --version"; plancheck --version
doc=/usr/share/doc/plancheck
echo "--- plancheck evaluate (installed example)"
plancheck evaluate "$doc/plans/vinh-bao.yaml" "$doc/examples/vinh-bao-actuals.csv" >/tmp/evaluate.out
head -5 /tmp/evaluate.out
grep -q "Vĩnh Bảo" /tmp/evaluate.out
echo "--- plancheck validate (every installed plan)"
plancheck validate "$doc/plans/" >/dev/null 2>/tmp/validate.err || { cat /tmp/validate.err; exit 1; }
grep -c "warning:" /tmp/validate.err | sed "s/$/ warnings (the plans\x27 own, as documented)/"
echo "--- man -w plancheck"; man -w plancheck
echo "--- bash completion"; test -s /usr/share/bash-completion/completions/plancheck && echo present
'
echo "test-deb: passed" >&2
