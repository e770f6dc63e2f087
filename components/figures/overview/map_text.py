"""What the Overview map says in words: indicator labels, the status categories of the category
indicators (signature, ICPerMed) with their colours, the legend, and each country's hover text."""
from __future__ import annotations

import pandas as pd

from components import fmt, labels
from components.theme import NO_DATA_COLOUR, PALETTE, SEQUENTIAL

from ._common import _missing, as_list, domains

INDICATOR_LABELS = {
    "signatory": "1+MG signature (status and year joined)",
    "icpermed": "ICPerMed membership",
    "wgs": "Whole genomes sequenced (WGS), reported",
    "wgs_per_million": "WGS genomes per million inhabitants",
    "genotyped": labels.METRIC["genotyped"],
    "cohorts": "Cohorts in the atlas catalogue",
    "infra": "Infrastructure nodes and facilities",
    "goe": "Genome of Europe: planned samples",
}
SHORT_LABELS = {"wgs": "WGS genomes", "wgs_per_million": "WGS genomes per million",
                "genotyped": "Genotyped participants", "cohorts": "Cohorts catalogued",
                "infra": "Infrastructure nodes/facilities", "goe": "GoE planned samples"}
#: The indicators drawn by status category rather than by value.
CATEGORY_INDICATORS = ("signatory", "icpermed")
#: Status categories of the category indicators: (label, colour); years joined come first.
SIGNATORY_OTHER = {"signed_date_unknown": ("Signatory, date not published", PALETTE[2]),
                   "not_signatory": ("Not a signatory (by the end of the year)", PALETTE[1])}
ICPERMED = {"member": ("ICPerMed member (May 2018 list)", PALETTE[0]),
            "not_member": ("Not an ICPerMed member", PALETTE[1])}
CATALOGUE_PAGES = {"cohorts": "the Cohorts page", "infra": "the Infrastructures page"}


def signatory_categories(frame: pd.DataFrame) -> list[tuple[str, str, str]]:
    """[(key, label, colour)] for the signature map: one per year joined (darkest = earliest),
    then "date not published", then "not a signatory". Stable across the year slider."""
    years = sorted({int(str(d)[:4]) for d in frame.signed_date if not _missing(d)})
    blues = list(reversed(SEQUENTIAL[2:]))
    cats = []
    for i, y in enumerate(years):
        colour = blues[min(len(blues) - 1, round(i * (len(blues) - 1) / max(1, len(years) - 1)))]
        cats.append((f"signed_{y}", f"Joined in {y}", colour))
    cats += [(k, lbl, c) for k, (lbl, c) in SIGNATORY_OTHER.items()]
    return cats


def categories(indicator: str, frame: pd.DataFrame) -> list[tuple[str, str, str]]:
    """[(key, label, colour)] of a category indicator, in colour-scale order."""
    if indicator == "signatory":
        return signatory_categories(frame)
    return [(k, lbl, c) for k, (lbl, c) in ICPERMED.items()]


def category_key(indicator: str, row) -> str:
    """The category (a key of :func:`categories`) one country row is drawn in."""
    if indicator == "signatory":
        if row.category == "signed":
            return f"signed_{int(row.value)}"
        return "not_signatory" if row.category == "not_yet" else row.category
    return row.category


def legend_items(indicator: str, frame: pd.DataFrame) -> list[tuple[str, str]]:
    """[(colour, label)] for the HTML legend above the map: the status categories, or (numeric
    indicators, whose scale is the colour bar) the grey of "no public figure"."""
    if indicator in CATEGORY_INDICATORS:
        return [(c, lbl) for _, lbl, c in categories(indicator, frame)]
    return [(NO_DATA_COLOUR, fmt.NO_FIGURE.capitalize())]  # every country has a status above


def value_text(indicator: str, row, year: int | None) -> str:
    """What the map says about one country, in words ("35,279 genomes (3 programmes)")."""
    if indicator == "signatory":
        if row.category == "signed":
            return f"Signatory since {fmt.partial_date(row.as_of)}"
        if row.category == "signed_date_unknown":
            return "Signatory; date of signature not published"
        if row.category == "not_yet":
            return (f"Not yet a signatory at the end of {year} "
                    f"(signed {fmt.partial_date(row.signed_date)})")
        return "Not a signatory"
    if indicator == "icpermed":
        return ICPERMED[row.category][0]
    if _missing(row.value):
        return fmt.NO_FIGURE
    n = fmt.number(row.value)
    if indicator == "wgs":
        return f"{n} genomes ({_programmes(row)})"
    if indicator == "wgs_per_million":
        return (f"{fmt.number(row.value, 1)} per million ({fmt.number(row.raw_value)} genomes; "
                f"population {fmt.number(row.population)} in {row.population_year})")
    if indicator == "genotyped":
        return f"{n} participants ({_programmes(row)})"
    if indicator == "cohorts":
        return "none catalogued" if row.value == 0 else f"{n} cohorts catalogued"
    if indicator == "infra":
        return "none catalogued" if row.value == 0 else f"{n} nodes/facilities catalogued"
    return f"{n} samples planned"


def _programmes(row) -> str:
    n = row.n_programmes
    return "1 programme" if n == 1 else f"{n} programmes"


def hover(indicator: str, row, year: int | None, release_date: str) -> str:
    """Hover text: value in words, as-of date, source domains and confidence (or why not)."""
    text = value_text(indicator, row, year)
    lines = [f"<b>{row['name']}</b>"]
    if indicator in CATEGORY_INDICATORS:
        lines.append(text)
    else:
        when = f" (by the end of {year})" if year is not None and text == fmt.NO_FIGURE else ""
        lines.append(f"{SHORT_LABELS[indicator]}: {text}{when}")
    if text == fmt.NO_FIGURE:
        kinds = [labels.BASIS.get(b, b) for b in as_list(row.other_bases)]
        if kinds:
            lines.append(f"Only non-cumulative figures published: {', '.join(kinds)}")
    elif indicator in CATALOGUE_PAGES:
        lines += [f"Atlas catalogue, data release of {release_date}",
                  f"Sources: listed per row on {CATALOGUE_PAGES[indicator]}"]
    else:
        dated = not _missing(row.as_of) and row.category not in ("not_yet", "not_signatory")
        if dated:
            carried = " · cumulative, carried forward" if row.basis == "cumulative" else ""
            lines.append(fmt.aged(f"As of {fmt.partial_date(row.as_of)}{carried}",
                                  row.get("may_be_outdated")))
        conf = "not rated" if _missing(row.confidence) else row.confidence
        lines += [f"Sources: {domains(row.source_urls)}", f"Confidence: {conf}"]
    lines.append("<i>Click to open the country profile</i>")
    return "<br>".join(lines)
