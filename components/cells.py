"""How one value is written into a CSV cell, a JSON value or a grid cell: the rules stated once.

Used by the downloads (``web/downloads.py``), the API (``web/api_format.py``) and the grids whose
rows AG Grid exports (``components/*``, ``pages/*``).

- Missing (None, NaN, ``pd.NA``, NaT): an empty CSV cell, JSON ``null``, an empty grid cell.
  Never 0.
- Lists (and arrays): joined with ``;`` in CSV files and API CSV (:data:`LIST_SEP`), with ``"; "``
  in grid cells people read (:data:`GRID_SEP`); a missing item is an empty string. JSON keeps the
  list (of strings).
- Booleans: ``true`` / ``false``. Dates: ``YYYY-MM-DD``. Counts (``{key: n}``): ``key=n`` joined
  with ``;``.

Pure: no Dash and no data-layer import (web/ and pages/ may import it).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

LIST_SEP = ";"
GRID_SEP = "; "


def is_missing(v) -> bool:
    """True for None, NaN, pd.NA and NaT (DuckDB gives pd.NA for missing integers)."""
    if v is None or isinstance(v, (list, tuple, dict, set)):
        return v is None
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _is_list(v) -> bool:
    return isinstance(v, (list, tuple)) or (hasattr(v, "tolist") and not isinstance(v, str)
                                            and isinstance(v.tolist(), list))


def items(v) -> list:
    """The items of a list-valued cell (``[]`` when missing)."""
    if v is None or (not _is_list(v) and is_missing(v)):
        return []
    return list(v.tolist() if hasattr(v, "tolist") else v)


def joined(values, sep: str = GRID_SEP) -> str:
    """List items as text joined with ``sep`` (a missing list is ``""``, a missing item too)."""
    return sep.join("" if x is None else str(x) for x in items(values))


def text(v) -> str:
    """The CSV text of one value (see the module docstring)."""
    if _is_list(v):
        return joined(v, LIST_SEP)
    if hasattr(v, "tolist") and not isinstance(v, str):
        v = v.tolist()  # numpy scalar -> Python (np.True_ -> True)
    if is_missing(v):
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    if isinstance(v, dict):
        return LIST_SEP.join(f"{k}={n}" for k, n in v.items())
    return str(v)


def frame_to_csv(df: pd.DataFrame) -> str:
    """CSV text of a whole table: the :func:`text` rules per column (numbers as pandas writes
    them)."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_datetime64_any_dtype(s):
            out[col] = s.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_bool_dtype(s) or s.dtype == object:
            out[col] = s.map(text)
    return out.to_csv(index=False, na_rep="", lineterminator="\n")


def json_value(v, code: str):
    """A value as JSON of the declared type code (``str``, ``int?``, ``num?``, ``bool``, ``date?``,
    ``list``, ``counts``; ``?`` = may be null): missing -> None, numpy -> Python."""
    if code == "list":
        return [str(x) for x in items(v)]
    if code == "counts":
        return {str(k): int(n) for k, n in v.items()} if isinstance(v, dict) else {}
    if is_missing(v):
        return None
    base = code.rstrip("?")
    if base == "int":
        return int(v)
    if base == "num":
        return float(v)
    if base == "bool":
        return bool(v)
    if base == "date":
        return v.date().isoformat() if isinstance(v, dt.datetime) else (
            v.isoformat() if isinstance(v, dt.date) else str(v)[:10])
    return str(v)
