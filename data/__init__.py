"""The atlas's only door to data: settings, the DuckDB connection, named queries (``data.queries``).

The offline pipeline lives in ``data.pipeline`` and is never imported at run time.
"""
