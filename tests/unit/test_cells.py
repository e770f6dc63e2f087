"""The one cell serialiser (components/cells.py): CSV text, JSON values and grid cells."""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from components import cells


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, pd.NaT])
def test_missing_is_an_empty_csv_cell_and_json_null_never_zero(missing):
    assert cells.is_missing(missing)
    assert cells.text(missing) == ""
    for code in ("str?", "int?", "num?", "bool?", "date?"):
        assert cells.json_value(missing, code) is None
    assert cells.json_value(missing, "list") == []
    assert cells.joined(missing) == ""


def test_empty_containers_are_not_missing_values():
    assert not cells.is_missing([]) and not cells.is_missing({}) and not cells.is_missing(0)
    assert cells.text([]) == "" and cells.text(0) == "0"


def test_lists_join_with_a_semicolon_in_csv_and_semicolon_space_in_grids():
    for v in (["a", "b"], ("a", "b"), np.array(["a", "b"], dtype=object)):
        assert cells.text(v) == "a;b"
        assert cells.joined(v) == "a; b"
        assert cells.json_value(v, "list") == ["a", "b"]
    assert cells.text(["a", None, "c"]) == "a;;c"
    assert cells.joined([1, 2], sep=cells.LIST_SEP) == "1;2"


def test_booleans_dates_and_counts():
    assert [cells.text(v) for v in (True, False, np.True_, np.False_)] == [
        "true", "false", "true", "false"]
    assert cells.text(dt.date(2024, 6, 1)) == "2024-06-01"
    assert cells.text(dt.datetime(2024, 6, 1, 13, 5)) == "2024-06-01"
    assert cells.text(pd.Timestamp("2024-06-01 10:00")) == "2024-06-01"
    assert cells.text({"cohorts": 3, "countries": 1}) == "cohorts=3;countries=1"
    assert cells.json_value(pd.Timestamp("2024-06-01"), "date?") == "2024-06-01"
    assert cells.json_value(dt.date(2024, 6, 1), "date?") == "2024-06-01"
    assert cells.json_value({"a": np.int64(2)}, "counts") == {"a": 2}
    assert cells.json_value(None, "counts") == {}


def test_numbers_become_plain_python_values():
    assert cells.text(np.int64(5)) == "5" and cells.text(1.5) == "1.5"
    v = cells.json_value(np.int64(5), "int?")
    assert v == 5 and type(v) is int
    v = cells.json_value(np.float64(2.5), "num?")
    assert v == 2.5 and type(v) is float
    assert cells.json_value(np.bool_(True), "bool") is True
    assert cells.json_value(7, "str") == "7"


def test_a_table_as_csv_keeps_the_download_conventions():
    df = pd.DataFrame({
        "name": ["Finland", None],
        "tags": [["a", "b"], None],
        "flag": pd.array([True, None], dtype="boolean"),
        "when": pd.to_datetime(["2024-01-31", None]),
        "n": pd.array([3, None], dtype="Int64"),
        "x": [1.5, math.nan],
    })
    assert cells.frame_to_csv(df) == ("name,tags,flag,when,n,x\n"
                                      "Finland,a;b,true,2024-01-31,3,1.5\n"
                                      ",,,,,\n")
