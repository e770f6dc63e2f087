-- Milestones of the initiative that name one country (derived countries_iso3 list).
SELECT milestone_id, date, date_precision, date_last, title, description, source_urls
FROM milestones
WHERE list_contains(countries_iso3, $iso3)
ORDER BY date_first, title
