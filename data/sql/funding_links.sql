-- Who takes part in what: one row per (source, item, country) with the country's role.
-- source: 'activities' (filtered_activities: see release_macros.sql), 'projects' (funded_projects) or 'calls'.
-- A coordinator also listed as participant is one row with role 'coordinator'.
WITH a AS (
    SELECT * FROM filtered_activities($programmes, $kinds, $topics)
), raw AS (
    SELECT 'activities' AS source, activity_id AS item_id, coalesce(acronym, name) AS item_label,
           coordinator_country_iso3 AS iso3, 'coordinator' AS role, source_urls
    FROM a WHERE coordinator_country_iso3 IS NOT NULL
    UNION ALL
    SELECT 'activities', activity_id, coalesce(acronym, name), unnest(participant_countries_iso3),
           'participant', source_urls
    FROM a
    UNION ALL
    SELECT 'projects', project_id, coalesce(acronym, title, project_id), coordinator_country_iso3,
           'coordinator', source_urls
    FROM funded_projects WHERE coordinator_country_iso3 IS NOT NULL
    UNION ALL
    SELECT 'projects', project_id, coalesce(acronym, title, project_id), unnest(partner_countries_iso3),
           'participant', source_urls
    FROM funded_projects
    UNION ALL
    SELECT 'calls', call_id, programme || ' ' || year, unnest(participating_countries_iso3),
           'participant', source_urls
    FROM calls
)
SELECT r.source, r.item_id, any_value(r.item_label) AS item_label, r.iso3,
       coalesce(any_value(c.name), any_value(g.name), r.iso3) AS country_name,
       CASE WHEN bool_or(r.role = 'coordinator') THEN 'coordinator' ELSE 'participant' END AS role,
       any_value(r.source_urls) AS source_urls
FROM raw AS r
LEFT JOIN countries AS c ON c.iso3 = r.iso3
LEFT JOIN country_geo AS g ON g.iso3 = r.iso3
GROUP BY r.source, r.item_id, r.iso3
ORDER BY r.source, r.item_id, r.iso3
