-- Each country's carried-forward cumulative figure for one metric as known on $cutoff: its latest
-- progress_by_country row dated on or before that day. Countries with no such row are absent.
SELECT country_iso3 AS iso3, date, value, n_programmes, latest_as_of, programmes,
       source_urls, confidence
FROM progress_by_country
WHERE metric = $metric AND date <= $cutoff
QUALIFY row_number() OVER (PARTITION BY country_iso3 ORDER BY date DESC) = 1
ORDER BY iso3
