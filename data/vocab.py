"""Every code list of the atlas (data/sources/REFERENCE-README.md), stated once.

Shared by the offline pipeline (which validates against them), the run-time queries (whose facets
list every value, even one no row uses) and the API (whose parameters accept exactly these). The
words users read for each code live in ``components/labels.py``; tests/unit/test_vocabulary.py
checks that the two agree and that no code or label is spelled out anywhere else. Where code
needs one particular value it names it (``WGS_SEQUENCED``), it does not spell it.
Importing this module touches no data.
"""
from __future__ import annotations

# ---- genome figures (genome_counts.csv) ---------------------------------------------------------
METRICS = (WGS_SEQUENCED, WES_SEQUENCED, GENOTYPED, GENOMES_ACCESSIBLE, TARGET) = (
    "wgs_sequenced", "wes_sequenced", "genotyped", "genomes_accessible", "target")
#: Achieved metrics (everything but targets), each summarised per country under a short prefix.
PROGRESS_METRICS = (WGS_SEQUENCED, WES_SEQUENCED, GENOTYPED, GENOMES_ACCESSIBLE)
#: Metric -> the prefix of its columns in ``country_summary`` (``wgs_value``, ``wgs_as_of`` …).
METRIC_PREFIX = dict(zip(PROGRESS_METRICS, ("wgs", "wes", "genotyped", "accessible")))
CUMULATIVE, PROXY = "cumulative", "proxy"
COUNT_BASES = (CUMULATIVE, "annual", PROXY, "subset")
#: Highest first (a summary of several figures carries the lowest confidence among them).
CONFIDENCE = ("high", "medium", "low")

# ---- cohorts (cohorts.csv) ----------------------------------------------------------------------
COHORT_KINDS = ("population", "biobank", "reference_panel", "birth", "clinical_genomics", "disease",
                "consortium", "twin")
ACCESS_MODELS = ("open", "registered", "controlled", "on_request", "unknown")
DATA_TYPES = ("wgs", "wes", "genotyping_array", "ehr_linkage", "questionnaire", "imaging",
              "biosamples", "proteomics", "metabolomics", "rna", "methylation")
DISEASE_FOCUS = ("general_population", "cancer", "rare_disease", "cardiovascular", "metabolic",
                 "neuro_psychiatric", "infectious_disease", "ageing", "reproductive_child_health",
                 "other")
RECRUITMENT = ("ongoing", "completed", "unknown")
#: Order-of-magnitude bands of cohort ``participants`` (lower edges inclusive; derived by the
#: pipeline): (band, exclusive upper edge); the last band has no upper edge, ``unknown`` no count.
SIZE_BAND_EDGES = (("<1k", 1_000), ("1k–10k", 10_000), ("10k–100k", 100_000),
                   ("100k–1M", 1_000_000), ("≥1M", None))
SIZE_UNKNOWN = "unknown"
SIZE_BANDS = (*(band for band, _ in SIZE_BAND_EDGES), SIZE_UNKNOWN)

# ---- infrastructures (infrastructures.csv) ------------------------------------------------------
ELIXIR_NODE, FEGA_NODE, GDI_NODE, BEACON = "elixir_node", "fega_node", "gdi_node", "beacon"
INFRA_KINDS = (ELIXIR_NODE, "bbmri_eric_node", "eatris_node", "ecrin_node", FEGA_NODE, GDI_NODE,
               "hpc_centre", "sequencing_centre", "national_data_hub", BEACON, "other")
#: Best first.
OPERATIONAL = "operational"
INFRA_STATUS = (OPERATIONAL, "in_development", "planned", "unknown")
#: How a node's coordinates were obtained (derived by the pipeline; ``none``: no coordinates).
LOCATION_PRECISIONS = (STATED, CITY_CENTROID, NO_LOCATION) = ("stated", "city_centroid", "none")

# ---- programmes, activities, funding ------------------------------------------------------------
INITIATIVE_KINDS = ("national_programme", "research_project", "clinical_genomics",
                    "population_biobank")
FUNDING_CALL = "funding_call"
ACTIVITY_KINDS = ("partnership", "expert_group", "eu_project", FUNDING_CALL, "national_programme")
RARE_DISEASE = "rare_disease"
TOPICS = ("governance", "ethics_legal", "infrastructure", "standards", "data_quality", "training",
          "cancer", RARE_DISEASE, "infectious_disease", "common_complex", "reference_genome")
#: Funded research projects are tagged with topics and with disease-focus codes.
PROJECT_TOPICS = (*TOPICS, *(d for d in DISEASE_FOCUS if d not in TOPICS))
PROGRAMMES_FUNDED = ("ERA PerMed", "EP PerMed", "Horizon 2020", "Horizon Europe")
#: The programmes whose joint calls are recorded (calls.csv).
CALL_PROGRAMMES = PROGRAMMES_FUNDED[:2]

# ---- standards (standards.csv) ------------------------------------------------------------------
STANDARD_CATEGORIES = ("access_control", "data_format", "discovery", "consent_use", "quality",
                       "security")

# ---- countries (countries.csv) ------------------------------------------------------------------
#: Participation that a source may leave unstated (gdi_participant, goe_participant).
TRISTATE = ("true", "false", "unknown")

# ---- evidence (every figure; data/pipeline/catalogue.py) -------------------------------------------
#: How a figure is known: from a publication (the curated sources), from a dataset record harvested
#: from a national catalogue (data/harvest), or from a Beacon that answered the harvest.
EVIDENCE_LEVELS = (REPORTED, CATALOGUED, LIVE) = ("reported", "catalogued", "live")

# ---- releases ---------------------------------------------------------------------------------
#: How a row of a curated table differs from the previous release (in this order).
CHANGE_KINDS = ("added", "changed", "removed")

# ---- sources (source_domains.csv) --------------------------------------------------------------
#: Classes of the domains a source URL may live on, best first. Wherever sources are listed they
#: are ordered by this rank; a ``secondary`` one is never named first and never stands alone.
SOURCE_CLASSES = (PRIMARY, OFFICIAL, SCHOLARLY, NEWS, SECONDARY) = (
    "primary", "official", "scholarly", "news", "secondary")
#: What kind of host a ``secondary`` domain is (required for that class, blank otherwise).
SECONDARY_KINDS = ("mirror", "content_farm", "document_sharing", "aggregator", "development_copy",
                   "encyclopedia", "forum", "personal")

# ---- groups of countries (data/pipeline/groups.py) ----------------------------------------------
#: Every total names the group it sums: EU-27, the declaration's signatories, every country.
GROUPS = (EU27, SIGNATORIES, ATLAS) = ("eu27", "signatories", "atlas")

#: Every vocabulary by name (the meta-test walks these; components/labels.py labels each).
ALL: dict[str, tuple[str, ...]] = {
    "METRICS": METRICS, "COUNT_BASES": COUNT_BASES, "CONFIDENCE": CONFIDENCE,
    "COHORT_KINDS": COHORT_KINDS, "ACCESS_MODELS": ACCESS_MODELS, "DATA_TYPES": DATA_TYPES,
    "DISEASE_FOCUS": DISEASE_FOCUS, "RECRUITMENT": RECRUITMENT, "SIZE_BANDS": SIZE_BANDS,
    "INFRA_KINDS": INFRA_KINDS, "INFRA_STATUS": INFRA_STATUS,
    "LOCATION_PRECISIONS": LOCATION_PRECISIONS, "INITIATIVE_KINDS": INITIATIVE_KINDS,
    "ACTIVITY_KINDS": ACTIVITY_KINDS, "TOPICS": TOPICS, "PROJECT_TOPICS": PROJECT_TOPICS,
    "PROGRAMMES_FUNDED": PROGRAMMES_FUNDED, "STANDARD_CATEGORIES": STANDARD_CATEGORIES,
    "TRISTATE": TRISTATE, "EVIDENCE_LEVELS": EVIDENCE_LEVELS, "CHANGE_KINDS": CHANGE_KINDS,
    "SOURCE_CLASSES": SOURCE_CLASSES, "SECONDARY_KINDS": SECONDARY_KINDS, "GROUPS": GROUPS,
}
