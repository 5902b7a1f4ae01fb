#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through chromedriver and check pages with axe-core
# from npm (pinned in scripts/axe/package-lock.json); install what is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

apt_install() {
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-test-deps: the browser tests need: $*" >&2
    echo "install-test-deps: on Debian/Ubuntu: sudo apt-get install $*" >&2
    exit 1
  fi
  echo "install-test-deps: installing $* with apt-get..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt_install chromium chromium-driver
fi

if [ ! -f "$here/axe/node_modules/axe-core/axe.min.js" ]; then
  command -v npm >/dev/null 2>&1 || apt_install npm
  echo "install-test-deps: installing axe-core from npm into scripts/axe..." >&2
  npm ci --prefix "$here/axe" --no-audit --no-fund --loglevel=error >/dev/null
fi
