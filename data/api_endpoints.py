"""The endpoints of the public API, declared once: path, parameters, row shape, fetch function.

web/api.py serves them, web/openapi.py documents them, pages/_data_api.py lists them on /data
(so the declarations live here, below both: pages never import web/). A fetch function gets the
validated parameters plus ``base_url`` (the address the atlas is served at, for citations).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from components import labels as L
from components import urls
from data import vocab as V
from data.db import release
from data.queries import api as q
from data.queries import catalog, cohort_filters
from data.queries import cohorts as co
from data.queries import groups as gq
from data.queries.api import VOCAB
from data.queries.release import release_info

from .api_params import Param
from .api_rows import records


def _vocab(name: str) -> Callable[[], tuple]:
    def get() -> tuple:
        return q.codes()[name]
    return get

LIMIT = Param("limit", "int", "Rows per page.", default=100, lo=1, hi=500, example="100")
OFFSET = Param("offset", "int", "Rows to skip (for paging).", default=0, lo=0, hi=100_000,
               example="0")
FORMAT = Param("format", "enum", "Response format: json, or csv (list values joined with ';').",
               choices=("json", "csv"), default="json")
PAGED = (LIMIT, OFFSET, FORMAT)
COUNTRY = Param("country", "list", "ISO 3166-1 alpha-3 codes, comma-separated (any of them).",
                choices=_vocab("country"), upper=True, example="FIN,DNK")
DATE_FROM = Param("from", "date", "Keep rows whose date period ends on or after this date "
                  "(YYYY, YYYY-MM or YYYY-MM-DD).", example="2020")
DATE_TO = Param("to", "date", "Keep rows whose date period starts on or before this date "
                "(YYYY, YYYY-MM or YYYY-MM-DD).", example="2024-06")

_KINDS = {"multi": "list", "one": "enum", "text": "text"}
#: cohort filter -> the words the atlas shows for its codes (for the OpenAPI description)
_COHORT_LABELS = {"kind": L.COHORT_KIND, "disease": L.DISEASE_FOCUS, "data_type": L.DATA_TYPE,
                  "access": L.ACCESS_MODEL, "recruitment": L.RECRUITMENT, "size_band": L.SIZE_BAND}


def _from_filter(f: cohort_filters.Filter) -> Param:
    """An API parameter from the cohort filters' one declaration (the explorer's URL reads it too)."""
    return Param(f.name, _KINDS[f.kind], f.description, choices=f.choices or None,
                 default=f.default, upper=f.upper, max_len=f.max_len, example=f.example,
                 labels=_COHORT_LABELS.get(f.name))


COHORT_PARAMS = tuple(_from_filter(f) for f in cohort_filters.COHORT_FILTERS)


def _coded(name: str, description: str, vocab: str, labels: dict | None = None,
           example: str | None = None) -> Param:
    """A comma-separated filter on a fixed vocabulary (``VOCAB[vocab]``), documented with labels."""
    return Param(name, "list", description, choices=VOCAB[vocab], labels=labels, example=example)


@dataclass(frozen=True)
class Endpoint:
    rule: str
    op_id: str
    tag: str
    summary: str
    description: str
    params: tuple[Param, ...]
    fetch: Callable[[dict], object]
    row: str | None = None        # key into api_rows.ROWS for list rows / CSV columns
    shape: str = "list"           # "list" (paged rows) or "object"
    csv: bool = True
    example: str = ""
    schema: dict | None = None    # object endpoints: the JSON Schema of "data"
    notes: tuple[str, ...] = ()   # caveats repeated in every response's meta

    @property
    def oa_path(self) -> str:
        return self.rule.replace("<", "{").replace(">", "}")

    @property
    def data_schema(self) -> dict | None:
        if self.shape == "list":
            return {"$ref": f"#/components/schemas/{schema_name(self.row)}"}
        return self.schema


def schema_name(row: str) -> str:
    return "".join(w.capitalize() for w in row.split("_"))


def _country_detail(a: dict) -> dict:
    iso3 = a["iso3"]
    df = q.countries(iso3=iso3)
    return {"country": records(df, "country")[0],
            "latest_figures": records(q.country_figures(iso3), "latest_figure"),
            "initiatives": records(q.country_initiatives(iso3), "initiative"),
            "_csv": df}


def _release(a: dict) -> dict:
    info = release_info()
    base = a["base_url"]
    cit = catalog.citation(info, base)
    rid = info["release_id"]
    tables = catalog.loaded_tables()
    return {
        **info, "sha256": {t: release().manifest["tables"][t]["sha256"] for t in tables},
        "changes": catalog.change_counts(),
        "citation": {"text": cit["text"], "bibtex": cit["bibtex"]},
        "downloads": urls.downloads(rid, tables),
    }


GROUP = Param("group", "list", "Groups (any of them).", choices=V.GROUPS, labels=L.GROUP,
              example=V.EU27)


def _named(df):
    """The groups with their names (the labels of their codes)."""
    return df.assign(name=[L.GROUP[g] for g in df.group_id])[
        ["group_id", "name", "definition", "n_members"]]


def _index(_a: dict) -> dict:
    return {"endpoints": [{"path": urls.api(e.oa_path), "summary": e.summary} for e in ENDPOINTS],
            "openapi": urls.api("/openapi.json"), "documentation": urls.data_page("data-api")}


_COUNTS = {"type": "object", "additionalProperties": {"type": "integer"}}
RELEASE_SCHEMA = {
    "type": "object", "additionalProperties": False,
    "required": ["release_id", "built_at", "built_date", "previous_release", "schema_version",
                 "tables", "sha256", "changes", "citation", "downloads"],
    "properties": {
        "release_id": {"type": "string"}, "built_at": {"type": "string"},
        "built_date": {"type": "string", "format": "date"},
        "previous_release": {"type": ["string", "null"]}, "schema_version": {"type": "integer"},
        "tables": _COUNTS,
        "sha256": {"type": "object", "additionalProperties": {"type": "string"}},
        "changes": {"description": "Rows added/changed/removed per table since the previous "
                                   "release; null when not recorded.",
                    "type": ["object", "null"], "additionalProperties": {
                        "type": "object", "required": list(catalog.CHANGE_KINDS),
                        "properties": {k: {"type": "integer"} for k in catalog.CHANGE_KINDS}}},
        "citation": {"type": "object", "required": ["text", "bibtex"],
                     "properties": {"text": {"type": "string"}, "bibtex": {"type": "string"}}},
        "downloads": {"type": "object"},
    },
}
COUNTRY_DETAIL_SCHEMA = {
    "type": "object", "additionalProperties": False,
    "required": ["country", "latest_figures", "initiatives"],
    "properties": {
        "country": {"$ref": "#/components/schemas/Country"},
        "latest_figures": {"type": "array", "items": {"$ref": "#/components/schemas/LatestFigure"}},
        "initiatives": {"type": "array", "items": {"$ref": "#/components/schemas/Initiative"}},
    },
}

ENDPOINTS: list[Endpoint] = [
    Endpoint("/", "index", "about", "List the endpoints.", "Where to start.", (), _index,
             shape="object", csv=False, schema={"type": "object"}),
    Endpoint("/countries", "listCountries", "countries", "Countries with a profile.",
             "One row per country: membership, 1+MG signature, population and the latest "
             "carried-forward figure per metric (value, as-of date, sources, confidence, per "
             "million). A metric with no public figure is null.",
             (Param("eu_member", "bool", "Only EU members (true) or non-members (false)."),
              Param("onemg_signatory", "bool", "Only 1+MG signatories (true) or not (false)."),
              *PAGED),
             lambda a: q.countries(eu_member=a["eu_member"], signatory=a["onemg_signatory"]),
             row="country", example="?eu_member=true&limit=5"),
    Endpoint("/countries/<iso3>", "getCountry", "countries", "One country.",
             "The country's profile row, its latest figure per programme, metric and basis "
             "(all bases, labelled), and its initiatives. format=csv gives the profile row.",
             (Param("iso3", "enum", "ISO 3166-1 alpha-3 code of a country with a profile.",
                    choices=_vocab("profile"), upper=True, example="FIN", location="path",
                    missing_if="[A-Za-z]{3}"),
              FORMAT),
             _country_detail, row="country", shape="object", example="FIN",
             schema=COUNTRY_DETAIL_SCHEMA),
    Endpoint("/genome-figures", "listGenomeFigures", "figures", "Dated genome figures.",
             "Every figure as published, with its source URLs, as-of date (at the precision the "
             "source gives), count basis and confidence. Metrics are different things and are "
             "never summed here; annual, proxy and subset figures are labelled by count_basis.",
             (COUNTRY,
              _coded("metric", "Metrics (any of them).", "metric", L.METRIC, V.WGS_SEQUENCED),
              _coded("basis", "Count bases (any of them).", "count_basis", L.BASIS, V.CUMULATIVE),
              Param("initiative", "list", "Initiative ids (any of them).",
                    choices=_vocab("initiative"), example="fin_finngen"),
              _coded("confidence", "Confidence levels.", "confidence"),
              DATE_FROM, DATE_TO, *PAGED),
             lambda a: q.genome_figures(a["country"] or (), a["metric"] or (), a["basis"] or (),
                                        a["initiative"] or (), a["confidence"] or (),
                                        a["from"] and a["from"][0], a["to"] and a["to"][1]),
             row="genome_figure", example="?country=FIN,DNK&metric=wgs_sequenced&from=2020"),
    Endpoint("/cohorts", "listCohorts", "cohorts", "Cohorts, biobanks and genomic collections.",
             "Exactly the rows of the cohort explorer for the same filters (one query serves "
             "both). Within a facet values are OR-ed, except disease and data_type with "
             "*_match=all (a cohort must have every value); facets are AND-ed. q is a literal, "
             "case-insensitive substring of name, acronym or notes. Participants overlap across "
             "cohorts: never add them up.",
             (*COHORT_PARAMS, *PAGED),
             lambda a: co.search(cohort_filters.to_filters(a), a["sort"]),
             row="cohort", example="?country=FIN&data_type=wgs",
             notes=("Participants overlap across cohorts (EPIC contains E3N; biobanks hold other "
                    "studies' samples): never add them up.",)),
    Endpoint("/infrastructures", "listInfrastructures", "infrastructures",
             "Research-infrastructure nodes and facilities.",
             "National nodes (ELIXIR, BBMRI-ERIC, Federated EGA, GDI, …), HPC and sequencing "
             "centres. location_precision says whether coordinates are stated or a city centroid.",
             (COUNTRY,
              _coded("kind", "Kinds of node.", "infra_kind", L.INFRA_KIND, V.GDI_NODE),
              _coded("status", "Status.", "infra_status", L.INFRA_STATUS), *PAGED),
             lambda a: q.infrastructures(a["country"] or (), a["kind"] or (), a["status"] or ()),
             row="infrastructure", example="?kind=gdi_node,fega_node"),
    Endpoint("/activities", "listActivities", "activities", "Funded projects, calls and groups.",
             "EU projects, partnerships, funding calls and expert groups. A country matches as "
             "coordinator or participant. Budgets are as stated by the source (null if none).",
             (COUNTRY,
              _coded("kind", "Kinds of activity.", "activity_kind", L.ACTIVITY_KIND),
              _coded("topic", "Topics (any of them).", "topic", L.TOPIC, V.RARE_DISEASE), *PAGED),
             lambda a: q.activities(a["country"] or (), a["kind"] or (), a["topic"] or ()),
             row="activity", example="?country=FIN&topic=infrastructure"),
    Endpoint("/milestones", "listMilestones", "milestones", "Milestones of the initiative.",
             "Dated events (signatures, launches, roadmaps); some dates are planned.",
             (COUNTRY, DATE_FROM, DATE_TO, *PAGED),
             lambda a: q.milestones(a["country"] or (), a["from"] and a["from"][0],
                                    a["to"] and a["to"][1]),
             row="milestone", example="?from=2018&to=2019"),
    Endpoint("/sources", "listSources", "sources", "The sources behind the rows.",
             "Every source URL cited by a curated row, grouped by publisher (registrable domain), "
             "domain or URL, with how many rows of each table it supports.",
             (Param("group", "enum", "Grouping.", choices=catalog.SOURCE_GROUPS,
                    default="publisher"),
              Param("table", "list", "Only references from these tables.",
                    choices=catalog.SOURCE_TABLES),
              Param("q", "text", "Keep groups whose publisher, domain or a URL contains this.",
                    max_len=100, example="europa"), *PAGED),
             lambda a: catalog.sources(a["group"], a["table"] or (), a["q"] or ""),
             row="source", example="?group=domain&q=europa"),
    Endpoint("/groups", "listGroups", "groups", "The named groups of countries totals sum.",
             "Every total the atlas shows sums a named group: EU-27, the signatories of the 1+MG "
             "declaration (each from the day it signed) or every country in the atlas.",
             (*PAGED,), lambda a: _named(gq.groups()), row="group"),
    Endpoint("/groups/members", "listGroupMembers", "groups", "Members of the groups, with dates.",
             "One row per group and member country; member_from is the first date the country "
             "counts in the group's totals (null: every date).",
             (GROUP, *PAGED), lambda a: gq.members(a["group"] or ()), row="group_member",
             example="?group=signatories"),
    Endpoint("/groups/totals", "listGroupTotals", "groups", "Group totals over time.",
             "Per group, metric and date: the sum of the members' latest cumulative figures known "
             "by then (programmes never double counted, metrics never mixed), how many countries "
             "have one, and the largest contributor with its share of the total.",
             (GROUP, _coded("metric", "Metrics (any of them).", "metric", L.METRIC,
                            V.WGS_SEQUENCED), *PAGED),
             lambda a: gq.totals(a["group"] or (), a["metric"] or ()), row="group_total",
             example=f"?group={V.EU27}&metric={V.WGS_SEQUENCED}"),
    Endpoint("/release", "getRelease", "release", "The served data release.",
             "Release id, build date, row counts and content hashes of every table, the number "
             "of rows added, changed and removed since the previous release, how to cite it and "
             "where to download it.",
             (), _release, shape="object", csv=False, schema=RELEASE_SCHEMA),
    Endpoint("/release/changes", "listReleaseChanges", "release",
             "Rows changed since the previous release.",
             "One row per added, changed or removed row of a curated table; changed_columns "
             "names what differs, before and after give the old and new values (JSON). Genome "
             "figures are keyed by their stored figure_id, so a corrected value, date or basis "
             "is one change of the same figure.",
             (Param("table", "list", "Tables.", choices=catalog.SOURCE_TABLES),
              Param("change", "list", "Kinds of change.", choices=catalog.CHANGE_KINDS),
              *PAGED),
             lambda a: catalog.release_changes(a["table"] or (), a["change"] or ()),
             row="change", example="?change=added"),
]


