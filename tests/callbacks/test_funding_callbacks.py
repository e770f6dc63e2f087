"""Callbacks of /funding, called directly."""
from __future__ import annotations

import datetime as dt
import re

import app  # noqa: F401  (registers the pages)
from data.queries import funding as q
from pages import funding as page
from tests.callbacks.harness import call, text_of

DEFAULTS = ["programme", "budget", "activities", "activities", "any", "activities", "nodes"]


def test_budget_total_states_how_many_activities_have_a_budget(mini_data):
    out = page.budget([], [], [], "programme", "budget", "activities")
    label = out[5]
    _, total = q.budget()
    m = re.search(r"\((\d+) of (\d+)\)", label)
    assert m and (int(m[1]), int(m[2])) == (total["n_with_budget"], total["n_total"])
    assert "not counted as zero" in label


def test_budget_table_keeps_missing_amounts_missing(mini_data):
    rows = page.budget([], [], [], "programme", "budget", "activities")[2]
    none = [r for r in rows if r["with_budget"] == 0]
    assert none and all(r["amount_eur"] is None for r in none)


def test_topic_grouping_warns_that_bars_overlap(mini_data):
    note = page.budget([], [], [], "topic", "budget", "activities")[6]
    assert "do not add up" in note


def test_timeline_lists_activities_it_cannot_place(mini_data):
    fig, style, grid, _c, _s, note = page.timeline([], [], [], dt.date(2026, 11, 24))
    assert "cannot be placed" in text_of(note) and "1+MG Group" in text_of(note)
    assert any(a.text.startswith("Today") for a in fig.layout.annotations)
    assert len(grid) == len(q.activities())


def test_calls_chart_never_shows_the_unevidenced_call(mini_data):
    money, rows, _c, _s, counts, *_rest, note, cov, projects = page.calls(None)
    ids = {k for t in money.data if t.type == "bar" for k in t.customdata}
    assert not ids & q.UNEVIDENCED_CALLS
    assert all(r["call_id"] not in q.UNEVIDENCED_CALLS for r in rows)
    assert "ERA PerMed 2023 is not charted" in text_of(note)
    assert f"{len(projects)} funded research projects are in the data" in cov
    assert "report 118 in total" in cov


def test_participation_states_how_complete_the_country_lists_are(mini_data):
    out = page.participation([], [], [], "activities", "any")
    note = out[-1]
    assert re.search(r"Countries are recorded for \d+ of \d+ funded activities", note)
    mrows = out[1]
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
    msg = text_of(out[-1])
    assert "money" in msg and "astrology" in msg
    values = out[3:6]
    assert values[2] == ["training"]


def test_outputs_list_countries_without_a_figure_instead_of_drawing_them(mini_data):
    fig, grid, _c, _s, missing, rows, _cols = page.outputs([], [], [], "activities", "wgs")
    drawn = set(fig.data[0].customdata)
    assert "SVK" not in drawn and "Slovakia" in text_of(missing)
    assert {r["iso3"] for r in grid} == drawn
    assert len(rows) == 7


def test_filters_matching_nothing_say_so_instead_of_summing(mini_data):
    label = page.budget(["national"], [], ["training"], "programme", "budget", "activities")[5]
    assert label.startswith("No activities match")
    note = page.timeline(["national"], [], ["training"], dt.date(2026, 1, 1))[5]
    assert "No activity matches" in text_of(note)
