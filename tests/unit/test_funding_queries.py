"""Funding queries: budget sums that count missing budgets, timeline rows, participation, calls."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data.queries import funding


def test_budget_sums_only_published_figures_and_counts_the_missing(mini_data):
    acts = funding.activities()
    groups, total = funding.budget("programme", "budget", "activities")
    non_calls = acts[acts.kind != "funding_call"]
    assert total["n_total"] == len(non_calls)
    assert total["n_with_budget"] == int(non_calls.budget_eur.notna().sum())
    assert total["amount_eur"] == pytest.approx(float(non_calls.budget_eur.sum()))
    assert sorted(total["missing_ids"]) == sorted(non_calls[non_calls.budget_eur.isna()].activity_id)
    assert (groups.n_with_budget + groups.missing_budget_ids.map(len) == groups.n_total).all()


def test_a_group_without_any_budget_has_no_amount_not_zero(mini_data):
    groups, _ = funding.budget("programme", "budget", "activities")
    none = groups[groups.n_with_budget == 0]
    assert len(none) > 0 and none.amount_eur.isna().all()


def test_when_no_activity_has_a_budget_the_total_is_missing(mini_data):
    _, total = funding.budget("programme", "budget", "activities",
                              programmes=[funding.NO_PROGRAMME])
    assert total["amount_eur"] is None and total["n_with_budget"] == 0 and total["n_total"] > 0


def test_calls_are_never_summed_with_what_they_fund(mini_data):
    _, calls = funding.budget(scope="calls")
    _, rest = funding.budget(scope="activities")
    acts = funding.activities()
    call_ids = set(acts[acts.kind == "funding_call"].activity_id)
    assert calls["n_total"] == len(call_ids)
    assert rest["n_total"] == len(acts) - len(call_ids)


def test_eu_contribution_is_a_separate_measure(mini_data):
    _, total = funding.budget(money="eu_contribution")
    acts = funding.activities()
    non_calls = acts[acts.kind != "funding_call"]
    assert total["n_with_budget"] == int(non_calls.eu_contribution_eur.notna().sum())


def test_topic_groups_count_an_activity_under_each_of_its_topics(mini_data):
    groups, total = funding.budget("topic")
    assert groups.n_total.sum() > total["n_total"]
    gdi = groups[groups.with_budget_ids.map(lambda ids: "gdi" in ids)]
    assert set(gdi.grp) == set(funding.activities().set_index("activity_id").loc["gdi"].topics)


def test_unknown_grouping_is_refused(mini_data):
    with pytest.raises(ValueError):
        funding.budget(group="budget_eur; DROP TABLE activities")


def _acts(**cols) -> pd.DataFrame:
    base = {"activity_id": ["a"], "start_date_first": [dt.date(2020, 1, 1)],
            "end_date_last": [dt.date(2021, 12, 31)]}
    base.update(cols)
    return pd.DataFrame(base)


def test_timeline_rows_draw_open_ended_activities_up_to_today():
    today = dt.date(2026, 11, 24)
    rows = funding.timeline_rows(_acts(end_date_last=[None]), today)
    r = rows.iloc[0]
    assert r.open_ended and r.drawable and r.bar_end == pd.Timestamp(today)


def test_timeline_rows_without_a_start_are_not_drawable():
    rows = funding.timeline_rows(_acts(start_date_first=[None]), dt.date(2026, 1, 1))
    assert not rows.iloc[0].drawable


def test_timeline_rows_keep_known_ends_even_in_the_future():
    rows = funding.timeline_rows(_acts(end_date_last=[dt.date(2033, 12, 31)]), dt.date(2026, 1, 1))
    assert rows.iloc[0].bar_end == pd.Timestamp("2033-12-31") and not rows.iloc[0].open_ended


def test_timeline_of_real_activities_uses_period_ends(mini_data):
    rows = funding.timeline_rows(funding.activities(), dt.date(2026, 11, 24)).set_index("activity_id")
    assert rows.loc["ep-permed"].bar_end == pd.Timestamp("2033-12-31")  # end given as a year
    assert not rows.loc["oneplusmg-group"].drawable  # no start date stated


def test_participation_gives_every_country_a_row_and_counts_roles(mini_data):
    from data.queries import infra

    links = funding.links()
    countries = infra.matrix_countries()
    anyrole = funding.participation(links, countries, "activities").set_index("iso3")
    coord = funding.participation(links, countries, "activities", "coordinator").set_index("iso3")
    assert set(countries.iso3) <= set(anyrole.index)
    assert anyrole.loc["MDA"].n == 0
    assert coord.loc["FIN"].n <= anyrole.loc["FIN"].n
    assert "tehdas" in coord.loc["FIN"].item_ids  # Finland coordinates TEHDAS


def test_a_coordinator_also_listed_as_participant_is_counted_once(mini_data):
    links = funding.links()
    dup = links.groupby(["source", "item_id", "iso3"]).size()
    assert (dup == 1).all()


def test_project_coverage_states_exactly_what_is_summed(mini_data):
    calls, projects = funding.calls(), funding.projects()
    cov = funding.project_coverage(calls, projects)
    assert cov["published_total"] == int(calls.projects_funded.dropna().sum())
    assert [c for c, _ in cov["published_calls"]] == list(calls[calls.projects_funded.notna()].call_id)
    assert cov["in_data"] == len(projects)
    assert cov["in_data_from_published"] <= cov["published_total"]
    assert all(projects.set_index("project_id").loc[cov["unmatched"]].matched_call_id.isna())


def test_unevidenced_call_has_no_projects_or_countries(mini_data):
    calls = funding.calls().set_index("call_id")
    for cid in funding.UNEVIDENCED_CALLS:
        assert calls.loc[cid].n_projects_in_data == 0
        assert len(calls.loc[cid].participating_countries_iso3) == 0


def test_outputs_keep_missing_genome_figures_missing(mini_data):
    out = funding.outputs().set_index("iso3")
    assert pd.isna(out.loc["SVK"].wgs_value)
    assert out.loc["FIN"].genotyped_value > 0
    assert (out.n_coordinated <= out.n_activities).all()
