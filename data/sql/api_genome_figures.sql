-- /api/v1/genome-figures: every dated figure as published (never summed here). Empty lists mean
-- "any"; a figure is in [$date_from, $date_to] when the period its as-of date names overlaps it.
SELECT figure_id, country_iso3, initiative_id, programme, metric, count_basis, value,
       as_of_date, as_of_precision, as_of_first, as_of_last, age_months, may_be_outdated,
       confidence, quote_or_basis, source_urls
FROM genome_counts
WHERE (len($countries) = 0 OR list_contains($countries, country_iso3))
  AND (len($metrics) = 0 OR list_contains($metrics, metric))
  AND (len($bases) = 0 OR list_contains($bases, count_basis))
  AND (len($initiatives) = 0 OR list_contains($initiatives, initiative_id))
  AND (len($confidence) = 0 OR list_contains($confidence, confidence))
  AND ($date_from IS NULL OR as_of_last >= $date_from)
  AND ($date_to IS NULL OR as_of_first <= $date_to)
ORDER BY country_iso3, metric, as_of_first, programme, count_basis, figure_id
