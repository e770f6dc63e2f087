"""Serialising API results: JSON in the declared column order and types, and CSV."""
from __future__ import annotations

import csv
import io
import json

from flask import Response

from components import cells
from data.api_rows import ROWS, records


def jsonify(obj) -> Response:
    """JSON in the declared column order (Flask's jsonify would sort the keys)."""
    return Response(json.dumps(obj, ensure_ascii=False, allow_nan=False) + "\n",
                    mimetype="application/json")


def to_csv(df, row: str) -> str:
    cols = ROWS[row]
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(cols))
    for rec in records(df, row):
        w.writerow([cells.text(rec[c]) for c in cols])
    return buf.getvalue()
