"""Counts read as words (issue 16, "reading at a glance"): never "row(s)", always separators."""
from components.fmt import counted


def test_one_is_singular_and_every_other_count_plural():
    assert counted(1, "row") == "1 row"
    assert counted(0, "row") == "0 rows"
    assert counted(2, "cohort") == "2 cohorts"


def test_counts_have_thousands_separators_and_an_irregular_plural():
    assert counted(1875, "citation") == "1,875 citations"
    assert counted(12, "entry", "entries") == "12 entries"
    assert counted(1, "entry", "entries") == "1 entry"


def test_numpy_and_float_counts_are_whole_numbers():
    import numpy as np
    assert counted(np.int64(3), "URL") == "3 URLs"
    assert counted(2.0, "row") == "2 rows"
