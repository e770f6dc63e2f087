"""The vendored plotly.js bundle: it matches plotly.py's version, it holds every trace type the
atlas draws, and each of them really renders with it in Chromium (a missing type would silently
draw as a scatter)."""
from __future__ import annotations

import ast
import json
import re
import threading
from pathlib import Path

import plotly.graph_objects as go
import pytest
from plotly.offline import get_plotlyjs_version

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "assets" / "plotly-custom.min.js"
BUNDLED = {"scatter", "bar", "choropleth", "scattergeo", "heatmap"}
#: What each trace type leaves in the DOM when it really drew.
DRAWN = {"scatter": ".scatterlayer .trace path.js-line", "bar": ".barlayer .bars path",
         "choropleth": "path.choroplethlocation", "scattergeo": ".scattergeo path.point",
         "heatmap": ".heatmaplayer image, .hm image"}


def _banner() -> str:
    return BUNDLE.read_text(encoding="utf-8")[:400]


def test_bundle_version_equals_the_version_plotly_py_emits():
    assert f"plotly.js v{get_plotlyjs_version()} " in _banner()


def test_bundle_declares_the_trace_types_it_holds():
    traces = re.search(r"traces: ([a-z, ]+) \|", _banner()).group(1)
    assert {t.strip() for t in traces.split(",")} == BUNDLED


def test_the_app_draws_only_bundled_trace_types():
    used = set()
    for path in [*(ROOT / "components").rglob("*.py"), *(ROOT / "pages").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "go" \
                    and node.func.attr[:1].isupper() and node.func.attr not in {"Figure", "Layout"}:
                used.add(node.func.attr.lower())
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "px":
                used.add({"choropleth": "choropleth", "bar": "bar", "line": "scatter",
                          "scatter": "scatter", "scatter_geo": "scattergeo",
                          "imshow": "heatmap", "density_heatmap": "heatmap"}.get(node.func.attr,
                                                                                node.func.attr))
    trace_names = {t.lower() for t in dir(go) if t[:1].isupper()} - {"figure", "layout", "frame"}
    trace_types = used & trace_names
    assert trace_types and trace_types <= BUNDLED, f"not in the bundle: {trace_types - BUNDLED}"


def _page() -> str:
    figs = {
        "scatter": go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2], mode="lines+markers")),
        "bar": go.Figure(go.Bar(x=["a", "b"], y=[2, 3])),
        "choropleth": go.Figure(go.Choropleth(geojson="/assets/geo/europe_50m.geojson",
                                              featureidkey="properties.iso3",
                                              locations=["FIN", "FRA", "DEU"], z=[1, 2, 3])),
        "scattergeo": go.Figure(go.Scattergeo(lon=[24.9, 2.35], lat=[60.2, 48.9], mode="markers")),
        "heatmap": go.Figure(go.Heatmap(z=[[1, 2], [3, 4]])),
    }
    divs = "".join(f'<div id="{k}" style="height:300px"></div>' for k in figs)
    calls = "".join(
        f"Plotly.newPlot('{k}', {json.dumps(f.to_plotly_json()['data'])}, "
        f"{json.dumps({**f.to_plotly_json()['layout'], 'geo': {'fitbounds': 'locations'}})}, "
        "{topojsonURL: '/assets/topojson/'});" for k, f in figs.items())
    return (f'<!DOCTYPE html><html lang="en"><head><script src="/assets/plotly-custom.min.js">'
            f"</script></head><body>{divs}<script>{calls}</script></body></html>")


@pytest.fixture(scope="module")
def bundle_server():
    from flask import Flask
    from werkzeug.serving import make_server

    app = Flask(__name__, static_folder=str(ROOT / "assets"), static_url_path="/assets")
    app.add_url_rule("/", "index", _page)
    srv = make_server("127.0.0.1", 0, app, threaded=True)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


@pytest.mark.browser
def test_every_trace_type_renders_with_the_bundle(page, bundle_server):
    page.goto(bundle_server + "/")
    assert page.evaluate("() => Plotly.version") == get_plotlyjs_version()
    for trace, selector in DRAWN.items():
        page.wait_for_selector(f"#{trace} {selector}", state="attached", timeout=15000)
        assert page.locator(f"#{trace} .main-svg").count() >= 1
