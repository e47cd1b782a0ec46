#!/usr/bin/env bash
# The download-page test drives Debian's headless Chromium; install it if missing.
# Needs root (as on CI); elsewhere it says what to run and leaves it to you.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium is missing: run 'sudo apt-get install chromium' for the download-page test" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
