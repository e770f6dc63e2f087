"""Queries behind the country index (/countries) and the country profile (/country/<ISO3>).

Each function runs one ``data/sql/country_*.sql`` file with the ISO3 code bound as ``$iso3``. The
few computations done here in pandas (signature position, median of signatories) follow the data
rules: only carried-forward ``cumulative`` totals enter a median, metrics are never mixed, and
every derived value keeps the source URLs it rests on.
"""
from __future__ import annotations

import difflib
import re
import statistics
from dataclasses import dataclass, field
from urllib.parse import unquote

import numpy as np
import pandas as pd

from .. import db
from ..memo import per_release
from .sources import ordered

#: Alpha-2 codes used by EU institutions that differ from ISO 3166-1.
ISO2_ALIASES = {"UK": "GBR", "EL": "GRC"}
MAX_CODE_LEN = 100


def _query(name: str, **params) -> pd.DataFrame:
    """Run a query with plain Python values where pandas would give ``pd.NA`` or arrays.

    Nullable integers become ints with None for missing (``pd.NA`` is neither a number nor seen
    as missing by the formatting helpers); LIST columns become Python lists.
    """
    df = db.query(name, **params)
    for col in df.columns:
        if str(df[col].dtype) in ("Int64", "Float64", "boolean"):
            df[col] = df[col].astype(object).where(df[col].notna(), None)
        elif df[col].dtype == object:
            df[col] = [list(v) if isinstance(v, np.ndarray) else v for v in df[col]]
    return df


def _of_country(query: str):
    """A profile section's query: ``f(iso3)`` runs ``data/sql/<query>.sql`` with ``$iso3`` bound."""

    def run(iso3: str) -> pd.DataFrame:
        return _query(query, iso3=iso3)

    run.__name__ = run.__qualname__ = query.removeprefix("country_")
    run.__doc__ = f"The rows of ``data/sql/{query}.sql`` for the country ``iso3``."
    return run


@per_release
def codes() -> pd.DataFrame:
    """``iso3``, ``iso2``, ``name`` of every country with a profile (cached per data release)."""
    return _query("country_codes")


@dataclass(frozen=True)
class Resolution:
    """What a profile URL's code names: ``iso3`` (None when unknown), and close matches otherwise."""

    raw: str
    iso3: str | None
    suggestions: list[tuple[str, str]] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.iso3 is not None


def resolve(raw) -> Resolution:
    """Map a code from a URL (ISO3 or ISO2 in any case, or a country name) to a profile's ISO3.

    Unknown input gets up to five suggestions (closest codes and names, via difflib). ``raw`` is
    cleaned for display (URL-decoded, control characters removed, at most 100 characters).
    """
    text = unquote(raw) if isinstance(raw, str) else ""
    text = re.sub(r"[\x00-\x1f\x7f]", "", text).strip()[:MAX_CODE_LEN]
    df = codes()
    by_iso3 = dict(zip(df.iso3, df.iso3))
    by_iso2 = {**dict(zip(df.iso2.str.upper(), df.iso3)), **ISO2_ALIASES}
    by_name = dict(zip(df.name.str.lower(), df.iso3))
    up = text.upper()
    hit = by_iso3.get(up) or by_iso2.get(up) or by_name.get(text.lower())
    if hit:
        return Resolution(text, hit)
    keys = {**{k.lower(): v for k, v in by_iso3.items()},
            **{k.lower(): v for k, v in by_iso2.items()}, **by_name}
    names = dict(zip(df.iso3, df.name))
    matches = difflib.get_close_matches(text.lower(), list(keys), n=10, cutoff=0.6) if text else []
    seen = list(dict.fromkeys(keys[m] for m in matches))[:5]
    return Resolution(text, None, [(i, names[i]) for i in seen])


@per_release
def country_index() -> pd.DataFrame:
    """One row per country with key indicators and provenance (columns: see country_index.sql);
    cached per data release."""
    return _query("country_index")


def signature_position(iso3: str) -> dict:
    """Where a country's 1+MG signature falls among the signatories.

    Keys: ``signatory`` (bool), ``date``, ``precision``, ``first``/``last`` (ordinal range: with
    month-only dates several positions are possible), ``same_date`` (countries with the identical
    recorded date, itself included), ``n_signatories``, ``n_with_date``. A position counts only
    signatories whose date is known.
    """
    sig = _query("country_signatories")
    out = {"signatory": iso3 in set(sig.iso3), "n_signatories": len(sig),
           "n_with_date": int(sig.onemg_signed_date_first.notna().sum()), "date": None,
           "precision": None, "first": None, "last": None, "same_date": 0}
    if not out["signatory"]:
        return out
    me = sig[sig.iso3 == iso3].iloc[0]
    if pd.isna(me.onemg_signed_date_first):
        return out
    dated = sig[sig.onemg_signed_date_first.notna()]
    out.update(
        date=me.onemg_signed_date, precision=me.onemg_signed_date_precision,
        first=int((dated.onemg_signed_date_last < me.onemg_signed_date_first).sum()) + 1,
        last=int((dated.onemg_signed_date_first <= me.onemg_signed_date_last).sum()),
        same_date=int((dated.onemg_signed_date == me.onemg_signed_date).sum()),
    )
    return out


@per_release
def signatory_median_progress() -> pd.DataFrame:
    """Median over signatories of their carried-forward totals, per metric and date of change.

    At each date a signatory counts only once it has a figure for that metric. Columns: ``metric``,
    ``date``, ``value`` (median), ``n_countries`` (signatories with a figure by then),
    ``countries``, ``source_urls`` (union of the figures used).
    """
    return _median_progress()


def _median_progress() -> pd.DataFrame:
    df = _query("country_signatory_progress")
    rows = []
    for metric, grp in df.groupby("metric", sort=True):
        recs = sorted(zip(grp.date, grp.country_iso3, grp.value, grp.source_urls),
                      key=lambda r: r[0])
        latest: dict[str, tuple] = {}
        for i, (d, iso3, value, urls) in enumerate(recs):
            latest[iso3] = (value, urls)
            if i + 1 < len(recs) and recs[i + 1][0] == d:
                continue  # several countries change on the same date: one row after all of them
            urls_all = ordered(u for _, us in latest.values() for u in us)
            rows.append({"metric": metric, "date": d,
                         "value": float(statistics.median(v for v, _ in latest.values())),
                         "n_countries": len(latest), "countries": sorted(latest),
                         "source_urls": urls_all})
    return pd.DataFrame(rows, columns=["metric", "date", "value", "n_countries", "countries",
                                       "source_urls"])


#: Indicator columns of ``country_index`` a median may be taken of (caller picks by key).
MEDIAN_COLUMNS = {
    "wgs": "wgs_value", "wgs_per_million": "wgs_per_million", "wes": "wes_value",
    "genotyped": "genotyped_value", "accessible": "accessible_value",
    "goe_planned": "goe_planned_samples", "cohorts": "n_cohorts", "nodes": "n_infra_nodes",
    "activities": "n_activities", "funded_projects": "n_funded_projects",
    "initiatives": "n_initiatives",
}


def signatory_medians(index: pd.DataFrame | None = None) -> dict:
    """``{key: {"value", "n", "n_signatories"}}``: the median of each indicator over the
    signatories that have a figure for it (``value`` None when none has)."""
    df = country_index() if index is None else index
    sig = df[df.onemg_signatory.astype(bool)]
    out = {}
    for key, col in MEDIAN_COLUMNS.items():
        vals = [float(v) for v in sig[col] if not pd.isna(v)]
        out[key] = {"value": statistics.median(vals) if vals else None, "n": len(vals),
                    "n_signatories": len(sig)}
    return out


# The profile's sections, one query each (what each returns is said in the comment above it).

#: The country's national initiatives with target, years and sources.
initiatives = _of_country("country_initiatives")

#: Every dated figure of the country (all metrics, bases and programmes), with provenance.
genome_counts = _of_country("country_genome_counts")

#: Latest figure per (programme, metric, basis) of the country.
latest_figures = _of_country("country_latest_figures")

#: The country's carried-forward totals per metric (``date``, ``value``, ``source_urls`` …).
progress = _of_country("country_progress")

#: Cohorts and biobanks that include the country (participants overlap: never add them up).
cohorts = _of_country("country_cohorts")

#: Infrastructure nodes in the country; ``lat``/``lon`` missing when no location is public.
infrastructures = _of_country("country_infrastructures")

#: Activities and funded research projects the country coordinates or takes part in (``role``).
activities = _of_country("country_activities")

#: Milestones naming the country.
milestones = _of_country("country_milestones")

#: Every outline's code and bounding box, with ``focus`` true for the country's own row.
geo_frame = _of_country("country_geo_frame")
