-- Cohorts, biobanks and collections that include one country (multi-country ones too).
SELECT cohort_id, name, acronym, countries_iso3, kind, participants, participants_as_of,
       wgs_count, wes_count, genotyped_count, data_types, access_model, access_url, website,
       source_urls, confidence, multi_country
FROM cohorts
WHERE list_contains(countries_iso3, $iso3)
ORDER BY participants DESC NULLS LAST, name
