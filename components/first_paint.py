"""The static first screen a page's initial HTML carries (issue 15, item 1): drawn before any
JavaScript runs, readable with none, removed by assets/atlas.js once the app has mounted.

Built from what the page itself shows: its layout's heading and lead, and for ``/`` the KPI cards
(``components.kpi``) and the map (``components.first_paint_map``), rendered to plain HTML by
:func:`to_html`. Nothing here queries; web/first_paint.py hands the values in.

The rendition lies over the app (``position: absolute`` from the top of the page, opaque), so the
app mounts beneath it without moving it, and removing it moves nothing either. Its ids are the
app's with an ``fp-`` prefix (no id twice in the document).
"""
from __future__ import annotations

from html import escape

ID = "app-first-paint"
#: Where app.py's index_string leaves room for the rendition (web/first_paint.py fills it).
MARKER = "<!--atlas-first-paint-->"
STYLE = (f"<style>#{ID}{{position:absolute;top:0;left:0;right:0;z-index:1040;min-height:100vh;"
         "background:#f8f9fa}"
         f"#{ID} main{{min-height:100vh}}"  # as #app-main's: the footer starts below the fold
         f"#{ID} .fp-map{{display:block;width:100%;height:var(--overview-map-h,360px)}}"
         f"#{ID} .fp-bars{{height:var(--overview-chart-h,340px);overflow:hidden;"
         "display:flex;flex-direction:column;justify-content:space-around}"
         f"#{ID} .fp-bar{{display:flex;align-items:center;gap:.3rem;font-size:.8rem;"
         "line-height:1}"
         f"#{ID} .fp-bar>span:first-child{{flex:0 0 8.5em;text-align:right}}"
         f"#{ID} .fp-bar>i{{display:block;height:.9em;min-width:1px}}"
         f"#{ID} .fp-select{{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}}"
         f"#{ID} details.fp-menu>summary{{list-style:none;cursor:pointer}}"
         f"#{ID} details.fp-menu>summary::-webkit-details-marker{{display:none}}</style>")
_VOID = {"br", "hr", "img", "input", "wbr"}
_ATTRS = ("href", "title", "role", "tabIndex", "colSpan", "rowSpan", "scope", "alt", "src")
_BREAKS = ("xs", "sm", "md", "lg", "xl", "xxl")


def _col_classes(props: dict) -> list[str]:
    out = []
    for bp in _BREAKS:
        v = props.get(bp)
        if v is None:
            continue
        infix = "" if bp == "xs" else f"-{bp}"
        out.append(f"col{infix}" if v is True else f"col{infix}-{v}")
    return out or ["col"]


def _style(style: dict) -> str:
    def css(k: str) -> str:
        return "".join("-" + ch.lower() if ch.isupper() else ch for ch in k)
    return ";".join(f"{css(k)}:{v}" for k, v in style.items())


def to_html(c) -> str:
    """Static HTML of a Dash component tree (``dash.html`` tags; ``dbc.Row``/``dbc.Col`` as
    Bootstrap's grid; anything else as a ``div`` of its children). Ids are prefixed ``fp-``."""
    if c is None:
        return ""
    if isinstance(c, (str, int, float)):
        return escape(str(c))
    if isinstance(c, (list, tuple)):
        return "".join(to_html(x) for x in c)
    j = c.to_plotly_json()
    props, typ, ns = j.get("props", {}), j.get("type", ""), j.get("namespace", "")
    classes = [props["className"]] if props.get("className") else []
    tag = typ.lower() if ns == "dash_html_components" else "div"
    if ns == "dash_bootstrap_components" and typ == "Row":
        classes.insert(0, "row")
    elif ns == "dash_bootstrap_components" and typ == "Col":
        classes[:0] = _col_classes(props)
    elif ns == "dash_bootstrap_components" and typ == "Container":
        classes.insert(0, "container-fluid" if props.get("fluid") else "container")
    attrs = []
    if isinstance(props.get("id"), str):
        attrs.append(f'id="fp-{escape(props["id"])}"')
    if classes:
        attrs.append(f'class="{escape(" ".join(classes))}"')
    for k in _ATTRS:
        if props.get(k) is not None:
            attrs.append(f'{k.lower()}="{escape(str(props[k]))}"')
    for k, v in props.items():
        if k.startswith("aria-") and v is not None:
            v = " ".join(f"fp-{t}" for t in str(v).split()) if k == "aria-labelledby" else v
            attrs.append(f'{k}="{escape(str(v))}"')
    if isinstance(props.get("style"), dict):
        attrs.append(f'style="{escape(_style(props["style"]))}"')
    head = f"<{tag}{' ' if attrs else ''}{' '.join(attrs)}>"
    if tag in _VOID:
        return head
    return f"{head}{to_html(props.get('children'))}</{tag}>"


def navbar(app_name: str, links: list[tuple[str, str]], current: str) -> str:
    """The navbar as the app draws it (brand, then the page links; a menu that opens without
    JavaScript on narrow screens)."""
    items = ""
    for name, href in links:
        here = ' active" aria-current="page' if href == current else ""
        items += (f'<li class="nav-item"><a class="nav-link{here}" href="{escape(href)}">'
                  f"{escape(name)}</a></li>")
    brand = (f'<a class="navbar-brand" href="/"><i class="bi bi-globe-europe-africa me-2" '
             f'aria-hidden="true"></i>{escape(app_name)}</a>')
    return (f'<nav class="app-navbar navbar navbar-expand-md navbar-dark bg-primary" '
            f'aria-label="Main"><div class="container-fluid">{brand}'
            f'<ul class="navbar-nav ms-auto d-none d-md-flex">{items}</ul>'
            f'<details class="fp-menu d-md-none"><summary class="navbar-toggler" '
            f'aria-label="Menu"><span class="navbar-toggler-icon"></span></summary>'
            f'<ul class="navbar-nav">{items}</ul></details></div></nav>')


def card(title: str, body: str, sources: str) -> str:
    """A card like the app's chart cards: heading, body, sources line."""
    return (f'<section class="card mb-3"><div class="card-body"><h2 class="h5">{escape(title)}</h2>'
            f'{body}<p class="small text-body-secondary mb-0">{sources}</p></div></section>')


def chart_card(title: str, sentence: str, body: str, sources: str) -> str:
    """A card like ``components.chart_card``'s (header, sentence, body, sources line)."""
    return (f'<section class="card chart-card mb-3"><div class="card-header"><h2>{escape(title)}'
            f'</h2></div><div class="card-body"><p class="chart-sentence small mb-2">'
            f'{escape(sentence)}</p>{body}<div class="small text-body-secondary mt-2">{sources}'
            "</div></div></section>")


def bars(rows: list[tuple[str, float, str, str]]) -> str:
    """A static bar chart: (name, share of the longest bar in [0, 1], label, colour) per bar."""
    out = "".join(f'<div class="fp-bar"><span>{escape(n)}</span><i style="width:'
                  f'{max(0.0, min(w, 1.0)) * 70:.1f}%;background:{escape(c)}"></i>'
                  f"<span>{escape(lbl)}</span></div>" for n, w, lbl, c in rows)
    return f'<div class="fp-bars" role="img" aria-label="Countries ranked">{out}</div>'


def page(*, nav: str, heading: str, lead: str, blocks: list[str], footer: str) -> str:
    """The whole rendition: the navbar, the page's heading and lead, its blocks and the footer
    (``nav``, ``blocks`` and ``footer`` already HTML)."""
    lead_html = f'<p class="lead fs-6">{escape(lead)}</p>' if lead else ""
    return (f'{STYLE}<div id="{ID}">{nav}<main class="container-fluid py-3">'
            f'<h1 class="h3">{escape(heading)}</h1>{lead_html}{"".join(blocks)}</main>'
            f'{footer}</div>')
