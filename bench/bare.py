"""Bare Flask endpoint returning the same query result as the throughput benchmark's callback.

Served with the same gunicorn config: ``gunicorn -c gunicorn.conf.py bench.bare:app``.
"""
from __future__ import annotations

from flask import Flask, Response

from bench.interactions import THROUGHPUT

app = Flask(__name__)


@app.get("/query")
def query():
    df = THROUGHPUT["query"]()
    return Response(df.to_json(orient="records", date_format="iso"), mimetype="application/json")


@app.get("/healthz")
def healthz():
    return "ok"
