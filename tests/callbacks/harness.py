"""The callback harness: call a page's callback as Dash would, and read what it returns.

    from tests.callbacks.harness import call, find, text_of

    out = call(page.render, "fega_node", [], trigger="infra-kind.value")
    assert "3 nodes" in text_of(out["title"])
    assert find(page.layout(kind="fega_node"), "infra-kind").value == ["fega_node"]

``call`` sets the callback context (``ctx.triggered_id``, ``ctx.triggered``) from ``trigger``
(``"id.prop"``; ``None``: no input triggered, as on a page's first call) and runs the function in
a fresh context, so nothing leaks between tests. Import the pages after a Dash app exists (``import
app``), since ``register_page`` needs one.
"""
from __future__ import annotations

from contextvars import copy_context

from dash._callback_context import context_value
from dash._utils import AttributeDict


def call(fn, *args, trigger: str | None = None, value=None, **kwargs):
    """Run the callback ``fn(*args, **kwargs)`` with ``trigger`` as its triggering input."""
    def run():
        inputs = [{"prop_id": trigger, "value": value}] if trigger else []
        context_value.set(AttributeDict(triggered_inputs=inputs))
        return fn(*args, **kwargs)
    return copy_context().run(run)


def _children(c) -> list:
    kids = getattr(c, "children", None)
    if kids is None:
        return []
    return list(kids) if isinstance(kids, (list, tuple)) else [kids]


def components(tree):
    """Every component of a layout tree, depth first."""
    stack = [tree]
    while stack:
        c = stack.pop()
        yield c
        stack.extend(reversed(_children(c)))


def ids_in(tree) -> dict:
    """The components of a layout tree that have a string id, by id."""
    return {c.id: c for c in components(tree) if isinstance(getattr(c, "id", None), str)}


def find(tree, id_):
    """The component with ``id_`` in a layout tree."""
    for c in components(tree):
        if getattr(c, "id", None) == id_:
            return c
    raise LookupError(id_)


def text_of(component) -> str:
    """All text in a Dash component tree (what a reader sees)."""
    out = []

    def walk(c):
        if c is None:
            return
        if isinstance(c, (str, int, float)):
            out.append(str(c))
        elif isinstance(c, (list, tuple)):
            for x in c:
                walk(x)
        else:
            walk(getattr(c, "children", None))
    walk(component)
    return " ".join(out)
