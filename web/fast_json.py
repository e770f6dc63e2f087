"""Dash's answers encoded by orjson in one pass, byte for byte as plotly's encoder writes them.

Dash encodes every callback answer and layout with ``plotly.io.json.to_json_plotly``. Its orjson
engine first tries ``orjson.dumps`` as is, which fails as soon as the answer holds a Dash component
(almost every answer does), and then walks the whole answer in Python
(``clean_to_json_compatible``) before encoding it again: about 70 % of the encoding time of the
atlas's answers. :func:`to_json` makes the same first try, then lets orjson walk the answer and
asks :func:`_default` only about the objects orjson cannot encode itself, each converted exactly as
the cleaning pass converts it (components and figures to their plotly JSON, pandas values, numpy
arrays and scalars, dates).
Whatever it is not sure of (float32/float16 numbers, whose digits orjson writes its own way, or
anything that fails) goes through plotly's encoder as before. ``tests/unit/test_fast_json.py``
checks the bytes are the same.

``install()`` (from ``web.install``) puts it where Dash's callback dispatch and layout look it up.
"""
from __future__ import annotations

import decimal

import numpy as np
import orjson
import pandas as pd
from plotly.io._json import _safe, _swap_orjson
from plotly.io.json import to_json_plotly

PLAIN = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY  # plotly's first try, as it is
OPTIONS = orjson.OPT_NON_STR_KEYS  # then numpy values go through _default (see there)


class _Unsure(TypeError):
    """An object this encoder does not convert the way plotly's would: use plotly's."""


def _array(a: np.ndarray):
    if isinstance(a, np.ma.MaskedArray) and a is not np.ma.masked:
        raise _Unsure("masked array")
    kind = a.dtype.kind
    if kind in "biu" or (kind == "f" and a.dtype.itemsize == 8):
        return a.tolist()  # the digits orjson writes for numpy int64/float64 are Python's
    if kind == "M":
        return np.datetime_as_string(a).tolist()
    if kind in "UO":
        return a.tolist()
    raise _Unsure(a.dtype)


def _default(obj):
    """What plotly's cleaning pass makes of ``obj`` (one level; orjson encodes the result)."""
    if isinstance(obj, np.ndarray):
        return _array(obj)
    if isinstance(obj, np.generic):
        if isinstance(obj, np.datetime64):
            return str(obj)
        if isinstance(obj, np.floating) and obj.dtype.itemsize != 8:
            raise _Unsure(obj.dtype)
        return obj.item()
    if obj is pd.NaT or obj is pd.NA:
        return None
    if isinstance(obj, pd.Timestamp):
        return obj.to_pydatetime()
    if isinstance(obj, (pd.Series, pd.DatetimeIndex)):
        if obj.dtype.kind == "M":
            return [x.to_pydatetime() if x is not pd.NaT else None for x in obj]
        return _array(np.asarray(obj.values)) if obj.dtype.kind in "biuf" else obj.tolist()
    if isinstance(obj, decimal.Decimal):
        return float(obj)
    to_plotly_json = getattr(obj, "to_plotly_json", None)
    if to_plotly_json is not None:
        return to_plotly_json()
    raise _Unsure(type(obj))


def to_json(value) -> str:
    """``to_json_plotly(value)``, in one orjson pass when it can be."""
    to_plotly_json = getattr(value, "to_plotly_json", None)
    if to_plotly_json is not None:  # as plotly does, the outermost object first
        value = to_plotly_json()
    try:  # an answer without components: what plotly does first
        return _safe(orjson.dumps(value, option=PLAIN).decode("utf8"), _swap_orjson)
    except TypeError:
        pass
    try:
        return _safe(orjson.dumps(value, default=_default, option=OPTIONS).decode("utf8"),
                     _swap_orjson)
    except TypeError:  # _Unsure, or a value plotly's encoder may still manage (or reject)
        return to_json_plotly(value)


def install() -> None:
    import dash._callback
    import dash.dash

    dash._callback.to_json = to_json
    dash.dash.to_json = to_json
