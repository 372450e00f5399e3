#!/usr/bin/env bash
# Takes a screenshot of a run report with headless Chromium, to look at the page without a desktop:
#   screenshot.sh runs/iris_logistic-20261129-220039/report.html [out.png]
# Exits 0 with a message when Chromium is not installed.
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 REPORT.html [OUT.png]" >&2
  exit 64
fi
page="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="${2:-${page%.html}.png}"

browser=""
for candidate in /usr/bin/chromium chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then
    browser="$(command -v "$candidate")"
    break
  fi
done
if [ -z "$browser" ]; then
  echo "screenshot.sh: Chromium is not installed; no screenshot taken (the report tests check the page without a browser)."
  exit 0
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --screenshot="$out" --window-size=1280,2000 \
  "file://$page" >/dev/null 2>&1
echo "screenshot: $out"
