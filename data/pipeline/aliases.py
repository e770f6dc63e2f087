"""Curated name mappings the pipeline applies while normalising the sources."""

#: How ``infrastructures.standards`` free-text names map to ``standards.standard_id``.
#: A name missing here is a validation error, so the catalogue and the nodes stay joined.
STANDARD_ALIASES = {
    "DUO": "ga4gh-duo",
    "GA4GH Beacon v2": "ga4gh-beacon-v2",
    "Passport/AAI": "ga4gh-passports-aai",
    "crypt4gh": "ga4gh-crypt4gh",
    "htsget": "ga4gh-htsget",
}
