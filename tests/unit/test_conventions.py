"""Meta-tests for the project's conventions (they fail when a convention is broken)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY_FILES = [p for p in ROOT.rglob("*.py")
            if not any(part in {".git", "node_modules", "bench"} or part.startswith(".")
                       for part in p.relative_to(ROOT).parts)]
OFFLINE_IMPORT = re.compile(r"^\s*(from|import)\s+data\.(pipeline|harvest)\b"
                            r"|^\s*from\s+data\s+import\s+.*\b(pipeline|harvest)\b", re.M)
CDN = re.compile(r"cdn\.plot\.ly|cdn\.jsdelivr|unpkg\.com|fonts\.googleapis|cdnjs\.|dbc\.themes\."
                 r"|dbc\.icons\.|api\.mapbox|tile\.openstreetmap")


def test_no_f_string_or_concatenation_is_passed_to_execute_or_sql():
    offenders = []
    for path in PY_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in {"execute", "sql", "executemany", "query"} and node.args):
                first = node.args[0]
                if isinstance(first, ast.JoinedStr) or (
                        isinstance(first, ast.BinOp) and isinstance(first.op, (ast.Add, ast.Mod))):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], f"values must be bound parameters, not formatted into SQL: {offenders}"


def test_every_sql_file_is_used_by_a_query_module():
    sql_names = {p.stem for p in (ROOT / "data" / "sql").glob("*.sql")}
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "data").rglob("*.py"))
    unused = sorted(n for n in sql_names if f'"{n}"' not in code and f"'{n}'" not in code)
    assert unused == [], f"unused .sql files: {unused}"


def test_components_never_import_the_data_layer():
    bad = []
    for path in (ROOT / "components").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            mods = []
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                mods = [node.module]
            if any(m == "data" or m.startswith("data.") for m in mods):
                bad.append(str(path.relative_to(ROOT)))
    assert bad == []


def test_nothing_at_run_time_imports_the_pipeline():
    """Nor the harvester: both are offline tools (``data/pipeline``, ``data/harvest``)."""
    bad = []
    for path in PY_FILES:
        rel = path.relative_to(ROOT)
        if rel.parts[0] in {"tests", "scripts"} or rel.parts[:2] in {("data", "pipeline"),
                                                                     ("data", "harvest")}:
            continue
        if OFFLINE_IMPORT.search(path.read_text(encoding="utf-8")):
            bad.append(str(rel))
    assert bad == []


def test_no_cdn_urls_in_code_or_served_assets():
    hits = []
    for path in [*PY_FILES, *(ROOT / "assets").rglob("*.css"), *(ROOT / "assets").rglob("atlas*.js")]:
        if path.relative_to(ROOT).parts[0] in {"tests", "scripts"}:
            continue
        if CDN.search(path.read_text(encoding="utf-8", errors="replace")):
            hits.append(str(path.relative_to(ROOT)))
    assert hits == []
