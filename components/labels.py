"""The words users read for every code of the atlas's vocabularies, stated once.

One mapping per vocabulary of ``data/vocab.py`` (code -> label), used by every figure, grid,
profile and the API description. Where tight space needs a shorter word, the short form is a
second mapping here (``METRIC_SHORT``, ``LOCATION_MAPPED`` …), never a local dict.
tests/unit/test_vocabulary.py checks that every code has a label here and every label a code, and
that no label (nor an unambiguous code) is spelled out anywhere else in the app.

Components may not import ``data``; the few codes they must name (the headline metric, a status
drawn differently) are named here, next to their labels.
"""
from __future__ import annotations

#: What is shown where no source gives a figure (never 0 or a blank).
NO_FIGURE = "no public figure"


def _plain(*codes: str, **words: str) -> dict[str, str]:
    """Codes whose label is the code in words (``rare_disease`` -> "rare disease"), in order;
    ``words`` gives the label of the few that read otherwise."""
    return {c: words.get(c, c.replace("_", " ")) for c in codes}


# ---- genome figures -----------------------------------------------------------------------------
METRIC = {
    "wgs_sequenced": "Whole genomes sequenced (WGS)",
    "wes_sequenced": "Exomes sequenced (WES)",
    "genotyped": "Participants genotyped (arrays)",
    "genomes_accessible": "Genomes made accessible",
    "target": "Target",
}
#: Legends and compact cells.
METRIC_SHORT = {"wgs_sequenced": "WGS", "wes_sequenced": "WES", "genotyped": "genotyped",
                "genomes_accessible": "accessible", "target": "target"}
#: The headline metric (always drawn when countries are compared).
WGS_SEQUENCED = "wgs_sequenced"
BASIS = {"cumulative": "cumulative", "annual": "annual count (that year only)",
         "proxy": "proxy (not genomes)", "subset": "subset (lower bound)"}
CONFIDENCE = {"high": "high", "medium": "medium", "low": "low"}

# ---- cohorts ------------------------------------------------------------------------------------
COHORT_KIND = {"population": "Population cohort", "biobank": "Biobank",
               "reference_panel": "Reference panel", "birth": "Birth cohort",
               "clinical_genomics": "Clinical genomics", "disease": "Disease cohort",
               "consortium": "Consortium", "twin": "Twin registry"}
DISEASE_FOCUS = {"general_population": "General population", "cancer": "Cancer",
                 "rare_disease": "Rare disease", "cardiovascular": "Cardiovascular",
                 "metabolic": "Metabolic", "neuro_psychiatric": "Neuro-psychiatric",
                 "infectious_disease": "Infectious disease", "ageing": "Ageing",
                 "reproductive_child_health": "Reproductive & child health", "other": "Other"}
DATA_TYPE = {"wgs": "WGS (whole genome)", "wes": "WES (exome)",
             "genotyping_array": "Genotyping array", "ehr_linkage": "EHR linkage",
             "questionnaire": "Questionnaire", "imaging": "Imaging", "biosamples": "Biosamples",
             "proteomics": "Proteomics", "metabolomics": "Metabolomics", "rna": "RNA",
             "methylation": "Methylation"}
#: The data type the cohort KPIs single out besides WGS.
EHR_LINKAGE = "ehr_linkage"
ACCESS_MODEL = {"open": "Open (aggregate data)", "registered": "Registered access",
                "controlled": "Controlled (application)", "on_request": "On request",
                "unknown": "Not stated"}
RECRUITMENT = {"ongoing": "Ongoing", "completed": "Completed", "unknown": "Not stated"}
SIZE_BAND = {"<1k": "under 1,000", "1k–10k": "1,000 – 9,999", "10k–100k": "10,000 – 99,999",
             "100k–1M": "100,000 – 999,999", "≥1M": "1,000,000 or more", "unknown": NO_FIGURE}

# ---- infrastructures ----------------------------------------------------------------------------
INFRA_KIND = {
    "elixir_node": "ELIXIR node", "bbmri_eric_node": "BBMRI-ERIC node", "eatris_node": "EATRIS node",
    "ecrin_node": "ECRIN node", "fega_node": "Federated EGA node", "gdi_node": "GDI node",
    "hpc_centre": "EuroHPC centre", "sequencing_centre": "Sequencing centre",
    "national_data_hub": "National data hub", "beacon": "Beacon", "other": "Other (incl. HQs)",
}
INFRA_STATUS = {"operational": "Operational", "in_development": "In development",
                "planned": "Planned", "unknown": "Status unknown"}
#: Statuses in the order of their map symbols and coverage levels, best first.
OPERATIONAL, IN_DEVELOPMENT, PLANNED, STATUS_UNKNOWN = INFRA_STATUS
LOCATION = {"stated": "coordinates stated by the source",
            "city_centroid": "city centroid (marks the city, not the building)",
            "none": "no coordinates"}
#: The country profile's node table and list, and its map legend.
LOCATION_MAPPED = {"stated": "mapped", "city_centroid": "mapped at the city centroid",
                   "none": "no public location (not mapped)"}
LOCATION_NOTE = {"none": " — no public location, not on the map",
                 "city_centroid": " — mapped at the city centre (approximate)"}
LOCATION_LEGEND = {"stated": "stated location", "city_centroid": "city centroid (approximate)"}

# ---- programmes, activities, funding ------------------------------------------------------------
INITIATIVE_KIND = _plain("national_programme", "research_project", "clinical_genomics",
                         "population_biobank")
ACTIVITY_KIND = {"partnership": "Partnership", "expert_group": "Expert group",
                 "eu_project": "EU project", "funding_call": "Funding call",
                 "national_programme": "National programme"}
TOPIC = _plain("governance", "ethics_legal", "infrastructure", "standards", "data_quality", "training",
               "cancer", "rare_disease", "infectious_disease", "common_complex", "reference_genome",
               ethics_legal="ethics & legal", common_complex="common complex diseases")
#: Research projects are tagged with topics and disease-focus codes (lower case, as topics).
PROJECT_TOPIC = {**TOPIC, **_plain("general_population", "cardiovascular", "metabolic",
                                    "neuro_psychiatric", "ageing", "reproductive_child_health",
                                    "other")}
PROGRAMME = {p: p for p in ("ERA PerMed", "EP PerMed", "Horizon 2020", "Horizon Europe")}

# ---- standards, countries -----------------------------------------------------------------------
STANDARD_CATEGORY = _plain("access_control", "data_format", "discovery", "consent_use", "quality",
                           "security")
TRISTATE = {"true": "yes", "false": "no", "unknown": "unknown"}
CHANGE = {"added": "Added", "changed": "Changed", "removed": "Removed"}

# ---- evidence of a figure ----------------------------------------------------------------------
EVIDENCE = {"reported": "Reported in a publication", "catalogued": "Listed in a national catalogue",
            "live": "A Beacon answered"}

# ---- sources ------------------------------------------------------------------------------------
SOURCE_CLASS = {"primary": "Primary publisher or programme", "official": "Official or government",
                "scholarly": "Scholarly (journal, preprint, repository)", "news": "News",
                "secondary": "Secondary (mirror, aggregator, copy)"}
SECONDARY_KIND = _plain("mirror", "content_farm", "document_sharing", "aggregator", "development_copy",
                        "encyclopedia", "forum", "personal", document_sharing="document-sharing site",
                        personal="personal page")

# ---- groups of countries ------------------------------------------------------------------------
GROUP = {"eu27": "EU-27", "signatories": "Signatories of the 1+MG declaration",
         "atlas": "Every country in the atlas"}

#: The labels of each vocabulary of data/vocab.py (by its name there).
BY_VOCABULARY: dict[str, dict[str, str]] = {
    "METRICS": METRIC, "COUNT_BASES": BASIS, "CONFIDENCE": CONFIDENCE,
    "COHORT_KINDS": COHORT_KIND, "ACCESS_MODELS": ACCESS_MODEL, "DATA_TYPES": DATA_TYPE,
    "DISEASE_FOCUS": DISEASE_FOCUS, "RECRUITMENT": RECRUITMENT, "SIZE_BANDS": SIZE_BAND,
    "INFRA_KINDS": INFRA_KIND, "INFRA_STATUS": INFRA_STATUS, "LOCATION_PRECISIONS": LOCATION,
    "INITIATIVE_KINDS": INITIATIVE_KIND, "ACTIVITY_KINDS": ACTIVITY_KIND, "TOPICS": TOPIC,
    "PROJECT_TOPICS": PROJECT_TOPIC, "PROGRAMMES_FUNDED": PROGRAMME,
    "STANDARD_CATEGORIES": STANDARD_CATEGORY, "TRISTATE": TRISTATE, "EVIDENCE_LEVELS": EVIDENCE,
    "CHANGE_KINDS": CHANGE,
    "SOURCE_CLASSES": SOURCE_CLASS, "SECONDARY_KINDS": SECONDARY_KIND, "GROUPS": GROUP,
}
#: The mark of a figure older than 24 months at the release date (``may_be_outdated``), wherever
#: the figure appears (map hover, tables, profiles).
AGE_MARK = {"may_be_outdated": "may be outdated"}

#: Second mappings (short forms, phrasings for one place), keyed by codes of that vocabulary.
SECONDARY: dict[str, tuple[dict[str, str], ...]] = {
    "METRICS": (METRIC_SHORT,),
    "LOCATION_PRECISIONS": (LOCATION_MAPPED, LOCATION_NOTE, LOCATION_LEGEND),
}


def label(mapping: dict[str, str], code) -> str:
    """The label of ``code``, or the code with spaces for underscores when it has none."""
    return mapping.get(code, str(code).replace("_", " "))
