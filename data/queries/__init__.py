"""Named, typed queries over the loaded release — one module per area of the atlas.

Each function runs one ``data/sql/<name>.sql`` file through :func:`data.db.query` with bound
``$name`` parameters and returns a DataFrame (or a small dict). Table and column names never come
from callers: where a caller picks a column (e.g. a map indicator) it passes a key that the function
looks up in an allow-list.
"""
