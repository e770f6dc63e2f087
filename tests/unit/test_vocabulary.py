"""Meta-test: every code list is declared once (data/vocab.py), every code -> label mapping once
(components/labels.py), and neither is spelled out anywhere else in the app.

Scope of the spelling check (an AST scan of string constants in app.py, pages/, components/,
data/ with its pipeline and queries, and web/):

* **Codes** are checked when they are unambiguous: anything but a single lower-case word
  (``fega_node``, ``wgs_sequenced``, ``<1k``, ``ERA PerMed``). Single-word codes such as ``open``,
  ``other``, ``unknown``, ``cancer``, ``high``, ``target`` or ``wgs`` are ordinary words (and
  column prefixes, URL keys, CSS names) all over the app, so they are not checked.
* **Labels** are checked all of them, except those that are a single lower-case word (``yes``,
  ``cumulative``, ``training``), for the same reason, and ``NO_FIGURE``, which
  ``components/fmt.py`` declares as the missing-figure phrase.
* A string that equals a label but means something else is listed in :data:`ALLOWED` with the
  reason. Nothing else may spell a code or a label: name it (``vocab.FEGA_NODE``) or look it up
  (``labels.INFRA_KIND[kind]``).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from components import labels
from components.fmt import NO_FIGURE
from data import vocab

ROOT = Path(__file__).resolve().parents[2]
HOMES = {"data/vocab.py", "components/labels.py"}
APP_DIRS = ("pages", "components", "data", "web")
_AMBIGUOUS = re.compile(r"^[a-z]+$")

#: (file, string) pairs where a label's words are used with another meaning, and why.
ALLOWED = {
    # The challenges grid's column headings: facts about a country, not the kinds of one node.
    ("data/queries/challenges.py", "Federated EGA node"),
    ("data/queries/challenges.py", "ELIXIR node"),
    ("data/queries/challenges.py", "Beacon"),
    # Column headings of the cohort grid (counts of participants with WGS / WES data).
    ("components/cohort_grid.py", "WGS"),
    ("components/cohort_grid.py", "WES"),
    # Column heading of a programme's numeric target in the country profile.
    ("components/country_sections.py", "Target"),
}


def _app_files() -> list[Path]:
    files = [ROOT / "app.py"]
    for d in APP_DIRS:
        files += sorted((ROOT / d).rglob("*.py"))
    return [f for f in files if str(f.relative_to(ROOT)) not in HOMES]


def _checked() -> dict[str, str]:
    """String -> what it is (for the failure message)."""
    out: dict[str, str] = {}
    for name, codes in vocab.ALL.items():
        for c in codes:
            if not _AMBIGUOUS.match(c):
                out[c] = f"code of {name}"
    for name, mapping in labels.BY_VOCABULARY.items():
        for m in (mapping, *labels.SECONDARY.get(name, ())):
            for code, text in m.items():
                if text != NO_FIGURE and not _AMBIGUOUS.match(text.strip()):
                    out.setdefault(text, f"label of {name} {code!r}")
    return out


def spelled_out(sources: dict[str, str]) -> list[str]:
    """``file:line: 'string' (what it is)`` for each checked string in ``{file: source}``."""
    checked = _checked()
    hits = []
    for rel, source in sources.items():
        for node in ast.walk(ast.parse(source)):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and node.value in checked and (rel, node.value) not in ALLOWED):
                hits.append(f"{rel}:{node.lineno}: {node.value!r} ({checked[node.value]})")
    return hits


def test_every_vocabulary_has_exactly_its_labels():
    assert set(labels.BY_VOCABULARY) == set(vocab.ALL)
    for name, codes in vocab.ALL.items():
        assert len(set(codes)) == len(codes), name
        assert list(labels.BY_VOCABULARY[name]) == list(codes), name


def test_second_mappings_only_name_codes_of_their_vocabulary():
    for name, mappings in labels.SECONDARY.items():
        for m in mappings:
            assert set(m) <= set(vocab.ALL[name]), (name, sorted(set(m) - set(vocab.ALL[name])))


def test_named_codes_in_labels_are_codes():
    codes = {c for cs in vocab.ALL.values() for c in cs}
    named = {v for k, v in vars(labels).items()
             if k.isupper() and isinstance(v, str) and k != "NO_FIGURE"}
    assert named <= codes, sorted(named - codes)


def test_no_code_or_label_is_spelled_out_outside_its_home():
    hits = spelled_out({str(f.relative_to(ROOT)): f.read_text(encoding="utf-8")
                        for f in _app_files()})
    assert hits == [], "use data/vocab.py or components/labels.py:\n" + "\n".join(hits)


def test_the_scan_catches_a_spelled_out_code_and_label():
    page = ('KIND = "fega_node"\n'
            'def title():\n    return html.H2("Federated EGA node")\n'
            'OK = "open"\n')
    hits = spelled_out({"pages/infrastructures.py": page})
    assert [h.split(" (")[0] for h in hits] == ["pages/infrastructures.py:1: 'fega_node'",
                                               "pages/infrastructures.py:3: 'Federated EGA node'"]
