#!/usr/bin/env bash
# Re-vendor Bootstrap CSS and bootstrap-icons (css + fonts) into assets/vendor/
# from npm, pinned. Only minified CSS, fonts and licence files are copied:
# Dash auto-loads every .css/.js under assets/, so no unminified copies,
# no .map files, no JS. sourceMappingURL comments are stripped.
set -euo pipefail

BOOTSTRAP_VERSION="${BOOTSTRAP_VERSION:-5.3.9}"
BOOTSTRAP_ICONS_VERSION="${BOOTSTRAP_ICONS_VERSION:-1.13.2}"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENDOR="$(cd "$HERE/.." && pwd)/assets/vendor"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
printf '{"name":"vendor-bootstrap","private":true}\n' > "$WORK/package.json"
(cd "$WORK" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "bootstrap@$BOOTSTRAP_VERSION" "bootstrap-icons@$BOOTSTRAP_ICONS_VERSION")
NM="$WORK/node_modules"

strip_map() { sed -e 's|/\*# sourceMappingURL=[^*]*\*/||' "$1" > "$2"; }

rm -rf "$VENDOR/bootstrap" "$VENDOR/bootstrap-icons"
mkdir -p "$VENDOR/bootstrap" "$VENDOR/bootstrap-icons/fonts"

strip_map "$NM/bootstrap/dist/css/bootstrap.min.css" "$VENDOR/bootstrap/bootstrap.min.css"
cp "$NM/bootstrap/LICENSE" "$VENDOR/bootstrap/LICENSE"

# The css refers to url("fonts/bootstrap-icons.woff2?<hash>"): keep fonts/ beside it.
strip_map "$NM/bootstrap-icons/font/bootstrap-icons.min.css" "$VENDOR/bootstrap-icons/bootstrap-icons.min.css"
cp "$NM/bootstrap-icons/font/fonts/bootstrap-icons.woff2" \
   "$NM/bootstrap-icons/font/fonts/bootstrap-icons.woff" "$VENDOR/bootstrap-icons/fonts/"
cp "$NM/bootstrap-icons/LICENSE" "$VENDOR/bootstrap-icons/LICENSE"

# Checks: no source maps, and every url(...) is a data: URI or a relative path.
if grep -rl 'sourceMappingURL' "$VENDOR/bootstrap" "$VENDOR/bootstrap-icons"; then
  echo "ERROR: sourceMappingURL left in vendored css" >&2; exit 1
fi
BAD="$(grep -ho 'url([^)]*)' "$VENDOR"/bootstrap*/*.css | grep -v -E '^url\(("|'"'"')?(data:|fonts/)' || true)"
if [[ -n "$BAD" ]]; then
  echo "ERROR: external/unexpected url() in vendored css:" >&2; echo "$BAD" >&2; exit 1
fi
echo "vendored bootstrap $BOOTSTRAP_VERSION and bootstrap-icons $BOOTSTRAP_ICONS_VERSION into $VENDOR"
