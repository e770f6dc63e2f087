-- Funded research projects (ERA PerMed / EP PerMed calls and personalised-medicine support actions),
-- with the call they were matched to (NULL when the call is not stated or not in calls.csv).
SELECT f.project_id, coalesce(f.acronym, f.project_id) AS label, f.title, f.call,
       c.call_id AS matched_call_id, f.programme, f.start_date, f.end_date, f.total_funding_eur,
       f.coordinator_country_iso3, f.partner_countries_iso3, f.topics, f.website, f.source_urls,
       f.confidence, f.notes
FROM funded_projects AS f
LEFT JOIN calls AS c ON c.call_id = lower(regexp_replace(trim(f.call), '\s+', '-', 'g'))
ORDER BY f.programme, f.call NULLS LAST, label
