"""Cut the vendored Bootstrap Icons font to the glyphs the app uses (a build-time dev tool).

    python scripts/subset_icons.py          # rewrite assets/vendor/bootstrap-icons/icons.min.css
    python scripts/subset_icons.py --check  # exit 1 when the subset is out of date

Scans components/, pages/, web/, app.py and assets/ for ``bi-<name>`` classes, subsets the full
font that scripts/vendor_bootstrap.sh vendored (fontTools, WOFF2) to those glyphs and writes one
small stylesheet with the font inlined as a data: URI: no font request, no late swap (the footer
no longer moves when the font arrives), ~3 KB instead of 87 KB of CSS + 135 KB of font.
Run it after adding an icon (tests/unit/test_icons.py fails until you do).
"""
from __future__ import annotations

import base64
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "assets" / "vendor" / "bootstrap-icons"
FULL_CSS = VENDOR / "bootstrap-icons.min.css"
FULL_FONT = VENDOR / "fonts" / "bootstrap-icons.woff2"
SUBSET_CSS = VENDOR / "icons.min.css"
SCANNED = ("components", "pages", "web", "assets", "app.py")
_USE = re.compile(r"\bbi-([a-z0-9]+(?:-[a-z0-9]+)*)")
_RULE = r'\.bi-{name}::before\{{content:"\\([0-9a-f]+)"\}}'


def used_icons() -> list[str]:
    names: set[str] = set()
    for top in SCANNED:
        p = ROOT / top
        files = [p] if p.is_file() else [f for f in p.rglob("*") if f.suffix in (".py", ".js", ".css")
                                         and "vendor" not in f.parts]
        for f in files:
            names |= set(_USE.findall(f.read_text(errors="replace")))
    return sorted(names)


def codepoints(names: list[str]) -> dict[str, int]:
    css = FULL_CSS.read_text()
    out = {}
    for n in names:
        m = re.search(_RULE.format(name=re.escape(n)), css)
        if not m:
            raise SystemExit(f"bi-{n} is not a Bootstrap Icons glyph")
        out[n] = int(m.group(1), 16)
    return out


def build(names: list[str]) -> str:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    cps = codepoints(names)
    font = TTFont(FULL_FONT)
    opts = subset.Options()
    opts.flavor = "woff2"
    opts.layout_features = []
    opts.name_IDs = []
    opts.notdef_outline = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=cps.values())
    sub.subset(font)
    buf = io.BytesIO()
    font.flavor = "woff2"
    font.save(buf)
    data = base64.b64encode(buf.getvalue()).decode()
    rules = "".join(f'.bi-{n}::before{{content:"\\{cp:x}"}}' for n, cp in cps.items())
    return ("/*! Bootstrap Icons v1.13.2 subset (scripts/subset_icons.py) | MIT | "
            "https://github.com/twbs/icons/blob/main/LICENSE */"
            "@font-face{font-display:block;font-family:bootstrap-icons;"
            f"src:url(data:font/woff2;base64,{data}) format(\"woff2\")}}"
            '.bi::before,[class*=" bi-"]::before,[class^=bi-]::before{display:inline-block;'
            "width:1em;font-family:bootstrap-icons!important;font-style:normal;"
            "font-weight:400!important;font-variant:normal;text-transform:none;line-height:1;"
            "vertical-align:-.125em;-webkit-font-smoothing:antialiased;"
            "-moz-osx-font-smoothing:grayscale}" + rules + "\n")


def subset_names() -> list[str]:
    return sorted(re.findall(r"\.bi-([a-z0-9-]+)::before\{", SUBSET_CSS.read_text()))


if __name__ == "__main__":
    names = used_icons()
    if "--check" in sys.argv:
        ok = SUBSET_CSS.exists() and subset_names() == names
        print("icons subset up to date" if ok else f"icons subset out of date: uses {names}")
        sys.exit(0 if ok else 1)
    SUBSET_CSS.write_text(build(names))
    print(f"{SUBSET_CSS.relative_to(ROOT)}: {len(names)} glyphs, {SUBSET_CSS.stat().st_size} bytes")
