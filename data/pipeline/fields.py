"""Reusable validated field types for the source-table row models.

Every CSV cell arrives as a string. These annotated types turn a cell into a typed value or raise a
ValueError whose message is shown to the curator as ``file:row:column: message`` — so messages say
what was found and what was expected, in plain words.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlparse

import pycountry
from pydantic import BeforeValidator

from ..vocab import TRISTATE

#: Pseudo-codes allowed besides ISO 3166-1 alpha-3 (pan-European rows; Kosovo's user-assigned code).
EXTRA_CODES = {"EU": "European Union / pan-European", "XKX": "Kosovo"}

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def today() -> dt.date:
    """The reference 'today' for future-date checks (a function so tests can patch it)."""
    return dt.date.today()


def is_iso3(code: str) -> bool:
    return code in EXTRA_CODES or pycountry.countries.get(alpha_3=code) is not None


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == "")


def _or_blank(check):
    """``check`` for a cell that may be left blank (a blank cell is None)."""
    return lambda v: None if _blank(v) else check(v)


def _text(v):
    if _blank(v):
        return None
    return str(v)


def _required_text(v):
    if _blank(v):
        raise ValueError("is empty; a value is required")
    return str(v)


def _iso3(v):
    if _blank(v):
        raise ValueError("is empty; an ISO 3166-1 alpha-3 code is required")
    if not is_iso3(v):
        raise ValueError(f"'{v}' is not an ISO 3166-1 alpha-3 code (or EU / XKX)")
    return v


def _iso3_list(v):
    if _blank(v):
        return []
    codes = [c.strip() for c in str(v).split(";")]
    bad = [c for c in codes if not c or not is_iso3(c)]
    if bad:
        raise ValueError(f"list holds {', '.join(repr(b) for b in bad)}, not ISO 3166-1 alpha-3 codes")
    if len(set(codes)) != len(codes):
        raise ValueError("list names a country twice")
    return codes


def parse_partial_date(v: str) -> tuple[str, dt.date, dt.date]:
    """'2018', '2018-09' or '2018-09-06' -> (precision, first day, last day). Raises ValueError."""
    m = _DATE_RE.match(str(v).strip())
    if not m:
        raise ValueError(f"'{v}' is not a date as YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = m.groups()
    year = int(y)
    if mo is None:
        return "year", dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(mo)
    if not 1 <= month <= 12:
        raise ValueError(f"'{v}' is an impossible date (month {month})")
    last = calendar.monthrange(year, month)[1]
    if d is None:
        return "month", dt.date(year, month, 1), dt.date(year, month, last)
    day = int(d)
    if not 1 <= day <= last:
        raise ValueError(f"'{v}' is an impossible date (day {day} of a {last}-day month)")
    return "day", dt.date(year, month, day), dt.date(year, month, day)


def _date(v):
    if _blank(v):
        raise ValueError("is empty; a date as YYYY, YYYY-MM or YYYY-MM-DD is required")
    parse_partial_date(v)
    return str(v).strip()


def _past_date(v):
    s = _date(v)
    _, start, _ = parse_partial_date(s)
    if start > today():
        raise ValueError(f"'{s}' is in the future; an as-of date must have happened")
    return s


def _number(pattern: str, what: str, cast, never_negative: str | None = None):
    """A number cell: blank is None; else it must match ``pattern`` (``what`` it is, in words)
    and, when ``never_negative`` names the kind of value, be zero or more."""

    def check(v):
        if _blank(v):
            return None
        s = str(v).strip()
        if not re.fullmatch(pattern, s):
            raise ValueError(f"'{s}' is not {what}")
        x = cast(s)
        if never_negative and x < 0:
            raise ValueError(f"'{s}' is negative; {never_negative} are never below zero")
        return x

    return check


_count = _number(r"-?\d+", "a whole number", int, "counts")
_money = _number(r"-?\d+(\.\d+)?", "an amount in euros (digits, optional decimals)", float, "amounts")
_year = _number(r"\d{4}", "a year (YYYY)", int)


def _required_count(v):
    if _blank(v):
        raise ValueError("is empty; a whole number is required")
    return _count(v)


def _past_year(v):
    y = _year(v)
    if y is not None and y > today().year:
        raise ValueError(f"'{y}' is in the future; an as-of year must have happened")
    return y


def _url(v):
    s = str(v).strip()
    p = urlparse(s)
    if p.scheme not in ("http", "https") or not p.netloc or " " in s:
        raise ValueError(f"'{s[:80]}' is not an http(s) URL")
    return s


def _url_list(v):
    if _blank(v):
        raise ValueError("is empty; at least one http(s) source URL is required")
    return [_url(u) for u in str(v).split(";") if u.strip()]


def _text_list(v):
    if _blank(v):
        return []
    return [x.strip() for x in str(v).split(";") if x.strip()]


def _figure_id(v):
    s = "" if v is None else str(v).strip()
    if not re.fullmatch(r"[0-9a-f]{12}", s):
        raise ValueError(f"'{s[:40]}' is not a figure id (12 lower-case hex digits, assigned once "
                         "when the figure is first recorded)")
    return s


def _tristate(v):
    if v not in TRISTATE:
        raise ValueError(f"'{v}' is not one of {', '.join(TRISTATE)}")
    return v


def _bool(v):
    if v not in ("true", "false"):
        raise ValueError(f"'{v}' is not one of true, false")
    return v == "true"


def _degrees(what: str, limit: int):
    """A ``what`` ('latitude', 'longitude') in degrees within ``-limit..limit``; blank is None."""

    def check(v):
        if _blank(v):
            return None
        try:
            x = float(v)
        except ValueError:
            raise ValueError(f"'{v}' is not a {what} in degrees") from None
        if not -limit <= x <= limit:
            raise ValueError(f"'{v}' is out of range; {what} must be within -{limit}..{limit}")
        return x

    return check


_lat = _degrees("latitude", 90)
_lon = _degrees("longitude", 180)


def enum(*allowed: str, blank_ok: bool = False):
    """A str field restricted to a vocabulary from the reference README."""

    def check(v):
        if blank_ok and _blank(v):
            return None
        if v not in allowed:
            raise ValueError(f"'{v}' is not one of: {', '.join(allowed)}")
        return v

    return Annotated[str | None, BeforeValidator(check)]


def enum_list(*allowed: str):
    """A ';'-separated list whose items come from a vocabulary."""

    def check(v):
        items = _text_list(v)
        bad = [x for x in items if x not in allowed]
        if bad:
            raise ValueError(f"{', '.join(repr(b) for b in bad)} not in vocabulary: {', '.join(allowed)}")
        return items

    return Annotated[list[str], BeforeValidator(check)]


Text = Annotated[str | None, BeforeValidator(_text)]
RequiredText = Annotated[str, BeforeValidator(_required_text)]
Iso3 = Annotated[str, BeforeValidator(_iso3)]
OptIso3 = Annotated[str | None, BeforeValidator(_or_blank(_iso3))]
Iso3List = Annotated[list[str], BeforeValidator(_iso3_list)]
PartialDate = Annotated[str, BeforeValidator(_date)]
OptPartialDate = Annotated[str | None, BeforeValidator(_or_blank(_date))]
AsOfDate = Annotated[str, BeforeValidator(_past_date)]
Count = Annotated[int | None, BeforeValidator(_count)]
RequiredCount = Annotated[int, BeforeValidator(_required_count)]
Money = Annotated[float | None, BeforeValidator(_money)]
Year = Annotated[int | None, BeforeValidator(_year)]
AsOfYear = Annotated[int | None, BeforeValidator(_past_year)]
OptUrl = Annotated[str | None, BeforeValidator(_or_blank(_url))]
UrlList = Annotated[list[str], BeforeValidator(_url_list)]
TextList = Annotated[list[str], BeforeValidator(_text_list)]
FigureId = Annotated[str, BeforeValidator(_figure_id)]
TriState = Annotated[str, BeforeValidator(_tristate)]
Bool = Annotated[bool, BeforeValidator(_bool)]
OptBool = Annotated[bool | None, BeforeValidator(_or_blank(_bool))]
Lat = Annotated[float | None, BeforeValidator(_lat)]
Lon = Annotated[float | None, BeforeValidator(_lon)]
