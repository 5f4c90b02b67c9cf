# Sourced by POINT's scripts: makes sure this machine has what they need, installing what is missing.
#
# System packages come from apt (Debian 12). As root they are installed directly; otherwise with
# sudo when it works without a password prompt; otherwise the script stops and prints the exact
# command to run. Node packages come from `npm ci` against the committed package-lock.json files.

POINT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Packages to build the app (Tauri 2 on WebKitGTK 4.1) and the dev stack.
POINT_BUILD_PACKAGES=(
  build-essential pkg-config file curl
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev
  libssl-dev
  # The TPM2 software stack DPoP keys in the TPM are made through (tss-esapi links libtss2-esys).
  libtss2-dev
)
# Packages to run the app and its tests headlessly: a virtual display, a session bus, the Secret
# Service, and the desktop's URL-handler tools.
POINT_RUN_PACKAGES=(
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools xdg-utils desktop-file-utils x11-apps
  imagemagick
  # A device whose clock is off (the session's clock tests).
  faketime
  # The desktop portal that opens the browser without the URL on POINT's command line.
  xdg-desktop-portal xdg-desktop-portal-gtk
  # What a screen reader receives: the accessibility bus and its Python client (scripts/e2e).
  at-spi2-core python3-pyatspi
  # A Japanese font, so that the window's screenshots in Japanese show its words (scripts/e2e;
  # Arabic and the Latin languages are in the fonts the desktop already has).
  fonts-ipafont-gothic
  # A software TPM 2.0 per test "machine" (DPoP keys in the TPM, and copies refused elsewhere).
  swtpm
)

point_say() { printf '%s\n' "$*" >&2; }

# point_apt_install PACKAGE...: installs the packages that are not installed yet.
point_apt_install() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local command=(apt-get install -y --no-install-recommends "${missing[@]}")
  if ! command -v apt-get >/dev/null 2>&1; then
    point_say "POINT's scripts install system packages with apt (Debian 12). Install these yourself: ${missing[*]}"
    return 1
  fi
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      run=(sudo)
    else
      point_say "Missing system packages: ${missing[*]}"
      point_say "Run:  sudo apt-get update && sudo ${command[*]}"
      return 1
    fi
  fi
  point_say "Installing system packages: ${missing[*]}"
  "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    "${run[@]}" env DEBIAN_FRONTEND=noninteractive "${command[@]}" -qq >/dev/null
}

# point_require_toolchains: cargo and Node.js 20+ with npm.
point_require_toolchains() {
  if ! command -v cargo >/dev/null 2>&1; then
    point_say "Rust is not installed. Install it with rustup (https://rustup.rs), then run this again."
    return 1
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    point_say "Node.js 20 or later (with npm) is needed for the dev identity provider and Tauri's CLI."
    point_say "Install it (Debian 12 ships Node 18: use NodeSource's or nvm's Node 20), then run this again."
    return 1
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 20 ]; then
    point_say "Node.js $(node --version) is too old: the dev identity provider needs Node.js 20 or later."
    return 1
  fi
}

# point_npm_ci DIR: installs DIR's node packages from its lock file unless they are current.
point_npm_ci() {
  local dir="$1"
  local stamp="$dir/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$dir/package-lock.json" ]; then
    return 0
  fi
  point_say "Installing node packages in ${dir#"$POINT_ROOT"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
}

# point_prepare: everything the build, the dev stack and the tests need.
# point_build_app_and_stack: the debug app and the dev stack, as scripts/demo and scripts/e2e both
# run them. Two cargo invocations, never one: built together, the dev stack's features (reqwest's
# cookies, tokio's processes) would be unified into the app's dependencies, so the app would be
# another build (the whole Tauri stack compiled again when the other script runs next) and would
# carry what the shipped app does not.
point_build_app_and_stack() {
  cargo build -p point-dev-stack --bin dev-stack &&
    cargo build -p point
}

point_prepare() {
  point_apt_install "${POINT_BUILD_PACKAGES[@]}" "${POINT_RUN_PACKAGES[@]}" &&
    point_require_toolchains &&
    point_npm_ci "$POINT_ROOT/dev/idp" &&
    point_npm_ci "$POINT_ROOT"
}
