"""The icon font is cut to the glyphs the app uses (scripts/subset_icons.py), and that is what is served."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("subset_icons", ROOT / "scripts" / "subset_icons.py")
subset_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(subset_icons)


def test_subset_holds_exactly_the_icons_used():
    used = subset_icons.used_icons()
    assert used, "no bi-* icon found: the scan is broken"
    assert subset_icons.subset_names() == used, (
        "icons used and icons in assets/vendor/bootstrap-icons/icons.min.css differ: "
        "run python scripts/subset_icons.py")


def test_subset_is_small_and_self_contained():
    css = subset_icons.SUBSET_CSS.read_text()
    assert len(css.encode()) < 8000
    assert "url(data:font/woff2;base64," in css and "fonts/" not in css  # no font request


def test_app_serves_the_subset_not_the_full_font():
    src = (ROOT / "app.py").read_text()
    assert "bootstrap-icons/icons.min.css" in src
    assert "bootstrap-icons.min.css" not in src
