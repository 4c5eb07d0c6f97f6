#!/usr/bin/env bash
# The console's browser tests drive Debian's Chromium (Playwright cannot download a browser on
# these machines). Installs it where it can (root with apt); otherwise fails saying how.
# CHROMIUM_PATH points at another Chromium build.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi
if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  echo "[browser] CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  exit 1
fi
if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
  echo "[browser] Chromium is missing: installing Debian's chromium with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  echo "[browser] $("$CHROMIUM" --version 2>/dev/null)"
  exit 0
fi
cat >&2 <<MSG
[browser] The console's browser tests need Chromium at $CHROMIUM, and it is missing.
Install it (Debian/Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium
or Chrome executable. The browser tests are never skipped.
MSG
exit 1
