#!/usr/bin/env bash
# Runs every Linux command of docs/it-deployment.md — the fenced blocks that follow a
# `<!-- test: linux -->` line — in order, as IT would type them, against the packages
# scripts/package built (target/release/bundle/), then checks what they printed. The dev stack
# stands in for Okta: its issuer, Client ID, dashboard address and CA replace the guide's
# company.okta.com, 0oa1b2c3d4e5f6g7h8i9, https://dash.pointapp.org and corporate-ca.pem.
# The commands run in a throwaway home with a throwaway GNOME Keyring (scripts/with-keyring).
# It installs the .deb system-wide and uninstalls it: it needs root or passwordless sudo, and
# refuses to run where a `point` package is already installed.
#
#   tests/it-deployment.sh
set -euo pipefail
source "$(dirname "$0")/../scripts/prerequisites.sh"
cd "$POINT_ROOT"
bundle="${CARGO_TARGET_DIR:-$POINT_ROOT/target}/release/bundle"
guide=docs/it-deployment.md

if [ "$(id -u)" -ne 0 ] && ! { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; then
  point_say "tests/it-deployment.sh installs a package system-wide: run it as root or with passwordless sudo"
  exit 1
fi
if dpkg-query -W -f='${Status}' point 2>/dev/null | grep -q "ok installed"; then
  point_say "a 'point' package is already installed here; remove it first (apt-get remove point)"
  exit 1
fi
if [ -e /etc/point ]; then
  point_say "/etc/point already exists; this test would overwrite it"
  exit 1
fi
point_apt_install desktop-file-utils xdg-utils gnupg

work="$(mktemp -d -t point-it.XXXXXX)"
stack_pid=""
cleanup() {
  [ -n "$stack_pid" ] && kill "$stack_pid" 2>/dev/null || true
  # Leave no trace if a step failed half-way.
  if dpkg-query -W -f='${Status}' point 2>/dev/null | grep -q "ok installed"; then
    as_root apt-get remove -y -qq point >/dev/null 2>&1 || true
  fi
  as_root rm -rf /etc/point
  rm -rf "$work"
}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
trap cleanup EXIT

# The downloads, as IT receives them.
cp "$bundle"/deb/*.deb "$bundle"/deb/*.deb.asc "$bundle"/rpm/*.rpm "$bundle"/rpm/*.rpm.asc \
  "$bundle/point-release-key.asc" "$work/"

# Built as scripts/e2e builds it (so nothing is rebuilt after the end-to-end test), then started.
point_npm_ci "$POINT_ROOT/dev/idp"
cargo build -q -p point -p point-dev-stack --bins
"${CARGO_TARGET_DIR:-$POINT_ROOT/target}/debug/dev-stack" --env-file "$work/stack.env" \
  --state-dir "$work/stack" > "$work/stack.log" 2>&1 &
stack_pid=$!
for _ in $(seq 1 600); do
  [ -s "$work/stack.env" ] && break
  kill -0 "$stack_pid" 2>/dev/null || break
  sleep 0.1
done
[ -s "$work/stack.env" ] || { cat "$work/stack.log" >&2; point_say "the dev stack did not start"; exit 1; }
# shellcheck disable=SC1091
source "$work/stack.env"
cp "$POINT_CA_FILE" "$work/corporate-ca.pem"

# The guide's Linux commands, in order, with the dev stack's values.
awk '/^<!-- test: linux -->$/ { want = 1; next }
     want && /^```/ { if (inside) { inside = 0; want = 0 } else { inside = 1 }; next }
     inside { print }' "$guide" > "$work/guide.sh"
[ "$(grep -c . "$work/guide.sh")" -ge 10 ] || { point_say "found too few commands in $guide"; exit 1; }
sed -i -e "s|company\.okta\.com|$POINT_OKTA_DOMAIN|g" \
       -e "s|0oa1b2c3d4e5f6g7h8i9|$POINT_CLIENT_ID|g" \
       -e "s|https://dash\.pointapp\.org|$POINT_API_BASE|g" "$work/guide.sh"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
grep -q "POINT_${version}_amd64.deb" "$work/guide.sh" \
  || { point_say "$guide names another version than $version: update its commands"; exit 1; }

{
  echo 'set -euxo pipefail'
  # Root without sudo (a CI container): the guide's `sudo` runs the command as is.
  if [ "$(id -u)" -eq 0 ] && ! command -v sudo >/dev/null; then echo 'sudo() { env "$@"; }'; fi
  cat "$work/guide.sh"
} > "$work/run.sh"
mkdir -p "$work/home"
printf '\n== the guide'"'"'s Linux commands\n' >&2
(cd "$work" && HOME="$work/home" GNUPGHOME="$work/home/.gnupg" \
  "$POINT_ROOT/scripts/with-keyring" bash "$work/run.sh") > "$work/out.txt" 2>&1 \
  || { cat "$work/out.txt" >&2; point_say "a command of $guide failed"; exit 1; }

expect() {
  grep -qF -- "$1" "$work/out.txt" || { cat "$work/out.txt" >&2; point_say "expected: $1"; exit 1; }
  printf 'ok: %s\n' "$2"
}
[ "$(grep -c 'Good signature from "POINT' "$work/out.txt")" -eq 2 ] \
  || { cat "$work/out.txt" >&2; point_say "expected two good signatures"; exit 1; }
printf 'ok: gpg verifies both packages against the published release key\n'
expect "Setting up point ($version)" "apt-get installs the .deb silently"
expect "managed by your IT department" "point doctor sees the settings in /etc/point/config.toml as managed"
expect "All checks passed." "point doctor passes: Okta over TLS with the CA file, link handler, keychain, dashboard"
expect "in-app updates are off (managed by your IT department)" "updates = \"off\" turns in-app updates off"
expect "POINT.desktop" "xdg-mime hands org.pointapp.point: links to the installed POINT.desktop"
expect "Removing point ($version)" "apt-get removes the package"
if command -v point >/dev/null || [ -e /usr/bin/point ] || [ -e /etc/point ]; then
  point_say "the uninstall left /usr/bin/point or /etc/point behind"; exit 1
fi
printf 'ok: nothing is left in /usr/bin or /etc/point\n'
printf "\npoint doctor, on the installed package:\n" >&2
grep -E "^(PASS|FAIL|SKIP) " "$work/out.txt" >&2
