"""The public read API (/api/v1) on the mini release: every endpoint, filter, format and error."""
from __future__ import annotations

import csv
import io

import pytest

from data import db


@pytest.fixture
def client(mini_data):
    import app

    return app.server.test_client()


def get(client, url, **kw):
    r = client.get(url, **kw)
    return r, (r.get_json() if r.mimetype == "application/json" else None)


def assert_error(r, body, status, parameter):
    assert r.status_code == status, (r.status_code, body)
    assert r.mimetype == "application/json"
    assert set(body) == {"error"} and set(body["error"]) == {"parameter", "message", "expected"}
    assert body["error"]["parameter"] == parameter
    assert body["error"]["message"]
    assert r.headers["Access-Control-Allow-Origin"] == "*"


# --- countries -------------------------------------------------------------------------------

def test_countries_lists_every_profile_in_iso3_order_with_sources(client):
    r, body = get(client, "/api/v1/countries")
    assert r.status_code == 200
    assert [c["iso3"] for c in body["data"]] == ["DNK", "FIN", "FRA", "GBR", "MDA", "SVK", "SWE"]
    assert all(c["source_urls"] for c in body["data"])
    assert body["meta"]["total"] == 7 and body["meta"]["next"] is None


def test_country_without_a_figure_is_null_never_zero(client):
    _, body = get(client, "/api/v1/countries/SVK")
    c = body["data"]["country"]
    assert c["wgs_value"] is None and c["wgs_per_million"] is None and c["wgs_source_urls"] == []
    assert body["data"]["latest_figures"] == []


def test_country_figure_carries_value_date_and_sources(client):
    _, body = get(client, "/api/v1/countries/FIN")
    c = body["data"]["country"]
    assert c["genotyped_value"] == 500348 and c["genotyped_as_of"] == "2024"
    assert c["genotyped_source_urls"] and c["genotyped_confidence"] == "high"
    figs = body["data"]["latest_figures"]
    assert figs and all(f["source_urls"] and f["as_of_date"] for f in figs)
    assert {i["initiative_id"] for i in body["data"]["initiatives"]} >= {"fin_finngen"}


def test_countries_filter_by_eu_membership_and_signature(client):
    _, body = get(client, "/api/v1/countries?eu_member=false")
    assert [c["iso3"] for c in body["data"]] == ["GBR", "MDA"]
    _, body = get(client, "/api/v1/countries?eu_member=true&onemg_signatory=false")
    assert [c["iso3"] for c in body["data"]] == ["SVK"]


def test_country_code_is_case_insensitive(client):
    _, body = get(client, "/api/v1/countries/fin")
    assert body["data"]["country"]["iso3"] == "FIN"


def test_unknown_country_is_a_json_404_and_malformed_code_a_400(client):
    r, body = get(client, "/api/v1/countries/XKX")
    assert_error(r, body, 404, "iso3")
    r, body = get(client, "/api/v1/countries/FI1N")
    assert_error(r, body, 400, "iso3")


def test_country_as_csv_is_its_profile_row(client):
    r = client.get("/api/v1/countries/DNK?format=csv")
    assert r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert len(rows) == 1 and rows[0]["iso3"] == "DNK" and rows[0]["genotyped_value"] == ""


# --- pagination, ordering, formats ------------------------------------------------------------

def test_pages_concatenate_to_the_full_stably_ordered_list(client):
    _, full = get(client, "/api/v1/genome-figures?limit=500")
    ids, url = [], "/api/v1/genome-figures?limit=7"
    while url:
        _, body = get(client, url)
        ids += [f["figure_id"] for f in body["data"]]
        assert body["meta"]["count"] == len(body["data"]) <= 7
        url = body["meta"]["next"] and body["meta"]["next"].replace("http://localhost", "")
    assert ids == [f["figure_id"] for f in full["data"]]
    assert len(ids) == full["meta"]["total"]


def test_offset_past_the_end_gives_an_empty_page_with_the_total(client):
    _, body = get(client, "/api/v1/countries?offset=50")
    assert body["data"] == [] and body["meta"]["total"] == 7 and body["meta"]["offset"] == 50


def test_csv_has_the_declared_columns_and_joins_lists(client):
    from web.openapi import ROWS

    r = client.get("/api/v1/genome-figures?country=FIN&format=csv")
    assert r.mimetype == "text/csv"
    assert r.headers["X-Total-Count"] == "11"  # release 2 added FinnGen's releases R2 to R6
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert list(rows[0]) == list(ROWS["genome_figure"])
    _, js = get(client, "/api/v1/genome-figures?country=FIN")
    assert [r["source_urls"] for r in rows] == [";".join(f["source_urls"]) for f in js["data"]]
    missing = [r for r, f in zip(rows, js["data"]) if f["initiative_id"] is None]
    assert all(r["initiative_id"] == "" for r in missing)


def test_csv_page_links_to_the_next_page(client):
    r = client.get("/api/v1/countries?format=csv&limit=3")
    assert 'rel="next"' in r.headers["Link"] and "offset=3" in r.headers["Link"]
    assert len(list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))) == 3


# --- genome figures ---------------------------------------------------------------------------

def test_figures_filter_by_country_metric_basis_and_initiative(client):
    _, body = get(client, "/api/v1/genome-figures?country=fin,dnk&metric=wgs_sequenced,genotyped"
                          "&basis=cumulative")
    assert body["data"] and all(f["country_iso3"] in ("FIN", "DNK") and f["count_basis"] ==
                                "cumulative" and f["metric"] in ("wgs_sequenced", "genotyped")
                                for f in body["data"])
    _, body = get(client, "/api/v1/genome-figures?initiative=fin_sisu")
    assert {f["figure_id"] for f in body["data"]} == {"af92ca3c3cf1", "0cb07954b758"}


def test_figures_date_range_keeps_periods_that_overlap_it(client):
    _, body = get(client, "/api/v1/genome-figures?country=FIN&from=2023-06&to=2024")
    # 2023-01 ends before June 2023; "2024" overlaps; "2017" and "2018-11" are earlier.
    assert sorted(f["as_of_date"] for f in body["data"]) == ["2024", "2024", "2024"]
    _, body = get(client, "/api/v1/genome-figures?country=FIN&to=2018-11-15")
    assert sorted(f["as_of_date"] for f in body["data"]) == ["2017", "2018-11", "2018-11"]


def test_every_figure_has_sources_and_an_as_of_date(client):
    _, body = get(client, "/api/v1/genome-figures?limit=500")
    assert all(f["source_urls"] and f["as_of_date"] and f["confidence"] for f in body["data"])


def test_figures_in_eu_rows_are_reachable(client):
    _, body = get(client, "/api/v1/genome-figures?country=EU&metric=target")
    assert body["data"] and all(f["country_iso3"] == "EU" for f in body["data"])


# --- cohorts: exactly the explorer's rows ---------------------------------------------------

@pytest.mark.parametrize("query, filters, sort", [
    ("country=FIN&data_type=wgs", dict(countries=("FIN",), data_types=("wgs",)), None),
    ("", {}, None),
    ("country=gbr,dnk&kind=biobank,population&sort=name_asc",
     dict(countries=("GBR", "DNK"), kinds=("biobank", "population")), "name_asc"),
    ("data_type=wgs,genotyping_array&data_match=all",
     dict(data_types=("wgs", "genotyping_array"), data_match="all"), None),
    ("disease=cancer,rare_disease&disease_match=any&access=controlled",
     dict(disease_focus=("cancer", "rare_disease"), access_models=("controlled",)), None),
    ("size_band=100k–1M,unknown&recruitment=ongoing&sort=wgs_desc",
     dict(size_bands=("100k–1M", "unknown"), recruitment=("ongoing",)), "wgs_desc"),
    ("q=BIOBANK", dict(text="BIOBANK"), None),
    ("q=50%25_%27", dict(text="50%_'"), None),
])
def test_cohorts_are_exactly_the_explorers_rows(client, query, filters, sort):
    from data.queries import cohorts

    want = cohorts.search(cohorts.CohortFilters(**filters), sort or cohorts.DEFAULT_SORT)
    _, body = get(client, f"/api/v1/cohorts?limit=500&{query}")
    assert [c["cohort_id"] for c in body["data"]] == list(want.cohort_id)
    assert body["meta"]["total"] == len(want)


def test_cohort_rows_carry_sources_and_nulls_and_warn_about_overlap(client):
    _, body = get(client, "/api/v1/cohorts?country=FIN&data_type=wgs")
    assert body["data"] and all(c["source_urls"] for c in body["data"])
    assert any(c["participants"] is None for c in body["data"])  # no public figure: null, not 0
    assert any("overlap" in n for n in body["meta"]["notes"])
    assert db.manifest()["release_id"] in body["meta"]["citation"]


def test_cohorts_as_csv(client):
    r = client.get("/api/v1/cohorts?country=FIN&data_type=wgs&format=csv")
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert rows and all("wgs" in r["data_types"].split(";") for r in rows)


# --- infrastructures, activities, milestones --------------------------------------------------

def test_infrastructures_filter_by_country_kind_and_status(client):
    _, body = get(client, "/api/v1/infrastructures?country=SVK&kind=elixir_node,ecrin_node"
                          "&status=unknown")
    # elixir-sk is withheld in release 2 (its only source was Wikipedia)
    assert {i["infra_id"] for i in body["data"]} == {"ecrin-node-svk"}
    assert all(i["source_urls"] for i in body["data"])


def test_activities_match_coordinator_or_participant_country(client):
    _, body = get(client, "/api/v1/activities?country=FIN")
    ids = {a["activity_id"] for a in body["data"]}
    assert {"tehdas", "gdi", "b1mg"} <= ids
    for a in body["data"]:
        assert a["coordinator_country_iso3"] == "FIN" or "FIN" in a["participant_countries_iso3"]


def test_activities_filter_by_topic_and_kind(client):
    _, body = get(client, "/api/v1/activities?topic=rare_disease&kind=eu_project")
    assert body["data"] and all("rare_disease" in a["topics"] and a["kind"] == "eu_project"
                                for a in body["data"])


def test_milestones_filter_by_date_and_country_and_keep_date_order(client):
    _, body = get(client, "/api/v1/milestones?from=2018&to=2018")
    assert body["data"] and all(m["date"].startswith("2018") for m in body["data"])
    firsts = [m["date_first"] for m in body["data"]]
    assert firsts == sorted(firsts)
    _, body = get(client, "/api/v1/milestones?country=FRA")
    assert body["data"] and all("FRA" in m["countries_iso3"] for m in body["data"])


# --- sources, release -------------------------------------------------------------------------

def test_sources_grouped_by_publisher_count_the_rows_they_support(client):
    from data.queries import catalog

    _, body = get(client, "/api/v1/sources?limit=500")
    rows = body["data"]
    # most-cited first, the publishers that are only secondary after all the others
    secondary = [r["source_class"] == "secondary" for r in rows]
    assert secondary == sorted(secondary)
    for part in (False, True):
        n = [r["n_rows"] for r, s in zip(rows, secondary) if s is part]
        assert n == sorted(n, reverse=True)
    refs = catalog.source_refs()
    top = rows[0]
    expected = refs[refs.publisher == top["name"]].drop_duplicates(["source_table", "row_key"])
    assert top["n_rows"] == len(expected) == sum(top["rows_by_table"].values())
    assert sorted(top["rows_by_table"]) == top["tables"]


def test_sources_by_url_filtered_by_table_and_text(client):
    _, body = get(client, "/api/v1/sources?group=url&table=genome_counts&q=FINNGEN")
    assert body["data"]
    assert all("finngen" in r["name"].lower() and r["tables"] == ["genome_counts"]
               and r["n_urls"] == 1 for r in body["data"])


def test_release_names_id_date_hashes_changes_and_citation(client):
    _, body = get(client, "/api/v1/release")
    d, m = body["data"], db.manifest()
    assert d["release_id"] == m["release_id"] and d["built_date"] == m["built_at"][:10]
    assert d["sha256"]["cohorts"] == m["tables"]["cohorts"]["sha256"]
    assert d["tables"]["countries"] == 7
    assert d["changes"] is None  # the mini release is a first build: no previous release
    assert m["release_id"] in d["citation"]["text"] and d["built_date"] in d["citation"]["text"]
    assert d["downloads"]["tables"]["cohorts"]["csv"] == f"/downloads/{m['release_id']}/cohorts.csv"


def test_every_list_response_cites_the_release(client):
    _, body = get(client, "/api/v1/infrastructures?limit=1")
    rid = db.manifest()["release_id"]
    assert body["meta"]["release_id"] == rid and rid in body["meta"]["citation"]


def test_release_changes_of_a_first_build_are_empty(client):
    _, body = get(client, "/api/v1/release/changes?change=added")
    assert body["data"] == [] and body["meta"]["total"] == 0


# --- caching and CORS -------------------------------------------------------------------------

def test_etag_depends_on_release_and_request_and_gives_304(client):
    r1 = client.get("/api/v1/countries?limit=2")
    r2 = client.get("/api/v1/countries?limit=3")
    assert r1.headers["ETag"] != r2.headers["ETag"]
    assert db.manifest()["release_id"] in r1.headers["ETag"]
    r3 = client.get("/api/v1/countries?limit=2", headers={"If-None-Match": r1.headers["ETag"]})
    assert r3.status_code == 304 and r3.data == b""
    assert r3.headers["ETag"] == r1.headers["ETag"]
    assert "max-age" in r1.headers["Cache-Control"]
    assert r1.headers["Access-Control-Allow-Origin"] == "*"
    assert r1.headers["Cross-Origin-Resource-Policy"] == "cross-origin"


# --- bad requests -----------------------------------------------------------------------------

@pytest.mark.parametrize("url, parameter", [
    ("/api/v1/countries?colour=red", "colour"),
    ("/api/v1/countries?limit=abc", "limit"),
    ("/api/v1/countries?limit=0", "limit"),
    ("/api/v1/countries?limit=501", "limit"),
    ("/api/v1/countries?offset=-1", "offset"),
    ("/api/v1/countries?eu_member=maybe", "eu_member"),
    ("/api/v1/countries?format=xml", "format"),
    ("/api/v1/countries?limit=1&limit=2", "limit"),
    ("/api/v1/genome-figures?country=XXX", "country"),
    ("/api/v1/genome-figures?country=FIN,,DNK", "country"),
    ("/api/v1/genome-figures?metric=genomes", "metric"),
    ("/api/v1/genome-figures?initiative=nope", "initiative"),
    ("/api/v1/genome-figures?from=2024&to=2020", "from"),
    ("/api/v1/genome-figures?from=2020-13", "from"),
    ("/api/v1/genome-figures?to=2021-02-30", "to"),
    ("/api/v1/genome-figures?from=20", "from"),
    ("/api/v1/infrastructures?status=closed", "status"),
    ("/api/v1/activities?topic=" + "x" * 2000, "topic"),
    ("/api/v1/sources?q=" + "a" * 101, "q"),
    ("/api/v1/sources?q=%00", "q"),
    ("/api/v1/sources?group=country", "group"),
    ("/api/v1/release?format=csv", "format"),
    ("/api/v1/release/changes?change=edited", "change"),
    ("/api/v1/milestones?country=" + ",".join(["FIN"] * 51), "country"),
    ("/api/v1/cohorts?country=ZZZ", "country"),
    ("/api/v1/cohorts?data_match=some", "data_match"),
    ("/api/v1/cohorts?sort=row_order_asc", "sort"),
    ("/api/v1/cohorts?size_band=huge", "size_band"),
    ("/api/v1/cohorts?q=" + "b" * 101, "q"),
])
def test_bad_parameters_get_a_400_naming_them(client, url, parameter):
    r, body = get(client, url)
    assert_error(r, body, 400, parameter)
    assert body["error"]["expected"]


def test_unknown_api_path_is_a_json_404(client):
    r, body = get(client, "/api/v1/genomes")
    assert_error(r, body, 404, None)
    r, body = get(client, "/api/v1/countries/FIN/extra")
    assert_error(r, body, 404, None)


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_writes_are_refused_with_a_json_405(client, method):
    r = getattr(client, method)("/api/v1/countries")
    assert r.status_code == 405 and r.get_json()["error"]["message"]
    assert "GET" in r.headers["Allow"]


def test_head_and_cors_preflight_are_allowed(client):
    assert client.head("/api/v1/countries").status_code == 200
    r = client.options("/api/v1/countries")
    assert r.status_code in (200, 204) and r.headers["Access-Control-Allow-Origin"] == "*"


# --- the document matches the behaviour -------------------------------------------------------

def test_openapi_declares_exactly_the_parameters_each_endpoint_accepts(client):
    from web.api import ENDPOINTS

    _, doc = get(client, "/api/v1/openapi.json")
    assert doc["openapi"].startswith("3.1")
    for ep in ENDPOINTS:
        op = doc["paths"][ep.oa_path]["get"]
        assert [p["name"] for p in op["parameters"]] == [p.name for p in ep.params]
        assert {"200", "304", "400", "404", "405"} <= set(op["responses"])
    schemas = doc["components"]["schemas"]
    assert schemas["Error"]["properties"]["error"]["required"] == ["parameter", "message",
                                                                   "expected"]


def test_each_query_returns_exactly_the_declared_columns(mini_data):
    from data.queries import api, catalog, cohorts
    from web.openapi import ROWS

    frames = {
        "country": api.countries(), "latest_figure": api.country_figures("FIN"),
        "initiative": api.country_initiatives("FIN"), "genome_figure": api.genome_figures(),
        "infrastructure": api.infrastructures(), "activity": api.activities(),
        "milestone": api.milestones(), "source": catalog.sources(),
        "change": catalog.release_changes(),
        "cohort": cohorts.search(cohorts.CohortFilters()).drop(columns=["row_order"]),
    }
    for row, df in frames.items():
        assert list(df.columns) == list(ROWS[row]), row


def test_filter_vocabularies_match_the_pipeline_schemas():
    from data.pipeline import schemas as S
    from data.queries.api import VOCAB

    assert VOCAB == {
        "metric": S.METRICS, "count_basis": S.COUNT_BASES, "confidence": S.CONFIDENCE,
        "infra_kind": S.INFRA_KINDS, "infra_status": S.INFRA_STATUS,
        "activity_kind": S.ACTIVITY_KINDS, "topic": S.TOPICS,
    }


def test_api_sql_binds_every_value_as_a_parameter():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for path in [root / "data/queries/api.py", root / "data/queries/catalog.py",
                 root / "web/api.py", root / "data/api_endpoints.py", root / "web/downloads.py"]:
        text = path.read_text()
        for call in (".execute", ".sql"):
            assert call + "(f" not in text, path


# --- groups (issue 13: totals that say what they sum) ------------------------------------------

def test_groups_are_named_with_their_membership_and_dates(client):
    _, body = get(client, "/api/v1/groups")
    assert [(g["group_id"], g["name"]) for g in body["data"]] == [
        ("eu27", "EU-27"), ("signatories", "Signatories of the 1+MG declaration"),
        ("atlas", "Every country in the atlas")]
    _, body = get(client, "/api/v1/groups/members?group=signatories")
    sig = {m["iso3"]: m for m in body["data"]}
    assert "SVK" not in sig and "GBR" in sig  # Slovakia has not signed; the UK has
    assert sig["FIN"]["member_from"] == "2018-04-10"
    _, body = get(client, "/api/v1/groups/members?group=eu27")
    assert "GBR" not in {m["iso3"] for m in body["data"]}


def test_group_totals_name_the_largest_contributor_and_its_share(client):
    _, body = get(client, "/api/v1/groups/totals?group=atlas&metric=wgs_sequenced&limit=500")
    last = body["data"][-1]
    assert last["largest_iso3"] == "GBR" and last["countries"][0] == "GBR"
    assert last["largest_share"] == round(last["largest_value"] / last["value"], 4)
    _, eu = get(client, "/api/v1/groups/totals?group=eu27&metric=wgs_sequenced&limit=500")
    assert all("GBR" not in r["countries"] for r in eu["data"])
    r, body = get(client, "/api/v1/groups/totals?group=europe")
    assert_error(r, body, 400, "group")


def test_genome_figures_carry_their_age_and_the_outdated_flag(client):
    _, body = get(client, "/api/v1/genome-figures?country=FIN")
    assert all(isinstance(f["age_months"], int) for f in body["data"])
    assert all(f["may_be_outdated"] == (f["age_months"] > 24) for f in body["data"])
    old = next(f for f in body["data"] if f["as_of_date"] == "2017")
    assert old["may_be_outdated"] is True
