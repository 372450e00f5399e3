#!/usr/bin/env bash
# Opens a run report in headless Chromium, takes a screenshot, and fails when the page logs
# anything to the console or makes any request:
#   screenshot.sh REPORT.html [OUT.png]      screenshot (default: next to the page) and checks
#   screenshot.sh --self-test                proves the checks catch a page that fetches and logs
# With SECTIONS_DIR=dir set, also one screenshot per section (overview and each step) into dir.
# The page is served by offline_server.py, which is also the browser's proxy: every request the
# page makes, relative or absolute, reaches it and is logged. Console messages come from
# Chromium's own log (--enable-logging=stderr). A report has no scripts, so any message is a fault.
# Debian's Chromium contacts a few Google service hosts by itself even with background networking
# disabled (component updates, account and time checks; it does so for an empty page too): those
# hosts are listed in BROWSER_HOSTS and ignored. A page fetching from them would go unnoticed here;
# the report tests, which forbid any URL in the page, still catch it.
# Exit: 0 clean, 1 the page fetched something or logged to the console, 2 Chromium missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BROWSER_HOSTS='(update\.googleapis\.com|accounts\.google\.com|clients[0-9]*\.google\.com|redirector\.gvt1\.com|optimizationguide-pa\.googleapis\.com)'

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then
    browser="$(command -v "$candidate")"
    break
  fi
done
if [ -z "$browser" ]; then
  echo "screenshot.sh: Chromium is not installed; nothing checked (the report tests check the page without a browser)." >&2
  exit 2
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Serves $1 at http://report.invalid/report.html; sets port and server_pid.
serve() {
  rm -f "$work/port"
  python3 "$here/offline_server.py" "$1" "$work/port" "$work/requests.log" &
  server_pid=$!
  for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
  port="$(cat "$work/port")"
}

stop_serving() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# browse URL OUT.png WIDTH,HEIGHT: one headless load with a fresh profile; the browser log goes to $work/browser.log.
browse() {
  local profile
  profile="$(mktemp -d "$work/profile.XXXX")"
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-default-apps --disable-extensions --user-data-dir="$profile" \
    --proxy-server="http://127.0.0.1:$port" --proxy-bypass-list="<-loopback>" --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" \
    --enable-logging=stderr --v=0 --hide-scrollbars --screenshot="$2" --window-size="$3" "$1" >>"$work/browser.log" 2>&1 || true
}

# check PAGE OUT.png: prints what went wrong; returns 1 when anything did.
check() {
  local page="$1" out="$2" bad=0
  : >"$work/browser.log"
  : >"$work/requests.log"
  serve "$page"
  browse "http://report.invalid/report.html" "$out" 1320,3000
  stop_serving
  if [ -n "${SECTIONS_DIR:-}" ]; then
    # For looking at, not for checking: a copy of the page showing one section at a time.
    mkdir -p "$SECTIONS_DIR"
    for anchor in $(grep -o '<section[^>]* id="[^"]*"' "$page" | sed 's/.* id="\([^"]*\)"/\1/'); do
      sed "s#</head>#<style>main > section:not([id='$anchor']), footer section:not([id='$anchor']) { display: none; }</style></head>#" \
        "$page" >"$work/section.html"
      serve "$work/section.html"
      browse "http://report.invalid/report.html" "$SECTIONS_DIR/$anchor.png" 1320,1800
      stop_serving
    done
  fi
  if [ ! -s "$out" ]; then
    echo "  no screenshot was written" >&2
    bad=1
  fi
  grep -Ev "^[A-Z]+ (https?://)?$BROWSER_HOSTS[:/]" "$work/requests.log" >"$work/page-requests.log" || true
  if [ -s "$work/page-requests.log" ]; then
    echo "  the page made requests:" >&2
    sed 's/^/    /' "$work/page-requests.log" >&2
    bad=1
  fi
  if grep -q 'CONSOLE' "$work/browser.log"; then
    echo "  the page logged to the console:" >&2
    grep 'CONSOLE' "$work/browser.log" | sed 's/^/    /' >&2
    bad=1
  fi
  return $bad
}

if [ "${1:-}" = "--self-test" ]; then
  # A page that fetches an absolute URL, a relative file and a stylesheet, and logs an error:
  # every one of these must be caught, or the check is blind.
  cat >"$work/bad.html" <<'HTML'
<!DOCTYPE html><html><head><link rel="stylesheet" href="https://cdn.example.com/style.css"/></head>
<body><img src="http://example.com/pixel.png"/><img src="plots/local.svg"/>
<script>console.error("deliberate error");</script></body></html>
HTML
  set +e
  check "$work/bad.html" "$work/bad.png" 2>"$work/self-test.txt"
  status=$?
  set -e
  cat "$work/self-test.txt" >&2
  missed=""
  grep -q 'cdn.example.com' "$work/self-test.txt" || missed="$missed https-stylesheet"
  grep -q 'http://example.com/pixel.png' "$work/self-test.txt" || missed="$missed http-image"
  grep -q 'http://report.invalid/plots/local.svg' "$work/self-test.txt" || missed="$missed relative-file"
  grep -q 'deliberate error' "$work/self-test.txt" || missed="$missed console-error"
  if [ "$status" -ne 1 ] || [ -n "$missed" ]; then
    echo "screenshot.sh --self-test: FAILED, not caught:${missed:- (exit status $status)}" >&2
    exit 1
  fi
  # And a clean page passes.
  printf '<!DOCTYPE html><html><body><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg></body></html>\n' >"$work/good.html"
  if ! check "$work/good.html" "$work/good.png"; then
    echo "screenshot.sh --self-test: FAILED, a clean page was flagged" >&2
    exit 1
  fi
  echo "screenshot.sh --self-test: ok (absolute, https and relative fetches and a console error are caught; a clean page passes)"
  exit 0
fi

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 REPORT.html [OUT.png] | --self-test" >&2
  exit 64
fi
page="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="${2:-${page%.html}.png}"
mkdir -p "$(dirname "$out")"
if check "$page" "$out"; then
  echo "ok: $out"
else
  echo "FAILED: $page" >&2
  exit 1
fi
