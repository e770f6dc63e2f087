-- Carried-forward totals (sum of programmes' latest cumulative figures) of one country, per metric.
SELECT country_iso3, metric, date, value, n_programmes, latest_as_of, programmes,
       source_urls, confidence
FROM progress_by_country
WHERE country_iso3 = $iso3
ORDER BY metric, date
