"""One Plotly template and one colour-blind-safe palette (Okabe–Ito), registered once.

Also the one graph ``config`` every ``dcc.Graph`` uses: no cloud-share button, no logo, and a local
``topojsonURL`` so that geo figures never fetch base-map topology from a CDN.
"""
from __future__ import annotations

from types import MappingProxyType

import plotly.graph_objects as go
import plotly.io as pio

#: Okabe & Ito (2008) palette, safe for the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
#: Sequential scale for choropleths (light to dark blue; readable for all CVD types).
SEQUENTIAL = ("#f0f4f8", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b")
NO_DATA_COLOUR = "#d9d9d9"  # countries with no public figure: grey, hatched in the legend text
OUTSIDE_COLOUR = "#f7f7f7"
TEMPLATE_NAME = "atlas"
GEOJSON_URL = "/assets/geo/europe_50m.geojson"
TOPOJSON_URL = "/assets/topojson/"

GRAPH_CONFIG = MappingProxyType({
    "displaylogo": False,
    "showSendToCloud": False,
    "plotlyServerURL": "",
    "topojsonURL": TOPOJSON_URL,
    "responsive": True,
    "modeBarButtonsToRemove": ["sendDataToCloud", "lasso2d", "select2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
})


def graph_config() -> dict:
    """A fresh copy of the shared graph config (dcc.Graph wants a plain dict)."""
    return dict(GRAPH_CONFIG)


def _register() -> None:
    t = go.layout.Template()
    t.layout = go.Layout(
        colorway=list(PALETTE),
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13,
              "color": "#212529"},
        paper_bgcolor="white", plot_bgcolor="white",
        margin={"l": 56, "r": 16, "t": 32, "b": 48},
        hoverlabel={"bgcolor": "white", "font": {"size": 12}},
        xaxis={"gridcolor": "#e9ecef", "zeroline": False},
        yaxis={"gridcolor": "#e9ecef", "zeroline": False, "separatethousands": True},
        separators=".,",
        legend={"orientation": "h", "y": -0.18},
    )
    pio.templates[TEMPLATE_NAME] = t
    pio.templates.default = TEMPLATE_NAME


_register()
