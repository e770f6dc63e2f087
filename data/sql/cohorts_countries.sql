-- Every ISO3 code that at least one cohort names (the values of the country facet).
SELECT DISTINCT unnest(countries_iso3) AS iso3
FROM cohorts
ORDER BY iso3
