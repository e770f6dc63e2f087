"""Callbacks of /funding, called directly."""
from __future__ import annotations

import datetime as dt
import re

import app  # noqa: F401  (registers the pages)
from data.queries import funding as q
from pages import _funding_callbacks as page
from pages import _funding_charts as charts
from tests.callbacks.harness import call, text_of

DEFAULTS = ["programme", "budget", "activities", "activities", "any", "activities", "nodes"]


def test_budget_total_states_how_many_activities_have_a_budget(mini_data):
    out = charts.budget([], [], [], "programme", "budget", "activities")
    label = out["total"]
    _, total = q.budget()
    m = re.search(r"\((\d+) of (\d+)\)", label)
    assert m and (int(m[1]), int(m[2])) == (total["n_with_budget"], total["n_total"])
    assert "not counted as zero" in label


def test_budget_table_keeps_missing_amounts_missing(mini_data):
    rows = charts.budget([], [], [], "programme", "budget", "activities")["rows"]
    none = [r for r in rows if r["with_budget"] == 0]
    assert none and all(r["amount_eur"] is None for r in none)


def test_topic_grouping_warns_that_bars_overlap(mini_data):
    note = charts.budget([], [], [], "topic", "budget", "activities")["note"]
    assert "do not add up" in note


def test_timeline_lists_activities_it_cannot_place(mini_data):
    out = charts.timeline([], [], [], dt.date(2026, 11, 24))
    fig, grid, note = out["figure"], out["rows"], out["note"]
    assert "cannot be placed" in text_of(note) and "1+MG Group" in text_of(note)
    assert any(a.text.startswith("Today") for a in fig.layout.annotations)
    assert len(grid) == len(q.activities())


def test_calls_chart_never_shows_the_unevidenced_call(mini_data):
    out = charts.calls(None)
    money, rows = out["money_figure"], out["money_rows"]
    note, cov, projects = out["note"], out["coverage"], out["projects"]
    ids = {k for t in money.data if t.type == "bar" for k in t.customdata}
    assert not ids & q.UNEVIDENCED_CALLS
    assert all(r["call_id"] not in q.UNEVIDENCED_CALLS for r in rows)
    assert "ERA PerMed 2023 is not charted" in text_of(note)
    assert f"{len(projects)} funded research projects are in the data" in cov
    assert "report 118 in total" in cov


def test_participation_states_how_complete_the_country_lists_are(mini_data):
    out = charts.participation([], [], [], "activities", "any")
    note = out["note"]
    assert re.search(r"Countries are recorded for \d+ of \d+ funded activities", note)
    mrows = out["map_rows"]
    assert {r["iso3"] for r in mrows} >= {"FIN", "MDA"}


def test_country_selection_lists_items_with_sources_and_caveat(mini_data):
    act, part, search = page.detail("country:FIN", [], [], [], *DEFAULTS)
    txt = text_of(part)
    assert "TEHDAS" in txt and "not money received" in txt
    assert search == "?sel=country%3AFIN"


def test_group_selection_separates_missing_budgets(mini_data):
    act, _p, _s = page.detail("grp:Horizon 2020", [], [], [], *DEFAULTS)
    txt = text_of(act)
    assert "with a published figure" in txt and "not counted as zero" in txt


def test_bad_url_gets_defaults_and_a_notice(mini_data):
    out = call(page.init, {"view": "money", "topic": "training,astrology"}, None)
    msg = text_of(out["notices"])
    assert "money" in msg and "astrology" in msg
    assert out["topic"] == ["training"]


def test_outputs_list_countries_without_a_figure_instead_of_drawing_them(mini_data):
    out = charts.outputs([], [], [], "activities", "wgs")
    fig, grid, missing, rows = out["figure"], out["rows"], out["missing"], out["table_rows"]
    drawn = set(fig.data[0].customdata)
    assert "SVK" not in drawn and "Slovakia" in text_of(missing)
    assert {r["iso3"] for r in grid} == drawn
    assert len(rows) == 7


def test_filters_matching_nothing_say_so_instead_of_summing(mini_data):
    label = charts.budget(["national"], [], ["training"], "programme", "budget", "activities")["total"]
    assert label.startswith("No activities match")
    note = charts.timeline(["national"], [], ["training"], dt.date(2026, 1, 1))["note"]
    assert "No activity matches" in text_of(note)
