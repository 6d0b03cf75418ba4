#!/usr/bin/env bash
# Installs Debian's neovim (the headless LSP client of test/server/neovim) when `nvim` is not on PATH.
# Idempotent and quiet: does nothing when nvim is there; exits non-zero with the reason when it cannot install.
#   scripts/setup-neovim.sh
set -uo pipefail

fail() {
  echo "setup-neovim: $*" >&2
  exit 1
}

if command -v nvim >/dev/null 2>&1; then
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || fail "nvim is not on PATH and apt-get is not available; install neovim (0.7 or newer) by hand"

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  SUDO=(sudo -n)
else
  fail "nvim is not on PATH and installing it needs root (run as root, or allow passwordless sudo, or: apt-get install neovim)"
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get update -qq >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  fail "apt-get update failed (is the Debian mirror reachable?)"
fi
if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends neovim >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  fail "apt-get install neovim failed"
fi
command -v nvim >/dev/null 2>&1 || fail "neovim was installed but nvim is still not on PATH"
exit 0
