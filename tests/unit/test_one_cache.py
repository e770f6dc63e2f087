"""Meta-test: data/memo.py is the app's only cache of per-release answers.

No ``functools.lru_cache`` / ``functools.cache``, no ``*Cache`` class, no attribute used as a
cache, no hand-made module-level dict filled by a function that looks at the release (or named a
cache) in pages/, components/, data/ (outside data/memo.py and the offline pipeline), web/ or
app.py.
"""
from __future__ import annotations

import ast
from pathlib import Path

from tests.probe import probe_module

ROOT = Path(__file__).resolve().parents[2]
#: (file, name): caches that hold no release data, with the reason.
ALLOWED = {
    ("data/db.py", "_SQL_CACHE"): "the text of the data/sql files (code, not release data)",
    ("web/compression.py", "cache"): "flask-compress's cache of compressed static assets",
    ("web/compression.py", "cache_key"): "flask-compress's cache of compressed static assets",
    ("web/compression.py", "AssetCache"): "flask-compress's cache of compressed static assets",
    ("data/db.py", "_KEPT"): "the loaded kept releases themselves (their DuckDB databases, at most "
                             "KEPT_LOADED), which the memo keys on; not answers",
    ("web/health.py", "_checked"): "the verdict on the served release's files as they are on disk, "
                                   "keyed by their stat signature (a check of the disk, not an "
                                   "answer from the release; one entry)",
}


def app_files() -> list[Path]:
    files = [ROOT / "app.py"]
    for top in ("pages", "components", "data", "web"):
        files += sorted((ROOT / top).rglob("*.py"))
    return [p for p in files if p.relative_to(ROOT).parts[:2] != ("data", "pipeline")
            and p.relative_to(ROOT).as_posix() != "data/memo.py"]


def _dotted(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return _dotted(node.func)
    return ""


def _empty_mapping(node) -> bool:
    return (isinstance(node, ast.Dict) and not node.keys) or (
        isinstance(node, ast.Call) and _dotted(node.func).split(".")[-1] in {"dict", "OrderedDict"}
        and not node.args)


def offenders(path: Path) -> list[str]:
    rel = path.relative_to(ROOT).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    module_dicts = set()
    for node in tree.body:
        targets = (node.targets if isinstance(node, ast.Assign) else
                   [node.target] if isinstance(node, ast.AnnAssign) and node.value else [])
        if targets and _empty_mapping(node.value):
            module_dicts |= {t.id for t in targets if isinstance(t, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) or isinstance(node, (ast.Attribute, ast.Name)):
            name = _dotted(node)
            if name.split(".")[-1] in {"lru_cache", "cache"} and name in {
                    "lru_cache", "cache", "functools.lru_cache", "functools.cache"}:
                out.append(f"{rel}:{node.lineno}: {name}")
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Attribute) and "cache" in t.attr.lower() \
                        and (rel, t.attr) not in ALLOWED:
                    out.append(f"{rel}:{node.lineno}: {_dotted(t)} used as a cache")
        if isinstance(node, ast.ClassDef) and "cache" in node.name.lower() \
                and (rel, node.name) not in ALLOWED:
            out.append(f"{rel}:{node.lineno}: class {node.name}")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            src = ast.unparse(node)
            looks_at_release = "release_id" in src or "release()" in src
            for sub in ast.walk(node):
                if isinstance(sub, ast.Subscript) and isinstance(sub.ctx, ast.Store) \
                        and isinstance(sub.value, ast.Name) and sub.value.id in module_dicts:
                    name = sub.value.id
                    if (rel, name) in ALLOWED:
                        continue
                    if looks_at_release or "cache" in name.lower():
                        out.append(f"{rel}:{sub.lineno}: module-level dict {name} filled "
                                   f"per release in {node.name}()")
    return sorted(set(out))


def test_the_memo_is_the_only_per_release_cache():
    found = [o for p in app_files() for o in offenders(p)]
    assert found == [], ("use data.memo.per_release instead of a hand-made cache:\n"
                         + "\n".join(found))


def test_the_meta_test_sees_the_caches_it_forbids():
    with probe_module("data", (
        "import functools\nfrom data import db\n_BY = {}\n\n"
        "@functools.lru_cache(maxsize=4)\ndef a():\n    return 1\n\n"
        "def b():\n    rid = db.release().release_id\n    _BY[rid] = 1\n    return _BY[rid]\n\n"
        "def c():\n    return 1\n\nc.cache = {}\n\nclass _QueryCache:\n    pass\n")) as bad:
        found = offenders(bad)
    assert len(found) == 4, found
