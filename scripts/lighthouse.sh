#!/usr/bin/env bash
# Lighthouse (npm) in Debian's Chromium against the built site on localhost, served gzipped like GitHub Pages.
# Prints mobile Performance, Accessibility, Best Practices and SEO for the home page and an exemplar page.
#
#   scripts/lighthouse.sh [SITE_DIR] [EXEMPLAR_SLUG]     (default: builds the sample site into build/)
#
# Lighthouse is installed once into .cache/lighthouse (git-ignored); reports go to .cache/lighthouse/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
site="${1:-}"
slug="${2:-}"
tools=.cache/lighthouse
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  npm install --silent --no-audit --no-fund --prefix "$tools" lighthouse@13 >/dev/null
fi
if [ -z "$site" ]; then
  [ -x .venv/bin/guongsang ] || { python3 -m venv .venv && .venv/bin/python -m pip install --quiet -e .; }
  .venv/bin/guongsang build --today 2025-11-01 >/dev/null 2>&1
  site=build
fi
if [ -z "$slug" ]; then
  slug=$(ls "$site/guong" | grep -v '^trang-' | grep -v index.html | head -1)
fi
mkdir -p "$tools/reports"
port_file=$(mktemp)
.venv/bin/python - "$site" "$port_file" <<'PY' &
import sys, time
sys.path.insert(0, "scripts")
from pathlib import Path
from benchlib import serve
with serve(Path(sys.argv[1])) as base:
    Path(sys.argv[2]).write_text(base)
    time.sleep(900)  # stopped by the script when done; never outlives a quarter of an hour
PY
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$port_file"' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
base=$(cat "$port_file")
flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
printf '%-12s %12s %14s %15s %6s\n' page performance accessibility best-practices seo
for target in "home|" "exemplar|guong/$slug/"; do
  name=${target%%|*}
  path=${target#*|}
  report="$tools/reports/$name.json"
  CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "$base$path" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices,seo --chrome-flags="$flags" \
    --output=json --output-path="$report" >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]); const c = r.categories; const s = k => Math.round(c[k].score * 100);
    const bad = Object.values(r.audits).filter(a => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual").map(a => a.id);
    console.log(process.argv[2].padEnd(12), String(s("performance")).padStart(12), String(s("accessibility")).padStart(14),
                String(s("best-practices")).padStart(15), String(s("seo")).padStart(6), bad.length ? "  below 90: " + bad.join(", ") : "");
  ' "$PWD/$report" "$name"
done
