"""Meta-test: dependencies run one way.

``pages/`` never imports ``web/`` (what both need lives below them, in ``components/`` or
``data/``); ``components/`` never imports ``pages/`` or ``web/`` (nor ``data``: see
test_conventions.py); ``web/`` reads a release only through the data layer.
"""
from __future__ import annotations

import ast
from pathlib import Path

from tests.probe import probe_module

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"pages": {"web"}, "components": {"pages", "web", "app"}}


def imported_packages(path: Path) -> set[str]:
    """Top-level packages a module imports (relative imports resolved inside its package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                out.add(path.relative_to(ROOT).parts[0])
            elif node.module:
                out.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                node.func, "id", "")) in {"import_module", "__import__"} and node.args \
                and isinstance(node.args[0], ast.Constant):
            out.add(str(node.args[0].value).split(".")[0])
    return out


def offenders() -> list[str]:
    bad = []
    for layer, forbidden in FORBIDDEN.items():
        for path in sorted((ROOT / layer).rglob("*.py")):
            hit = imported_packages(path) & forbidden
            if hit:
                bad.append(f"{path.relative_to(ROOT)} imports {', '.join(sorted(hit))}")
    return bad


def test_pages_never_import_web_and_components_never_import_pages_or_web():
    assert offenders() == []


def test_the_meta_test_sees_a_forbidden_import():
    with probe_module("pages", "import importlib\nfrom web.api import bp\n"
                      "x = importlib.import_module('web.downloads')\n"):
        found = [o for o in offenders() if "_probe_for_meta_test" in o]
    assert found == ["pages/_probe_for_meta_test.py imports web"]


def test_web_reads_the_release_only_through_the_data_layer():
    # downloads get frames and file bytes from data/queries/release.py, never from Parquet/DuckDB
    bad = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "web").rglob("*.py"))
           if imported_packages(p) & {"pyarrow", "duckdb"} or "read_parquet" in p.read_text()]
    assert bad == []


#: The pure leaf modules of components/ that data/ may import (they import no Dash and nothing
#: of the project but each other): the words, the URLs, the cell serialiser, the public base URL.
LEAVES = {"labels", "urls", "cells", "public_url"}


def _components_imported_by(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "components":
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("components."):
            out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[1] for a in node.names if a.name.startswith("components.")}
    return out


def test_data_imports_only_the_pure_leaves_of_components():
    bad = [f"{p.relative_to(ROOT)} imports components.{m}" for p in sorted((ROOT / "data").rglob("*.py"))
           for m in sorted(_components_imported_by(p) - LEAVES)]
    assert bad == []


def test_the_leaves_import_no_dash_and_no_other_project_module():
    for name in sorted(LEAVES):
        path = ROOT / "components" / f"{name}.py"
        pkgs = imported_packages(path) - {"__future__"}
        assert not pkgs & {"dash", "dash_bootstrap_components", "dash_ag_grid", "plotly", "data",
                           "pages", "web", "app"}, (name, pkgs)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level
               for a in n.names} | {n.module for n in ast.walk(tree)
                                    if isinstance(n, ast.ImportFrom) and n.level and n.module}
        assert rel <= LEAVES, (name, rel)
