#!/usr/bin/env bash
# Installs what the end-to-end tests (test/e2e) need, on demand and idempotently:
#   - Debian's chromium (driven by playwright-core) and the -dev packages code-server's native modules
#     build against (kerberos, native-keymap, keytar), plus ripgrep;
#   - code-server (VS Code's real workbench and extension host, served to a browser) into
#     .vscode-test/code-server, never into the project's node_modules.
#
#   scripts/setup-code-server.sh [DEST]     DEST defaults to .vscode-test/code-server
#                                           -> DEST/node_modules/.bin/code-server, /usr/bin/chromium
#
# Quiet when everything is already there or installs cleanly; on failure it prints what failed and the
# end of the log. Needs root (or the packages already installed), Node 20, the npm registry and Debian's.
#
# Why each step: code-server's postinstall builds native modules (hence the -dev packages), refuses to
# run as root unless npm_config_unsafe_perm=true and calls npx non-interactively (npm_config_yes=true);
# @vscode/ripgrep downloads a binary from GitHub unless its download cache already holds the tarball,
# so the cache is seeded from Debian's rg. 4.100.x is the newest code-server whose engines accept Node 20.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest=${1:-$root/.vscode-test/code-server}
version=${CODE_SERVER_VERSION:-4.100.3}
chromium=/usr/bin/chromium
packages=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium)

installed_version() {
  node -p 'require(process.argv[1]).version' "$dest/node_modules/code-server/package.json" 2>/dev/null || true
}

if [[ -x $dest/node_modules/.bin/code-server && -x $chromium && $(installed_version) == "$version" ]]; then
  exit 0
fi

log=$(mktemp "${TMPDIR:-/tmp}/setup-code-server.XXXXXX.log")
fail() {
  echo "setup-code-server: $1" >&2
  if [[ -s $log ]]; then
    echo "--- last lines of $log ---" >&2
    tail -n 40 "$log" >&2
  fi
  exit 1
}

# 1. Debian packages (only the missing ones).
need=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if ((${#need[@]})); then
  if [[ $(id -u) != 0 ]]; then
    fail "missing Debian packages: ${need[*]} (run as root, or: sudo apt-get install ${need[*]})"
  fi
  apt-get update -qq >>"$log" 2>&1 || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >>"$log" 2>&1 ||
    fail "apt-get install ${need[*]} failed"
fi
[[ -x $chromium ]] || fail "$chromium is missing after installing the chromium package"
command -v rg >/dev/null || fail "rg (ripgrep) is missing after installing the ripgrep package"

# 2. Seed @vscode/ripgrep's download cache with Debian's rg (one tarball per version and asset name it
#    may ask for), so that its postinstall does not try to download from GitHub.
tmp=$(node -p 'require("os").tmpdir()')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$(command -v rg)" "$work/rg"
for rgver in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
  mkdir -p "$tmp/vscode-ripgrep-cache-$rgver"
  for target in x86_64-unknown-linux-musl aarch64-unknown-linux-musl; do
    for asset in v13.0.0-10 v13.0.0-13; do
      tarball=$tmp/vscode-ripgrep-cache-$rgver/ripgrep-$asset-$target.tar.gz
      [[ -s $tarball ]] || tar -czf "$tarball" -C "$work" rg
    done
  done
done

# 3. code-server, in its own npm project under DEST.
mkdir -p "$dest"
cd "$dest"
[[ -f package.json ]] || printf '{ "name": "podlab-code-server", "private": true }\n' >package.json
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error \
  "code-server@$version" >>"$log" 2>&1 || fail "npm install code-server@$version into $dest failed"
[[ -x node_modules/.bin/code-server ]] || fail "$dest/node_modules/.bin/code-server is missing after npm install"
node_modules/.bin/code-server --version >>"$log" 2>&1 || fail "code-server does not start (code-server --version failed)"
rm -f "$log"
