#!/usr/bin/env bash
# The annual report's PDF test reads the PDF back with pdftotext and pdfinfo (Debian's
# poppler-utils). Installs them where it can (root with apt), as ensure-chromium.sh does for
# Chromium; otherwise fails saying how.
set -euo pipefail
if command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; then
  exit 0
fi
if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
  echo "[pdf] pdftotext is missing: installing Debian's poppler-utils with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq poppler-utils >/dev/null
  echo "[pdf] $(pdftotext -v 2>&1 | head -1)"
  exit 0
fi
cat >&2 <<MSG
[pdf] The integration tests read the annual report's PDF with pdftotext, and it is missing.
Install it (Debian/Ubuntu: sudo apt-get install poppler-utils; macOS: brew install poppler).
MSG
exit 1
