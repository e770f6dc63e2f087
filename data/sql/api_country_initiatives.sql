-- /api/v1/countries/<iso3>: the country's genome programmes and projects.
SELECT initiative_id, name, country_iso3, kind, start_year, end_year_or_target_year,
       target_genomes, target_description, url, source_urls, notes
FROM initiatives
WHERE country_iso3 = $iso3
ORDER BY initiative_id
