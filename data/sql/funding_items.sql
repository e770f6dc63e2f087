-- Every item a country can take part in, with whether any country is recorded for it: the
-- denominators that say how complete the participation data are. Activities are filtered
-- (filtered_activities: see release_macros.sql).
SELECT 'activities' AS source, activity_id AS item_id, coalesce(acronym, name) AS item_label,
       coordinator_country_iso3 IS NOT NULL OR len(participant_countries_iso3) > 0 AS has_countries,
       source_urls
FROM filtered_activities($programmes, $kinds, $topics)
UNION ALL
SELECT 'projects', project_id, coalesce(acronym, title, project_id),
       coordinator_country_iso3 IS NOT NULL OR len(partner_countries_iso3) > 0, source_urls
FROM funded_projects
UNION ALL
SELECT 'calls', call_id, programme || ' ' || year, len(participating_countries_iso3) > 0, source_urls
FROM calls
ORDER BY source, item_id
