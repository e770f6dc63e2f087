"""Overview figure builders: what the map, the progress chart and the timeline draw."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from components import fmt
from components.figures import overview as figs
from components.kpi import kpi_card, overview_kpis
from components.theme import GEOJSON_URL, NO_DATA_COLOUR
from data.queries import overview as q


@pytest.fixture
def wgs_map(mini_data):
    frame = q.map_indicator("wgs", 2020)
    traces = figs.map_traces(frame, "wgs", year=2020, context=q.context_codes(),
                             value_range=q.indicator_range("wgs"), release_date="2026-01-01")
    return frame, traces


def test_map_uses_geometry_by_url_and_fits_the_locations(wgs_map):
    """The map is fitted to the countries drawn: its frame holds the main part of every atlas
    country the geometry draws (the real release's too), and leaves the overseas parts out."""
    import json

    from shapely import geometry as sg

    _, traces = wgs_map
    fig = figs.map_figure(traces)
    assert [t.type for t in fig.data] == ["choropleth"] * 3
    assert all(t.geojson == GEOJSON_URL and t.featureidkey == "properties.iso3" for t in fig.data)
    geo = fig.layout.geo
    assert not geo.fitbounds
    assert tuple(geo.lonaxis.range) == figs.MAP_LON and tuple(geo.lataxis.range) == figs.MAP_LAT
    frame = sg.box(figs.MAP_LON[0], figs.MAP_LAT[0], figs.MAP_LON[1], figs.MAP_LAT[1])
    shapes = {f["properties"]["iso3"]: sg.shape(f["geometry"]) for f in json.load(
        open("assets/geo/europe_50m.geojson"))["features"]}
    drawn = set(traces[1]["locations"]) | set(traces[2]["locations"])
    drawn |= {"ISL", "ISR", "TUR", "CYP", "NOR", "PRT", "ESP", "MLT"}  # the real release's edges
    for iso in drawn:
        parts = getattr(shapes[iso], "geoms", [shapes[iso]])
        main = max(parts, key=lambda g: g.area)
        assert frame.buffer(0.3).contains(main), iso
    # overseas parts lie outside: the Azores, the Canaries, Svalbard
    for lon, lat in ((-28.0, 38.6), (-15.5, 28.0), (15.6, 78.2)):
        assert not frame.contains(sg.Point(lon, lat))


def test_countries_without_a_figure_are_a_separate_grey_trace(wgs_map):
    frame, (ctx, nofig, vals) = wgs_map
    missing = set(frame[frame.value.isna()].iso3)
    assert set(nofig["locations"]) == missing == {"FIN", "FRA", "MDA", "SVK"}
    assert {c for _, c in nofig["colorscale"]} == {NO_DATA_COLOUR}
    assert not missing & set(vals["locations"])
    assert all(fmt.NO_FIGURE in h for h in nofig["hovertext"])


def test_map_points_carry_their_iso3(wgs_map):
    _, (ctx, nofig, vals) = wgs_map
    assert nofig["customdata"] == nofig["locations"]
    assert vals["customdata"] == vals["locations"]
    assert ctx["hoverinfo"] == "skip"


def test_hover_gives_value_date_sources_and_confidence(wgs_map):
    _, (_, _, vals) = wgs_map
    gbr = vals["hovertext"][vals["locations"].index("GBR")]
    assert "100,000 genomes" in gbr and "As of 5 Dec 2018" in gbr
    assert "Sources: genomicsengland.co.uk" in gbr and "Confidence: high" in gbr


def test_hover_marks_a_total_whose_figures_are_all_over_24_months_old(wgs_map):
    frame, (_, _, vals) = wgs_map
    marked = {iso3 for iso3, t in zip(vals["locations"], vals["hovertext"]) if "· may be outdated" in t}
    assert marked == set(frame[frame.may_be_outdated & frame.value.notna()].iso3)
    assert marked, "the fixture has figures older than 24 months at its release date"
    fresh = frame.copy()
    fresh["may_be_outdated"] = False
    _, _, v2 = figs.map_traces(fresh, "wgs", year=2020, context=q.context_codes(),
                               value_range=q.indicator_range("wgs"), release_date="2026-01-01")
    assert not any("may be outdated" in t for t in v2["hovertext"])


def test_no_figure_hover_names_non_cumulative_figures(wgs_map):
    _, (_, nofig, _) = wgs_map
    fin = nofig["hovertext"][nofig["locations"].index("FIN")]
    assert "by the end of 2020" in fin and "subset" in fin


def test_log_colour_scale_is_fixed_by_the_given_range(wgs_map):
    _, (_, _, vals) = wgs_map
    assert vals["zmin"] == pytest.approx(2.176, abs=1e-3)  # log10(150)
    assert vals["zmax"] == pytest.approx(5.793, abs=1e-3)  # log10(620,640)
    assert vals["colorbar"]["ticktext"][0] == "1k"


def test_category_map_codes_every_country_and_has_no_grey_trace(real_data):
    frame = q.map_indicator("signatory", 2019)
    ctx, nofig, vals = figs.map_traces(frame, "signatory", year=2019, context=[])
    cats = figs.signatory_categories(frame)
    assert nofig["locations"] == []
    assert len(vals["locations"]) == int(frame.on_map.sum())
    assert set(vals["z"]) <= set(range(len(cats)))
    rou = vals["hovertext"][vals["locations"].index("ROU")]
    assert "Not yet a signatory at the end of 2019" in rou


def test_signatory_colours_do_not_change_with_the_year(mini_data):
    a = figs.signatory_categories(q.map_indicator("signatory", 2018))
    b = figs.signatory_categories(q.map_indicator("signatory", 2025))
    assert a == b


def test_map_table_has_one_row_per_drawn_country_with_sources(wgs_map):
    frame, _ = wgs_map
    rows, cols = figs.map_table(frame, "wgs", year=2020, time_aware=True)
    assert len(rows) == int(frame.on_map.sum()) == 7
    by = {r["iso3"]: r for r in rows}
    assert by["SVK"]["value"] is None and by["SVK"]["shown_as"] == fmt.NO_FIGURE
    assert by["GBR"]["value"] == 100_000 and by["GBR"]["sources"].startswith("https://")
    assert {c["field"] for c in cols} >= {"value", "as_of", "confidence", "sources"}


def test_countries_off_the_map_are_not_in_its_table(mini_data):
    frame = q.map_indicator("icpermed")
    rows, _ = figs.map_table(frame, "icpermed", year=None, time_aware=False)
    assert "CAN" not in {r["iso3"] for r in rows}


@pytest.fixture
def progress(mini_data):
    by, tot = q.progress_by_country("wgs"), q.progress_series("wgs")
    ct = q.committed_targets()
    return by, tot, q.eu_targets(), ct, q.committed_path(ct), q.proxies("wgs")


def test_stack_top_equals_the_reported_total_at_every_date(progress):
    by, tot, eu, _, path, _ = progress
    fig = figs.progress_figure(by, tot, metric="wgs", eu_targets=eu, committed=path)
    stacked = [t for t in fig.data if t.stackgroup]
    assert stacked and {t.stackgroup for t in stacked} == {"reported"}
    top = [sum(t.y[i] or 0 for t in stacked) for i in range(len(stacked[0].x))]
    assert top == list(tot.value)


def test_targets_deadline_and_committed_path_are_drawn_for_genomes(progress):
    by, tot, eu, _, path, _ = progress
    fig = figs.progress_figure(by, tot, metric="wgs", eu_targets=eu, committed=path,
                               x_end=dt.date(2029, 12, 31))
    names = [t.name for t in fig.data]
    assert any(n.startswith("1+MG goal: 1M") for n in names)
    assert any(n.startswith("Genome of Europe: 100,000 by 2028") for n in names)
    assert any(n.startswith("Committed") for n in names)
    assert any("deadline (end 2022)" in a.text for a in fig.layout.annotations)


def test_genotyped_chart_has_no_genome_targets(mini_data):
    fig = figs.progress_figure(q.progress_by_country("genotyped"), q.progress_series("genotyped"),
                               metric="genotyped", eu_targets=None)
    assert not [t for t in fig.data if t.name and ("goal" in t.name or "Committed" in t.name)]


def test_proxies_are_dotted_and_never_stacked(progress):
    by, tot, eu, _, path, px = progress
    fig = figs.progress_figure(by, tot, metric="wgs", eu_targets=eu, committed=path, proxies=px)
    proxy = [t for t in fig.data if t.name and t.name.startswith("Proxy")]
    assert len(proxy) == 2  # France PFMG2025, UK Generation Study
    assert all(t.stackgroup is None and t.line.dash == "dot" for t in proxy)


def test_progress_table_lists_what_is_drawn_with_sources(progress):
    by, tot, eu, ct, _, px = progress
    rows, _ = figs.progress_table(by, tot, metric="wgs", eu_targets=eu, committed_targets=ct,
                                  proxies=px)
    series = pd.Series([r["series"] for r in rows])
    assert (series.str.startswith("Stacked")).sum() == len(by)
    assert (series == "Total reported").sum() == len(tot)
    assert (series.str.startswith("Proxy")).sum() == len(px)
    assert all(r["sources"] for r in rows if r["series"].startswith(("Stacked", "Proxy")))
    committed = [r for r in rows if r["series"].startswith("Committed")]
    assert {(r["iso3"], r["programmes"]) for r in committed} == \
        {(i, p) for i, p in zip(ct[ct.in_path].iso3, ct[ct.in_path].programme)}
    no_px, _ = figs.progress_table(by, tot, metric="wgs", eu_targets=eu, committed_targets=ct)
    assert not [r for r in no_px if r["series"].startswith("Proxy")]


def test_targets_without_a_year_are_listed_apart(progress):
    _, _, _, ct, _, _ = progress
    lines = figs.targets_not_added(ct)
    assert len(lines) == int((~ct.in_path).sum())
    assert any(line.startswith("Denmark, dnk_ngc: 60,000") for line in lines)


def test_bands_keep_the_largest_countries_and_group_the_rest():
    by = pd.DataFrame({"iso3": list("ABCDEFGHI"), "name": list("ABCDEFGHI"),
                       "date": [dt.date(2020, 1, 1)] * 9, "value": range(9, 0, -1)})
    order, band = figs.progress_bands(by, top_n=7)
    assert order[:7] == list("ABCDEFG") and order[7] == "Other countries (2)"
    assert band["H"] == band["I"] == "Other countries (2)"


def test_timeline_draws_dated_signatories_and_lists_the_rest(real_data):
    sig = q.signatories()
    fig = figs.timeline_figure(sig)
    drawn = {c for t in fig.data for c in t.customdata}
    dated = set(sig[sig.onemg_signatory & sig.signed_first.notna()].iso3)
    assert drawn == dated
    month = [t for t in fig.data if "month" in t.name]
    assert all(t.marker.symbol.endswith("-open") for t in month)
    aut = [t for t in month if "AUT" in t.customdata][0]
    assert aut.text[list(aut.customdata).index("AUT")] == "Sep 2018"
    lists = figs.timeline_lists(sig)
    assert "Bulgaria" in lists["undated"] and "Poland" in lists["non"]
    rows, _ = figs.timeline_table(sig)
    assert len(rows) == len(sig)


def test_kpi_cards_say_what_they_count_and_show_no_figure_for_missing():
    k = {"signatories": {"n": 27, "n_eu": 25, "n_non_eu": 2, "non_eu_names": ["Norway", "UK"],
                         "n_date_unknown": 4, "latest_signed": "2023-05"},
         "wgs": {"total": 832_850, "n_countries": 14, "n_programmes": 20,
                 "oldest_as_of": "2014-06", "newest_as_of": "2025"},
         "genotyped": {"total": None, "n_countries": 0, "n_programmes": 0,
                       "oldest_as_of": None, "newest_as_of": None},
         "n_cohorts": 131, "n_infra": 152, "n_infra_countries": 34, "n_infra_operational": 105}
    cards = overview_kpis(k, "2026-11-24")
    text = {c.key: c for c in cards}
    assert "overlap" in text["cohorts"].counts
    assert "Not a count of genomes accessible through 1+MG" in text["wgs"].counts
    assert text["wgs"].as_of == "Figures dated Jun 2014 to 2025"
    html = str(kpi_card(text["genotyped"], "overview"))
    assert fmt.NO_FIGURE in html and "no-figure" in html


def test_legend_names_no_public_figure_only_where_it_can_occur(mini_data):
    wgs = figs.legend_items("wgs", q.map_indicator("wgs"))
    sig = figs.legend_items("signatory", q.map_indicator("signatory"))
    assert wgs == [(NO_DATA_COLOUR, "No public figure")]
    assert NO_DATA_COLOUR not in {c for c, _ in sig}
    assert [lbl for _, lbl in sig][:1] == ["Joined in 2018"]


def test_a_sources_line_names_the_main_sources_best_class_first(mini_data):
    from components import overview_views as views
    from data.queries.sources import ordered
    from tests.callbacks.harness import text_of
    urls = ["https://5dok.net/document/a", "https://5dok.net/document/b",
            "https://www.genomicsengland.co.uk/x"]
    assert views.by_use([urls[:1], urls[1:2], urls[2:]])[0].startswith("https://5dok.net")
    line = text_of(html_div(views.main_sources(views.by_use([urls]), order=ordered)))
    assert line.index("genomicsengland.co.uk") < line.index("5dok.net")


def html_div(children):
    from dash import html
    return html.Div(children)


def test_the_map_table_gives_the_national_target_and_the_percentage_of_it(mini_data):
    """"% of target" in the map's table (and so its CSV) for the WGS indicators: the reported
    figure over the sum of the country's national targets; empty where either is missing."""
    frame = q.map_indicator("wgs")
    targets = figs.national_targets(q.committed_targets())
    rows, cols = figs.map_table(frame, "wgs", year=None, time_aware=True, targets=targets)
    assert {"target", "pct_target"} <= {c["field"] for c in cols}
    assert next(c for c in cols if c["field"] == "pct_target")["headerName"] == "% of target"
    by = {r["iso3"]: r for r in rows}
    some = [i for i, r in by.items() if r["target"] and r["value"] is not None]
    assert some
    for iso in some:
        raw = float(frame.set_index("iso3").raw_value[iso])
        assert by[iso]["pct_target"] == round(raw / targets[iso] * 100, 1)
    assert all(r["pct_target"] is None for r in rows if not r["target"] or r["value"] is None)
    _, gcols = figs.map_table(q.map_indicator("genotyped"), "genotyped", year=None,
                              time_aware=True, targets=targets)
    assert "pct_target" not in {c["field"] for c in gcols}  # genome targets: not for arrays
