"""Figure builders and section builders of the country profile (frames in, figures/components out)."""
from __future__ import annotations

import json

import pandas as pd
import plotly
import pytest

from components import country_grids as cg
from components import country_profile as cp
from components import country_sections as cs
from components import country_sources as csrc
from components.figures import country as cf
from components.fmt import NO_FIGURE
from components.theme import GEOJSON_URL
from data.queries import country_profile as q
from tests.callbacks.harness import text_of


def pos(**kw):
    base = {"signatory": True, "n_signatories": 27, "n_with_date": 23, "date": None,
            "precision": None, "first": None, "last": None, "same_date": 0}
    return {**base, **kw}


@pytest.mark.parametrize("p, expected", [
    (pos(date="2018-04-10", precision="day", first=1, last=13, same_date=13),
     "Signed on 10 Apr 2018 — one of the 13 first signatories on 10 Apr 2018."),
    (pos(date="2020-08-26", precision="day", first=21, last=21, same_date=1),
     "Signed on 26 Aug 2020 — the 21st signatory."),
    (pos(date="2018-09", precision="month", first=14, last=16, same_date=2),
     "Signed in Sep 2018 — between the 14th and 16th signatory (the month is known, not the day)."),
    (pos(), "Signatory of the 1+MG declaration; the signature date is not public."),
    (pos(signatory=False), "Not a signatory of the 1+MG declaration."),
])
def test_signature_text_keeps_the_date_precision_and_explains_the_order(p, expected):
    assert cp.signature_text(p).startswith(expected)
    if p["first"] and p["first"] > 1:
        assert "4 signature dates are not public" in cp.signature_text(p)


@pytest.mark.parametrize("n, s", [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"),
                                  (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd")])
def test_ordinal(n, s):
    assert cp.ordinal(n) == s


def test_summary_line_says_no_public_figure_instead_of_zero(mini_data):
    idx = q.country_index().set_index("iso3", drop=False)
    assert cp.summary_line(idx.loc["SVK"]) == ("No public figure of genomes sequenced or "
                                               "participants genotyped.")
    fin = cp.summary_line(idx.loc["FIN"])
    assert "500,348 participants genotyped (as of 2024)" in fin
    assert "no public total of whole genomes sequenced" in fin


def test_figures_status_for_each_kind_of_country(mini_data):
    svk = text_of(cs.figures_status("Slovakia", q.genome_counts("SVK")))
    assert "No public figure" in svk
    targets_only = q.genome_counts("DNK").query("metric == 'target'")
    assert "Only targets are public" in text_of(cs.figures_status("Denmark", targets_only))
    fin = text_of(cs.figures_status("Finland", q.genome_counts("FIN")))
    assert "No public total of whole genomes" in fin and "WGS (subset)" in fin
    assert text_of(cs.figures_status("Denmark", q.genome_counts("DNK"))) == ""


def test_genome_figure_has_one_trace_per_programme_metric_and_basis(mini_data):
    figs = q.genome_counts("SWE")
    fig = cf.genome_figure("SWE", "Sweden", figs)
    names = [t.name for t in fig.data]
    achieved = figs[figs.metric != "target"]
    n_groups = achieved.groupby(["programme", "metric", "count_basis"]).ngroups
    assert len([n for n in names if not n.startswith("Target")]) == n_groups
    annual = next(t for t in fig.data if "(annual)" in t.name)
    assert annual.line.dash == "dot" and annual.marker.symbol.endswith("-open")
    cumulative = next(t for t in fig.data if t.name == "SweGen · WGS")
    assert cumulative.line.dash == "solid" and cumulative.mode == "lines+markers"
    for t in fig.data:  # every point carries its key
        assert all(cd[0] == "SWE" and cd[1] for cd in t.customdata)


def test_genome_figure_hover_has_source_domain_date_precision_and_confidence(mini_data):
    fig = cf.genome_figure("FIN", "Finland", q.genome_counts("FIN"))
    finngen = next(t for t in fig.data if t.name == "FinnGen · genotyped")
    hover = " ".join(finngen.text)
    # Jan 2023's 224,737 is a paper's analysis set (subset) since release 2; R2 of Nov 2018 is not
    assert "500,348" in hover and "as of 2024" in hover and "as of Nov 2018" in hover
    assert "finngen.fi" in hover and "confidence: high" in hover


def test_targets_are_horizontal_lines_and_a_restated_target_is_one_line(mini_data):
    fig = cf.genome_figure("DNK", "Denmark", q.genome_counts("DNK"))
    targets = [t for t in fig.data if t.name.startswith("Target")]
    ngc = [t for t in targets if "Danish National Genome Center" in t.name]
    assert len(ngc) == 1  # the 60,000 target of 2019 restated in 2021
    assert list(ngc[0].y) == [60000, 60000] and ngc[0].line.dash == "longdash"
    assert "restated" in ngc[0].text[0]


def test_genome_figure_for_a_country_without_figures_says_so(mini_data):
    fig = cf.genome_figure("MDA", "Republic of Moldova", q.genome_counts("MDA"))
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text == "No public figure for Republic of Moldova"


def test_only_targets_draws_target_lines_only():
    figs = pd.DataFrame([{
        "figure_id": "f1", "programme": "prt_x", "programme_name": "Genoma de Portugal",
        "metric": "target", "count_basis": "cumulative", "value": 15000, "as_of_date": "2022-11-02",
        "as_of_last": pd.Timestamp("2022-11-02"), "source_urls": ["https://example.org/a"],
        "confidence": "medium", "quote_or_basis": "x"}])
    fig = cf.genome_figure("PRT", "Portugal", figs)
    assert [t.name for t in fig.data] == ["Target 15,000 · Genoma de Portugal"]
    assert "Only targets are public" in text_of(cs.figures_status("Portugal", figs))


def test_comparison_overlays_only_metrics_the_country_shows_plus_wgs(mini_data):
    figs = q.genome_counts("FIN")
    median = q.signatory_median_progress()
    fig = cf.genome_figure("FIN", "Finland", figs, median, "Median of signatories")
    overlay = [t for t in fig.data if t.name.startswith("Median of signatories")]
    assert {t.name for t in overlay} == {"Median of signatories · genotyped (total)",
                                         "Median of signatories · WGS (total)"}
    assert all(t.line.shape == "hv" for t in overlay)
    assert "signatories with a figure" in overlay[0].text[0]
    table = cf.genome_table(figs, median, "Median of signatories")
    assert set(table[table.series == "Median of signatories"].metric) == {"genotyped",
                                                                          "wgs_sequenced"}


def test_genome_table_lists_exactly_the_drawn_points_with_sources(mini_data):
    figs = q.genome_counts("DNK")
    table = cf.genome_table(figs)
    assert len(table) == len(figs)
    assert {"source_urls", "as_of", "confidence", "figure_id"} <= set(table.columns)
    row = table[table.value == 26458].iloc[0]
    assert row.as_of == "12 Apr 2024" and "ugeskriftet.dk" in row.source_urls


def test_infra_map_draws_the_outline_from_the_geojson_url_and_only_located_nodes(mini_data):
    nodes = q.infrastructures("FIN")
    fig = cf.infra_map("FIN", nodes, q.geo_frame("FIN"))
    outline = fig.data[0]
    assert outline.type == "choropleth" and outline.geojson == GEOJSON_URL
    assert outline.featureidkey == "properties.iso3"
    points = [t for t in fig.data if t.type == "scattergeo"]
    drawn = {i for t in points for cd in t.customdata for i in cd[1].split(";")}
    assert drawn == set(nodes[nodes.lat.notna()].infra_id)
    centroid = next(t for t in points if "city centroid" in t.name)
    assert centroid.marker.symbol == "circle-open"
    assert fig.layout.geo.visible is False
    assert len(json.dumps(fig, cls=plotly.utils.PlotlyJSONEncoder)) < 20_000  # no inlined geometry


def test_infra_list_groups_by_kind_and_status_and_marks_unmapped_nodes(mini_data):
    txt = text_of(cs.infra_list(q.infrastructures("FIN")))
    assert "ELIXIR node (1)" in txt and "Operational" in txt
    assert "no public location, not on the map" in txt
    assert "mapped at the city centre (approximate)" in txt
    assert "No research-infrastructure node" in text_of(cs.infra_list(q.infrastructures("MDA")))


def test_cohorts_table_shows_no_public_figure_and_access_links(mini_data):
    section = cs.cohorts_table(q.cohorts("FIN"))
    txt = text_of(section)
    assert NO_FIGURE in txt and "500,348" in txt and "participants are not added up" in txt
    assert "No cohort" in text_of(cs.cohorts_table(q.cohorts("MDA")))


def test_indicators_table_adds_a_median_column_saying_how_many(mini_data):
    idx = q.country_index().set_index("iso3", drop=False)
    table = cs.indicators_table(idx.loc["SVK"], medians=q.signatory_medians(), compare_label="Median")
    txt = text_of(table)
    assert NO_FIGURE in txt and "median of 4 of 5 signatories with a figure" in txt
    other = text_of(cs.indicators_table(idx.loc["FIN"], idx.loc["DNK"], compare_label="Denmark"))
    assert "35,279" in other and "500,348" in other


def test_sources_list_deduplicates_urls_and_keeps_print_footnotes_for_printed_sections():
    entries = [("https://a.org/1", "figure: x", "figures"), ("https://a.org/1", "cohort: y", "cohorts"),
               ("https://b.org/2", "milestone: z", "milestones"), ("", "nothing", "facts")]
    ol = csrc.sources_list(entries)
    assert len(ol.children) == 2
    first, second = ol.children
    assert first.children[0].href == "https://a.org/1" and "figure: x; cohort: y" in text_of(first)
    assert first.className is None and second.className == "d-print-none"


def test_page_entries_cover_every_section(mini_data):
    idx = q.country_index().set_index("iso3", drop=False)
    sections = {"initiatives": q.initiatives("FIN"), "figures": q.genome_counts("FIN"),
                "cohorts": q.cohorts("FIN"), "nodes": q.infrastructures("FIN"),
                "activities": q.activities("FIN"), "milestones": q.milestones("FIN")}
    entries = csrc.page_entries(idx.loc["FIN"], sections)
    kinds = {e[2] for e in entries}
    assert {"facts", "figures", "initiatives", "cohorts", "nodes", "activities", "milestones"} <= kinds
    urls = {e[0] for e in entries}
    for df in sections.values():
        assert {u for lst in df.source_urls for u in lst} <= urls


def test_not_found_shows_the_code_as_text_and_suggestions():
    res = q.Resolution("<script>alert(1)</script>", None, [("FIN", "Finland")])
    page = cp.not_found(res)
    assert "Country not found" in text_of(page)
    assert "<script>alert(1)</script>" in text_of(page)  # a text node: Dash escapes it
    assert "dangerouslySetInnerHTML" not in json.dumps(page.to_plotly_json(),
                                                       cls=plotly.utils.PlotlyJSONEncoder)
    assert "Finland (FIN)" in text_of(page)


def test_column_defs_keep_figures_numeric_and_format_missing_as_no_public_figure():
    defs = cg.column_defs([("v", "Value", "int"), ("d", "Per million", "dec"), ("s", "Text", "")])
    assert defs[0]["filter"] == "agNumberColumnFilter" and NO_FIGURE in defs[0]["valueFormatter"]["function"]
    assert "',.1f'" in defs[1]["valueFormatter"]["function"]
    assert "valueFormatter" not in defs[2]


def test_own_total_is_drawn_only_where_several_programmes_add_up(mini_data):
    dnk = cf.genome_figure("DNK", "Denmark", q.genome_counts("DNK"), own_total=q.progress("DNK"))
    total = [t for t in dnk.data if t.name == "Denmark (sum of programmes) · WGS (total)"]
    assert len(total) == 1 and total[0].line.shape == "hv"
    assert max(total[0].y) == 35279  # 26,458 + 8,671 + 150, each programme's latest figure
    fin = cf.genome_figure("FIN", "Finland", q.genome_counts("FIN"), own_total=q.progress("FIN"))
    assert not any("sum of programmes" in t.name for t in fin.data)  # one programme: no sum


def test_a_comparison_total_is_held_to_the_right_edge(mini_data):
    fig = cf.genome_figure("DNK", "Denmark", q.genome_counts("DNK"), q.progress("SWE"), "Sweden")
    swe = next(t for t in fig.data if t.name == "Sweden · WGS (total)")
    assert list(swe.y) == [1000, 1000]  # one figure (2017), carried forward to the last date
    assert "carried forward" in swe.text[-1]


def test_a_figure_older_than_24_months_is_marked_may_be_outdated_in_the_table_and_profile(mini_data):
    figs = q.genome_counts("DNK")
    table = cf.genome_table(figs)
    assert "age" in {c["field"] for c in cg.column_defs(cg.GENOME_COLS)}
    for r, t in zip(figs.itertuples(), table.itertuples()):
        assert t.age.startswith(f"{int(r.age_months)} month")
        assert t.age.endswith("· may be outdated") == bool(r.may_be_outdated)
    latest = q.latest_figures("DNK")
    assert "may_be_outdated" in latest.columns
    txt = text_of(cs.initiatives_table(q.initiatives("DNK"), latest))
    old = latest[latest.may_be_outdated & (latest.metric != "target")
                 & latest.initiative_id.isin(q.initiatives("DNK").initiative_id)]
    assert ("may be outdated" in txt) == bool(len(old))


def test_key_indicator_totals_say_which_programmes_they_sum(mini_data):
    idx = q.country_index().set_index("iso3", drop=False)
    row = idx.loc["DNK"]
    txt = text_of(cs.indicators_table(row, idx.loc["FIN"], compare_label="Finland"))
    n = int(row["wgs_n_programmes"])
    assert f"sum of {n} programme{'s' if n != 1 else ''} of Denmark" in txt
    assert NO_FIGURE in txt and "of Finland" not in txt  # no figure: nothing summed
