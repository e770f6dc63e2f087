"""Issue 16 on the country pages: the genome chart's axis spans the figures, its legend sits under
the plot, dated figures are drawn at their period's start; sources name each domain once."""
from __future__ import annotations

import pandas as pd

from components import fmt
from components.figures import country as cf
from tests.callbacks.harness import text_of


def _fig(fid, metric, value, as_of, first, last, prog="p1", name="Programme One"):
    return {"figure_id": fid, "programme": prog, "programme_name": name, "metric": metric,
            "count_basis": "cumulative", "value": value, "as_of_date": as_of,
            "as_of_first": pd.Timestamp(first), "as_of_last": pd.Timestamp(last),
            "source_urls": ["https://example.org/a"], "confidence": "medium", "quote_or_basis": "x"}


FIGS = pd.DataFrame([_fig("f1", "wgs_sequenced", 1000, "2023", "2023-01-01", "2023-12-31"),
                     _fig("f2", "wgs_sequenced", 3000, "2024-06", "2024-06-01", "2024-06-30"),
                     _fig("t1", "target", 5_000_000, "2022", "2022-01-01", "2022-12-31")])


def test_a_figure_dated_by_year_is_drawn_on_that_years_tick_not_the_next():
    fig = cf.genome_figure("XXX", "X", FIGS)
    wgs = next(t for t in fig.data if "WGS" in t.name)
    assert [pd.Timestamp(x) for x in wgs.x] == [pd.Timestamp("2023-01-01"), pd.Timestamp("2024-06-01")]
    target = next(t for t in fig.data if t.name.startswith("Target"))
    assert pd.Timestamp(target.x[0]) == pd.Timestamp("2022-01-01")


def test_totals_ending_a_period_are_drawn_at_its_start():
    starts = cf.period_starts(FIGS)
    assert cf.drawn_date("2023-12-31", starts) == pd.Timestamp("2023-01-01")
    assert cf.drawn_date("2021-05-05", starts) == pd.Timestamp("2021-05-05")  # not a figure's end
    assert cf.period_starts(None) == {}


def test_a_target_far_above_the_figures_does_not_squash_them_and_is_noted_on_top():
    fig = cf.genome_figure("XXX", "X", FIGS)
    assert fig.layout.yaxis.range[1] < 5_000_000 and fig.layout.yaxis.range[1] >= 3000
    notes = [a.text for a in fig.layout.annotations]
    assert notes == ["Target 5,000,000 · Programme One ↑ above this scale"]
    log = cf.genome_figure("XXX", "X", FIGS, log=True)
    assert log.layout.yaxis.range is None and not log.layout.annotations


def test_a_target_near_the_figures_keeps_the_axis_spanning_both():
    near = FIGS.assign(value=[1000, 3000, 6000])
    fig = cf.genome_figure("XXX", "X", near)
    assert fig.layout.yaxis.range is None and not fig.layout.annotations


def test_the_legend_is_one_entry_a_line_below_the_plot_and_the_chart_grows_with_it():
    fig = cf.genome_figure("XXX", "X", FIGS)
    assert fig.layout.legend.y < 0 and fig.layout.legend.yanchor == "top"
    assert fig.layout.legend.orientation == "v"
    assert fig.layout.margin.b >= cf.LEGEND_ROW * len(fig.data)
    more = pd.concat([FIGS, pd.DataFrame([_fig("g1", "genotyped", 9, "2024", "2024-01-01",
                                               "2024-12-31", "p2", "Two")])])
    assert cf.genome_figure("XXX", "X", more).layout.height > fig.layout.height


def test_source_links_name_a_domain_once_with_a_count():
    urls = ["https://finngen.gitbook.io/a", "https://www.finngen.gitbook.io/b",
            "https://finngen.gitbook.io/c", "https://thl.fi/x", "https://thl.fi/x"]
    txt = text_of(fmt.source_links(urls))
    assert txt.count("finngen.gitbook.io") == 1 and "×3" in txt
    assert txt.count("thl.fi") == 1 and "×2" not in txt  # the same URL twice is one source


def test_source_links_limit_counts_distinct_urls():
    txt = text_of(fmt.source_links([f"https://a{i}.org/" for i in range(5)], limit=2))
    assert "a0.org" in txt and "a1.org" in txt and "a2.org" not in txt and "+3 more" in txt


def test_number_and_partial_date_formats():
    assert fmt.number(5_000_000) == "5,000,000" and fmt.number(9091.64, 1) == "9,091.6"
    assert fmt.number(None) == fmt.NO_FIGURE
    assert fmt.partial_date("2024") == "2024" and fmt.partial_date("2018-09") == "Sep 2018"
    assert fmt.partial_date("2018-09-06") == "6 Sep 2018" and fmt.partial_date(None) == "date unknown"
