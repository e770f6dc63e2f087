-- /api/v1/activities: funded projects, partnerships, calls and groups. A country matches as
-- coordinator or participant. Empty lists mean "any".
SELECT activity_id, name, acronym, kind, programme, start_date, start_date_precision,
       end_date, end_date_precision, budget_eur, eu_contribution_eur, coordinator_country_iso3,
       participant_countries_iso3, partners_count, topics, website, source_urls, notes
FROM activities
WHERE (len($countries) = 0 OR list_contains($countries, coordinator_country_iso3)
       OR list_has_any($countries, participant_countries_iso3))
  AND (len($kinds) = 0 OR list_contains($kinds, kind))
  AND (len($topics) = 0 OR list_has_any($topics, topics))
ORDER BY activity_id
