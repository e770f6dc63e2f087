"""A throw-away module in the app tree, for meta-tests that check they see what they forbid."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def probe_module(folder: str, text: str):
    """Write ``<folder>/_probe_for_meta_test.py`` holding ``text``; remove it afterwards."""
    path = ROOT / folder / "_probe_for_meta_test.py"
    path.write_text(text)
    try:
        yield path
    finally:
        path.unlink()
