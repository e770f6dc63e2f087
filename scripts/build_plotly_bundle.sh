#!/usr/bin/env bash
# Rebuild assets/plotly-custom.min.js: a plotly.js bundle holding only the
# trace types the atlas uses. Reproducible from npm; needs node + npm only.
#
#   scripts/build_plotly_bundle.sh            # build
#   PLOTLY_JS_VERSION=x.y.z scripts/...       # override (must match plotly.py)
#
# PLOTLY_JS_VERSION must equal the plotly.js version that the installed
# plotly.py emits (python -c "from plotly.offline import get_plotlyjs_version;
# print(get_plotlyjs_version())"); the script refuses to build otherwise.
set -euo pipefail

PLOTLY_JS_VERSION="${PLOTLY_JS_VERSION:-4.1.1}"
ESBUILD_VERSION="${ESBUILD_VERSION:-0.28.2}"
TRACES="scatter, bar, choropleth, scattergeo, heatmap"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$ROOT/assets/plotly-custom.min.js"
PYTHON="${PYTHON:-python3}"

# 1. The version must match what plotly.py expects (skip with SKIP_VERSION_CHECK=1).
if [[ "${SKIP_VERSION_CHECK:-0}" != 1 ]]; then
  PY_VER="$("$PYTHON" -c 'from plotly.offline import get_plotlyjs_version as v; print(v())')"
  if [[ "$PY_VER" != "$PLOTLY_JS_VERSION" ]]; then
    echo "ERROR: plotly.py emits plotly.js $PY_VER but PLOTLY_JS_VERSION=$PLOTLY_JS_VERSION" >&2
    exit 1
  fi
fi

# 2. Install the exact pinned versions into a throwaway directory.
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp "$HERE/plotly_bundle/entry.js" "$WORK/entry.js"
printf '{"name":"plotly-custom-build","private":true}\n' > "$WORK/package.json"
(cd "$WORK" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "plotly.js@$PLOTLY_JS_VERSION" "esbuild@$ESBUILD_VERSION")

# 3. Bundle. Options mirror plotly.js's own esbuild-config.js (iife, globalName
#    Plotly, global->window, define.amd->false, es2016). Its css/glsl plugins are
#    not needed for these traces (only maplibre/WebGL traces use them).
#    Third-party licence comments are kept at the end of the file (as upstream).
BANNER="/*! plotly.js v$PLOTLY_JS_VERSION custom bundle for 1+MG Atlas | traces: $TRACES | MIT licence, (c) Plotly, Inc. | built with esbuild $ESBUILD_VERSION by scripts/build_plotly_bundle.sh */"
mkdir -p "$(dirname "$OUT")"
(cd "$WORK" && ./node_modules/.bin/esbuild entry.js \
    --bundle --minify --format=iife --global-name=Plotly \
    --target=es2016 --define:global=window --define:define.amd=false \
    --define:process.env.NODE_DEBUG=false \
    --legal-comments=eof --log-level=warning \
    "--banner:js=$BANNER" --outfile="$WORK/plotly-custom.min.js")

# 4. Sanity checks: the bundle's version string and no sourcemap reference.
grep -q "version:\"$PLOTLY_JS_VERSION\"\|\"$PLOTLY_JS_VERSION\"" "$WORK/plotly-custom.min.js" \
  || { echo "ERROR: version $PLOTLY_JS_VERSION not found in bundle" >&2; exit 1; }
if grep -q 'sourceMappingURL' "$WORK/plotly-custom.min.js"; then
  echo "ERROR: bundle references a source map" >&2; exit 1
fi
mv "$WORK/plotly-custom.min.js" "$OUT"

RAW=$(wc -c < "$OUT"); GZ=$(gzip -9c "$OUT" | wc -c)
echo "wrote $OUT: $RAW bytes raw, $GZ bytes gzip -9 (plotly.js $PLOTLY_JS_VERSION; $TRACES)"
