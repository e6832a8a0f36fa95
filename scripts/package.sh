#!/usr/bin/env bash
# Makes target/rusmiddelportalen_<version>_<arch>.deb from the release build that is already
# there (target/release/server, its hash file, target/site): run scripts/run.sh or scripts/test.sh
# first, or build-site. Builds nothing itself, so the package holds exactly what was tested.
# With dpkg-deb, which every Debian machine has, from the sources in deploy/debian/ (README,
# "Install from the Debian package"). Installs Debian's dpkg-dev when missing, for
# dpkg-shlibdeps (the Depends line) and strip.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

SRC="$ROOT/deploy/debian"
fail() { echo "package.sh: $*" >&2; exit 1; }

if ! command -v dpkg-shlibdeps >/dev/null || ! command -v strip >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends dpkg-dev >/dev/null; } \
    || fail "could not install dpkg-dev (dpkg-shlibdeps, strip) from Debian's packages"
fi

# What the release build left, checked before anything is copied: a package whose hash file
# names other files than the site holds would serve pages without their script and styles.
HASH_FILE="$(dirname "$SERVER_BIN")/$LEPTOS_HASH_FILE_NAME"
[ -x "$SERVER_BIN" ] || fail "no server binary at $SERVER_BIN: build the release first (scripts/run.sh builds it)"
[ -f "$HASH_FILE" ] || fail "no hash file at $HASH_FILE: build-site writes it beside the binary; build the release first"
for f in favicon.ico dkfds "$LEPTOS_SITE_PKG_DIR"; do
  [ -e "$LEPTOS_SITE_ROOT/$f" ] || fail "the site has no $f ($LEPTOS_SITE_ROOT): build the release first"
done
while read -r ext hash; do
  file="$LEPTOS_SITE_ROOT/$LEPTOS_SITE_PKG_DIR/$LEPTOS_OUTPUT_NAME.$hash.${ext%:}"
  [ -f "$file" ] || fail "$HASH_FILE names $file, which the site does not hold: the binary and the site are from different builds"
done < "$HASH_FILE"

# The version the server crate is built with: its own, or the workspace's it inherits.
VERSION="$(awk -F'"' '/^\[/ { s = $0 } s == "[package]" && /^version *= *"/ { print $2; exit }' "$ROOT/server/Cargo.toml")"
[ -n "$VERSION" ] || VERSION="$(awk -F'"' '/^\[/ { s = $0 } s == "[workspace.package]" && /^version *= *"/ { print $2; exit }' "$ROOT/Cargo.toml")"
[[ "$VERSION" =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] || fail "no version in server/Cargo.toml or the workspace's Cargo.toml (found ${VERSION@Q})"
ARCH="$(dpkg --print-architecture)"
DEB="$ROOT/target/rusmiddelportalen_${VERSION}_${ARCH}.deb"

# The tree as it will be installed, under debian/rusmiddelportalen/ where dpkg-shlibdeps expects
# a package's files.
BUILD="$ROOT/target/deb-build"
PKG="$BUILD/debian/rusmiddelportalen"
rm -rf "$BUILD"
mkdir -p "$PKG/DEBIAN"

# The binary, stripped of its symbol tables (111 MB → 42 MB; a panic still prints its message
# and source line, only a backtrace loses function names), with its hash file beside it, where
# leptos looks for it (next to /proc/self/exe), and the layout both the unit and the admin
# command read. Not in /usr/bin: a server run by hand as root would write root-owned stores.
LIB="$PKG/usr/lib/rusmiddelportalen"
install -d -m 0755 "$LIB"
strip --strip-all -o "$LIB/rusmiddelportalen" "$SERVER_BIN"
chmod 0755 "$LIB/rusmiddelportalen"
install -m 0644 "$HASH_FILE" "$LIB/hash.txt"
install -m 0644 "$SRC/layout.env" "$LIB/layout.env"
install -D -m 0755 "$SRC/rusmiddelportalen-admin" "$PKG/usr/bin/rusmiddelportalen-admin"

# The site: everything the server serves from LEPTOS_SITE_ROOT, readable by the service user.
install -d -m 0755 "$PKG/usr/share/rusmiddelportalen"
cp -R "$LEPTOS_SITE_ROOT" "$PKG/usr/share/rusmiddelportalen/site"
find "$PKG/usr/share/rusmiddelportalen/site" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
install -D -m 0644 "$ROOT/README.md" "$PKG/usr/share/doc/rusmiddelportalen/README.md"

# The unit (/lib, where Debian 12's packages put theirs) and the administrator's settings, a
# conffile: root-only, since a database URL may hold a password; systemd reads it as root.
install -D -m 0644 "$SRC/rusmiddelportalen.service" "$PKG/lib/systemd/system/rusmiddelportalen.service"
install -D -m 0600 "$SRC/rusmiddelportalen.env" "$PKG/etc/rusmiddelportalen/rusmiddelportalen.env"
echo /etc/rusmiddelportalen/rusmiddelportalen.env > "$PKG/DEBIAN/conffiles"
for script in postinst prerm postrm; do install -m 0755 "$SRC/$script" "$PKG/DEBIAN/$script"; done

# Depends: the shared libraries the binary links (ldd: libc, libm, libgcc_s), as the packages and
# minimum versions their symbols files give; adduser for postinst.
mkdir -p "$BUILD/debian"
printf 'Source: rusmiddelportalen\n\nPackage: rusmiddelportalen\nArchitecture: any\n' > "$BUILD/debian/control"
SHLIBS="$(cd "$BUILD" && dpkg-shlibdeps -O "debian/rusmiddelportalen/usr/lib/rusmiddelportalen/rusmiddelportalen")" \
  || fail "dpkg-shlibdeps could not read the binary's libraries"
SHLIBS="${SHLIBS#shlibs:Depends=}"
[ -n "$SHLIBS" ] || fail "dpkg-shlibdeps found no library packages for the binary"
DEPENDS="$SHLIBS, adduser"

MAINTAINER="${DEB_MAINTAINER:-$(git -C "$ROOT" log -1 --format='%an <%ae>' 2>/dev/null || true)}"
[ -n "$MAINTAINER" ] || fail "no maintainer: set DEB_MAINTAINER='Name <address>'"
INSTALLED_SIZE="$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)"
sed -e "s|@VERSION@|$VERSION|" -e "s|@ARCH@|$ARCH|" -e "s|@DEPENDS@|$DEPENDS|" \
  -e "s|@MAINTAINER@|$MAINTAINER|" -e "s|@INSTALLED_SIZE@|$INSTALLED_SIZE|" \
  "$SRC/control.in" > "$PKG/DEBIAN/control"

# --root-owner-group: every file root's, whoever builds. xz at level 1: 12 MB in about five
# seconds, where the default level 6 saves 2 MB more for half a minute on two cores.
mkdir -p "$(dirname "$DEB")"
rm -f "$DEB"
dpkg-deb --root-owner-group -Zxz -z1 --build "$PKG" "$DEB" >/dev/null
echo "$DEB"
