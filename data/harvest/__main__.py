"""Command line: ``python -m data.harvest --config FILE --out DIR`` or ``python -m data.harvest --demo``.

Exit status: 0 every node harvested; 1 a snapshot was written but some node failed (its previous
records were kept); 2 the config is unusable (nothing was requested, nothing written).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import fetch
from .config import ConfigError, load_config


def _print(snap: dict) -> int:
    failed = 0
    for n in snap["nodes"]:
        r = snap["reports"][n["node"]]
        failed += r["status"] != "ok"
        line = f"{n['node']:<14} {r['status']:<7} {r['n_datasets']:>5} dataset(s) {r['duration_s']:>7.2f}s"
        print(line + (f"  {r['error']}" if r["error"] else ""))
        for p in r["problems"]:
            print(f"    {p}")
    print(f"snapshot {snap['path']} ({snap['datasets']} dataset record(s), "
          f"{len(snap['duplicates'])} listed by more than one node)"
          + (" — a demonstration, not real catalogues" if snap["demo"] else ""))
    if snap.get("release_dir"):
        print(f"demo release {snap['release']['release_id']} built; see it with\n"
              f"    ATLAS_DATA_DIR={snap['release_dir']} python app.py")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m data.harvest", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", type=Path, help="TOML file of [[node]] tables")
    ap.add_argument("--out", type=Path, help="snapshot directory (demo: data/demo-harvest)")
    ap.add_argument("--demo", action="store_true",
                    help="harvest built-in loopback nodes serving the fixture files")
    ap.add_argument("--no-release", action="store_true",
                    help="with --demo: harvest only, do not build the demo release")
    ap.add_argument("--timeout", type=float, default=fetch.Limits.timeout, help="seconds per attempt")
    ap.add_argument("--retries", type=int, default=fetch.Limits.retries)
    ap.add_argument("--max-mb", type=float, default=fetch.Limits.max_bytes / 2**20,
                    help="size limit per answer, MiB")
    args = ap.parse_args(argv)
    if args.demo:
        from .demo import DEFAULT_OUT, run

        return _print(run(args.out or DEFAULT_OUT, release=not args.no_release))
    if not args.config or not args.out:
        ap.error("--config and --out are required (or --demo)")
    try:
        nodes = load_config(args.config)
    except ConfigError as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        print("Nothing was requested.", file=sys.stderr)
        return 2
    from .snapshot import harvest

    limits = fetch.Limits(timeout=args.timeout, retries=max(0, args.retries),
                          max_bytes=int(args.max_mb * 2**20))
    return _print(harvest(nodes, args.out, limits=limits))


if __name__ == "__main__":
    sys.exit(main())
