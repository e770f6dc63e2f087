"""The release catalogue (sources, changes, citation) and the Data & sources page built from it."""
from __future__ import annotations

import json

import pytest

from data import db
from data.queries import catalog


def test_every_cited_url_is_counted_once_per_row(mini_data):
    refs = catalog.source_refs()
    assert not refs.duplicated(["source_table", "row_key", "url"]).any()
    assert set(refs.source_table) <= set(catalog.SOURCE_TABLES)
    assert (refs.domain != "").all() and not refs.domain.str.startswith("www.").any()


def test_publisher_is_the_registrable_domain_and_code_hosts_split_by_owner(mini_data):
    refs = catalog.source_refs()
    pub = dict(zip(refs.domain, refs.publisher))
    assert pub.get("digital-strategy.ec.europa.eu") == "europa.eu"
    assert pub.get("genomicsengland.co.uk") == "genomicsengland.co.uk"
    gh = refs[refs.domain == "github.com"]
    assert len(gh) and all(p.startswith("github.com/") for p in gh.publisher)


def test_sources_by_publisher_add_up_to_the_references(mini_data):
    refs = catalog.source_refs()
    by_pub = catalog.sources("publisher")
    assert by_pub.n_urls.sum() == refs.url.nunique()
    # most-cited first, the publishers that are only secondary after all the others
    secondary = by_pub.source_class == "secondary"
    assert secondary.tolist() == sorted(secondary)
    for part in (by_pub[~secondary], by_pub[secondary]):
        assert part.n_rows.tolist() == sorted(part.n_rows, reverse=True)
    for r in by_pub.head(5).to_dict("records"):
        assert sum(r["rows_by_table"].values()) == r["n_rows"]


def test_sources_filtered_by_table_and_text(mini_data):
    only = catalog.sources("domain", tables=("cohorts",))
    assert only.tables.map(lambda t: t == ["cohorts"]).all()
    hits = catalog.sources("url", q="FinnGen")
    assert len(hits) and hits.name.str.lower().str.contains("finngen").all()
    assert catalog.sources("publisher", q="no-such-publisher-anywhere").empty
    with pytest.raises(ValueError):
        catalog.sources("country")


def test_source_totals(mini_data):
    t = catalog.source_totals()
    assert t["urls"] <= t["references"] and t["publishers"] <= t["domains"] <= t["urls"]


def test_citation_names_the_release_and_its_build_date(mini_data):
    from data.queries.release import release_info

    info = release_info()
    c = catalog.citation(info, "https://atlas.example.org/")
    assert info["release_id"] in c["text"] and info["built_date"] in c["text"]
    assert c["url"] == "https://atlas.example.org/data"
    assert c["bibtex"].startswith("@misc{") and info["release_id"] in c["bibtex"]


def test_release_without_a_changes_table_has_no_changes_not_zero(mini_built, tmp_path,
                                                                   use_release):
    import shutil

    out = tmp_path / "built"
    shutil.copytree(mini_built, out)
    rid = (out / "CURRENT").read_text().strip()
    mpath = out / "releases" / rid / "manifest.json"
    m = json.loads(mpath.read_text())
    m.pop("changes", None)
    m["tables"].pop("release_changes", None)
    mpath.write_text(json.dumps(m))
    use_release(out)
    assert catalog.change_counts() is None
    df = catalog.release_changes()
    assert df.empty and list(df.columns) == catalog.CHANGE_COLUMNS


def test_table_frame_refuses_names_outside_the_allow_list(mini_data):
    assert len(catalog.table_frame("cohorts")) == db.manifest()["tables"]["cohorts"]["rows"]
    for bad in ("secrets", "cohorts; DROP TABLE cohorts", "../manifest"):
        with pytest.raises(KeyError):
            catalog.table_frame(bad)


# --- the page -------------------------------------------------------------------------------

@pytest.fixture
def data_page(mini_data):
    import app  # noqa: F401  (registers the pages)
    import pages.data as page

    return page


def _text(component) -> str:
    """All text in a Dash component tree."""
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return "".join(_text(c) for c in component)
    parts = [_text(getattr(component, "children", None))]
    if type(component).__name__ == "Markdown":
        parts.append(str(component.children))
    return " ".join(parts)


def test_layout_runs_no_query(data_page, monkeypatch):
    def boom(*a, **k):
        raise AssertionError("layout ran a query")

    monkeypatch.setattr(db, "query", boom)
    monkeypatch.setattr(db, "manifest", boom)
    tree = data_page.layout()
    text = _text(tree)
    assert "never summed" in text and "Known conflicts and gaps" in text
    assert "/api/v1/cohorts" in text


def test_page_fill_shows_release_tables_sources_and_citation(data_page):
    out = data_page.fill(1)
    release_body, changes_body = out["release"], out["changes"]
    sources_body, cite_body = out["sources"], out["cite"]
    m = db.manifest()
    text = _text(release_body)
    assert m["release_id"] in text and "cohorts" in text and f"{m['tables']['cohorts']['rows']:,}" in text
    assert "first release" in _text(changes_body)
    assert "europa.eu" in _text(sources_body)
    assert m["release_id"] in _text(cite_body) and m["built_at"][:10] in _text(cite_body)


def test_changes_block_lists_counts_and_rows():
    from pages._data_changes import changes_block

    counts = {"cohorts": {"added": 1, "changed": 1, "removed": 0},
              "countries": {"added": 0, "changed": 0, "removed": 0}}
    rows = [{"table": "cohorts", "key": "new_one", "change": "added", "changed_columns": []},
            {"table": "cohorts", "key": "old_one", "change": "changed",
             "changed_columns": ["participants", "size_band"]}]
    text = _text(changes_block(counts, "abc123def456", rows))
    assert "abc123def456" in text and "2 rows differ" in text
    assert "new\\_one" in text or "new_one" in text
    assert "participants, size\\_band" in text


def test_method_and_conflict_notes_are_split_into_sections():
    from pages._data_sections import markdown_sections

    methods = dict(markdown_sections("data-methods"))
    assert set(methods) == {"What the figures mean", "How derived figures are computed"}
    conflicts = [t for t, _ in markdown_sections("known-conflicts-and-gaps")]
    assert conflicts[0] == "" and "Conflicts between sources" in conflicts


def test_data_page_lists_corrections_classes_groups_and_falling_series(real_data):
    """Release 2 against release 1: corrections read old value -> new value (issue 13)."""
    import app  # noqa: F401  (registers the pages)
    import pages.data as page

    changes_body = page.fill(1)["changes"]
    text = _text(changes_body)
    assert "`bbc16548213c` (count\\_basis) — count\\_basis: cumulative → proxy" in text
    by_class = catalog.figures_by_source_class()
    assert list(by_class) == ["primary", "official", "scholarly", "news", "secondary"]
    assert by_class["secondary"] == 0  # no figure rests on a secondary source alone
    assert f"Primary publisher or programme: {by_class['primary']:,}" in text
    assert "**EU\\-27** (27)" in text
    assert "**Signatories of the 1\\+MG declaration** (27)" in text
    assert "Austria \\(from 2018\\-09\\-01\\)" in text  # a signing month counts from its first day
    assert "No programme's cumulative figures fall over time in this release." in text
