"""Pure figure builders for the Overview page, one module per figure: the choropleth of Europe
(``choropleth``, its words in ``map_text``), the progress-to-1M chart (``progress``, its table in
``progress_table``), the ranked chart of countries (``ranking``) and the 1+MG signatory
timeline (``timeline``). Each figure comes with its table rows: exactly what it draws, with
sources.

Frames come from ``data.queries.overview``; nothing here queries. Every point carries its key
(ISO3) in ``customdata``. Missing figures are drawn apart (grey, "no public figure"), never as 0.
"""
from ._common import as_date
from .choropleth import (
    LOG_SCALE,
    MAP_LAT,
    MAP_LON,
    MAP_TRACES,
    PATCH_KEYS,
    map_figure,
    map_table,
    map_traces,
)
from .map_text import (
    ICPERMED,
    INDICATOR_LABELS,
    SHORT_LABELS,
    SIGNATORY_OTHER,
    legend_items,
    signatory_categories,
    value_text,
)
from .progress import METRIC_LABELS, METRIC_UNITS, TOP_N, progress_bands, progress_figure
from .progress_table import progress_table, targets_not_added
from .ranking import MEASURES, missing_text, national_targets, ranking_figure, ranking_rows, ranking_table
from .timeline import timeline_figure, timeline_lists, timeline_table

__all__ = [
    "ICPERMED", "INDICATOR_LABELS", "LOG_SCALE", "MAP_LAT", "MAP_LON", "MAP_TRACES", "MEASURES", "METRIC_LABELS",
    "METRIC_UNITS", "PATCH_KEYS", "SHORT_LABELS", "SIGNATORY_OTHER", "TOP_N", "as_date",
    "legend_items", "map_figure", "map_table", "map_traces", "missing_text", "national_targets",
    "progress_bands", "progress_figure", "progress_table", "ranking_figure", "ranking_rows",
    "ranking_table", "signatory_categories", "targets_not_added", "timeline_figure",
    "timeline_lists", "timeline_table", "value_text",
]
