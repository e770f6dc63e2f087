"""Every callback's ids exist in a layout: the check Dash's browser renderer made against the
validation layout, which is no longer inlined into every page (``suppress_callback_exceptions``; it
was 94 % of each page's HTML). Same rule: the union of every page's ``layout()`` and the shell."""
from __future__ import annotations

import json

import dash
import pytest

import app as atlas  # (creates the Dash app, which registers the pages)
from components.shell import shell
from data.queries.release import release_info

WILD = ("ALL", "MATCH", "ALLSMALLER")


def _walk(node):
    if isinstance(node, (list, tuple)):
        for n in node:
            yield from _walk(n)
    elif isinstance(node, dash.development.base_component.Component):
        yield node
        for prop in node._prop_names:
            v = getattr(node, prop, None)
            if isinstance(v, (dash.development.base_component.Component, list, tuple)):
                yield from _walk(v)


def _layout_ids():
    roots = [shell(release_info())]
    for page in dash.page_registry.values():
        lay = page["layout"]
        roots.append(lay() if callable(lay) else lay)
    ids = [getattr(c, "id", None) for c in _walk(roots)]
    return ({i for i in ids if isinstance(i, str)}, [i for i in ids if isinstance(i, dict)])


def _dep_ids(dep):
    outs = dep["output"]
    outs = outs[2:-2].split("...") if outs.startswith("..") else [outs]
    for o in outs:
        yield o.rsplit(".", 1)[0]
    for d in dep["inputs"] + dep["state"]:
        yield d["id"]


def _present(cid, strings, dicts) -> bool:
    if not cid.startswith("{"):
        return cid in strings
    want = json.loads(cid)
    return any(d.keys() == want.keys() and all(
        (isinstance(v, list) and v and v[0] in WILD) or d[k] == v for k, v in want.items())
        for d in dicts)


@pytest.mark.usefixtures("real_data")
def test_every_callback_id_is_in_a_layout():
    assert atlas.app.config.suppress_callback_exceptions, "the validation layout is off (see module doc)"
    deps = atlas.server.test_client().get("/_dash-dependencies").get_json()
    strings, dicts = _layout_ids()
    missing = sorted({cid for dep in deps for cid in _dep_ids(dep) if not _present(cid, strings, dicts)})
    assert missing == [], f"callback ids no layout contains: {missing}"


def test_pages_html_carries_no_validation_layout():
    html = atlas.server.test_client().get("/").get_data(as_text=True)
    assert "validation_layout" not in html and len(html.encode()) < 60_000
