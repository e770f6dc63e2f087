"""The release diff: a rebuild records which rows were added, changed and removed since the last one."""
from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from data.pipeline import diff
from tests.fixtures.mini import read_rows


@pytest.fixture(scope="module")
def two_releases(release_factory):
    """Build the mini sources, then rebuild after adding, changing and removing one cohort row."""
    rel = release_factory("diff")
    first = rel.manifest
    ids = [r["cohort_id"] for r in read_rows(rel.sources / "cohorts.csv")[1]]
    removed, changed, template = ids[0], ids[1], ids[2]

    def edit(rows):
        rows = [r for r in rows if r["cohort_id"] != removed]
        for r in rows:
            if r["cohort_id"] == changed:
                r["participants"] = str(int(r["participants"] or 0) + 1234)
        new = dict(next(r for r in rows if r["cohort_id"] == template))
        new["cohort_id"], new["name"] = "zz_test_added_cohort", "Test cohort added by the diff test"
        # A new row at the top moves every other row's line number, which is not a change.
        return [new] + rows

    second = rel.rebuild({"cohorts": edit})
    return {"out": rel.out, "first": first, "second": second,
            "removed": removed, "changed": changed, "added": "zz_test_added_cohort"}


def test_rebuild_names_the_release_it_replaces(two_releases):
    assert two_releases["second"]["previous_release"] == two_releases["first"]["release_id"]
    assert two_releases["second"]["release_id"] != two_releases["first"]["release_id"]


def test_first_release_has_no_known_changes_rather_than_zero(two_releases):
    m = two_releases["first"]
    assert m["changes"] is None
    assert m["tables"]["release_changes"]["rows"] == 0


def test_changes_file_lists_the_added_changed_and_removed_rows(two_releases):
    rid = two_releases["second"]["release_id"]
    rows = pq.read_table(two_releases["out"] / "releases" / rid / diff.FILE).to_pylist()
    assert {(r["table"], r["key"], r["change"]) for r in rows} == {
        ("cohorts", two_releases["added"], "added"),
        ("cohorts", two_releases["changed"], "changed"),
        ("cohorts", two_releases["removed"], "removed"),
    }
    changed = next(r for r in rows if r["change"] == "changed")
    # size_band is derived from participants and may move with it; nothing else may differ.
    assert "participants" in changed["changed_columns"]
    assert set(changed["changed_columns"]) <= {"participants", "size_band"}
    assert all(r["key_columns"] == "cohort_id" for r in rows)


def test_manifest_counts_changes_per_table(two_releases):
    m = two_releases["second"]
    assert m["changes"]["cohorts"] == {"added": 1, "changed": 1, "removed": 1}
    assert all(c == {"added": 0, "changed": 0, "removed": 0}
               for t, c in m["changes"].items() if t != "cohorts")
    assert set(m["changes"]) == set(diff.KEYS)
    assert m["tables"]["release_changes"]["rows"] == 3


def test_release_id_does_not_depend_on_the_changes_file(two_releases, release_factory):
    """The same sources give the same release id whatever was built before."""
    fresh = release_factory("diff-fresh").manifest
    assert fresh["release_id"] == two_releases["first"]["release_id"]


def test_app_loads_the_changes_table(two_releases, use_release):
    from data.queries import catalog

    use_release(two_releases["out"])
    df = catalog.release_changes()
    assert sorted(df.change) == ["added", "changed", "removed"]
    assert catalog.change_counts()["cohorts"] == {"added": 1, "changed": 1, "removed": 1}


def test_unchanged_tables_compare_equal_including_lists_and_nulls(tmp_path):
    import pyarrow as pa

    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        pq.write_table(pa.table({"row_order": [1 if d == "a" else 9], "cohort_id": ["x"],
                                 "lat": [float("nan")], "countries_iso3": [["FIN", "SWE"]],
                                 "notes": [None]}), tmp_path / d / "cohorts.parquet")
    assert diff.diff_table("cohorts", tmp_path / "a", tmp_path / "b") == []


def test_backfill_records_changes_of_a_built_release_in_place(two_releases, tmp_path):
    import shutil

    out = tmp_path / "built"
    shutil.copytree(two_releases["out"], out)
    rid = two_releases["second"]["release_id"]
    mpath = out / "releases" / rid / "manifest.json"
    m = json.loads(mpath.read_text())
    del m["changes"], m["tables"]["release_changes"]
    (out / "releases" / rid / diff.FILE).unlink()
    mpath.write_text(json.dumps(m))
    again = diff.backfill(out)
    assert again["release_id"] == rid
    assert again["changes"]["cohorts"] == {"added": 1, "changed": 1, "removed": 1}
    assert again["tables"]["release_changes"]["rows"] == 3


def test_a_corrected_figure_is_one_change_with_its_old_and_new_value(release_factory):
    """A figure keeps its stored figure_id when its value, date or basis is corrected."""
    rel = release_factory("correction")
    gc = pq.read_table(rel.release_dir / "genome_counts.parquet").to_pylist()
    fig = next(r for r in gc if r["value"] == 500348)
    m = rel.rebuild({"genome_counts": lambda rows: [
        {**r, "value": "500349", "count_basis": "subset"} if r["value"] == "500348" else r
        for r in rows]})
    assert m["changes"]["genome_counts"] == {"added": 0, "changed": 1, "removed": 0}
    rows = pq.read_table(rel.release_dir / diff.FILE).to_pylist()
    (chg,) = [r for r in rows if r["table"] == "genome_counts"]
    assert (chg["key"], chg["key_columns"], chg["change"]) == (fig["figure_id"], "figure_id",
                                                               "changed")
    assert json.loads(chg["before"]) == {"value": 500348, "count_basis": "cumulative"}
    assert json.loads(chg["after"]) == {"value": 500349, "count_basis": "subset"}
    assert sorted(chg["changed_columns"]) == ["count_basis", "value"]
