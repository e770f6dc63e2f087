-- Values the API accepts in filters: every country code that appears anywhere in the release
-- (countries with a profile, EU rows, and partner countries named in lists), and initiative ids.
SELECT 'country' AS facet, code AS value FROM (
    SELECT iso3 AS code FROM countries
    UNION SELECT country_iso3 FROM genome_counts
    UNION SELECT country_iso3 FROM infrastructures WHERE country_iso3 IS NOT NULL
    UNION SELECT coordinator_country_iso3 FROM activities WHERE coordinator_country_iso3 IS NOT NULL
    UNION SELECT unnest(participant_countries_iso3) FROM activities
    UNION SELECT unnest(countries_iso3) FROM cohorts
    UNION SELECT unnest(countries_iso3) FROM milestones
)
UNION ALL
SELECT 'initiative', initiative_id FROM initiatives
ORDER BY facet, value
