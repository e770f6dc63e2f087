"""Write empty TopoJSON stubs into assets/topojson/ so plotly.js geo figures
never fetch base layers from Plotly's CDN.

plotly.js fetches `<topojsonURL>/<scope>_<resolution>m.json` for every geo
subplot that shows a base layer or has a trace with `locationmode` (which
includes `geojson=` choropleths, even with geo.visible=False). The file name
depends on layout.geo.scope (world, usa, europe, asia, africa, north-america,
south-america) and layout.geo.resolution (110 by default, or 50), so a stub is
written for every combination. Each is a Topology whose objects coastlines,
countries, lakes, land, ocean, rivers, subunits are empty GeometryCollections.

Use with dcc.Graph(config={"topojsonURL": "/assets/topojson/", ...}).
Run: python scripts/make_topojson_stubs.py
"""
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "topojson"
SCOPES = ["world", "usa", "europe", "asia", "africa", "north-america", "south-america"]
RESOLUTIONS = [110, 50]
LAYERS = ["coastlines", "countries", "lakes", "land", "ocean", "rivers", "subunits"]

STUB = {
    "type": "Topology",
    "arcs": [],
    "objects": {k: {"type": "GeometryCollection", "geometries": []} for k in LAYERS},
}

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    text = json.dumps(STUB, separators=(",", ":")) + "\n"
    for scope in SCOPES:
        for res in RESOLUTIONS:
            (OUT / f"{scope}_{res}m.json").write_text(text)
    print(f"wrote {len(SCOPES) * len(RESOLUTIONS)} stubs to {OUT}")
