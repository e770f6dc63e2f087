"""What the benchmarks measure: the main interactions, their in-process data functions, the
throughput query and the scale queries. Imported by bench.run and bench.bare."""
from __future__ import annotations

from data.queries import cohorts as C
from data.queries import country_profile as P
from data.queries import overview as O

NORDIC = C.CohortFilters(countries=("DNK", "FIN", "ISL", "NOR", "SWE"),
                         data_types=("wgs", "ehr_linkage"), data_match="all")


def _country_profile_queries(iso3: str = "FIN") -> None:
    """The data functions the profile's load callback calls."""
    P.resolve(iso3)
    P.codes()
    P.country_index()
    P.signature_position(iso3)
    P.initiatives(iso3)
    P.latest_figures(iso3)
    P.infrastructures(iso3)
    P.geo_frame(iso3)
    P.cohorts(iso3)
    P.activities(iso3)
    P.milestones(iso3)


#: Callback overhead: a recorded callback (matched by output id and page) vs its data functions.
INTERACTIONS = [
    {"name": "Overview: map indicator + year (genotyped, 2022)", "output": "overview-map-graph.figure",
     "page": "/?indicator=genotyped&year=2022",
     "inprocess": lambda: O.map_indicator("genotyped", 2022)},
    {"name": "Cohorts: filter change (Nordics, WGS + EHR, all)", "output": "cohorts-grid.rowData",
     "page": "/cohorts?country=DNK,FIN,ISL,NOR,SWE&data_type=wgs,ehr_linkage&data_match=all",
     "inprocess": lambda: (C.search(NORDIC), C.summary(NORDIC))},
    {"name": "Country profile load (FIN)", "output": "country-canonical.data", "page": "/country/FIN",
     "inprocess": _country_profile_queries},
]


def _patch_values(resp: dict) -> list:
    """The per-country numbers a map Patch carries: every ``z`` array it sets."""
    vals = []
    fig = resp["response"]["overview-map-graph"]["figure"]
    for op in fig.get("operations", []):
        loc = op.get("location", [])
        if loc and loc[-1] in ("z", "locations"):
            vals.append(op.get("params", {}).get("value"))
    return vals


def _as_indicator_change(body: dict, indicator: str = "wgs") -> dict:
    """Turn the recorded first call of the map callback into a user's indicator change."""
    body = {**body, "changedPropIds": ["overview-indicator.value"]}
    body["inputs"] = [({**i, "value": indicator} if i.get("id") == "overview-indicator" else i)
                      for i in body["inputs"]]
    return body


#: Interaction payload: a map interaction's answer vs the values it draws.
PAYLOADS = [
    {"name": "Overview map: change indicator to WGS (Patch)", "output": "overview-map-graph.figure",
     "page": "/?indicator=genotyped&year=2022", "interaction": _as_indicator_change,
     "values": _patch_values},
]

#: Throughput: the cohort grid callback vs a bare Flask endpoint returning search(NORDIC).
THROUGHPUT = {"output": "cohorts-grid.rowData", "query": lambda: C.search(NORDIC)}

#: Scale: queries timed on the real data and on ×10 / ×100 synthetic data.
SCALE = {
    "cohort search (Nordics, WGS+EHR, all)": lambda: C.search(NORDIC),
    "cohort facet counts (same filters)": lambda: C.facet_counts(NORDIC),
    "cohort search (no filter, all rows)": lambda: C.search(C.CohortFilters()),
    "progress by country (WGS, all dates)": lambda: O.progress_by_country("wgs"),
    "progress at end of 2022 (WGS)": lambda: O.progress_at("wgs", 2022),
}

FIRST_LOAD_PAGES = ["/", "/cohorts", "/country/FIN"]
