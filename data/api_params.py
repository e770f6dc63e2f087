"""Query-parameter declarations for the public API: one statement used both to validate requests
and to write the OpenAPI document, so the two cannot drift apart.

Every problem becomes an :class:`ApiError` (a 4xx with a JSON body naming the parameter, what was
wrong and what was expected); nothing a client sends can reach a query unchecked.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from components import urls

MAX_RAW = 1000  # characters in any one parameter value
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_INT = re.compile(r"^[+-]?\d{1,12}$")
_CTRL = re.compile(r"[\x00-\x1f\x7f]")
_Y = "[1-9][0-9]{3}"
_LEAP = "([1-9][0-9](0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26])00)"
_MD = ("((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)")
#: Exactly the dates the API accepts (years 1000-9999, real months and days, 29 February only in
#: leap years): the OpenAPI description states this pattern and :func:`parse_date` checks it.
DATE_PATTERN = f"^({_Y}(-(0[1-9]|1[0-2]))?|{_Y}-{_MD}|{_LEAP}-02-29)$"
#: Text parameters: no control characters (the description states the same pattern).
TEXT_PATTERN = "^[^\\x00-\\x1f\\x7f]*$"


class ApiError(Exception):
    """A client error: HTTP ``status`` with ``{"error": {"parameter", "message", "expected"}}``."""

    def __init__(self, status: int, message: str, parameter: str | None = None,
                 expected: str | None = None):
        super().__init__(message)
        self.status, self.message, self.parameter, self.expected = status, message, parameter, expected

    def body(self) -> dict:
        return {"error": {"parameter": self.parameter, "message": self.message,
                          "expected": self.expected}}


def _show(v: str, n: int = 40) -> str:
    v = _CTRL.sub("?", v)
    return repr(v if len(v) <= n else v[: n - 1] + "…")


@dataclass(frozen=True)
class Param:
    """One parameter. ``kind``: ``int``, ``bool``, ``enum``, ``list`` (comma-separated values),
    ``date`` (``YYYY[-MM[-DD]]``, parsed to its first and last day) or ``text``.

    ``choices`` is a tuple, or a callable returning one (vocabularies that come from the data
    release, such as country codes). ``upper`` upper-cases values before checking (ISO codes).
    """

    name: str
    kind: str
    description: str
    choices: tuple | Callable[[], tuple] | None = None
    default: Any = None
    lo: int | None = None
    hi: int | None = None
    max_len: int = 100
    max_items: int = 50
    upper: bool = False
    example: str | None = None
    location: str = "query"
    #: enum only: a well-formed value (matching this regex) that is not a choice is a 404 (a
    #: resource that does not exist, e.g. a country code the atlas has no profile for).
    missing_if: str | None = None
    #: code -> the words the atlas shows for it (components/labels.py), for the OpenAPI document.
    labels: dict | None = None

    def options(self) -> tuple:
        c = self.choices
        return tuple(c() if callable(c) else (c or ()))

    def expected(self) -> str:
        if self.kind == "int":
            return f"an integer from {self.lo} to {self.hi}"
        if self.kind == "bool":
            return "true or false"
        if self.kind == "date":
            return "a date as YYYY, YYYY-MM or YYYY-MM-DD"
        if self.kind == "text":
            return f"text of at most {self.max_len} characters"
        opts = self.options()
        shown = ", ".join(opts[:40]) + (" …" if len(opts) > 40 else "")
        if self.kind == "list":
            return f"up to {self.max_items} comma-separated values from: {shown}"
        return f"one of: {shown}"

    def parse(self, raw: str) -> Any:
        """The typed value of ``raw``; raises ApiError(400)."""
        def bad(msg: str) -> ApiError:
            return ApiError(400, msg, self.name, self.expected())

        if len(raw) > MAX_RAW:
            raise bad(f"'{self.name}' is too long ({len(raw)} characters)")
        if self.kind == "int":
            if not _INT.match(raw.strip()):
                raise bad(f"'{self.name}' must be an integer, not {_show(raw)}")
            n = int(raw.strip())
            if (self.lo is not None and n < self.lo) or (self.hi is not None and n > self.hi):
                raise bad(f"'{self.name}' is out of range: {n}")
            return n
        if self.kind == "bool":
            v = raw.strip().lower()
            if v in ("true", "1"):
                return True
            if v in ("false", "0"):
                return False
            raise bad(f"'{self.name}' must be true or false, not {_show(raw)}")
        if self.kind == "date":
            return parse_date(raw, self)
        if self.kind == "text":
            if _CTRL.search(raw):
                raise bad(f"'{self.name}' contains control characters")
            if len(raw) > self.max_len:
                raise bad(f"'{self.name}' is too long ({len(raw)} characters)")
            return raw.strip()
        opts = self.options()
        if self.kind == "enum":
            v = raw.upper() if self.upper else raw
            if v not in opts:
                if self.missing_if and re.fullmatch(self.missing_if, raw):
                    raise ApiError(404, f"there is no {self.name} {_show(raw)} in the atlas",
                                   self.name, self.expected())
                raise bad(f"unknown value {_show(raw)} for '{self.name}'")
            return v
        if self.kind == "list":
            if raw == "":
                raise bad(f"'{self.name}' is empty; leave it out to mean any value")
            items = raw.split(",")
            if len(items) > self.max_items:
                raise bad(f"'{self.name}' has {len(items)} values; at most {self.max_items} allowed")
            out = []
            for item in items:
                v = item.strip()
                v = v.upper() if self.upper else v
                if v == "":
                    raise bad(f"'{self.name}' has an empty value in its list")
                if v not in opts:
                    raise bad(f"unknown value {_show(item)} in '{self.name}'")
                out.append(v)
            return tuple(dict.fromkeys(out))
        raise ValueError(f"unknown parameter kind {self.kind!r}")


def parse_date(raw: str, p: Param) -> tuple[dt.date, dt.date]:
    """``YYYY`` / ``YYYY-MM`` / ``YYYY-MM-DD`` -> (first day, last day) of that period."""
    err = ApiError(400, f"'{p.name}' is not a valid date: {_show(raw)}", p.name, p.expected())
    if not re.fullmatch(DATE_PATTERN, raw):
        raise err
    m = _DATE.match(raw)
    y, mo, d = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if y < 1000:
        raise err
    try:
        if d:
            day = dt.date(y, mo, d)
            return day, day
        if mo:
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    except ValueError:
        raise err from None
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


#: Accepted by every endpoint, page and download: serve that kept release (web/pinning.py reads
#: it before the endpoint's own parameters are validated).
RELEASE = urls.RELEASE_PARAM


def validate(args, params: tuple[Param, ...]) -> dict:
    """Typed values of the query parameters (``args`` a werkzeug MultiDict), defaults filled in.

    Unknown, repeated, malformed or out-of-range parameters raise ApiError(400).
    """
    known = {p.name: p for p in params if p.location == "query"}
    for key in args.keys():
        if key == RELEASE:
            continue
        if key not in known:
            raise ApiError(400, f"unknown parameter {_show(key)}", key[:100],
                           "one of: " + ", ".join(known) if known else "no parameters")
        if len(args.getlist(key)) > 1:
            raise ApiError(400, f"'{key}' is given more than once", key,
                           "a single value (separate several values with commas)")
    out = {}
    for name, p in known.items():
        out[name] = p.parse(args[name]) if name in args else p.default
    if "from" in out and "to" in out and out["from"] and out["to"]:
        if out["from"][0] > out["to"][1]:
            raise ApiError(400, "the date range is inverted: 'from' is after 'to'", "from",
                           "'from' on or before 'to'")
    return out
