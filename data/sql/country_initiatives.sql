-- National initiatives of one country, with their targets and dates.
SELECT initiative_id, name, kind, start_year, end_year_or_target_year, target_genomes,
       target_description, url, source_urls, notes
FROM initiatives
WHERE country_iso3 = $iso3
ORDER BY start_year NULLS LAST, name
