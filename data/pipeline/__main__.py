"""Command line: ``python -m data.pipeline [--sources DIR] [--out DIR] [--harvest DIR] [--check]``.

``--harvest DIR`` (default: ``$ATLAS_HARVEST_DIR``, else none) adds the latest catalogue harvest
snapshot under DIR (``python -m data.harvest``) to the release; without it the release says
"no catalogue harvested".

Exit status 0 on success, 1 when the sources have problems (each printed as file:row:column: message;
nothing is written), 2 for ``--check`` when the built release is older than the sources.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .build import build, sources_changed
from .validate import ValidationFailed

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m data.pipeline", description=__doc__)
    ap.add_argument("--sources", type=Path, default=ROOT / "sources")
    ap.add_argument("--out", type=Path, default=ROOT / "built")
    ap.add_argument("--harvest", type=Path, default=os.environ.get("ATLAS_HARVEST_DIR") or None,
                    help="catalogue harvest directory (default $ATLAS_HARVEST_DIR; none: no catalogue)")
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
    from .catalogue import NoSnapshot

    try:
        manifest = build(args.sources, args.out, harvest=args.harvest)
    except NoSnapshot as e:
        print(f"{e}; nothing was written.", file=sys.stderr)
        return 1
    except ValidationFailed as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        print(f"{len(e.problems)} problem(s); nothing was written, the previous release is still served.",
              file=sys.stderr)
        return 1
    rows = ", ".join(f"{k} {v['rows']}" for k, v in sorted(manifest["tables"].items()))
    print(f"release {manifest['release_id']} ({manifest['built_at']}): {rows}")
    cat = manifest.get("catalogue")
    print("no catalogue harvested" if not cat else
          f"catalogue harvest {cat['snapshot']} ({cat['harvested_at']}"
          + (", a demonstration" if cat["demo"] else "") + "): "
          + ", ".join(f"{n['node']} {n['status']}" for n in cat["nodes"]))
    for f in manifest.get("falling_series", []):
        print(f"note: falling series {f['country_iso3']} {f['programme']} {f['metric']}: "
              f"{f['from_value']:,} ({f['from_as_of']}) then {f['to_value']:,} ({f['to_as_of']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
