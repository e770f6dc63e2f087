-- The European sum for one metric over time: at each date, the sum over countries of each
-- country's carried-forward cumulative figure (progress_series).
SELECT date, value, n_countries, n_programmes
FROM progress_series
WHERE metric = $metric
ORDER BY date
