"""The vocabularies of the source tables (data/sources/REFERENCE-README.md), stated once.

Shared by the offline pipeline (which validates against them) and the run-time queries (whose
facets list every value, even one no row uses). Importing this module touches no data.
"""
from __future__ import annotations

METRICS = ("wgs_sequenced", "wes_sequenced", "genotyped", "genomes_accessible", "target")
COUNT_BASES = ("cumulative", "annual", "proxy", "subset")
CONFIDENCE = ("high", "medium", "low")
COHORT_KINDS = ("population", "biobank", "reference_panel", "birth", "clinical_genomics", "disease",
                "consortium", "twin")
ACCESS_MODELS = ("open", "registered", "controlled", "on_request", "unknown")
DATA_TYPES = ("wgs", "wes", "genotyping_array", "ehr_linkage", "questionnaire", "imaging",
              "biosamples", "proteomics", "metabolomics", "rna", "methylation")
DISEASE_FOCUS = ("general_population", "cancer", "rare_disease", "cardiovascular", "metabolic",
                 "neuro_psychiatric", "infectious_disease", "ageing", "reproductive_child_health",
                 "other")
RECRUITMENT = ("ongoing", "completed", "unknown")
#: Order-of-magnitude bands of cohort ``participants`` (lower edges inclusive; derived by the pipeline).
SIZE_BANDS = ("<1k", "1k–10k", "10k–100k", "100k–1M", "≥1M", "unknown")
