"""Does a page fit its screen? (issue 16) One checker the per-page browser tests share:

    problems = fit_problems(page)          # [] when the page fits
    assert not problems, dump(problems)

It reports, for the page as drawn now:
- ``sideways``: the document scrolls sideways (``scrollWidth > innerWidth``);
- ``overflow``: a visible text element sticks out of its card (right or left edge), outside any
  element that scrolls on its own (a grid's body, a ``.table-responsive`` wrapper);
- ``legend``: a Plotly legend box overlaps its plot area (cartesian axes or a map);
- ``clipped``: text cut by ``text-overflow``/``overflow: hidden`` inside a KPI value or a heading.
Console warnings are collected with ``console_warnings(page)`` (attach before ``goto``).
"""
from __future__ import annotations

VIEWPORTS = {"desktop": {"width": 1440, "height": 900}, "mobile": {"width": 390, "height": 844}}

_CHECK = r"""() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1)
    out.push({kind: 'sideways', scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth,
              widest: [...document.querySelectorAll('body *')].filter(e => {
                const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 && r.width > 0;
              }).slice(0, 5).map(e => e.id || e.className || e.nodeName)});
  const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/(auto|scroll)/.test(s.overflowX) || p.classList.contains('ag-root-wrapper')) return true;
      if (p.classList.contains('card')) return false; }
    return false; };
  const visible = e => { const s = getComputedStyle(e), r = e.getBoundingClientRect();
    return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0; };
  for (const card of document.querySelectorAll('.card')) {
    if (!visible(card)) continue;
    const c = card.getBoundingClientRect();
    for (const e of card.querySelectorAll('h1,h2,h3,h4,h5,h6,p,span,a,li,label,button,dt,dd,td,th,small,strong')) {
      if (!visible(e) || e.closest('svg') || scrolls(e) || !e.textContent.trim()) continue;
      const r = e.getBoundingClientRect();
      if (r.right > c.right + 1 || r.left < c.left - 1)
        out.push({kind: 'overflow', card: card.id || card.className, el: e.id || e.className || e.nodeName,
                  text: e.textContent.trim().slice(0, 60), right: r.right, cardRight: c.right});
    }
  }
  for (const e of document.querySelectorAll('.kpi-value, .card h1, .card h2, .card h3, .card h4, .card h5')) {
    if (!visible(e) || scrolls(e)) continue;
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
      out.push({kind: 'clipped', el: e.id || e.className, text: e.textContent.trim().slice(0, 60)});
  }
  const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
    && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    if (!visible(plot)) continue;
    const legend = plot.querySelector('g.legend .bg');
    if (!legend) continue;
    const l = legend.getBoundingClientRect();
    if (!l.width || !l.height) continue;
    const areas = [...plot.querySelectorAll('.nsewdrag, .geo .bg rect, g.geo > .bg')];
    for (const a of areas) {
      const r = a.getBoundingClientRect();
      if (r.width && r.height && overlap(l, r))
        out.push({kind: 'legend', plot: plot.parentElement && plot.parentElement.id || plot.id,
                  legend: [l.left, l.top, l.right, l.bottom], area: [r.left, r.top, r.right, r.bottom]});
    }
  }
  return out;
}"""


def fit_problems(pg) -> list[dict]:
    """What does not fit on the page as drawn now (see the module docstring)."""
    return pg.evaluate(_CHECK)


def console_warnings(pg) -> list[str]:
    """Start recording console warnings and errors; returns the live list (call before goto).
    Left out: only Chromium's own line for a page the server answered 404 on purpose
    (``browser_404_log``)."""
    seen: list[str] = []
    docs = documents_404(pg)

    def on(m):
        if m.type in ("warning", "error") and not browser_404_log(m, docs):
            seen.append(f"{m.type}: {m.text}")

    pg.on("console", on)
    return seen


#: What Chromium itself logs (not the page's code) when a response has status 404.
BROWSER_404 = "Failed to load resource: the server responded with a status of 404"


def documents_404(pg) -> set[str]:
    """Start recording the URLs of the main-frame documents answered 404 (call before goto)."""
    seen: set[str] = set()
    pg.on("response", lambda r: seen.add(r.url) if (
        r.status == 404 and r.request.resource_type == "document" and r.frame == pg.main_frame)
        else None)
    return seen


def browser_404_log(m, documents: set[str]) -> bool:
    """Is console message ``m`` Chromium's own 404 line for one of ``documents`` (the page's own
    address, answered 404 by web/status.py with the in-app page)? It names the document's URL as
    its location, at line 0: no script wrote it."""
    loc = m.location or {}
    return (m.type == "error" and m.text.startswith(BROWSER_404) and loc.get("url") in documents
            and not loc.get("lineNumber"))
