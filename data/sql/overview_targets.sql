-- The latest cumulative genome target of each programme (a restated target replaces the earlier
-- one: latest as-of date, then higher confidence, then later source row), with the programme's
-- target year. $scope 'eu' returns pan-European targets, 'national' the country-level ones.
SELECT g.country_iso3 AS iso3, c.name, g.programme, i.name AS programme_name, g.value,
       g.as_of_date, i.start_year, i.end_year_or_target_year AS target_year,
       g.quote_or_basis, g.source_urls, g.confidence
FROM genome_counts AS g
LEFT JOIN countries AS c ON c.iso3 = g.country_iso3
LEFT JOIN initiatives AS i ON i.initiative_id = g.initiative_id
WHERE g.metric = $target AND g.count_basis = $cumulative
  AND (CASE WHEN $scope = 'eu' THEN g.country_iso3 = 'EU' ELSE g.country_iso3 <> 'EU' END)
QUALIFY row_number() OVER (
    PARTITION BY g.country_iso3, g.programme
    ORDER BY g.as_of_last DESC,
             CASE g.confidence WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END DESC,
             g.row_order DESC) = 1
ORDER BY target_year NULLS LAST, g.country_iso3, g.programme
