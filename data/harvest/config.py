"""The node list: a TOML file of ``[[node]]`` tables, checked before any request is sent.

::

    [[node]]
    country = "NLD"                 # ISO 3166-1 alpha-3 (checked with pycountry)
    kind = "dcat"                   # dcat | ckan | beacon
    url = "https://example.org/catalog.ttl"
    # id = "nld-dcat"               # optional; default "<iso3>-<kind>", "-2", "-3"... if repeated

Every problem is reported as ``FILE:LINE: message`` (the line of the offending key, or of the
``[[node]]`` header when a key is missing).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pycountry

KINDS = ("dcat", "ckan", "beacon")
KEYS = {"country", "kind", "url", "id"}
_HEADER = re.compile(r"^\s*\[\[\s*node\s*\]\]\s*(#.*)?$")
_TABLE = re.compile(r"^\s*\[")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class ConfigError(Exception):
    """The config file is unusable; ``problems`` lists every ``FILE:LINE: message``."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Node:
    id: str
    country: str
    kind: str
    url: str


def _lines(text: str) -> list[dict]:
    """Per ``[[node]]`` block: ``{"": header line, key: line}`` (TOML itself keeps no lines)."""
    blocks: list[dict] = []
    current = None
    for n, line in enumerate(text.splitlines(), start=1):
        if _HEADER.match(line):
            current = {"": n}
            blocks.append(current)
        elif _TABLE.match(line):
            current = None
        elif current is not None and (m := _KEY.match(line)):
            current.setdefault(m.group(1), n)
    return blocks


def country_alpha3(code: str) -> str | None:
    """The ISO alpha-3 code if ``code`` is one pycountry knows, else None."""
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
        return None
    return code if pycountry.countries.get(alpha_3=code) else None


def parse_config(text: str, name: str = "<config>") -> list[Node]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column \d+\)", str(e))
        line = getattr(e, "lineno", None) or (m and m.group(1)) or "?"
        raise ConfigError([f"{name}:{line}: not valid TOML: {getattr(e, 'msg', e)}"]) from None
    lines = _lines(text)
    problems: list[str] = []
    extra = sorted(set(data) - {"node"})
    if extra:
        problems.append(f"{name}:1: unknown top-level key(s) {', '.join(extra)}; expected [[node]] tables")
    raw = data.get("node", [])
    if not isinstance(raw, list) or not raw:
        problems.append(f"{name}:1: no [[node]] table")
        raise ConfigError(problems)
    nodes: list[Node] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(raw):
        where = lines[i] if i < len(lines) else {"": "?"}

        def at(key: str, where=where) -> str:
            return f"{name}:{where.get(key, where[''])}"

        before = len(problems)
        for key in sorted(set(entry) - KEYS):
            problems.append(f"{at(key)}: unknown key {key!r} (expected {', '.join(sorted(KEYS))})")
        for key in ("country", "kind", "url"):
            if key not in entry:
                problems.append(f"{at('')}: node {i + 1} has no {key!r}")
        country, kind, url = entry.get("country"), entry.get("kind"), entry.get("url")
        if "country" in entry and not country_alpha3(country):
            problems.append(f"{at('country')}: unknown country code {country!r} (ISO 3166-1 alpha-3)")
        if "kind" in entry and kind not in KINDS:
            problems.append(f"{at('kind')}: unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
        if "url" in entry:
            parts = urlsplit(url) if isinstance(url, str) else None
            if not parts or parts.scheme not in ("http", "https") or not parts.netloc:
                problems.append(f"{at('url')}: url {url!r} is not an http(s) URL")
        node_id = entry.get("id")
        if node_id is not None and (not isinstance(node_id, str) or not _ID.match(node_id)):
            problems.append(f"{at('id')}: id {node_id!r} must be lower-case letters, digits and '-'")
        if len(problems) > before:
            continue
        if node_id is None:
            base = f"{country.lower()}-{kind}"
            seen[base] = seen.get(base, 0) + 1
            node_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        if any(n.id == node_id for n in nodes):
            problems.append(f"{at('id')}: node id {node_id!r} is used twice")
            continue
        nodes.append(Node(id=node_id, country=country, kind=kind, url=url.rstrip("/")
                          if kind != "dcat" else url))
    if problems:
        raise ConfigError(problems)
    return nodes


def load_config(path: Path) -> list[Node]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError([f"{path}: cannot read the config: {e.strerror}"]) from None
    return parse_config(text, str(path))
