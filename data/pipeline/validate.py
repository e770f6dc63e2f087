"""Read the source CSVs strictly and validate every row; collect *all* problems.

A problem is reported as ``file:row:column: message`` where ``row`` is the 1-based line number in
the file at which the record starts (the header is line 1) and ``column`` is the column name (or
``-`` for problems of the file or the whole row).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .aliases import STANDARD_ALIASES
from .schemas import TABLES, TableSpec


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


class ValidationFailed(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(problems)} problem(s) in the source data")


@dataclass
class Parsed:
    spec: TableSpec
    rows: list  # list of model instances
    lines: list[int]  # line number of each row


def _read_records(path: Path, spec: TableSpec, problems: list[Problem]):
    """Yield (line_no, dict) for each well-formed record; report file/row-level problems."""
    fname = path.name
    if not path.exists():
        problems.append(Problem(fname, 0, "-", "file is missing"))
        return
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        problems.append(Problem(fname, line, "-",
                                f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); "
                                "save the file as UTF-8"))
        return
    text = text.removeprefix("\ufeff")
    if not text.strip():
        problems.append(Problem(fname, 1, "-", "file is empty; expected a header row and data"))
        return
    buf = io.StringIO(text, newline="")
    reader = csv.reader(buf, strict=True)
    try:
        header = next(reader)
    except csv.Error as e:
        problems.append(Problem(fname, 1, "-", f"header is not valid CSV: {e}"))
        return
    expected = spec.columns
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        parts = []
        if missing:
            parts.append("missing column(s): " + ", ".join(missing))
        if extra:
            parts.append("unexpected column(s): " + ", ".join(extra))
        if not parts:
            parts.append("columns are out of order; expected: " + ", ".join(expected))
        problems.append(Problem(fname, 1, "-", "; ".join(parts)))
        return
    start = reader.line_num + 1
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            problems.append(Problem(fname, start, "-",
                                    f"row is not valid CSV ({e}); look for a stray or unbalanced "
                                    "double quote"))
            return
        line = start
        start = reader.line_num + 1
        if rec == [] or rec == [""]:
            continue
        if len(rec) != len(expected):
            problems.append(Problem(fname, line, "-",
                                    f"row has {len(rec)} fields, expected {len(expected)}; look for a "
                                    "stray double quote or an unquoted comma"))
            continue
        yield line, dict(zip(expected, rec))


def parse_table(sources: Path, spec: TableSpec, problems: list[Problem]) -> Parsed:
    rows, lines = [], []
    for line, rec in _read_records(sources / spec.file, spec, problems):
        try:
            rows.append(spec.model.model_validate(rec))
            lines.append(line)
        except ValidationError as e:
            for err in e.errors():
                col = str(err["loc"][0]) if err["loc"] else "-"
                msg = err["msg"].removeprefix("Value error, ")
                problems.append(Problem(spec.file, line, col, msg))
    return Parsed(spec, rows, lines)


def _check_keys(p: Parsed, problems: list[Problem]) -> None:
    for cols in (p.spec.key, *p.spec.unique):
        seen: dict[tuple, int] = {}
        what = "id" if cols == p.spec.key else "row (" + ", ".join(cols) + ")"
        for row, line in zip(p.rows, p.lines):
            key = tuple(getattr(row, k) for k in cols)
            if key in seen:
                problems.append(Problem(p.spec.file, line, cols[0],
                                        f"duplicate {what} {key if len(key) > 1 else key[0]!r} "
                                        f"(first on row {seen[key]})"))
            else:
                seen[key] = line


def _check_refs(parsed: dict[str, Parsed], problems: list[Problem]) -> None:
    for p in parsed.values():
        for ref in p.spec.refs:
            target = parsed[ref.to]
            known = {getattr(r, ref.key) for r in target.rows}
            for row, line in zip(p.rows, p.lines):
                val = getattr(row, ref.column)
                vals = val if isinstance(val, list) else [val]
                for v in vals:
                    if v is None or v in ref.allow or v in known:
                        continue
                    problems.append(Problem(p.spec.file, line, ref.column,
                                            f"'{v}' does not name a row of {ref.to}.csv "
                                            f"({ref.key})"))
    infra, standards = parsed["infrastructures"], parsed["standards"]
    ids = {s.standard_id for s in standards.rows}
    for row, line in zip(infra.rows, infra.lines):
        for name in row.standards:
            sid = STANDARD_ALIASES.get(name, name)
            if sid not in ids:
                problems.append(Problem(infra.spec.file, line, "standards",
                                        f"'{name}' names no standard in standards.csv (add it there "
                                        "or to STANDARD_ALIASES)"))


def validate_sources(sources: Path) -> dict[str, Parsed]:
    """Parse and validate every table. Raises ValidationFailed listing every problem found."""
    problems: list[Problem] = []
    parsed = {spec.name: parse_table(sources, spec, problems) for spec in TABLES}
    for p in parsed.values():
        _check_keys(p, problems)
    _check_refs(parsed, problems)
    from .provenance import check_sources

    check_sources(parsed, problems)
    rel = parsed["data_release"]
    if len(rel.rows) != 1 and not any(p.file == rel.spec.file for p in problems):
        problems.append(Problem(rel.spec.file, 2 if rel.rows else 1, "-",
                                f"holds {len(rel.rows)} releases; exactly one row is expected"))
    if problems:
        raise ValidationFailed(problems)
    return parsed
