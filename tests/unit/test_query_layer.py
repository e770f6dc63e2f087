"""The query layer: named parameterised queries over the loaded release."""
from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from data import db
from data.queries import countries, release


def test_country_summary_on_mini_release_has_only_its_countries(mini_data):
    df = countries.country_summary()
    assert set(df.iso3) == {"FIN", "DNK", "GBR", "SWE", "FRA", "SVK", "MDA"}


def test_one_country_is_selected_by_bound_parameter(mini_data):
    df = countries.country_summary("FIN")
    assert list(df.iso3) == ["FIN"]
    assert int(df.genotyped_value.iloc[0]) == 500348


def test_country_without_figures_has_nulls_not_zeros(mini_data):
    row = countries.country_summary("SVK").iloc[0]
    assert pd.isna(row.wgs_value) and pd.isna(row.wgs_per_million)
    assert row.wgs_source_urls is None or len(row.wgs_source_urls) == 0


def test_injection_string_is_treated_as_a_value(mini_data):
    assert countries.country_summary("FIN' OR '1'='1").empty


def test_unknown_query_name_is_refused():
    with pytest.raises(ValueError):
        db.sql_text("../../etc/passwd")
    with pytest.raises(ValueError):
        db.sql_text("no_such_query")


def test_release_info_matches_manifest(mini_data):
    info = release.release_info()
    assert info["tables"]["countries"] == 7
    assert len(info["release_id"]) == 12


def test_hardened_connection_refuses_files_outside_data_dir(mini_data, tmp_path):
    outside = tmp_path / "secret.csv"
    outside.write_text("a\n1\n")
    con = db.release().con.cursor()
    with pytest.raises(Exception, match="(?i)permission|disabled|access"):
        con.execute("SELECT * FROM read_csv($p)", {"p": str(outside)}).fetchall()
    with pytest.raises(duckdb.Error):
        con.execute("SET enable_external_access = true")


def test_query_results_are_cached_per_release_and_callers_get_private_copies(mini_data):
    a = countries.country_summary("FIN")
    a.loc[:, "name"] = "changed by a caller"
    b = countries.country_summary("FIN")
    assert b.name.iloc[0] == "Finland"


def test_a_new_release_never_serves_cached_results_of_the_old_one(mini_data, real_data):
    # mini_data then real_data: db.reset() between them; the real release has 35 countries
    assert len(countries.country_summary()) == 35
