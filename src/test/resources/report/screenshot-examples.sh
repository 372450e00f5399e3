#!/usr/bin/env bash
# Runs every example with --report and checks each report in headless Chromium (screenshot.sh):
# no console message, no request, a screenshot per page and per section.
#   src/test/resources/report/screenshot-examples.sh [OUT_DIR] [EXAMPLE.mlopt ...]
# Run from anywhere; OUT_DIR (default: a new temporary folder) receives runs/, <example>.png and
# <example>/<section>.png. Not part of `mvn test`: it needs Chromium and runs the examples in full.
# Exit: 0 every report is clean, 1 a run or a report failed, 2 Chromium missing.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
out="${1:-$(mktemp -d)}"
shift || true
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [ $# -gt 0 ]; then examples=("$@"); else examples=("$root"/examples/*.mlopt); fi

"$here/screenshot.sh" --self-test >/dev/null 2>&1
case $? in
  0) ;;
  2) echo "screenshot-examples.sh: Chromium is not installed; nothing checked." >&2; exit 2 ;;
  *) echo "screenshot-examples.sh: the browser check's self-test failed; run screenshot.sh --self-test" >&2; exit 1 ;;
esac

failed=0
for script in "${examples[@]}"; do
  name="$(basename "$script" .mlopt)"
  runs="$out/runs/$name"
  rm -rf "$runs"
  start=$(date +%s)
  if ! (cd "$root" && ./mlopt run "$script" --report --runs "$runs" >"$out/$name.run.log" 2>&1); then
    echo "FAILED $name: the run failed (see $out/$name.run.log)"
    failed=1
    continue
  fi
  page="$(ls -d "$runs"/*/report.html 2>/dev/null | head -n 1)"
  if [ -z "$page" ]; then
    echo "FAILED $name: no report.html under $runs"
    failed=1
    continue
  fi
  if SECTIONS_DIR="$out/$name" "$here/screenshot.sh" "$page" "$out/$name.png" >/dev/null 2>"$out/$name.check.log"; then
    echo "ok     $name ($(( $(date +%s) - start ))s): $out/$name.png"
  else
    echo "FAILED $name:"
    cat "$out/$name.check.log"
    failed=1
  fi
done
exit $failed
