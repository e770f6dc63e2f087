-- The indicator "individuals in catalogued 1+MG-compliant genomic datasets", per country.
SELECT b.country_iso3, c.name AS country_name, b.individuals_1mg_genomic, b.n_datasets_1mg_genomic,
       b.n_without_count, b.n_datasets, b.nodes, b.oldest_harvested_at, b.source_urls, b.evidence
FROM catalogue_by_country b LEFT JOIN countries c ON c.iso3 = b.country_iso3
WHERE $iso3 IS NULL OR b.country_iso3 = $iso3
ORDER BY b.individuals_1mg_genomic DESC NULLS LAST, b.country_iso3
