"""The row shapes of the public API, declared once (column -> type code; ``?`` = may be null).

Used three ways: to convert query results to JSON (:func:`records`, with the cell rules of
``components.cells``), to write the response schemas (web/openapi.py), and in a test that checks
every query returns exactly these columns.
"""
from __future__ import annotations

from components import cells

_PROV = {"source_urls": "list"}
#: A figure's age at the release date and whether it is older than 24 months ("may be outdated").
_AGE = {"age_months": "int?", "may_be_outdated": "bool"}


def _metric(short: str) -> dict:
    return {f"{short}_value": "int?", f"{short}_as_of": "str?", f"{short}_source_urls": "list",
            f"{short}_confidence": "str?", f"{short}_n_programmes": "int?",
            f"{short}_per_million": "num?"}


ROWS: dict[str, dict[str, str]] = {
    "country": {
        "iso3": "str", "iso2": "str", "name": "str", "eu_member": "bool", "eea_member": "bool",
        "icpermed_member": "bool", "onemg_signatory": "bool", "onemg_signed_date": "str?",
        "onemg_signed_date_precision": "str?", "signatory_ordinal": "int?",
        "gdi_participant": "str", "goe_participant": "str", "population": "int",
        "population_year": "int", **_PROV,
        **_metric("wgs"), **_metric("wes"), **_metric("genotyped"), **_metric("accessible"),
        "goe_planned_samples": "int?", "goe_planned_as_of": "str?",
        "goe_planned_source_urls": "list", "goe_planned_confidence": "str?",
        "n_cohorts": "int", "n_infra_nodes": "int", "n_activities": "int",
        "n_funded_projects": "int", "n_initiatives": "int", "n_calls": "int",
    },
    "latest_figure": {
        "figure_id": "str", "country_iso3": "str", "programme": "str", "initiative_id": "str?",
        "metric": "str", "count_basis": "str", "value": "int", "as_of_date": "str",
        "as_of_precision": "str", **_AGE, "confidence": "str", **_PROV,
    },
    "initiative": {
        "initiative_id": "str", "name": "str", "country_iso3": "str", "kind": "str",
        "start_year": "int?", "end_year_or_target_year": "int?", "target_genomes": "int?",
        "target_description": "str?", "url": "str?", **_PROV, "notes": "str?",
    },
    "genome_figure": {
        "figure_id": "str", "country_iso3": "str", "initiative_id": "str?", "programme": "str",
        "metric": "str", "count_basis": "str", "value": "int", "as_of_date": "str",
        "as_of_precision": "str", "as_of_first": "date?", "as_of_last": "date?", **_AGE,
        "confidence": "str", "quote_or_basis": "str", **_PROV,
    },
    "infrastructure": {
        "infra_id": "str", "name": "str", "kind": "str", "parent": "str?", "country_iso3": "str?",
        "city": "str?", "lat": "num?", "lon": "num?", "location_precision": "str",
        "operator": "str?", "services": "list", "standard_ids": "list", "status": "str",
        "since_year": "int?", "website": "str?", **_PROV, "notes": "str?",
    },
    "activity": {
        "activity_id": "str", "name": "str", "acronym": "str?", "kind": "str",
        "programme": "str?", "start_date": "str?", "start_date_precision": "str?",
        "end_date": "str?", "end_date_precision": "str?", "budget_eur": "num?",
        "eu_contribution_eur": "num?", "coordinator_country_iso3": "str?",
        "participant_countries_iso3": "list", "partners_count": "int?", "topics": "list",
        "website": "str?", **_PROV, "notes": "str?",
    },
    "cohort": {
        "cohort_id": "str", "name": "str", "acronym": "str?", "countries_iso3": "list",
        "kind": "str", "disease_focus": "list", "participants": "int?",
        "participants_as_of": "int?", "wgs_count": "int?", "wes_count": "int?",
        "genotyped_count": "int?", "data_types": "list", "start_year": "int?",
        "recruitment_status": "str", "access_model": "str", "access_url": "str?",
        "website": "str?", **_PROV, "confidence": "str", "notes": "str?", "size_band": "str",
        "multi_country": "bool",
    },
    "milestone": {
        "milestone_id": "str", "date": "str", "date_precision": "str", "date_first": "date?",
        "date_last": "date?", "title": "str", "description": "str", "countries_iso3": "list",
        **_PROV,
    },
    "source": {
        "name": "str", "publisher": "str", "domains": "list", "n_urls": "int", "n_rows": "int",
        "tables": "list", "rows_by_table": "counts", "source_class": "str",
    },
    "group": {"group_id": "str", "name": "str", "definition": "str", "n_members": "int"},
    "group_member": {
        "group_id": "str", "iso3": "str", "name": "str", "member_from": "date?",
        "member_from_basis": "str",
    },
    "group_total": {
        "group_id": "str", "metric": "str", "date": "date?", "value": "int", "n_countries": "int",
        "countries": "list", "largest_iso3": "str", "largest_name": "str", "largest_value": "int",
        "largest_share": "num?",
    },
    "change": {
        "table": "str", "key": "str", "key_columns": "str", "change": "str",
        "changed_columns": "list", "before": "str", "after": "str",
    },
}


def records(df, row: str) -> list[dict]:
    """The rows of ``df`` as JSON objects of the declared shape ``ROWS[row]``, in its order."""
    cols = ROWS[row]
    return [{c: cells.json_value(r.get(c), t) for c, t in cols.items()}
            for r in df.to_dict("records")]
