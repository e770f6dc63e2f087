"""The one cache policy (data/memo.py): answers memoised per data release, never stale."""
from __future__ import annotations

import shutil
import threading

import pandas as pd
import pytest

from data import db, memo


@pytest.fixture(scope="module")
def two_releases(mini_built, tmp_path_factory):
    """A data directory holding the mini release (``old``, 7 countries) and a rebuild with three
    countries (``new``); CURRENT names ``old``."""
    from data.pipeline.build import build
    from tests.conftest import SOURCES
    from tests.fixtures.mini import make_mini_sources

    tmp = tmp_path_factory.mktemp("two-releases")
    out = tmp / "built"
    shutil.copytree(mini_built, out)
    old = (out / "CURRENT").read_text().strip()
    src = make_mini_sources(SOURCES, tmp / "src", countries=("FIN", "DNK", "SWE"))
    new = build(src, out)["release_id"]
    (out / "CURRENT").write_text(old + "\n")
    return out, old, new


@pytest.fixture
def switchable(two_releases, monkeypatch):
    out, old, new = two_releases
    (out / "CURRENT").write_text(old + "\n")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(out))
    monkeypatch.setattr(db, "RELOAD_SECONDS", 0.0)
    db.reset()

    def make_current(rid: str) -> None:
        (out / "CURRENT").write_text(rid + "\n")
        db._State.checked_at = 0.0  # the next call looks at CURRENT again
        assert db.release().release_id == rid

    yield make_current, old, new
    db.reset()


def _same(a, b) -> bool:
    if isinstance(a, (pd.DataFrame, pd.Series)):
        return isinstance(b, type(a)) and a.equals(b)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(map(_same, a, b))
    return a == b


def _calls() -> dict:
    """Arguments to call every memoised function of the app with (name -> args factory)."""
    import app  # noqa: F401  (imports every page and web module, so REGISTRY is complete)
    from data.queries import cohorts

    rid = lambda: db.release().release_id  # noqa: E731
    return {
        "data.queries.country_profile.codes": lambda: (),
        "data.queries.country_profile.country_index": lambda: (),
        "data.queries.country_profile.signatory_median_progress": lambda: (),
        "data.queries.infra.facets": lambda: (),
        "data.queries.funding.facets": lambda: (),
        "data.queries.api.codes": lambda: (),
        "data.queries.cohorts.summary": lambda: (cohorts.CohortFilters(),),
        "pages._country_state.spec": lambda: (),
        "web.downloads.csv_bytes": lambda: (rid(), "countries"),
        "web.downloads._bundle": lambda: (rid(), "http://localhost"),
        "data.publication.coverage": lambda: (),
        "web.downloads.package_json": lambda: (rid(), "http://localhost", True),
        "web.catalog.serialised": lambda: ("http://localhost", "text/turtle"),
        "data.queries.projection.year_end_series": lambda: ("atlas",),
        "data.queries.projection.step_contributors": lambda: ("atlas",),
        "data.queries.first_paint.overview": lambda: ("wgs", None),
        "web.first_paint.rendition": lambda: ("/",),
    }


def _name(fn) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


def test_every_memoised_function_is_exercised_by_the_release_switch_test():
    calls = _calls()
    assert sorted(_name(f) for f in memo.REGISTRY) == sorted(calls)


def test_after_a_new_release_every_memoised_function_answers_for_the_new_release(switchable):
    make_current, old, new = switchable
    calls = _calls()
    before = {}
    for fn in memo.REGISTRY:
        args = calls[_name(fn)]()
        before[_name(fn)] = fn(*args)
        assert _same(fn(*args), before[_name(fn)])  # second call: from the memo
    make_current(new)
    differs = 0
    for fn in memo.REGISTRY:
        args = calls[_name(fn)]()
        got = fn(*args)
        assert _same(got, fn.uncached(*args)), _name(fn)
        differs += not _same(got, before[_name(fn)])
    # the new release has 3 countries instead of 7: most answers must change
    assert differs >= len(memo.REGISTRY) - 2
    make_current(old)
    from data.queries import country_profile

    assert len(country_profile.codes()) == 7


def test_query_results_follow_the_new_release(switchable):
    from data.queries import countries

    make_current, old, new = switchable
    assert len(countries.country_summary()) == 7
    make_current(new)
    assert len(countries.country_summary()) == 3


def test_callers_get_private_copies(mini_data):
    from data.queries import country_profile, infra

    a = country_profile.codes()
    a.loc[:, "name"] = "changed"
    assert "changed" not in set(country_profile.codes().name)
    f = infra.facets()
    f["kinds"].append("not a kind")
    assert "not a kind" not in infra.facets()["kinds"]


def test_unhashable_arguments_are_computed_not_cached(mini_data):
    calls = []

    @memo.per_release
    def f(x):
        calls.append(x)
        return len(x)

    memo.REGISTRY.remove(f)
    assert f([1, 2]) == 2 and f([1, 2]) == 2 and len(calls) == 1  # lists are frozen to tuples
    assert f({1, 2}) == 2 and f({1, 2}) == 2 and len(calls) == 3  # a set cannot be hashed
    frame = pd.DataFrame({"a": [1]})
    assert f(frame) == 1 and f(frame) == 1 and len(calls) == 5


def test_the_memo_is_bounded_and_off_when_the_size_is_zero(mini_data, monkeypatch):
    n = []

    @memo.per_release(size=2)
    def g(x):
        n.append(x)
        return x

    memo.REGISTRY.remove(g)
    for x in (1, 2, 3, 1):
        g(x)
    assert n == [1, 2, 3, 1]  # 1 was dropped when 3 came in
    monkeypatch.setattr(memo, "SIZE", 0)
    g(3), g(3)
    assert n == [1, 2, 3, 1, 3, 3]


def test_concurrent_callers_all_get_the_answer(mini_data):
    from data.queries import country_profile

    want = country_profile.codes.uncached()
    got, errors = [], []

    def work():
        try:
            for _ in range(20):
                got.append(country_profile.codes())
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(got) == 80 and all(g.equals(want) for g in got)


def test_an_answer_keep_refuses_is_returned_but_computed_again(mini_data):
    own, n = memo.store(4), []

    def compute():
        n.append(1)
        return len(n)

    def ask():
        return memo.memoised("r", "f", (), compute, own, keep=lambda v: v >= 2)

    assert [ask(), ask(), ask()] == [1, 2, 2]  # 1 refused, 2 kept
    memo.clear()
    assert len(own) == 0 and ask() == 3
