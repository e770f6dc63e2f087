-- /api/v1/milestones: dated events of the initiative (some planned). A milestone is in the date
-- range when the period its date names overlaps it. Empty lists mean "any".
SELECT milestone_id, date, date_precision, date_first, date_last, title, description,
       countries_iso3, source_urls
FROM milestones
WHERE (len($countries) = 0 OR list_has_any($countries, countries_iso3))
  AND ($date_from IS NULL OR date_last >= $date_from)
  AND ($date_to IS NULL OR date_first <= $date_to)
ORDER BY date_first, milestone_id
