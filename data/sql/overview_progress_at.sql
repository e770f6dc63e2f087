-- Each country's carried-forward cumulative figure for one metric as known on $cutoff: its latest
-- progress_by_country row dated on or before that day. Countries with no such row are absent.
-- may_be_outdated: every figure in the sum is older than 24 months at the release date.
SELECT country_iso3 AS iso3, date, value, n_programmes, latest_as_of, programmes,
       source_urls, confidence,
       coalesce((SELECT bool_and(g.may_be_outdated) FROM genome_counts AS g
                 WHERE list_contains(p.figure_ids, g.figure_id)), false) AS may_be_outdated
FROM progress_by_country AS p
WHERE metric = $metric AND date <= $cutoff
QUALIFY row_number() OVER (PARTITION BY country_iso3 ORDER BY date DESC) = 1
ORDER BY iso3
