"""A walk over every page and the API (issue 13): no list of sources names a secondary-class
source (mirror, content farm, document-sharing site...) first or alone, and no served URL has a
bare IP host.

The walk runs on a fixture release in which one figure cites a secondary source next to its
primary one, written FIRST in the CSV (the pipeline must put it second), so the checks can fail;
and once on the committed release.
"""
from __future__ import annotations

import csv
import json
import re
import urllib.request
from urllib.parse import urlsplit

import pytest

from data.sourcing import host_of, is_ip
from tests.browser.conftest import (
    BROWSER_COUNTRIES,
    ROOT,
    start_server,
    stop_server,
    wait_for_dash,
)

PAGES = ("/", "/countries", "/country/GBR", "/country/FIN", "/country/DNK", "/cohorts",
         "/infrastructures", "/funding", "/challenges", "/data")
#: The fixture's secondary source, cited (first) by the UK's 100,000th-genome figure.
SECONDARY_URL = "https://5dok.net/document/fixture-copy-of-the-100000-genomes-announcement"
FIGURE_ID = "d902ecec6247"


def _classes() -> dict[str, str]:
    with open(ROOT / "data" / "sources" / "source_domains.csv", encoding="utf-8", newline="") as f:
        return {r["domain"]: r["source_class"] for r in csv.DictReader(f)}


CLASSES = _classes()


def _secondary_first(rows):
    for r in rows:
        if r["figure_id"] == FIGURE_ID:
            r["source_url"] = f"{SECONDARY_URL};{r['source_url']}"
    return rows


@pytest.fixture(scope="module")
def walk_base_url(release_factory):
    """A server on the fixture release (``BROWSER_COUNTRIES``) with the secondary source added."""
    rel = release_factory("source-walk", countries=BROWSER_COUNTRIES,
                          edits={"genome_counts": _secondary_first})
    proc, base = start_server({"ATLAS_DATA_DIR": str(rel.out)})
    yield base
    stop_server(proc)


def _bad_list(urls: list[str]) -> str | None:
    """Why a list of source URLs (in the order shown) is wrong, or None."""
    classes = [CLASSES.get(host_of(u), "unclassified") for u in urls if u.startswith("http")]
    if classes and classes[0] in ("secondary", "unclassified"):
        return f"{'alone' if len(classes) == 1 else 'first'}: {urls}"
    return None


_DOM = """() => {
  const lists = [], parents = new Set();
  // a list of sources: the source links (a.source-link) of one element, or of one <ol>/<ul>
  // whose items hold them
  const holder = a => a.parentElement.closest('li') ? a.parentElement.closest('ol, ul') : a.parentElement;
  document.querySelectorAll('a.source-link[href^="http"]').forEach(a => parents.add(holder(a)));
  parents.forEach(p => lists.push([...p.querySelectorAll('a.source-link[href^="http"]')]
    .filter(a => holder(a) === p).map(a => a.href)));
  const urls = [...document.querySelectorAll('[href],[src]')].map(e => e.href || e.src || '');
  const hovers = [];
  document.querySelectorAll('.js-plotly-plot').forEach(g => (g.data || []).forEach(t =>
    [t.hovertext, t.text].forEach(x => (Array.isArray(x) ? x : [x]).forEach(s => {
      if (typeof s === 'string') hovers.push(s); }))));
  return {lists, urls, hovers};
}"""


def _walk_pages(page, base: str) -> tuple[list[str], list[list[str]]]:
    problems, lists = [], []
    for path in PAGES:
        page.goto(base + path)
        wait_for_dash(page)
        got = page.evaluate(_DOM)
        lists += got["lists"]
        for urls in got["lists"]:
            if (why := _bad_list(urls)):
                problems.append(f"{path}: source links {why}")
        for u in got["urls"]:
            if u.startswith("http") and not u.startswith(base) and is_ip(host_of(u)):
                problems.append(f"{path}: bare IP host in {u}")
        for text in got["hovers"]:
            for m in re.finditer(r"Sources: ([^<]+)", text):
                doms = [d.strip() for d in m.group(1).split(",") if "." in d]
                if doms and CLASSES.get(doms[0].removeprefix("www."), "") == "secondary":
                    problems.append(f"{path}: hover names {doms[0]} first: {m.group(0)}")
    return problems, lists


def _get(url: str):
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read())


def _url_lists(obj, key: str = ""):
    """Every list of URL strings in a JSON answer, with its key; and every URL string."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _url_lists(v, k)
    elif isinstance(obj, list):
        if obj and all(isinstance(x, str) and x.startswith("http") for x in obj):
            yield key, obj
        else:
            for x in obj:
                yield from _url_lists(x, key)
    elif isinstance(obj, str) and obj.startswith("http"):
        yield key, [obj]


def _walk_api(base: str) -> tuple[list[str], dict]:
    """Every GET endpoint of the OpenAPI document (path parameters: GBR, the release id)."""
    spec = _get(base + "/api/v1/openapi.json")
    release = _get(base + "/api/v1/release")
    rid = release.get("release_id") or release.get("data", {}).get("release_id", "")
    problems, answers = [], {}
    for path, ops in spec["paths"].items():
        if "get" not in ops:
            continue
        url = re.sub(r"\{(iso3|country[a-z_]*)\}", "GBR", path)
        url = re.sub(r"\{release[a-z_]*\}", rid, url)
        if "{" in url:
            continue
        full = base + (url if url.startswith("/api/") else "/api/v1" + url)
        try:
            body = _get(full)
        except urllib.error.HTTPError as e:
            problems.append(f"{full}: HTTP {e.code}")
            continue
        answers[url] = body
        for key, urls in _url_lists(body):
            urls = [u for u in urls if not u.startswith(base)]  # paging links to this server
            if any(is_ip(host_of(u)) for u in urls):
                problems.append(f"{url}: bare IP host in {key}: {urls}")
            if "source" in key and (why := _bad_list(urls)):
                problems.append(f"{url}: {key} {why}")
    return problems, answers


def test_the_walk_can_fail_a_list_with_a_secondary_source_first():
    assert _bad_list([SECONDARY_URL, "https://www.genomicsengland.co.uk/x"])
    assert _bad_list([SECONDARY_URL])
    assert _bad_list(["http://101.37.83.79/x"])  # an IP host is never classified
    assert _bad_list(["https://www.genomicsengland.co.uk/x", SECONDARY_URL]) is None


def test_no_page_or_api_answer_names_a_secondary_source_first_on_the_fixture(page, walk_base_url):
    problems, lists = _walk_pages(page, walk_base_url)
    api_problems, answers = _walk_api(walk_base_url)
    assert problems + api_problems == [], "\n".join(problems + api_problems)
    # the fixture's secondary source is shown, second, on the UK's profile and in the API
    shown = [ls for ls in lists if any(urlsplit(u).hostname == "5dok.net" for u in ls)]
    assert shown and all(host_of(ls[0]) != "5dok.net" for ls in shown)
    cited = [urls for _, urls in _url_lists(answers) if SECONDARY_URL in urls]
    assert cited and all(urls[0] != SECONDARY_URL for urls in cited)


def test_no_page_or_api_answer_names_a_secondary_source_first_on_the_committed_release(
        page, real_base_url):
    problems, _ = _walk_pages(page, real_base_url)
    api_problems, answers = _walk_api(real_base_url)
    assert len(answers) >= 5, sorted(answers)
    assert problems + api_problems == [], "\n".join(problems + api_problems)
