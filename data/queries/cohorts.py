"""Cohort explorer queries: filtered search, facet counts and a selection summary.

One filter object (:class:`CohortFilters`) drives all three, so the table, the facet counts, the map
and the totals always describe the same rows. The public API (``/api/v1/cohorts``) reuses
:func:`search` so it returns exactly the explorer's rows; the two take the same parameters, declared
once in :mod:`data.queries.cohort_filters`.

Semantics, stated once:

* Within a facet, selected values are OR-ed (a cohort matches if it has *any* of them), except the
  two list facets ``disease_focus`` and ``data_types`` when their match mode is ``"all"`` (a cohort
  must have *every* selected value). A cohort matches the country facet if any of its countries is
  selected. Facets are AND-ed with each other and with the free text.
* ``text`` is a literal, case-insensitive substring of name, acronym or notes: quotes, ``%``, ``_``
  and other SQL/LIKE metacharacters have no special meaning.
* Participants overlap across rows (EPIC contains E3N; the Danish National Biobank holds other
  collections), so ``summary()["participants_sum"]`` is a plain sum of sourced figures, never a
  head count.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from .. import db
from ..memo import per_release
from ..vocab import (  # noqa: F401  (public names of this module)
    ACCESS_MODELS,
    COHORT_KINDS,
    DATA_TYPES,
    DISEASE_FOCUS,
    RECRUITMENT,
    SIZE_BANDS,
)

#: Vocabularies (data/vocab.py); facets list every value, even with no cohort.
KINDS = COHORT_KINDS
MATCH_MODES = ("any", "all")

#: Facet name (a CohortFilters field) -> its fixed vocabulary (countries come from the data).
FACETS = {"countries": (), "kinds": KINDS, "disease_focus": DISEASE_FOCUS, "data_types": DATA_TYPES,
          "access_models": ACCESS_MODELS, "recruitment": RECRUITMENT, "size_bands": SIZE_BANDS}

#: Allow-list: public sort key -> the column it orders by. A sort is ``"<key>_asc"``/``"<key>_desc"``.
SORTABLE = {
    "name": "name", "acronym": "acronym", "countries": "countries_iso3", "kind": "kind",
    "participants": "participants", "participants_as_of": "participants_as_of",
    "wgs": "wgs_count", "wes": "wes_count", "genotyped": "genotyped_count",
    "access": "access_model", "recruitment": "recruitment_status", "start_year": "start_year",
    "confidence": "confidence",
}
DEFAULT_SORT = "participants_desc"
SORTS = tuple(f"{k}_{d}" for k in SORTABLE for d in ("asc", "desc"))


@dataclass(frozen=True)
class CohortFilters:
    countries: tuple[str, ...] = ()        # ISO3; a cohort matches if any of its countries is selected
    kinds: tuple[str, ...] = ()
    disease_focus: tuple[str, ...] = ()
    disease_match: str = "any"            # "any" | "all"
    data_types: tuple[str, ...] = ()
    data_match: str = "any"               # "any" | "all"
    access_models: tuple[str, ...] = ()
    recruitment: tuple[str, ...] = ()
    size_bands: tuple[str, ...] = ()
    text: str = ""                        # literal substring over name, acronym, notes (case-insensitive)

    def __post_init__(self):
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name in FACETS and not isinstance(v, tuple):
                object.__setattr__(self, f.name, tuple(v or ()))
        for m in ("disease_match", "data_match"):
            if getattr(self, m) not in MATCH_MODES:
                raise ValueError(f"{m} must be 'any' or 'all', not {getattr(self, m)!r}")
        if not isinstance(self.text, str):
            raise ValueError("text must be a string")

    def with_values(self, facet: str, values) -> CohortFilters:
        """A copy with one facet's selection replaced."""
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d[facet] = tuple(values)
        return CohortFilters(**d)


def _params(f: CohortFilters) -> dict:
    return {
        "countries": list(f.countries), "kinds": list(f.kinds), "disease": list(f.disease_focus),
        "disease_all": f.disease_match == "all", "data_types": list(f.data_types),
        "data_all": f.data_match == "all", "access": list(f.access_models),
        "recruitment": list(f.recruitment), "size_bands": list(f.size_bands),
        "text": f.text.strip(),
    }


def parse_sort(sort: str) -> tuple[str, bool]:
    """``"participants_desc"`` -> ``("participants", True)``; raises ValueError if not allowed."""
    key, _, direction = (sort or "").rpartition("_")
    if key not in SORTABLE or direction not in ("asc", "desc"):
        raise ValueError(f"unknown sort {sort!r}; allowed: {', '.join(SORTS)}")
    return key, direction == "desc"


def search(f: CohortFilters, sort: str = DEFAULT_SORT) -> pd.DataFrame:
    """Cohorts matching ``f``, ordered by ``sort`` then ``cohort_id`` (stable).

    Missing values sort first ascending and last descending (AG Grid's default comparator).
    Columns: every column of the ``cohorts`` table (row_order, cohort_id, name, acronym,
    countries_iso3, kind, disease_focus, participants, participants_as_of, wgs_count, wes_count,
    genotyped_count, data_types, start_year, recruitment_status, access_model, access_url, website,
    source_urls, confidence, notes, size_band, multi_country).
    """
    key, desc = parse_sort(sort)
    return db.query("cohorts_search", **_params(f), sort_key=key, descending=desc)


def facet_counts(f: CohortFilters) -> dict[str, dict[str, int]]:
    """``{facet: {value: n}}`` for every facet value (zeros included).

    Multi-select faceting: ``n`` is the number of cohorts that match every *other* facet and the
    text, and have ``value``. So for a value already selected (match "any", or a single-valued facet)
    ``n`` is how many rows of ``search(f)`` carry it; for a value not selected and nothing selected
    in that facet, ``n`` is exactly the number of rows you get by selecting it. In match-"all" mode
    the facet's own selected values are required as well, so ``n`` is exactly the row count with
    the value toggled on. ``n == 0`` therefore means selecting the value adds (any) or leaves (all)
    nothing.
    """
    df = db.query("cohorts_facet_counts", **_params(f))
    out: dict[str, dict[str, int]] = {}
    for facet, vocab in FACETS.items():
        got = df[df.facet == facet]
        counts = {v: 0 for v in vocab}
        counts.update({str(v): int(n) for v, n in zip(got.value, got.n) if v is not None})
        out[facet] = counts
    countries = {c: 0 for c in countries_in_cohorts()}
    countries.update(out["countries"])
    out["countries"] = countries
    return out


def countries_in_cohorts() -> list[str]:
    """Every ISO3 code a cohort names (the country facet's values), sorted."""
    return list(db.query("cohorts_countries").iso3)


@per_release
def summary(f: CohortFilters) -> dict:
    """Totals of ``search(f)``, cached per (data release, filters); see :func:`_summary`."""
    return _summary(f)


def _summary(f: CohortFilters) -> dict:
    """Totals of ``search(f)`` — computed from the very rows the table shows.

    Keys: ``n_cohorts``; ``n_multi_country`` (flagged: counted once in totals, once per country on
    the map); ``n_no_country`` (pan-European rows without listed countries); ``participants_sum``
    (plain sum of sourced figures — rows OVERLAP, this is not a head count);
    ``n_with_participants``; ``participants_label``; ``by_country`` (DataFrame iso3, n_cohorts,
    n_multi_country, participants_single — the participants of single-country cohorts only, since a
    multi-country figure cannot be apportioned — n_single_without_figure, cohort_ids);
    ``data_types`` (``{type: n_cohorts}`` for every type) and ``data_type_ids`` (the cohort ids
    behind each count); ``participants_as_of`` ((first, last) year of the figures, or None);
    ``n_with_access_url``.
    """
    df = search(f)
    part = df.participants.dropna()
    rows = []
    ex = df[["cohort_id", "countries_iso3", "participants", "multi_country"]].explode("countries_iso3")
    ex = ex.dropna(subset=["countries_iso3"])
    for iso3, g in ex.groupby("countries_iso3", sort=True):
        g = g.sort_values("cohort_id")
        single = g[~g.multi_country.astype(bool)]
        rows.append({
            "iso3": iso3, "n_cohorts": int(g.cohort_id.nunique()),
            "n_multi_country": int(g.multi_country.astype(bool).sum()),
            "participants_single": (int(single.participants.dropna().sum())
                                    if single.participants.notna().any() else None),
            "n_single_without_figure": int(single.participants.isna().sum()),
            "cohort_ids": list(g.cohort_id),
        })
    by_country = pd.DataFrame(rows, columns=["iso3", "n_cohorts", "n_multi_country",
                                             "participants_single", "n_single_without_figure",
                                             "cohort_ids"])
    dt_ids: dict[str, list[str]] = {t: [] for t in DATA_TYPES}
    for cid, types in sorted(zip(df.cohort_id, df.data_types)):
        for t in (types if types is not None else []):
            dt_ids.setdefault(str(t), []).append(cid)
    return {
        "n_cohorts": int(len(df)),
        "n_multi_country": int(df.multi_country.astype(bool).sum()),
        "n_no_country": int(sum(1 for c in df.countries_iso3 if c is None or len(c) == 0)),
        "participants_sum": int(part.sum()) if len(part) else None,
        "n_with_participants": int(len(part)),
        "participants_label": "sum of sourced participant figures; cohorts overlap, not a head count",
        "by_country": by_country,
        "data_types": {t: len(v) for t, v in dt_ids.items()},
        "data_type_ids": dt_ids,
        "participants_as_of": (int(df.participants_as_of.min()), int(df.participants_as_of.max()))
        if df.participants_as_of.notna().any() else None,
        "n_with_access_url": int(df.access_url.notna().sum()),
    }


def cohort(cohort_id: str) -> dict | None:
    """One cohort's full row as a dict (lists as Python lists), or None if unknown."""
    df = db.query("cohorts_one", cohort_id=cohort_id)
    if df.empty:
        return None
    out = {}
    for k, v in df.iloc[0].to_dict().items():
        if hasattr(v, "__len__") and not isinstance(v, str):
            out[k] = [str(x) for x in v]
        elif pd.isna(v):
            out[k] = None
        else:
            out[k] = v.item() if hasattr(v, "item") else v
    return out


def mentions(cohort_id: str) -> pd.DataFrame:
    """Infrastructures and activities whose name or notes mention the cohort by full name, or by an
    acronym of 3+ characters as a whole word. Columns: table, id, name, kind, matched_on."""
    return db.query("cohorts_mentions", cohort_id=cohort_id)


def country_names() -> dict[str, str]:
    """``{iso3: English name}`` for every code a cohort names (profile name first, else map name)."""
    df = db.query("cohorts_country_names")
    return dict(zip(df.iso3, df.name))


def cohort_ids() -> list[str]:
    """Every cohort id (for validating a ``cohort`` URL parameter)."""
    return list(db.query("cohorts_ids").cohort_id)


def map_countries() -> list[str]:
    """Every ISO3 code drawn on the atlas map (Natural Earth GeoJSON), sorted."""
    return list(db.query("cohorts_map_countries").iso3)
