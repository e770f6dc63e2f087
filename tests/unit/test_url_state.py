"""URL state: round trip, defaults omitted, bad values fall back with a notice (and never raise)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from components.url_state import Param, Spec

SPEC = Spec((
    Param("indicator", "choice", "wgs", choices=("wgs", "genotyped", "cohorts"), label="indicator"),
    Param("year", "int", 2025, lo=2018, hi=2025, label="year"),
    Param("country", "multi", [], choices=("FIN", "SWE", "DNK"), label="country"),
    Param("proxies", "bool", False),
    Param("q", "text", "", max_len=20, label="search text"),
))


def test_defaults_give_an_empty_query_string():
    assert SPEC.to_search(SPEC.defaults()) == ""


def test_only_non_default_values_reach_the_url_in_spec_order():
    state = SPEC.defaults() | {"year": 2020, "country": ["SWE", "FIN"], "proxies": True}
    assert SPEC.to_search(state) == "?year=2020&country=SWE,FIN&proxies=1"


def test_round_trip_restores_the_state():
    state = {"indicator": "cohorts", "year": 2019, "country": ["DNK"], "proxies": True, "q": "a b"}
    parsed, notes = SPEC.parse(SPEC.to_search(state))
    assert parsed == state and notes == []


def test_bad_values_fall_back_to_defaults_with_notices():
    parsed, notes = SPEC.parse({"indicator": "<script>", "year": "1990", "country": "FIN,XXX",
                                "proxies": "maybe", "zzz": "1"})
    assert parsed == SPEC.defaults() | {"country": ["FIN"]}
    text = " ".join(notes)
    assert "not a valid indicator" in text and "outside 2018–2025" in text
    assert "XXX" in text and "zzz" in text and "proxies" in text


def test_over_long_text_is_cut_and_control_characters_dropped():
    parsed, notes = SPEC.parse({"q": "x\x00" * 30})
    assert parsed["q"] == "x" * 20 and notes


WEIRD = st.one_of(st.none(), st.text(), st.integers(), st.booleans(), st.floats(allow_nan=True),
                  st.lists(st.one_of(st.text(), st.integers(), st.none()), max_size=200),
                  st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
                  st.sampled_from(["' OR 1=1 --", "<img src=x onerror=alert(1)>", "%00", "∞",
                                   "FIN," * 500, "../../etc/passwd"]))


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(["indicator", "year", "country", "proxies", "q", "other"]),
                       WEIRD, max_size=6))
def test_any_input_gives_a_valid_state_and_never_raises(raw):
    state, notes = SPEC.clean(raw)
    assert state["indicator"] in ("wgs", "genotyped", "cohorts")
    assert 2018 <= state["year"] <= 2025
    assert set(state["country"]) <= {"FIN", "SWE", "DNK"} and len(state["country"]) <= 50
    assert isinstance(state["proxies"], bool)
    assert isinstance(state["q"], str) and len(state["q"]) <= 20
    assert all(isinstance(n, str) and len(n) < 400 for n in notes)
    again, _ = SPEC.parse(SPEC.to_search(state))
    assert again == state


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_query_string_parses(qs):
    state, _ = SPEC.parse(qs)
    assert set(state) == set(SPEC.names)


def test_a_renamed_parameter_and_renamed_values_still_read_from_old_links():
    spec = Spec((Param("size_band", "multi", [], choices=("<1k", "≥1M"), aliases=("size",),
                       value_aliases=(("lt1k", "<1k"), ("ge1m", "≥1M"))),
                 Param("mode", "choice", "any", choices=("any", "all"), aliases=("m",)),
                 Param("country", "multi", [], choices=("FIN", "SWE"), upper=True)))
    new, notes = spec.parse("?size=lt1k,ge1m&m=all&country=fin")
    assert notes == [] and new == {"size_band": ["<1k", "≥1M"], "mode": "all", "country": ["FIN"]}
    assert spec.to_search(new) == "?size_band=%3C1k,%E2%89%A51M&mode=all&country=FIN"
    assert spec.parse(spec.to_search(new)) == (new, [])
    assert spec.parse("?m=all&mode=any")[0]["mode"] == "any"  # the current name wins
    assert "huge" in spec.parse("?size=huge")[1][0]
