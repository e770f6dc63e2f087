"""Offline pipeline: data/sources/*.csv -> validated Parquet release + manifest (``python -m data.pipeline``).

Imported by nothing at run time; the app only reads what this writes.
"""
