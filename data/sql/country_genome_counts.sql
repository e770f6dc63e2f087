-- Every dated figure of one country (all metrics and bases), with the programme's name.
SELECT g.figure_id, g.country_iso3, g.programme, g.initiative_id,
       coalesce(i.name, 'Figure not tied to a named programme') AS programme_name,
       g.metric, g.count_basis, g.value, g.as_of_date, g.as_of_precision,
       g.as_of_first, g.as_of_last, g.source_urls, g.quote_or_basis, g.confidence,
       g.age_months, g.may_be_outdated
FROM genome_counts g
LEFT JOIN initiatives i USING (initiative_id)
WHERE g.country_iso3 = $iso3
ORDER BY g.metric, g.programme, g.as_of_last, g.value
