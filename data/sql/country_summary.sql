-- One wide row per country in countries.csv: flags, signature, latest figures with provenance, counts.
SELECT *
FROM country_summary
WHERE $iso3 IS NULL OR iso3 = $iso3
ORDER BY name
