"""The node list (TOML): a bad config is a clear error naming the line, before any request."""
from __future__ import annotations

import json

import pytest

from data.harvest.__main__ import main
from data.harvest.config import ConfigError, load_config, parse_config


def _config(tmp_path, text: str):
    p = tmp_path / "nodes.toml"
    p.write_text(text, encoding="utf-8")
    return p


def _problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as e:
        parse_config(text, "nodes.toml")
    return e.value.problems


def test_a_valid_config_gives_nodes_with_stable_ids():
    nodes = parse_config('[[node]]\ncountry = "FIN"\nkind = "dcat"\nurl = "https://a.example/c.ttl"\n'
                         '[[node]]\ncountry = "FIN"\nkind = "dcat"\nurl = "https://b.example/c.ttl"\n'
                         '[[node]]\nid = "nl-portal"\ncountry = "NLD"\nkind = "ckan"\n'
                         'url = "https://c.example/api/3/action/"\n')
    assert [(n.id, n.country, n.kind) for n in nodes] == [
        ("fin-dcat", "FIN", "dcat"), ("fin-dcat-2", "FIN", "dcat"), ("nl-portal", "NLD", "ckan")]
    assert nodes[2].url == "https://c.example/api/3/action"


def test_an_unknown_kind_names_its_line():
    assert _problems('# nodes\n[[node]]\ncountry = "FIN"\nkind = "sparql"\nurl = "https://a.example/"\n') \
        == ["nodes.toml:4: unknown kind 'sparql' (expected one of dcat, ckan, beacon)"]


def test_a_missing_url_names_the_node_header_line():
    text = ('[[node]]\ncountry = "FIN"\nkind = "dcat"\nurl = "https://a.example/c.ttl"\n\n'
            '[[node]]\ncountry = "SWE"\nkind = "beacon"\n')
    assert _problems(text) == ["nodes.toml:6: node 2 has no 'url'"]


def test_an_unknown_country_code_names_its_line():
    assert _problems('[[node]]\ncountry = "XYZ"\nkind = "dcat"\nurl = "https://a.example/c.ttl"\n') \
        == ["nodes.toml:2: unknown country code 'XYZ' (ISO 3166-1 alpha-3)"]
    assert "unknown country code 'FI'" in _problems(
        '[[node]]\ncountry = "FI"\nkind = "dcat"\nurl = "https://a.example/c.ttl"\n')[0]


def test_every_problem_is_listed_and_bad_toml_names_its_line():
    probs = _problems('[[node]]\ncountry = "FIN"\nkind = "x"\nurl = "ftp://a"\ncolour = "red"\n')
    assert probs == ["nodes.toml:5: unknown key 'colour' (expected country, id, kind, url)",
                     "nodes.toml:3: unknown kind 'x' (expected one of dcat, ckan, beacon)",
                     "nodes.toml:4: url 'ftp://a' is not an http(s) URL"]
    assert _problems('[[node]]\ncountry = "FIN\n')[0].startswith("nodes.toml:2: not valid TOML")
    assert _problems("") == ["nodes.toml:1: no [[node]] table"]


def test_the_command_refuses_a_bad_config_before_any_request(loopback, tmp_path, capsys):
    before = len(loopback.requests)
    cfg = _config(tmp_path, f'[[node]]\ncountry = "FIN"\nkind = "dcat"\nurl = "{loopback.url("/fi/catalog.ttl")}"\n'
                            '[[node]]\ncountry = "SWE"\nkind = "fdp"\n'
                            f'url = "{loopback.url("/beacon")}"\n')
    assert main(["--config", str(cfg), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"{cfg}:7: unknown kind 'fdp'" in err and "Nothing was requested." in err
    assert len(loopback.requests) == before and not (tmp_path / "out").exists()


def test_the_command_writes_a_snapshot_and_exits_1_when_a_node_failed(loopback, tmp_path, capsys):
    cfg = _config(tmp_path, f'[[node]]\ncountry = "FIN"\nkind = "dcat"\nurl = "{loopback.url("/fi/catalog.ttl")}"\n'
                            f'[[node]]\ncountry = "DNK"\nkind = "ckan"\nurl = "{loopback.url("/e404/api/3/action")}"\n')
    out = tmp_path / "out"
    assert main(["--config", str(cfg), "--out", str(out), "--timeout", "1", "--retries", "0"]) == 1
    printed = capsys.readouterr().out
    assert "fin-dcat" in printed and "HTTP 404" in printed
    snap = out / (out / "LATEST").read_text().strip()
    assert json.loads((snap / "reports" / "dnk-ckan.json").read_text())["status"] == "failed"
    assert load_config(cfg)[0].id == "fin-dcat"


def test_the_demo_harvests_built_in_loopback_nodes_into_its_own_directory(tmp_path, capsys):
    assert main(["--demo", "--no-release", "--out", str(tmp_path / "demo")]) == 1  # the demo includes a broken node
    out = capsys.readouterr().out
    assert "a demonstration, not real catalogues" in out
    snap = tmp_path / "demo" / (tmp_path / "demo" / "LATEST").read_text().strip()
    assert json.loads((snap / "snapshot.json").read_text())["demo"] is True
