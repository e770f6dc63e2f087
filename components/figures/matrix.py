"""What the two country × item heatmaps (funding participation, infrastructure coverage) share."""
from __future__ import annotations

from collections.abc import Callable, Iterable


def cells(rows: Iterable, cols: Iterable, cell: Callable) -> tuple[list, list, list, list]:
    """``z, text, customdata, hovertext`` of a heatmap, row by row; ``cell(row, col)`` returns
    ``(level, glyph, key, hover)`` for one cell."""
    cols = list(cols)
    z, text, custom, hover = [], [], [], []
    for row in rows:
        got = [cell(row, col) for col in cols]
        z.append([g[0] for g in got])
        text.append([g[1] for g in got])
        custom.append([g[2] for g in got])
        hover.append([g[3] for g in got])
    return z, text, custom, hover


def step_scale(levels) -> list:
    """A stepped colour scale: level ``i`` of ``levels`` (name, colour, glyph) is one flat band."""
    n = len(levels)
    scale = []
    for i, (_name, colour, _glyph) in enumerate(levels):
        scale += [[i / n, colour], [(i + 1) / n, colour]]
    return scale
