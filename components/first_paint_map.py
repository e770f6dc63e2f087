"""A static SVG of the Overview map for the first paint: the same traces as the interactive map
(``components.figures.overview.map_traces``: context, no public figure, values, with their colour
scales), drawn from the project's own GeoJSON (assets/geo) in the same projection (azimuthal equal
area centred on the drawn countries, fitted to them), simplified for weight. No network.
"""
from __future__ import annotations

from html import escape

import numpy as np
import shapely
from shapely import geometry as sg

W = 1000  # viewBox width; the height follows the map's shape
TOLERANCE = 1.2  # simplification, in viewBox units (≈ 1 px on a 1000 px wide map)


def _hex(c: str) -> tuple[int, int, int]:
    c = c.strip()
    if c.startswith("rgb"):
        return tuple(int(float(x)) for x in c[c.index("(") + 1:c.index(")")].split(",")[:3])
    c = c.lstrip("#")
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))


def colour(scale: list, t: float) -> str:
    """The colour at ``t`` in [0, 1] of a Plotly colour scale (linear in RGB between stops)."""
    t = min(max(t, 0.0), 1.0)
    for (a, ca), (b, cb) in zip(scale, scale[1:]):
        if a <= t <= b:
            f = 0.0 if b == a else (t - a) / (b - a)
            x, y = _hex(ca), _hex(cb)
            return _css(tuple(round(x[i] + (y[i] - x[i]) * f) for i in range(3)))
    return _css(_hex(scale[-1][1]))


def _css(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{v:02x}" for v in rgb)


def fills(traces: list[dict]) -> dict[str, str]:
    """ISO3 -> fill colour, as the traces draw them (later traces on top)."""
    out = {}
    for tr in traces:
        scale = tr["colorscale"]
        z = tr.get("z") or []
        lo = tr.get("zmin", min(z) if z else 0)
        hi = tr.get("zmax", max(z) if z else 1)
        for iso, v in zip(tr["locations"], z):
            out[iso] = colour(scale, 0.0 if hi == lo else (v - lo) / (hi - lo))
    return out


def _laea(lon0: float, lat0: float):
    """Lambert azimuthal equal area centred on (lon0, lat0), y down (SVG), on an (N, 2) array."""
    l0, p0 = np.radians(lon0), np.radians(lat0)

    def f(xy: np.ndarray) -> np.ndarray:
        lam, phi = np.radians(xy[:, 0]) - l0, np.radians(xy[:, 1])
        k = np.sqrt(2 / (1 + np.sin(p0) * np.sin(phi) + np.cos(p0) * np.cos(phi) * np.cos(lam)))
        return np.column_stack([k * np.cos(phi) * np.sin(lam),
                                -k * (np.cos(p0) * np.sin(phi)
                                      - np.sin(p0) * np.cos(phi) * np.cos(lam))])
    return f


def _path(geom) -> str:
    parts = []
    polys = geom.geoms if hasattr(geom, "geoms") else [geom]
    for poly in polys:
        for ring in (poly.exterior, *poly.interiors):
            pts = [(round(x), round(y)) for x, y in ring.coords[:-1]]
            if len(pts) < 3:
                continue
            d = [f"M{pts[0][0]} {pts[0][1]}"]
            px, py = pts[0]
            for x, y in pts[1:]:
                if (x, y) != (px, py):
                    d.append(f"l{x - px} {y - py}")
                px, py = x, y
            parts.append("".join(d) + "z")
    return "".join(parts)


def choropleth_svg(geojson: dict, traces: list[dict], *, label: str, description: str,
                   frame: tuple[tuple[float, float], tuple[float, float]] | None = None) -> str:
    """An inline ``<svg role="img">`` of the countries the traces draw, filled as they fill them,
    with ``label`` as its accessible name and ``description`` as its description. ``frame``
    ((lon0, lon1), (lat0, lat1)), as the interactive map's ``MAP_LON``/``MAP_LAT``: the view is
    cropped to it (every country is still drawn; the SVG's viewport clips what lies outside)."""
    fill = fills(traces)
    feats = [(f["properties"]["iso3"], sg.shape(f["geometry"])) for f in geojson["features"]
             if f["properties"].get("iso3") in fill]
    if not feats:
        return ""
    if frame is not None:
        (x0, x1), (y0, y1) = frame
    else:
        x0, y0, x1, y1 = shapely.total_bounds([g for _, g in feats])
    proj = _laea((x0 + x1) / 2, (y0 + y1) / 2)
    shapes = [(iso, shapely.transform(g, proj)) for iso, g in feats]
    if frame is not None:  # the projected outline of the lon/lat box
        box = shapely.segmentize(sg.box(x0, y0, x1, y1), 0.5)
        bx0, by0, bx1, by1 = shapely.transform(box, proj).bounds
    else:
        bx0, by0, bx1, by1 = shapely.total_bounds([g for _, g in shapes])
    s = W / (bx1 - bx0)
    h = round((by1 - by0) * s)
    body = []
    for iso, g in sorted(shapes):
        g = shapely.transform(g, lambda xy: (xy - [bx0, by0]) * s)
        d = _path(shapely.simplify(g, TOLERANCE, preserve_topology=True))
        if d:
            body.append(f'<path fill="{fill[iso]}" d="{d}"/>')
    return (f'<svg class="fp-map" viewBox="0 0 {W} {h}" preserveAspectRatio="xMidYMid meet" '
            f'role="img" aria-labelledby="fp-map-title fp-map-desc" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="fp-map-title">{escape(label)}</title>'
            f'<desc id="fp-map-desc">{escape(description)}</desc>'
            f'<g stroke="#fff" stroke-width="0.8" stroke-linejoin="round">{"".join(body)}</g></svg>')
