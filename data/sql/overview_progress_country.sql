-- Every dated step of each country's carried-forward cumulative figure for one metric
-- (progress_by_country), with the country's name.
SELECT p.country_iso3 AS iso3, c.name, p.date, p.value, p.n_programmes, p.latest_as_of,
       p.programmes, p.source_urls, p.confidence
FROM progress_by_country AS p
JOIN countries AS c ON c.iso3 = p.country_iso3
WHERE p.metric = $metric
ORDER BY p.country_iso3, p.date
