"""Malformed source data is rejected with a precise file:row:column message and nothing is written.

Each case copies the mini source set, breaks one thing, runs the pipeline command into a directory
that already holds a good release, and checks the message, the exit status and that the previous
release (CURRENT and every file) is byte-for-byte unchanged.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from data.pipeline.__main__ import main

FINNGEN_2024 = "FIN,fin_finngen,2024,genotyped"  # a line of genome_counts.csv
FINNGEN_URL = "https://www.finngen.fi/en/results-based-full-finngen-cohort-500000-participants-released"


def _tree_hash(d: Path) -> dict[str, str]:
    return {str(p.relative_to(d)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(d.rglob("*")) if p.is_file()}


@pytest.fixture
def workspace(release_factory):
    rel = release_factory("bad-input")
    return rel.sources, rel.out


def _replace_line(path: Path, lineno: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[lineno - 1], f"{old!r} not on line {lineno}: {lines[lineno - 1][:120]}"
    lines[lineno - 1] = lines[lineno - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {path.name}")


def _break(path: Path, needle: str, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` on the line of ``path`` holding ``needle``; return its number."""
    n = _line_of(path, needle)
    _replace_line(path, n, old, new)
    return n


def _run_bad(src, out, capsys) -> str:
    before = _tree_hash(out)
    code = main(["--sources", str(src), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "nothing was written" in err
    assert _tree_hash(out) == before, "the previous release must be untouched"
    return err


#: One line broken in one file -> the messages expected, at that line's number ``{n}``.
GC = "genome_counts.csv"
BROKEN_LINES = [
    pytest.param("countries.csv", "FIN,FI,Finland", "FIN,FI,Finland", "FXX,FI,Finland",
                 ["countries.csv:{n}:iso3: 'FXX' is not an ISO 3166-1 alpha-3 code"],
                 id="unknown_iso_code"),
    pytest.param(GC, FINNGEN_2024, "FIN,fin_finngen,2024,", "FIN,fin_finngen,late 2024,",
                 [("genome_counts.csv:{n}:as_of_date: 'late 2024' is not a date as YYYY, YYYY-MM or "
                   "YYYY-MM-DD")], id="unparseable_date"),
    pytest.param(GC, "FIN,fin_finngen,2023-01,", "2023-01", "2018-13",
                 ["genome_counts.csv:{n}:as_of_date: '2018-13' is an impossible date (month 13)"],
                 id="impossible_date"),
    pytest.param(GC, ",500348,", ",500348,", ",-500348,",
                 ["genome_counts.csv:{n}:value: '-500348' is negative"], id="negative_count"),
    pytest.param(GC, ",500348,", ",500348,", ",about half a million,",
                 ["genome_counts.csv:{n}:value: 'about half a million' is not a whole number"],
                 id="non_numeric_count"),
    pytest.param(GC, ",500348,", FINNGEN_URL, "",
                 [("genome_counts.csv:{n}:source_url: is empty; at least one http(s) source URL is "
                   "required")], id="missing_source_url"),
    pytest.param(GC, ",500348,", FINNGEN_URL, "FinnGen website",
                 ["genome_counts.csv:{n}:source_url: 'FinnGen website' is not an http(s) URL"],
                 id="source_that_is_not_a_url"),
    pytest.param(GC, FINNGEN_2024, "FIN,fin_finngen", "NZL,fin_finngen",
                 ["genome_counts.csv:{n}:country_iso3: 'NZL' does not name a row of countries.csv"],
                 id="dangling_country_reference"),
    pytest.param(GC, FINNGEN_2024, "FIN,fin_finngen", "FIN,fin_nosuchprogramme",
                 [("genome_counts.csv:{n}:initiative_id: 'fin_nosuchprogramme' does not name a row of "
                   "initiatives.csv")], id="dangling_initiative_reference"),
    pytest.param(GC, FINNGEN_2024, ",genotyped,", ",genotyped_ish,",
                 ["genome_counts.csv:{n}:metric: 'genotyped_ish' is not one of: wgs_sequenced"],
                 id="unknown_enum_value"),
    pytest.param("milestones.csv", "ICPerMed launched", ",ICPerMed launched,", ',"ICPerMed launched,',
                 ["milestones.csv:{n}:-: row", "double quote"], id="stray_quote_breaks_a_row"),
    pytest.param(GC, FINNGEN_2024, "FIN,fin_finngen,2024,", "FIN,fin_finngen,2099-01-01,",
                 ["genome_counts.csv:{n}:as_of_date: '2099-01-01' is in the future"],
                 id="as_of_date_in_the_future"),
]


@pytest.mark.parametrize("name, needle, old, new, expected", BROKEN_LINES)
def test_a_broken_line_is_reported_at_its_row(workspace, capsys, name, needle, old, new, expected):
    src, out = workspace
    n = _break(src / name, needle, old, new)
    err = _run_bad(src, out, capsys)
    for message in expected:
        assert message.format(n=n) in err


def test_duplicate_id(workspace, capsys):
    src, out = workspace
    f = src / "cohorts.csv"
    first = _line_of(f, "uk_biobank,")
    n = _line_of(f, "genomics_england_100kgp,")
    _replace_line(f, n, "genomics_england_100kgp,", "uk_biobank,")
    err = _run_bad(src, out, capsys)
    assert f"cohorts.csv:{n}:cohort_id: duplicate id 'uk_biobank' (first on row {first})" in err


def test_latitude_out_of_range(workspace, capsys):
    src, out = workspace
    f = src / "infrastructures.csv"
    lines = f.read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines, 1) if i > 1 and ",60.1" in line)
    _replace_line(f, n, ",60.1", ",160.1")
    err = _run_bad(src, out, capsys)
    assert f"infrastructures.csv:{n}:lat: '160.1" in err and "latitude must be within -90..90" in err


def test_missing_column(workspace, capsys):
    src, out = workspace
    f = src / "milestones.csv"
    text = f.read_text(encoding="utf-8").replace("date,title,description,source_url",
                                                 "date,title,description", 1)
    f.write_text(text, encoding="utf-8")
    err = _run_bad(src, out, capsys)
    assert "milestones.csv:1:-: missing column(s): source_url" in err


def test_extra_column(workspace, capsys):
    src, out = workspace
    f = src / "standards.csv"
    lines = f.read_text(encoding="utf-8").split("\n")
    lines[0] += ",comment"
    f.write_text("\n".join(lines), encoding="utf-8")
    err = _run_bad(src, out, capsys)
    assert "standards.csv:1:-: unexpected column(s): comment" in err


def test_empty_file(workspace, capsys):
    src, out = workspace
    (src / "calls.csv").write_text("", encoding="utf-8")
    err = _run_bad(src, out, capsys)
    assert "calls.csv:1:-: file is empty" in err


def test_non_utf8_bytes(workspace, capsys):
    src, out = workspace
    f = src / "countries.csv"
    raw = f.read_bytes().replace(b"Finland", "Finl\xe4nd".encode("latin-1"), 1)
    f.write_bytes(raw)
    n = raw[: raw.index(b"Finl\xe4nd")].count(b"\n") + 1
    err = _run_bad(src, out, capsys)
    assert f"countries.csv:{n}:-: not valid UTF-8 (byte 0xe4" in err


def test_all_problems_are_reported_at_once(workspace, capsys):
    src, out = workspace
    n = _break(src / "genome_counts.csv", ",500348,", ",500348,", ",-1,")
    (src / "calls.csv").write_text("", encoding="utf-8")
    m = _break(src / "countries.csv", "FIN,FI,Finland", "FIN,FI,Finland", "FXX,FI,Finland")
    err = _run_bad(src, out, capsys)
    assert f"genome_counts.csv:{n}:value:" in err
    assert "calls.csv:1:-: file is empty" in err
    assert f"countries.csv:{m}:iso3:" in err


# Source quality (data/pipeline/provenance.py, data/sources/source_domains.csv)

@pytest.mark.parametrize("url, message", [
    pytest.param("https://en.wikipedia.org/wiki/FinnGen",
                 "rests only on secondary sources: en.wikipedia.org (encyclopedia)",
                 id="row_citing_only_a_secondary_source"),
    pytest.param("https://news.example-unclassified.org/finngen",
                 "domain 'news.example-unclassified.org' is not classified; add it to source_domains.csv",
                 id="url_whose_domain_is_not_classified"),
])
def test_source_url_refused(workspace, capsys, url, message):
    src, out = workspace
    n = _break(src / "genome_counts.csv", ",500348,", FINNGEN_URL, url)
    err = _run_bad(src, out, capsys)
    assert f"genome_counts.csv:{n}:source_url: {message}" in err


def test_secondary_source_beside_a_primary_one_is_accepted_and_named_last(release_factory):
    import pyarrow.parquet as pq

    wiki = "https://en.wikipedia.org/wiki/FinnGen"
    rel = release_factory("secondary-beside-primary", edits={"genome_counts": lambda rows: [
        {**r, "source_url": f"{wiki};{r['source_url']}"} if r["value"] == "500348" else r
        for r in rows]})
    gc = pq.read_table(rel.release_dir / "genome_counts.parquet").to_pylist()
    assert next(r for r in gc if r["value"] == 500348)["source_urls"] == [FINNGEN_URL, wiki]
    refs = pq.read_table(rel.release_dir / "source_refs.parquet").to_pylist()
    assert {r["source_class"] for r in refs if r["url"] == wiki} == {"secondary"}




@pytest.mark.parametrize("url", ["http://101.37.83.79/finngen", "http://47.251.13.51:8081/28832569",
                                 "https://[2001:db8::1]:8443/finngen"])
def test_url_with_a_bare_ip_host(workspace, capsys, url):
    src, out = workspace
    n = _break(src / "genome_counts.csv", ",500348,", FINNGEN_URL, url)
    err = _run_bad(src, out, capsys)
    assert f"genome_counts.csv:{n}:source_url: '{url}' has a bare IP address as host" in err


def test_domains_match_case_www_trailing_dot_and_port_insensitively(release_factory):
    variant = FINNGEN_URL.replace("https://www.finngen.fi/", "https://WWW.FinnGen.fi.:443/")
    rel = release_factory("domain-forms", edits={"genome_counts": lambda rows: [
        {**r, "source_url": variant} if r["value"] == "500348" else r for r in rows]})
    import pyarrow.parquet as pq

    refs = pq.read_table(rel.release_dir / "source_refs.parquet").to_pylist()
    assert {(r["domain"], r["source_class"]) for r in refs if r["url"] == variant} == {
        ("finngen.fi", "primary")}


def test_domain_table_needs_a_kind_for_a_secondary_domain(workspace, capsys):
    src, out = workspace
    n = _break(src / "source_domains.csv", "en.wikipedia.org,", "secondary,encyclopedia",
               "secondary,")
    err = _run_bad(src, out, capsys)
    assert f"source_domains.csv:{n}:secondary_kind: a secondary domain needs its kind" in err


def test_domain_table_rejects_an_unknown_class(workspace, capsys):
    src, out = workspace
    n = _break(src / "source_domains.csv", "finngen.fi,", "finngen.fi,primary", "finngen.fi,blog")
    err = _run_bad(src, out, capsys)
    assert f"source_domains.csv:{n}:source_class: 'blog' is not one of: primary, official" in err
