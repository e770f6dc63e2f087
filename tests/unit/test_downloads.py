"""Downloads: stable per-release and latest URLs for every table as CSV and Parquet, and a bundle."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile

import pyarrow.parquet as pq
import pytest

from data import db


@pytest.fixture
def client(mini_data):
    import app

    return app.server.test_client()


def rows_of(resp) -> list[dict]:
    return list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))


def test_latest_csv_has_every_row_lists_joined_and_missing_values_empty(client, mini_data):
    r = client.get("/downloads/latest/cohorts.csv")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert "attachment" in r.headers["Content-Disposition"]
    rows = rows_of(r)
    table = pq.read_table(mini_data / "releases" / db.release().release_id / "cohorts.parquet")
    assert len(rows) == table.num_rows
    first = table.to_pylist()[0]
    assert rows[0]["source_urls"] == ";".join(first["source_urls"])
    for got, want in zip(rows, table.to_pylist()):
        assert (got["participants"] == "") == (want["participants"] is None)


def test_booleans_and_dates_are_written_plainly(client):
    rows = rows_of(client.get("/downloads/latest/countries.csv"))
    assert {r["eu_member"] for r in rows} == {"true", "false"}
    fin = next(r for r in rows if r["iso3"] == "FIN")
    assert fin["onemg_signed_date_first"] == "2018-04-10"


def test_parquet_is_the_release_file_byte_for_byte(client):
    r = client.get("/downloads/latest/genome_counts.parquet")
    assert r.status_code == 200
    assert hashlib.sha256(r.data).hexdigest() == db.manifest()["tables"]["genome_counts"]["sha256"]


def test_release_specific_url_is_immutable_and_latest_is_not(client):
    rid = db.release().release_id
    pinned = client.get(f"/downloads/{rid}/countries.csv")
    latest = client.get("/downloads/latest/countries.csv")
    assert pinned.data == latest.data
    assert "immutable" in pinned.headers["Cache-Control"]
    assert "immutable" not in latest.headers["Cache-Control"]
    assert rid in pinned.headers["Content-Disposition"]
    assert pinned.headers["Access-Control-Allow-Origin"] == "*"


def test_download_etag_gives_304(client):
    r = client.get("/downloads/latest/standards.csv")
    again = client.get("/downloads/latest/standards.csv", headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_bundle_holds_every_table_the_notes_citation_and_manifest(client):
    rid = db.release().release_id
    r = client.get("/downloads/latest/bundle.zip")
    assert r.status_code == 200 and r.mimetype == "application/zip"
    z = zipfile.ZipFile(io.BytesIO(r.data))
    names = set(z.namelist())
    for table in db.manifest()["tables"]:
        assert f"atlas-{rid}/{table}.csv" in names
    assert {f"atlas-{rid}/README.md", f"atlas-{rid}/CITATION.txt", f"atlas-{rid}/manifest.json",
            f"atlas-{rid}/notes/known-conflicts-and-gaps.md",
            f"atlas-{rid}/notes/SOURCES-cohorts.md"} <= names
    citation = z.read(f"atlas-{rid}/CITATION.txt").decode()
    assert rid in citation and db.manifest()["built_at"][:10] in citation
    assert json.loads(z.read(f"atlas-{rid}/manifest.json"))["release_id"] == rid
    assert z.read(f"atlas-{rid}/cohorts.csv") == client.get("/downloads/latest/cohorts.csv").data


def test_bundle_is_the_same_bytes_every_time(client):
    assert client.get("/downloads/latest/bundle.zip").data == client.get(
        "/downloads/latest/bundle.zip").data


@pytest.mark.parametrize("url", [
    "/downloads/latest/secrets.csv",
    "/downloads/latest/cohorts.json",
    "/downloads/latest/COHORTS.csv",
    "/downloads/latest/..%2Fmanifest.json",
    "/downloads/latest/../CURRENT",
    "/downloads/..%2F..%2Fetc/passwd.csv",
    "/downloads/0123456789ab/cohorts.csv",
    "/downloads/not-a-release/cohorts.csv",
    "/downloads/latest",
    "/downloads/",
    "/downloads/notes/secret.md",
])
def test_anything_but_an_allowed_table_is_a_json_404(client, url):
    r = client.get(url)
    assert r.status_code == 404, (url, r.status_code)
    assert r.get_json()["error"]["message"]


def test_writes_to_downloads_are_refused(client):
    r = client.post("/downloads/latest/cohorts.csv")
    assert r.status_code == 405 and r.get_json()["error"]


def test_source_notes_are_downloadable(client):
    r = client.get("/downloads/notes/SOURCES-countries.md")
    assert r.status_code == 200 and "Conflicts and gaps" in r.get_data(as_text=True)
    r = client.get("/downloads/notes/known-conflicts-and-gaps.md")
    assert r.status_code == 200


def test_previous_release_stays_downloadable_while_kept(release_factory, use_release):
    """After a rebuild the old release id still serves its own files (CSV from its Parquet)."""
    rel = release_factory("downloads-two")
    out, old = rel.out, rel.release_id
    new = release_factory("downloads-smaller", countries=("FIN", "DNK", "SWE"),
                          out=out).manifest["release_id"]
    use_release(out)
    import app

    c = app.server.test_client()
    old_rows = rows_of(c.get(f"/downloads/{old}/countries.csv"))
    new_rows = rows_of(c.get(f"/downloads/{new}/countries.csv"))
    assert len(old_rows) == 7 and len(new_rows) == 3
    assert len(rows_of(c.get("/downloads/latest/countries.csv"))) == 3
    r = c.get(f"/downloads/{old}/countries.parquet")
    want = json.loads((out / "releases" / old / "manifest.json").read_text())
    assert hashlib.sha256(r.data).hexdigest() == want["tables"]["countries"]["sha256"]
