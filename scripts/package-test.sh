#!/usr/bin/env bash
# The Debian package, from build to purge: scripts/package.sh makes it from the release build,
# its contents and control fields are checked, it is installed on this machine with dpkg -i
# (CI's machine is a throwaway one), the installed unit is verified and its sandbox rated by
# systemd-analyze, the installed server is started as the unit starts it and serves its pages
# and /pkg files, the admin command writes as the service user, an upgrade keeps the edited
# settings and the data, and remove and purge keep the data and the token secret. Called by
# scripts/test.sh after the release build. Prints one line per check and ends with
# "N passed, N failed"; installs dpkg-dev and systemd (for systemd-analyze) when missing and
# fails, never skips, when it cannot.
#
# Refuses to run where the package is installed by anyone but this test, since it purges it at
# the end. What it made itself (the package, the data directories, the user) it removes again,
# also after an interrupted run, so it can run any number of times.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

source "$ROOT/scripts/checks.sh"

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
NAME=rusmiddelportalen
UNIT=/lib/systemd/system/$NAME.service
ADMIN=/usr/bin/$NAME-admin
ENV_FILE=/etc/$NAME/$NAME.env
DATA_DIR=/var/lib/$NAME
SECRETS_DIR=/var/lib/$NAME-secrets
# Written by this test before it installs (and beside, not in, the data directory, which a faulty
# purge might delete): a later run then knows the installation, and the user, as its own.
MARK="/var/lib/$NAME-package-test"
PORT="${PACKAGE_TEST_PORT:-3143}"
# The exposure systemd-analyze (systemd 252, Debian 12) gives the unit as shipped (README,
# "Install from the Debian package"): a rating worse than OK fails, and so does any loss of
# hardening that raises the figure, though it may still rate OK (without ProtectSystem= it is
# 1.2). Another systemd weighs differently: record its figure here when CI moves to it.
RECORDED_EXPOSURE=1.1

apt_install() { # apt_install PACKAGE...: from Debian's packages, quietly
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
command -v dpkg-deb >/dev/null || give_up "no dpkg-deb: this is not a Debian machine"
command -v systemd-analyze >/dev/null || apt_install systemd || give_up "could not install systemd (systemd-analyze) from Debian's packages"
command -v dpkg-shlibdeps >/dev/null || apt_install dpkg-dev || give_up "could not install dpkg-dev from Debian's packages"

WORK="$(mktemp -d)"
chmod 0711 "$WORK" # the service user writes a backup below it
server_pid=""
# What this test installed, it removes: the package, its data directories, the user if it made it.
clean_up_installation() {
  if $SUDO test -f "$MARK"; then
    local made_user pid
    # A server an interrupted run left running (it would hold the test's port).
    pid="$($SUDO cat "$MARK-server" 2>/dev/null)"
    if [ -n "$pid" ] && [[ "$($SUDO readlink "/proc/$pid/exe" 2>/dev/null)" == "/usr/lib/$NAME/$NAME"* ]]; then
      $SUDO kill "$pid"
      for _ in $(seq 1 50); do $SUDO kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    made_user="$($SUDO cat "$MARK")"
    $SUDO dpkg --purge "$NAME" >/dev/null 2>&1
    $SUDO rm -rf "$DATA_DIR" "$SECRETS_DIR"
    if [ "$made_user" = "user made by the test" ]; then
      $SUDO userdel "$NAME" 2>/dev/null
      getent group "$NAME" >/dev/null && $SUDO groupdel "$NAME" 2>/dev/null
    fi
    $SUDO rm -f "$MARK" "$MARK-server"
  fi
}
cleanup() {
  [ -n "$server_pid" ] && $SUDO kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  clean_up_installation
  $SUDO rm -rf "$WORK"
}
trap cleanup EXIT

# An installation left by an interrupted run of this test goes; anyone else's stops the test.
clean_up_installation
if dpkg-query -W -f='${Status}' "$NAME" 2>/dev/null | grep -qE 'installed|config-files' || [ -e "$DATA_DIR" ] || [ -e "$SECRETS_DIR" ]; then
  give_up "$NAME is installed here, or its data is in $DATA_DIR, and not by this test: the test installs and purges the package, so run it on a machine without a real installation"
fi

# 1. The package, from the release build.
DEB="$(bash "$ROOT/scripts/package.sh" 2>"$WORK/package.log" | tail -1)"
[ -f "$DEB" ]; check "scripts/package.sh made ${DEB#"$ROOT"/}" $?
[ -f "$DEB" ] || give_up "no package to test: $(tail -3 "$WORK/package.log")"

# 2. What it holds and declares, before it is installed.
field() { dpkg-deb -f "$DEB" "$1"; }
VERSION="$(awk -F'"' '/^\[/ { s = $0 } s == "[workspace.package]" && /^version *= *"/ { print $2; exit }' "$ROOT/Cargo.toml")"
[ "$(field Package)" = "$NAME" ] && [ "$(field Version)" = "$VERSION" ] && [ "$(field Architecture)" = "$(dpkg --print-architecture)" ]
check "control: package $NAME, version $VERSION from Cargo.toml, architecture $(dpkg --print-architecture)" $?
[[ "$(field Depends)" =~ libc6\ \(\>=\ [0-9.]+\) ]] && [[ "$(field Depends)" == *adduser* ]]
check "control: Depends from the binary's libraries, with versions, and adduser ($(field Depends))" $?
[ "$(dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./conffiles 2>/dev/null)" = "$ENV_FILE" ]
check "conffiles: only $ENV_FILE, so upgrades keep the administrator's settings" $?
dpkg-deb -c "$DEB" > "$WORK/contents"
missing=""
for path in /usr/lib/$NAME/$NAME /usr/lib/$NAME/hash.txt /usr/lib/$NAME/layout.env "$ADMIN" "$UNIT" "$ENV_FILE" \
  /usr/share/$NAME/site/favicon.ico /usr/share/$NAME/site/dkfds/LICENSE.md /usr/share/doc/$NAME/README.md; do
  grep -q " \.$path$" "$WORK/contents" || missing="$missing $path"
done
# The three /pkg files the packaged hash file names must be in the packaged site.
dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/lib/$NAME/hash.txt > "$WORK/hash.txt" 2>/dev/null
while read -r ext hash; do
  path="/usr/share/$NAME/site/pkg/$NAME.$hash.${ext%:}"
  grep -q " \.$path$" "$WORK/contents" || missing="$missing $path"
done < "$WORK/hash.txt"
[ -z "$missing" ] && [ "$(wc -l < "$WORK/hash.txt")" -eq 3 ]
check "contents: binary with its hash file, layout, admin command, unit, settings, site with the 3 hashed /pkg files it names${missing:+ (missing:$missing)}" $?
! awk '$2 != "root/root"' "$WORK/contents" | grep -q . && grep -q "^-rw------- root/root .* \.$ENV_FILE$" "$WORK/contents" \
  && ! grep -q ' \./var/' "$WORK/contents"
check "contents: every file root's, the settings file mode 0600, nothing under /var (postinst makes the state directories)" $?

# 3. Installed with dpkg -i, its Depends first (from Debian's packages, as apt would).
for dep in $(field Depends | tr ',' '\n' | sed -E 's/\(.*\)//; s/[[:space:]]//g'); do
  dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q 'install ok installed' || apt_install "$dep" || give_up "could not install $dep"
done
if getent passwd "$NAME" >/dev/null; then echo "user was there"; else echo "user made by the test"; fi | $SUDO tee "$MARK" >/dev/null
$SUDO dpkg -i "$DEB" > "$WORK/dpkg-install.log" 2>&1
install_status=$?
[ "$install_status" -eq 0 ]; check "dpkg -i installs it$( [ "$install_status" -eq 0 ] || echo ": $(tail -3 "$WORK/dpkg-install.log")")" $?
[ "$install_status" -eq 0 ] || give_up "nothing installed to test"
uid="$(id -u "$NAME" 2>/dev/null)"
[ -n "$uid" ] && [ "$uid" -lt 1000 ] && [[ "$(getent passwd "$NAME" | cut -d: -f7)" =~ (nologin|false)$ ]]
check "postinst made the system user $NAME (uid $uid, no login shell)" $?
modes="$($SUDO stat -c '%a %U' "$DATA_DIR" "$SECRETS_DIR" 2>/dev/null | paste -sd' ')"
[ "$modes" = "700 $NAME 700 $NAME" ]
check "postinst made $DATA_DIR and $SECRETS_DIR, the user's, mode 0700 ($modes)" $?

# 4. The unit as installed: systemd's own checks, offline (systemd need not be PID 1 here).
verify_out="$(systemd-analyze verify "$UNIT" 2>&1)"
verify_status=$?
[ "$verify_status" -eq 0 ] && [ -z "$verify_out" ]
check "systemd-analyze verify $UNIT: no error, no warning${verify_out:+ ($verify_out)}" $?
overall="$(systemd-analyze security --offline=yes "$UNIT" 2>/dev/null | grep 'Overall exposure level')"
read -r exposure rating < <(sed -E 's/.*: ([0-9]+\.[0-9]) ([A-Z]+).*/\1 \2/' <<< "$overall")
[[ "$rating" =~ ^(OK|SAFE|PERFECT)$ ]]
check "systemd-analyze security --offline=yes rates the unit OK or better (${exposure:-?} ${rating:-none})" $?
awk -v e="${exposure:-99}" -v r="$RECORDED_EXPOSURE" 'BEGIN { exit !(e <= r) }'
check "its exposure ${exposure:-?} is no worse than the recorded $RECORDED_EXPOSURE (no hardening lost)" $?

# 5. The installed server, started as the unit starts it: its ExecStart, as its User and Group
#    with no other groups and no new privileges, in its WorkingDirectory with its UMask, with a
#    clean environment plus its EnvironmentFile= files in order (read as systemd reads them), its
#    StateDirectory= directories made with its mode if missing. Only RMP_LISTEN is changed, to a
#    port of the test's. systemd's sandbox itself is not applied here (that needs systemd as PID
#    1); systemd-analyze above is what checks it.
unit_values() { # unit_values KEY: each value of KEY in [Service], in order
  awk -v key="$1" '/^\[/ { s = $0 } s == "[Service]" && index($0, key "=") == 1 { print substr($0, length(key) + 2) }' "$UNIT"
}
exec_start="$(unit_values ExecStart)"
run_user="$(unit_values User)"; run_group="$(unit_values Group)"
working_dir="$(unit_values WorkingDirectory)"
umask_value="$(unit_values UMask)"
state_mode="$(unit_values StateDirectoryMode)"
env_args=()
while read -r file; do
  file="${file#-}"
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line#"${line%%[![:space:]]*}"}"
    case "$line" in "" | "#"* | ";"*) continue ;; esac
    [[ "$line" =~ ^([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key="${BASH_REMATCH[1]}" value="${BASH_REMATCH[2]}"
    if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then value="${BASH_REMATCH[1]}"; fi
    env_args+=("$key=$value")
  done < <($SUDO cat "$file")
done < <(unit_values EnvironmentFile)
for dir in $(unit_values StateDirectory); do
  $SUDO test -d "/var/lib/$dir" || $SUDO install -d -o "$run_user" -g "${run_group:-$run_user}" -m "${state_mode:-0755}" "/var/lib/$dir"
done
[ -x "$exec_start" ] && [ -n "$run_user" ] && [ -n "$working_dir" ] && [ "${#env_args[@]}" -gt 0 ]
check "the unit names its binary ($exec_start), user ($run_user), working directory and ${#env_args[@]} settings from its environment files" $?
# A port of its own: where something else answers there, the checks below would ask that instead.
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && give_up "127.0.0.1:$PORT is in use: set PACKAGE_TEST_PORT to a free port"
(cd "$working_dir" && umask "${umask_value:-0022}" && exec $SUDO setpriv --reuid="$run_user" --regid="${run_group:-$run_user}" --clear-groups --no-new-privs -- \
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "${env_args[@]}" RMP_LISTEN="127.0.0.1:$PORT" $exec_start) > "$WORK/server.log" 2>&1 &
server_pid=$!
echo "$server_pid" | $SUDO tee "$MARK-server" >/dev/null
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "$BASE/readyz" && break
  $SUDO kill -0 "$server_pid" 2>/dev/null || give_up "the installed server stopped: $(tail -3 "$WORK/server.log")"
  sleep 0.2
done
page="$(curl -s -w '\n%{http_code}' "$BASE/")"
[ "${page##*$'\n'}" = "200" ] && grep -q "Rusmiddelportalen" <<< "$page"
check "GET / answers 200 with \"Rusmiddelportalen\"" $?
[ "$(curl -s "$BASE/readyz")" = "klar" ]; check "GET /readyz answers klar: the stores open in $DATA_DIR" $?
# Every /pkg file the page points to (the hashed script and stylesheet, named through the
# installed hash file) must come from the installed site.
mapfile -t assets < <(grep -oE '/pkg/[^"'"'"' ?#)]+' <<< "$page" | sort -u)
bad=""
for a in "${assets[@]}"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$a")" = "200" ] || bad="$bad $a"
done
printf '%s\n' "${assets[@]}" | grep -q '\.js$' && printf '%s\n' "${assets[@]}" | grep -q '\.css$' && [ -z "$bad" ]
check "the ${#assets[@]} /pkg files the page names (script and stylesheet among them) come from the installed site${bad:+ (not found:$bad)}" $?
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/favicon.ico")" = "200" ]; check "GET /favicon.ico from the installed site" $?
secret="$($SUDO stat -c '%a %U' "$SECRETS_DIR/token-secret" 2>/dev/null)"
[ "$secret" = "600 $NAME" ] && ! $SUDO test -e "$DATA_DIR/token-secret"
check "the token secret was made in $SECRETS_DIR, the user's, mode 0600 ($secret), not in the data directory" $?

# 6. The admin command, while the service runs: it writes as the service user, with its settings.
printf 'pakketest-adgangskode-42\n' | $SUDO "$ADMIN" add-staff pakketest admin odsherred > "$WORK/admin.log" 2>&1 \
  && [ "$($SUDO stat -c '%U %a' "$DATA_DIR/staff.sqlite" 2>/dev/null)" = "$NAME 600" ]
check "$ADMIN add-staff makes an account in $DATA_DIR/staff.sqlite, which stays the user's, mode 0600" $?
$SUDO install -d -o "$NAME" -g "$NAME" -m 0700 "$WORK/backups"
$SUDO "$ADMIN" backup "$WORK/backups/1" > "$WORK/backup.log" 2>&1 && [ "$($SUDO ls "$WORK/backups/1" | wc -l)" -ge 3 ]
check "$ADMIN backup copies the stores while the service runs" $?
! $SUDO "$ADMIN" > /dev/null 2>&1; check "$ADMIN without a command refuses (serving is the service's job)" $?

# Stopped as systemd stops it: SIGTERM, and the server closes its stores and exits 0.
$SUDO kill -TERM "$server_pid"
wait "$server_pid"
stop_status=$?
server_pid=""
[ "$stop_status" -eq 0 ]; check "SIGTERM stops the server cleanly (status $stop_status)" $?

# 7. An upgrade (the same package again): the administrator's edit of the settings and the data stay.
echo "RMP_ANON_RETENTION_DAYS=31" | $SUDO tee -a "$ENV_FILE" >/dev/null
secret_sum="$($SUDO sha256sum "$SECRETS_DIR/token-secret" | cut -d' ' -f1)"
$SUDO dpkg -i "$DEB" > "$WORK/dpkg-upgrade.log" 2>&1 \
  && $SUDO grep -q '^RMP_ANON_RETENTION_DAYS=31$' "$ENV_FILE" && $SUDO test -s "$DATA_DIR/staff.sqlite" \
  && [ "$($SUDO sha256sum "$SECRETS_DIR/token-secret" | cut -d' ' -f1)" = "$secret_sum" ]
check "dpkg -i over the installed package keeps the edited settings, the stores and the token secret" $?

# 8. Remove, then purge: the program goes, the municipality's data and secret stay.
$SUDO dpkg -r "$NAME" > "$WORK/dpkg-remove.log" 2>&1
remove_status=$?
[ "$remove_status" -eq 0 ] && [ ! -e /usr/lib/$NAME/$NAME ] && [ ! -e "$UNIT" ] && [ ! -e "$ADMIN" ] && $SUDO test -f "$ENV_FILE"
check "dpkg -r removes the program, the unit and the admin command, and keeps the settings" $?
$SUDO test -s "$DATA_DIR/anonymous.sqlite" && $SUDO test -s "$DATA_DIR/staff.sqlite" && $SUDO test -s "$SECRETS_DIR/token-secret"
check "after dpkg -r the data directory keeps its stores and the secrets directory its token secret" $?
$SUDO dpkg --purge "$NAME" > "$WORK/dpkg-purge.log" 2>&1
purge_status=$?
[ "$purge_status" -eq 0 ] && [ ! -e "/etc/$NAME" ] && ! dpkg-query -W -f='${Status}' "$NAME" 2>/dev/null | grep -qE 'installed|config-files'
check "dpkg --purge removes the settings and /etc/$NAME, and dpkg forgets the package" $?
$SUDO test -s "$DATA_DIR/anonymous.sqlite" && $SUDO test -s "$SECRETS_DIR/token-secret" && getent passwd "$NAME" >/dev/null \
  && grep -q "kept $DATA_DIR" "$WORK/dpkg-purge.log"
check "after dpkg --purge the data, the token secret and the user are still there, and purge said so" $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
