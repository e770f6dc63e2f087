"""View state <-> URL query string, in one place, both ways.

A page declares a :class:`Spec` of :class:`Param` s. ``spec.parse(kwargs)`` turns the query
parameters Dash Pages hands to ``layout(**kwargs)`` into a complete, valid state plus a list of
human-readable notices for everything that was ignored or replaced by a default. ``spec.to_search``
turns a state back into ``?a=b&c=d`` holding only the non-default values, in the spec's order.

This is the single validating layer for page input: callbacks pass control values through
``spec.clean`` too, so a forged callback request gets the same treatment as a forged URL.

The browser's address bar is updated by the clientside function ``atlas.syncUrl`` (assets/atlas.js)
with ``history.replaceState``, so changing a control never re-renders the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from .urls import RELEASE_PARAM, query_string

MAX_TEXT = 100
MAX_ITEMS = 50
_CTRL = re.compile(r"[\x00-\x1f\x7f]")


def _short(v: Any) -> str:
    s = str(v)
    s = _CTRL.sub("", s)
    return s if len(s) <= 40 else s[:37] + "…"


@dataclass(frozen=True)
class Param:
    """One URL parameter.

    kind: ``choice`` (one of ``choices``), ``multi`` (comma-separated subset of ``choices``),
    ``int`` (``lo``..``hi``), ``bool`` (``1``/``0``), ``text`` (free text, at most ``max_len``).

    ``aliases`` are former names of the parameter and ``value_aliases`` ``(old, new)`` pairs of
    former values: links written before a rename still read the same. ``upper`` upper-cases
    ``choice``/``multi`` values before checking them (ISO codes).
    """

    name: str
    kind: str
    default: Any
    choices: tuple = ()
    lo: int | None = None
    hi: int | None = None
    max_len: int = MAX_TEXT
    label: str = ""
    aliases: tuple[str, ...] = ()
    value_aliases: tuple[tuple[str, str], ...] = ()
    upper: bool = False

    def _canon(self, v: Any) -> Any:
        if not isinstance(v, str):
            return v
        v = dict(self.value_aliases).get(v, v)
        return v.upper() if self.upper else v

    def clean(self, raw: Any) -> tuple[Any, str | None]:
        """(valid value, notice or None). ``raw`` may be anything a client could send."""
        label = self.label or self.name
        if raw is None:
            return self.default, None
        if self.kind == "choice":
            if isinstance(raw, str) and self._canon(raw) in self.choices:
                return self._canon(raw), None
            return self.default, f"“{_short(raw)}” is not a valid {label}; showing the default."
        if self.kind == "multi":
            items = raw.split(",") if isinstance(raw, str) else raw
            if not isinstance(items, (list, tuple)):
                return self.default, f"The {label} filter could not be read; it was cleared."
            items = [self._canon(i) for i in items if i != ""]
            good = [i for i in items if isinstance(i, str) and i in self.choices]
            uniq = list(dict.fromkeys(good))[:MAX_ITEMS]
            bad = [i for i in items if not (isinstance(i, str) and i in self.choices)]
            note = None
            if bad:
                note = (f"Ignored unknown {label} value(s): "
                        f"{', '.join('“' + _short(b) + '”' for b in bad[:5])}"
                        f"{' …' if len(bad) > 5 else ''}.")
            elif len(good) > MAX_ITEMS:
                note = f"Only the first {MAX_ITEMS} {label} values were kept."
            return uniq, note
        if self.kind == "int":
            try:
                if isinstance(raw, bool):
                    raise ValueError
                n = int(raw) if isinstance(raw, int) else int(str(raw).strip(), 10)
            except (ValueError, TypeError):
                return self.default, f"“{_short(raw)}” is not a valid {label}; showing the default."
            if (self.lo is not None and n < self.lo) or (self.hi is not None and n > self.hi):
                return self.default, (f"{label.capitalize()} {n} is outside {self.lo}–{self.hi}; "
                                      "showing the default.")
            return n, None
        if self.kind == "bool":
            if raw in (True, "1", "true"):
                return True, None
            if raw in (False, "0", "false"):
                return False, None
            return self.default, f"“{_short(raw)}” is not valid for {label}; showing the default."
        if self.kind == "text":
            if not isinstance(raw, str):
                return self.default, f"The {label} could not be read; it was cleared."
            s = _CTRL.sub("", raw).strip()
            if len(s) > self.max_len:
                return s[: self.max_len].rstrip(), f"The {label} was cut to {self.max_len} characters."
            return s, None
        raise ValueError(f"unknown param kind {self.kind!r}")

    def dump(self, value: Any) -> str | None:
        """The query-string form of a value, or None when it equals the default."""
        if value == self.default or value is None:
            return None
        if self.kind == "multi":
            return ",".join(value) if value else None
        if self.kind == "bool":
            return "1" if value else "0"
        return str(value)


@dataclass(frozen=True)
class Spec:
    params: tuple[Param, ...]
    reserved: frozenset = field(default_factory=frozenset)

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.params]

    def _aliases(self) -> dict[str, str]:
        return {a: p.name for p in self.params for a in p.aliases}

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def clean(self, values: dict) -> tuple[dict, list[str]]:
        """Validate a dict of raw values (missing keys take defaults)."""
        state, notes = {}, []
        for p in self.params:
            v, n = p.clean(values.get(p.name))
            state[p.name] = v
            if n:
                notes.append(n)
        return state, notes

    def parse(self, query: dict | str | None) -> tuple[dict, list[str]]:
        """Parse ``layout(**kwargs)`` query parameters (or a raw ``?a=b`` string)."""
        if isinstance(query, str):
            qs = parse_qs(query.lstrip("?"), keep_blank_values=True)
            query = {k: v[-1] for k, v in qs.items()}
        query = dict(query or {})
        for old, new in self._aliases().items():  # a former name; the current one wins
            if old in query:
                value = query.pop(old)
                query.setdefault(new, value)
        unknown = [k for k in query if k not in self.names and k not in self.reserved
                   and k != RELEASE_PARAM]
        state, notes = self.clean({k: v for k, v in query.items() if k in self.names})
        if unknown:
            notes.append("Ignored unknown parameter(s): "
                         + ", ".join("“" + _short(k) + "”" for k in unknown[:5]) + ".")
        return state, notes

    def to_search(self, state: dict) -> str:
        """``?a=b`` with only non-default values (``""`` when everything is default)."""
        pairs = [(p.name, d) for p in self.params if (d := p.dump(state.get(p.name))) is not None]
        return query_string(pairs)
