"""Harvest national 1+MG catalogues (offline, like ``data/pipeline``; nothing at run time imports it).

``python -m data.harvest --config nodes.toml --out DIR`` reads a TOML list of nodes, fetches each
node's catalogue (DCAT RDF, a CKAN action API or a Beacon v2 service), validates every dataset
record and writes a dated snapshot under ``DIR`` (see :mod:`data.harvest.snapshot`).
``python -m data.harvest --demo`` does the same against built-in loopback nodes.
"""
