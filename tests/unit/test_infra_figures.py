"""Figure builders of the infrastructures page: offline maps, keys in customdata, honest cells."""
from __future__ import annotations

import pandas as pd

from components.figures import infra as F
from components.theme import GEOJSON_URL
from data.queries import infra


def test_node_map_draws_only_located_nodes_with_their_ids(mini_data):
    nodes = infra.nodes()
    fig = F.node_map(nodes, ["FIN", "SWE"])
    points = [t for t in fig.data if t.type == "scattergeo" and t.customdata is not None]
    drawn = [i for t in points for i in t.customdata]
    assert sorted(drawn) == sorted(nodes[nodes.lat.notna()].infra_id)
    assert {t.type for t in fig.data} <= {"choropleth", "scattergeo"}


def test_node_map_outline_uses_the_local_geojson(mini_data):
    fig = F.node_map(infra.nodes(), ["FIN"])
    outline = fig.data[0]
    assert outline.type == "choropleth" and outline.geojson == GEOJSON_URL
    assert outline.featureidkey == "properties.iso3"


def test_node_map_marks_status_by_symbol_and_city_centroids_in_hover(mini_data):
    nodes = infra.nodes()
    fig = F.node_map(nodes, [])
    gdi = next(t for t in fig.data if t.name == F.kind_label("gdi_node"))
    assert set(gdi.marker.symbol) == {F.STATUS_SYMBOL["in_development"]}
    seq = next(t for t in fig.data if t.name == F.kind_label("sequencing_centre"))
    hover = dict(zip(seq.customdata, seq.text))
    assert "city centroid" in hover["fr-seqoia"]


def test_co_located_nodes_are_spread_but_keep_their_true_place():
    df = pd.DataFrame({"lat": [50.0, 50.0, 40.0], "lon": [10.0, 10.0, 5.0]})
    out = F._spread(df)
    assert out.lat.tolist() == [50.0, 50.0, 40.0]
    assert (out.plot_lat.iloc[0], out.plot_lon.iloc[0]) != (out.plot_lat.iloc[1], out.plot_lon.iloc[1])
    assert (out.plot_lat.iloc[2], out.plot_lon.iloc[2]) == (40.0, 5.0)


def test_coverage_figure_has_a_cell_per_country_and_kind_with_keys(mini_data):
    countries = infra.matrix_countries()
    kinds = ["elixir_node", "fega_node"]
    cov = infra.coverage(infra.nodes(), countries, kinds)
    part = countries[["iso3"]].assign(n_activities=1, n_projects=0)
    fig = F.coverage_figure(cov, kinds, countries, part)
    heat = next(t for t in fig.data if t.type == "heatmap")
    assert len(heat.z) == len(countries) and len(heat.z[0]) == 2
    assert heat.customdata[list(countries.iso3).index("FIN")][1] == "FIN|fega_node"
    levels = [name for name, _c, _g in F.COVERAGE]
    mda = list(countries.iso3).index("MDA")
    assert heat.z[mda] == [levels.index("none")] * 2
    bars = [t for t in fig.data if t.type == "bar"]
    assert {t.customdata[0].split("|")[1] for t in bars} == {"activities", "projects"}


def test_coverage_figure_without_participation_has_no_bars(mini_data):
    countries = infra.matrix_countries()
    cov = infra.coverage(infra.nodes(), countries, ["elixir_node"])
    fig = F.coverage_figure(cov, ["elixir_node"], countries)
    assert not [t for t in fig.data if t.type == "bar"]


def test_outside_frame_check():
    assert F.in_frame(50, 10) and not F.in_frame(25.3, 51.5)


def test_node_map_has_no_plotly_legend_and_the_html_key_names_every_kind_and_status(mini_data):
    """The kinds and statuses are keyed in HTML above the map (a Plotly legend covered the map on a
    phone and was cut off on a desktop)."""
    from components.infra_controls import map_key
    fig = F.node_map(infra.nodes(), ["FIN"])
    assert fig.layout.showlegend is False
    text = str(map_key().to_plotly_json())
    for k in F.KIND_LABEL:
        assert F.kind_label(k) in text
    for s in F.STATUS_GLYPH:
        assert F.STATUS_LABEL[s] in text
    assert "fega_node" not in text


def test_coverage_list_gives_each_country_its_kinds_with_status_and_counts(mini_data):
    """On a narrow screen the matrix is a list: every country, the kinds it has (label, status,
    node count, never an internal id), and its participation counts."""
    from components.infra_views import coverage_list
    countries = infra.matrix_countries()
    kinds = ["elixir_node", "fega_node"]
    cov = infra.coverage(infra.nodes(), countries, kinds)
    part = countries[["iso3"]].assign(n_activities=1200, n_projects=0)
    items = coverage_list(cov, kinds, countries, part).children
    assert len(items) == len(countries)
    fin = str(items[list(countries.iso3).index("FIN")].to_plotly_json())
    n = int(cov[(cov.iso3 == "FIN") & (cov.kind == "fega_node")].n_nodes.iloc[0])
    assert "Finland" in fin and f"Federated EGA node (operational, {n})" in fin
    assert "funded activities 1,200" in fin and "fega_node" not in fin
    mda = str(items[list(countries.iso3).index("MDA")].to_plotly_json())
    assert "no node of these kinds in the data" in mda


def test_coverage_figure_has_no_plotly_legend(mini_data):
    countries = infra.matrix_countries()
    cov = infra.coverage(infra.nodes(), countries, ["elixir_node"])
    fig = F.coverage_figure(cov, ["elixir_node"], countries,
                            countries[["iso3"]].assign(n_activities=1, n_projects=1))
    assert fig.layout.showlegend is False
    assert all(t.x is None or any(v is not None for v in t.x) for t in fig.data)


def test_chart_tables_head_every_column_and_show_names_not_ids(mini_data):
    """'Show as table' under the map and the matrix: every column has a header, no column shows
    an internal id (the ids stay in the rows), counts are formatted with separators."""
    from components.infra_views import coverage_table, map_table
    nodes = infra.nodes()
    countries = infra.matrix_countries()
    kinds = ["elixir_node", "fega_node"]
    cov = infra.coverage(nodes, countries, kinds)
    part = countries[["iso3"]].assign(n_activities=1, n_projects=0)
    mrows, mcols = map_table(nodes[nodes.lat.notna()])
    crows, ccols = coverage_table(cov, kinds, countries, part)
    for cols in (mcols, ccols):
        assert all(c.get("headerName") for c in cols)
        assert not [c["field"] for c in cols if c["field"].endswith(("_id", "_ids"))]
    assert "fega-fi" in {r["infra_id"] for r in mrows}
    fin = next(r for r in crows if r["iso3"] == "FIN")
    assert "fega-fi" not in fin["nodes"] and fin["nodes"]
    assert all("valueFormatter" in c for c in ccols if c.get("type") == "numericColumn")
