"""web/fast_json.py writes Dash's answers byte for byte as plotly's encoder does, faster."""
from __future__ import annotations

import datetime as dt
import decimal
import json

import numpy as np
import pandas as pd
import pytest
from dash import dcc, html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plotly import graph_objects as go
from plotly.io.json import to_json_plotly

from web import fast_json

FLOATS = st.floats(allow_nan=True, allow_infinity=True)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**15, 10**15), FLOATS, st.text(max_size=12),
    st.sampled_from(["</script>", "a/b", "\u2028", "<b>&"]),
    st.dates(), st.datetimes(),
    st.builds(np.float64, FLOATS), st.builds(np.int64, st.integers(-10**12, 10**12)),
    st.builds(np.bool_, st.booleans()),
    st.builds(lambda d: np.datetime64(d, "D"), st.dates()),
    st.builds(pd.Timestamp, st.datetimes(min_value=dt.datetime(1900, 1, 1))),
    st.sampled_from([pd.NA, pd.NaT]),
    st.builds(lambda f: decimal.Decimal(str(f)), st.floats(-1e6, 1e6)),
)
ARRAYS = st.one_of(
    st.lists(FLOATS, max_size=6).map(lambda xs: np.array(xs, dtype="float64")),
    st.lists(st.integers(-10**9, 10**9), max_size=6).map(lambda xs: np.array(xs, dtype="int64")),
    st.lists(st.booleans(), max_size=4).map(np.array),
    st.lists(st.dates(), max_size=4).map(lambda xs: np.array(xs, dtype="datetime64[us]")),
    st.lists(st.text(max_size=5), min_size=1, max_size=4).map(np.array),
    st.lists(st.one_of(st.none(), st.text(max_size=5), st.integers()), max_size=4)
      .map(lambda xs: np.array(xs, dtype=object)),
    st.lists(FLOATS, max_size=5).map(pd.Series),
    st.lists(st.datetimes(min_value=dt.datetime(1900, 1, 1)), max_size=4).map(pd.Series),
    st.lists(st.text(max_size=5), max_size=4).map(pd.Series),
)


def _components(children):
    return st.one_of(
        st.builds(lambda c, s: html.Div(c, className=s), children, st.text(max_size=6)),
        st.builds(lambda c: html.Span(c), children),
        st.builds(lambda c: dcc.Store(id="s", data={"v": c}), children),
    )


VALUES = st.recursive(
    st.one_of(SCALARS, ARRAYS),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.tuples(inner, inner),
                            st.dictionaries(st.text(max_size=6), inner, max_size=4),
                            _components(inner)),
    max_leaves=16)


def _plotly(value):
    try:
        return to_json_plotly(value)
    except (TypeError, ValueError):
        return None  # plotly's encoder refuses it: nothing to match


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=VALUES)
def test_every_value_plotly_encodes_comes_out_byte_for_byte_the_same(value):
    want = _plotly(value)
    if want is not None:
        assert fast_json.to_json(value) == want


@pytest.mark.parametrize("value", [
    {"x": np.array([0.1, 0.25], dtype="float32")},  # orjson writes float32 digits its own way
    [html.Div(np.float32(0.1))],
    {"m": np.ma.masked_array([1.0, 2.0], mask=[True, False])},
    {"fig": go.Figure(go.Scatter(x=pd.to_datetime(["2024-01-31", "2024-02-29"]), y=[1, 2]))},
    {"c": html.Div([dcc.Graph(figure=go.Figure(go.Bar(x=["a"], y=[np.int64(3)])))])},
])
def test_values_it_is_unsure_of_or_figures_match_plotly(value):
    assert fast_json.to_json(value) == to_json_plotly(value)


def test_dash_encodes_callback_answers_and_layouts_with_it():
    import dash._callback
    import dash.dash

    import app  # noqa: F401  (web.install runs)

    assert dash._callback.to_json is fast_json.to_json and dash.dash.to_json is fast_json.to_json


def test_a_country_profile_answer_is_the_same_bytes_as_with_plotlys_encoder(real_data, monkeypatch):
    """Figures with dates, grids and component trees: the whole answer of a real callback."""
    import dash._callback

    import app
    from web import callback_memo

    monkeypatch.setattr(callback_memo, "SIZE", 0)
    client = app.server.test_client()
    dep = next(d for d in client.get("/_dash-dependencies").get_json()
               if "country-header.children" in d["output"])
    outputs = [dict(zip(("id", "property"), o.rsplit(".", 1)))
               for o in dep["output"].strip(".").split("...")]
    body = {"output": dep["output"], "outputs": outputs, "changedPropIds": ["country-route.data"],
            "inputs": [{"id": "country-route", "property": "data",
                        "value": {"code": "FIN", "query": {}}}], "state": []}
    fast = client.post("/_dash-update-component", json=body)
    monkeypatch.setattr(dash._callback, "to_json", to_json_plotly)
    plain = client.post("/_dash-update-component", json=body)
    assert fast.status_code == plain.status_code == 200
    assert fast.get_data() == plain.get_data()
    assert json.loads(fast.get_data())["response"]["country-canonical"]["data"]["iso3"] == "FIN"
