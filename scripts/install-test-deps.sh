#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through chromedriver; install both when missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: the browser tests need chromium and chromedriver on PATH" >&2
  echo "install-test-deps: on Debian/Ubuntu: sudo apt-get install chromium chromium-driver" >&2
  exit 1
fi
echo "install-test-deps: installing chromium and chromium-driver with apt-get..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
