-- Proxy figures for one metric (prescriptions, reports, patients enrolled: not genomes), each row
-- as published. Shown only on request, labelled, and never added to a sum.
SELECT g.country_iso3 AS iso3, c.name, g.programme, i.name AS programme_name, g.as_of_date,
       g.as_of_last AS date, g.value, g.quote_or_basis, g.source_urls, g.confidence
FROM genome_counts AS g
JOIN countries AS c ON c.iso3 = g.country_iso3
LEFT JOIN initiatives AS i ON i.initiative_id = g.initiative_id
WHERE g.metric = $metric AND g.count_basis = $proxy
ORDER BY g.country_iso3, g.programme, g.as_of_last, g.row_order
