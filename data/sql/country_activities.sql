-- Funded activities (EU projects, partnerships, calls) and funded research projects a country
-- coordinates or takes part in, with its role.
SELECT 'activity' AS source_table, activity_id AS id, name, acronym, kind, programme,
       NULL AS call, start_date, end_date,
       CASE WHEN coordinator_country_iso3 = $iso3 THEN 'coordinator' ELSE 'participant' END AS role,
       website, source_urls
FROM activities
WHERE coordinator_country_iso3 = $iso3 OR list_contains(participant_countries_iso3, $iso3)
UNION ALL
SELECT 'funded_project', project_id, coalesce(title, acronym, project_id), acronym,
       'funded_project', programme, call, start_date, end_date,
       CASE WHEN coordinator_country_iso3 = $iso3 THEN 'coordinator' ELSE 'partner' END,
       website, source_urls
FROM funded_projects
WHERE coordinator_country_iso3 = $iso3 OR list_contains(partner_countries_iso3, $iso3)
ORDER BY start_date NULLS LAST, name
