"""components/urls.py builds every internal URL; a meta-test keeps hand-made ones out."""
from __future__ import annotations

import ast
from pathlib import Path

from components import urls
from components.url_state import Param, Spec
from tests.probe import probe_module

ROOT = Path(__file__).resolve().parents[2]
#: The paths only components/urls.py may write.
PATTERNS = ("/country/", "/cohorts?", "/downloads/", "/api/v1")


def test_country_profile_and_data_page():
    assert urls.country("FIN") == "/country/FIN"
    assert urls.data_page() == "/data"
    assert urls.data_page("data-api") == "/data#data-api"


def test_cohort_search_holds_only_given_values_in_a_stable_order():
    assert urls.cohorts() == "/cohorts"
    assert urls.cohorts({"country": "FIN"}) == "/cohorts?country=FIN"
    assert urls.cohorts({"country": ["FIN", "DNK"], "q": "", "kind": None,
                         "data_type": ("wgs",)}) == "/cohorts?country=FIN,DNK&data_type=wgs"


def test_cohort_search_through_a_page_spec_leaves_defaults_out():
    spec = Spec((Param("country", "multi", [], choices=("FIN", "DNK")),
                 Param("sort", "choice", "name_asc", choices=("name_asc", "name_desc"))))
    assert urls.cohorts({"country": ["DNK"], "sort": "name_asc"}, spec=spec) == \
        "/cohorts?country=DNK"
    assert urls.cohorts({"sort": "name_desc"}, spec=spec) == "/cohorts?sort=name_desc"
    assert spec.to_search({"country": ["FIN", "DNK"]}) == "?country=FIN,DNK"


def test_downloads():
    assert urls.download("latest", "cohorts.csv") == "/downloads/latest/cohorts.csv"
    assert urls.table_download("abc123", "countries", "parquet") == \
        "/downloads/abc123/countries.parquet"
    assert urls.bundle("latest") == "/downloads/latest/bundle.zip"
    assert urls.note("SOURCES-cohorts") == "/downloads/notes/SOURCES-cohorts.md"
    assert urls.downloads("r1", ["a"]) == {
        "bundle": "/downloads/r1/bundle.zip",
        "tables": {"a": {"csv": "/downloads/r1/a.csv", "parquet": "/downloads/r1/a.parquet"}}}


def test_api_paths_and_parameters():
    assert urls.api() == "/api/v1"
    assert urls.api("/openapi.json") == "/api/v1/openapi.json"
    assert urls.api("/sources", format="csv", limit=500) == "/api/v1/sources?format=csv&limit=500"
    assert urls.api("/countries", {"eu_member": True}) == "/api/v1/countries?eu_member=true"
    assert urls.api("/cohorts", q="a&b c") == "/api/v1/cohorts?q=a%26b+c"


# --- meta-test --------------------------------------------------------------------------------

def app_files() -> list[Path]:
    files = [ROOT / "app.py"]
    for top in ("pages", "components", "web", "data/queries"):
        files += sorted((ROOT / top).rglob("*.py"))
    return [p for p in files if p.relative_to(ROOT).as_posix() != "components/urls.py"]


def _text(node) -> str:
    """The literal text of a str constant, f-string (placeholders as {}) or ``+``/``%`` chain."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_text(v) if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _text(node.left) + "{}" + _text(node.right)
    return ""


def hand_made_urls(path: Path) -> list[str]:
    rel = path.relative_to(ROOT).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = set()  # the route declarations of the pages themselves
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                node.func, "id", "")) == "register_page":
            allowed |= {id(k.value) for k in node.keywords}
    out = []
    for node in ast.walk(tree):
        if id(node) in allowed:
            continue
        built = isinstance(node, (ast.JoinedStr, ast.BinOp)) or (
            isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format")
        if isinstance(node, ast.Call) and built:
            node = node.func.value
        text = _text(node)
        if not text:
            continue
        if (built and any(p in text for p in PATTERNS)) or text.startswith(PATTERNS):
            out.append(f"{rel}:{node.lineno}")
    return sorted(set(out))  # one entry per line


def test_internal_urls_are_built_only_by_components_urls():
    found = [o for p in app_files() for o in hand_made_urls(p)]
    assert found == [], "build these with components.urls:\n" + "\n".join(found)


def test_the_meta_test_sees_hand_made_urls():
    text = ('iso3 = "FIN"\na = f"/country/{iso3}"\nb = "/downloads/" + iso3\n'
            'c = "/api/v1/sources?format=csv"\nd = "/cohorts?country={}".format(iso3)\n'
            'e = "see /api/v1/x" % ()\nok = "A docstring that names /country/<ISO3>."\n')
    with probe_module("pages", text) as probe:
        found = hand_made_urls(probe)
    assert len(found) == 5, found
