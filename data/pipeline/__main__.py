"""Command line: ``python -m data.pipeline [--sources DIR] [--out DIR] [--check]``.

Exit status 0 on success, 1 when the sources have problems (each printed as file:row:column: message;
nothing is written), 2 for ``--check`` when the built release is older than the sources.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build, sources_changed
from .validate import ValidationFailed

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m data.pipeline", description=__doc__)
    ap.add_argument("--sources", type=Path, default=ROOT / "sources")
    ap.add_argument("--out", type=Path, default=ROOT / "built")
    ap.add_argument("--check", action="store_true",
                    help="only report whether the built release matches the sources")
    args = ap.parse_args(argv)
    if args.check:
        changed = sources_changed(args.sources, args.out)
        if changed:
            print("The built release is out of date; changed: " + ", ".join(changed), file=sys.stderr)
            print("Fix: python -m data.pipeline", file=sys.stderr)
            return 2
        print("The built release matches the sources.")
        return 0
    try:
        manifest = build(args.sources, args.out)
    except ValidationFailed as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        print(f"{len(e.problems)} problem(s); nothing was written, the previous release is still served.",
              file=sys.stderr)
        return 1
    rows = ", ".join(f"{k} {v['rows']}" for k, v in sorted(manifest["tables"].items()))
    print(f"release {manifest['release_id']} ({manifest['built_at']}): {rows}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
