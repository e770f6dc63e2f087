"""One harvested dataset record, validated (pydantic), and the rules that derive its fields.

* ``dataset_id`` — the catalogue's own identifier (``dct:identifier`` / CKAN ``identifier``), required.
* ``country_iso3`` — from a GDI identifier ``GDI-CC-ORG-NNN`` / ``GOE-CC-ORG-NNN`` (CC = ISO alpha-2)
  when the identifier has that form, else the node's country.
* ``individuals`` / ``records`` — ``numberOfUniqueIndividuals`` / ``numberOfRecords``: whole numbers
  >= 0, or missing (never 0 for missing).
* ``compliant_1mg`` — ``dct:conformsTo gdi:1MGCompliant``.
* ``genomic`` — a health category ``gdi:HealthCategoryHumanGenomic`` or ``…HumanGenetic``.
* ``modified`` — a parseable date or date-time, kept as ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SSZ``.
"""
from __future__ import annotations

import datetime as dt
import re

import pycountry
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

GDI = "http://data.gdi.eu/core/p2/"
COMPLIANT_1MG = GDI + "1MGCompliant"
GENOMIC_CATEGORIES = frozenset({GDI + "HealthCategoryHumanGenomic", GDI + "HealthCategoryHumanGenetic"})
GDI_ID = re.compile(r"^(GOE|GDI)-([A-Za-z]{2})-[A-Za-z]+-[0-9]+$")
ISO2_ALIASES = {"EL": "GR", "UK": "GB"}   # the EU's own codes for Greece and the United Kingdom

COLUMNS = ("node", "dataset_id", "title", "country_iso3", "individuals", "records", "conforms_to",
           "compliant_1mg", "genomic", "health_categories", "access_rights", "modified",
           "harvested_at", "source_url")


def _expand(value: str) -> str:
    return GDI + value[4:] if value.startswith("gdi:") else value


def _count(v):
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool):
        raise ValueError("is true/false, not a count")  # noqa: TRY004 — pydantic reports ValueError
    if isinstance(v, float):
        if not v.is_integer():
            raise ValueError(f"{v!r} is not a whole number")
        return int(v)
    if isinstance(v, int):
        return v
    s = str(v).strip()
    if not re.fullmatch(r"[+-]?[0-9]+", s):
        raise ValueError(f"{s!r} is not a whole number")
    return int(s)


def _date(v):
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    s = str(v).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return dt.date.fromisoformat(s).isoformat()
    try:
        t = dt.datetime.fromisoformat(s.replace("z", "Z"))
    except ValueError:
        raise ValueError(f"{s!r} is not a date") from None
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC).replace(tzinfo=None)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    node: str
    dataset_id: str = Field(min_length=1)
    title: str | None = None
    country_iso3: str
    individuals: int | None = Field(default=None, ge=0)
    records: int | None = Field(default=None, ge=0)
    conforms_to: list[str] = []
    compliant_1mg: bool = False
    genomic: bool = False
    health_categories: list[str] = []
    access_rights: str | None = None
    modified: str | None = None
    harvested_at: str
    source_url: str

    _counts = field_validator("individuals", "records", mode="before")(classmethod(lambda c, v: _count(v)))
    _dates = field_validator("modified", mode="before")(classmethod(lambda c, v: _date(v)))


def resolve_country(dataset_id: str | None, node_country: str) -> str:
    """ISO alpha-3 of a dataset: from its GDI identifier if it has one, else the node's."""
    m = GDI_ID.match(dataset_id or "")
    if not m:
        return node_country
    cc = m.group(2).upper()
    found = pycountry.countries.get(alpha_2=ISO2_ALIASES.get(cc, cc))
    if not found:
        raise ValueError(f"unknown country code {cc!r} in identifier {dataset_id!r}")
    return found.alpha_3


def validate(node, raw: dict, harvested_at: str) -> Record | str:
    """A :class:`Record`, or the problem as ``node:record: message``."""
    rid = (raw.get("dataset_id") or "").strip() if isinstance(raw.get("dataset_id"), str) else None
    label = rid or raw.get("ref") or "?"
    if not rid:
        return f"{node.id}:{label}: record has no identifier; skipped"
    try:
        country = resolve_country(rid, node.country)
        conforms = sorted({_expand(c) for c in raw.get("conforms_to") or [] if c})
        cats = sorted({_expand(c) for c in raw.get("health_categories") or [] if c})
        rec = Record(
            node=node.id, dataset_id=rid, title=(raw.get("title") or None), country_iso3=country,
            individuals=raw.get("individuals"), records=raw.get("records"), conforms_to=conforms,
            compliant_1mg=COMPLIANT_1MG in conforms, genomic=bool(GENOMIC_CATEGORIES & set(cats)),
            health_categories=cats, access_rights=raw.get("access_rights") or None,
            modified=raw.get("modified"), harvested_at=harvested_at,
            source_url=raw.get("source_url") or node.url)
    except ValidationError as e:
        msgs = "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg'].removeprefix('Value error, ')}"
                         for err in e.errors())
        return f"{node.id}:{label}: {msgs}; skipped"
    except ValueError as e:
        return f"{node.id}:{label}: {e}; skipped"
    return rec
