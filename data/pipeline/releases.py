"""The release directories on disk: which one is current, and how many stay.

``CURRENT`` names the served release; :func:`prune` keeps the newest ``ATLAS_KEEP_RELEASES``
(default 5) so the immutable download URLs of recent releases keep answering.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

KEEP_RELEASES = 5  # releases kept on disk (override: ATLAS_KEEP_RELEASES); see prune()


def read_current(out_dir: Path) -> str | None:
    p = out_dir / "CURRENT"
    return p.read_text().strip() if p.exists() else None


def keep_releases() -> int:
    """How many releases stay on disk (``ATLAS_KEEP_RELEASES``, default 5, at least 1)."""
    return max(1, int(os.environ.get("ATLAS_KEEP_RELEASES", str(KEEP_RELEASES))))


def prune(out_dir: Path) -> list[str]:
    """Delete all but the newest ``keep_releases()`` releases; return the ids kept, newest first.

    Newest: the served release, then the ones it replaced (``previous_release``, in turn), then any
    other by build time. Kept releases keep their immutable download URLs answering."""
    dirs = {d.name: d for d in (out_dir / "releases").iterdir() if d.is_dir()}
    manifests = {}
    for name, d in dirs.items():
        try:
            manifests[name] = json.loads((d / "manifest.json").read_text())
        except (OSError, ValueError):
            manifests[name] = {}
    order, rid = [], read_current(out_dir)
    while rid in dirs and rid not in order:
        order.append(rid)
        rid = manifests[rid].get("previous_release")
    order += sorted((n for n in dirs if n not in order),
                    key=lambda n: (str(manifests[n].get("built_at", "")), dirs[n].stat().st_mtime),
                    reverse=True)
    kept = order[:keep_releases()]
    for name in order[len(kept):]:
        shutil.rmtree(dirs[name])
    return kept
