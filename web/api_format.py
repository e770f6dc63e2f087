"""Serialising API results: JSON in the declared column order and types, and CSV."""
from __future__ import annotations

import csv
import io
import json

from flask import Response

from components import cells

from . import openapi


def jsonify(obj) -> Response:
    """JSON in the declared column order (Flask's jsonify would sort the keys)."""
    return Response(json.dumps(obj, ensure_ascii=False, allow_nan=False) + "\n",
                    mimetype="application/json")


def records(df, row: str) -> list[dict]:
    cols = openapi.ROWS[row]
    return [{c: cells.json_value(r.get(c), t) for c, t in cols.items()}
            for r in df.to_dict("records")]


def to_csv(df, row: str) -> str:
    cols = openapi.ROWS[row]
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(cols))
    for rec in records(df, row):
        w.writerow([cells.text(rec[c]) for c in cols])
    return buf.getvalue()
