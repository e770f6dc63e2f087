-- Per country, the non-cumulative kinds of figure (annual, proxy, subset) published for one metric
-- on or before $cutoff. They are never drawn as the country's value; the map only names them.
SELECT country_iso3 AS iso3, list(DISTINCT count_basis ORDER BY count_basis) AS bases
FROM genome_counts
WHERE metric = $metric AND count_basis <> $cumulative AND country_iso3 <> 'EU'
  AND as_of_last <= $cutoff
GROUP BY country_iso3
ORDER BY iso3
