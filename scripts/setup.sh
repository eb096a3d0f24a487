# Brings a machine of this kind to a working state for coc-incident and exports the
# environment the build needs. Sourced by the other scripts: `. scripts/setup.sh [browser]`.
# Idempotent, and quick when everything is already there. Follows ../shared/TOOLCHAIN.md:
# a rustup wasm32 target when one works, else Debian's rustc-web with build-std.
# The scripts source it under `set -euo pipefail`, which is what stops them at a failed step:
# keep each command that may fail where errexit sees it (not inside `$(...)` within another
# command's arguments, not before a `&&`, not in `local x=$(...)`).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="$ROOT/target"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
WASM_TARGET=wasm32-unknown-unknown
APT_UPDATED=

say() { echo "setup: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"
}

# Installs the Debian packages that are not installed yet.
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} from Debian"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq >&2; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# 1. A compiler that targets wasm32.
choose_rust() {
  if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
    RUST_ROUTE=rustup
  elif is_installed rustc-web && is_installed rust-web-src; then
    RUST_ROUTE=debian
  elif command -v rustup >/dev/null && timeout 20 rustup target add "$WASM_TARGET" >&2 2>/dev/null; then
    RUST_ROUTE=rustup
  else
    say "rustup cannot add $WASM_TARGET here: using Debian's rustc-web with build-std"
    RUST_ROUTE=debian
  fi
  if [ "$RUST_ROUTE" = debian ]; then
    apt_install rustc-web cargo-web rust-web-src lld
    # Debian's compiler first; cargo-installed tools stay reachable behind it.
    export PATH="$ROOT/node_modules/.bin:/usr/bin:$HOME/.cargo/bin:$PATH"
    # wasm-pack insists on this directory for a non-rustup compiler; build-std fills the need.
    # (The sysroot on a line of its own: inside mkdir's argument a failing rustc would pass
    # unnoticed, and mkdir would make /lib/rustlib/... instead.)
    local sysroot
    sysroot=$(rustc --print sysroot)
    as_root mkdir -p "$sysroot/lib/rustlib/$WASM_TARGET/lib"
  fi
}

# Runs a command with the environment a wasm32 build needs on the chosen route.
wasm_env() {
  if [ "$RUST_ROUTE" = debian ]; then
    RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld "$@"
  else
    "$@"
  fi
}

# 2. wasm-bindgen-cli at exactly the version in Cargo.lock, and wasm-pack.
install_wasm_tools() {
  local wanted
  wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' "$ROOT/Cargo.lock")
  if [ -z "$wanted" ]; then
    say "Cargo.lock names no wasm-bindgen version"
    return 1
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wanted"; then
    say "installing wasm-bindgen-cli $wanted (a few minutes, once)"
    env -u CARGO_TARGET_DIR cargo install -q --force wasm-bindgen-cli --version "$wanted" >&2
  fi
  if ! wasm-pack --version 2>/dev/null | grep -q "^wasm-pack 0.15"; then
    say "installing wasm-pack 0.15 (about five minutes, once)"
    env -u CARGO_TARGET_DIR cargo install -q --force wasm-pack --version '~0.15' >&2
  fi
}

# 3. Node.js and the npm packages, reinstalled only when the lock file changed.
install_npm_packages() {
  command -v npm >/dev/null || apt_install nodejs npm
  local stamp="$ROOT/node_modules/.coc-lock-hash" hash
  hash=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$hash" ]; then
    say "installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
    echo "$hash" > "$stamp"
  fi
}

# 4. A headless browser and its driver, for the tests; a small CJK font so that the
#    zh-CN screenshots show characters rather than boxes.
install_browser() {
  apt_install chromium chromium-driver fonts-wqy-microhei
  export CHROMEDRIVER=/usr/bin/chromedriver
  export CHROMIUM=/usr/bin/chromium
}

choose_rust
install_wasm_tools
install_npm_packages
if [ "${1:-}" = browser ]; then install_browser; fi
RUSTC_VERSION=$(rustc --version)
say "ready (rust route: $RUST_ROUTE, $RUSTC_VERSION)"
