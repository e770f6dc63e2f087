"""Queries behind the public read API (``web/api.py``): one function per endpoint, filters bound.

Every function returns the whole filtered, stably ordered result; the API pages through it (the
tables hold hundreds of rows, not millions). List filters are tuples of values already checked
against the vocabularies; an empty tuple means "any".
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import db
from .. import vocab as V
from ..memo import per_release

#: API filter name -> its vocabulary (data/vocab.py).
VOCAB: dict[str, tuple[str, ...]] = {
    "metric": V.METRICS, "count_basis": V.COUNT_BASES, "confidence": V.CONFIDENCE,
    "infra_kind": V.INFRA_KINDS, "infra_status": V.INFRA_STATUS,
    "activity_kind": V.ACTIVITY_KINDS, "topic": V.TOPICS,
}


def countries(eu_member: bool | None = None, signatory: bool | None = None,
              iso3: str | None = None) -> pd.DataFrame:
    """Country profile rows (``api_countries.sql``), ordered by ISO3."""
    return db.query("api_countries", iso3=iso3, eu_member=eu_member, signatory=signatory)


def country_figures(iso3: str) -> pd.DataFrame:
    """The latest figure per programme, metric and basis of one country, with provenance."""
    return db.query("api_country_figures", iso3=iso3)


def country_initiatives(iso3: str) -> pd.DataFrame:
    """The genome programmes and projects of one country."""
    return db.query("api_country_initiatives", iso3=iso3)


def genome_figures(countries=(), metrics=(), bases=(), initiatives=(), confidence=(),
                   date_from: dt.date | None = None, date_to: dt.date | None = None) -> pd.DataFrame:
    """Dated genome figures as published, filtered; ordered by country, metric, date."""
    return db.query("api_genome_figures", countries=list(countries), metrics=list(metrics),
                    bases=list(bases), initiatives=list(initiatives), confidence=list(confidence),
                    date_from=date_from, date_to=date_to)


def infrastructures(countries=(), kinds=(), statuses=()) -> pd.DataFrame:
    """Infrastructure nodes and facilities, filtered; ordered by id."""
    return db.query("api_infrastructures", countries=list(countries), kinds=list(kinds),
                    statuses=list(statuses))


def activities(countries=(), kinds=(), topics=()) -> pd.DataFrame:
    """Funded activities, partnerships and groups, filtered; ordered by id."""
    return db.query("api_activities", countries=list(countries), kinds=list(kinds),
                    topics=list(topics))


def milestones(countries=(), date_from: dt.date | None = None,
               date_to: dt.date | None = None) -> pd.DataFrame:
    """Milestones of the initiative, filtered; ordered by date."""
    return db.query("api_milestones", countries=list(countries), date_from=date_from,
                    date_to=date_to)


def vocabulary() -> dict[str, tuple[str, ...]]:
    """``{"country": (...), "initiative": (...)}``: the codes the release knows."""
    df = db.query("api_vocabulary")
    return {facet: tuple(g.value) for facet, g in df.groupby("facet", sort=True)}


@per_release
def codes() -> dict[str, tuple[str, ...]]:
    """:func:`vocabulary` plus ``"profile"``: the ISO3 codes that have a country profile."""
    return {**vocabulary(), "profile": tuple(countries().iso3)}
