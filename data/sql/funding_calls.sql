-- ERA PerMed / EP PerMed joint transnational calls with the projects of funded_projects matched to
-- them (a project's `call` text, e.g. 'ERA PerMed JTC2018', slugged equals the call_id).
WITH p AS (
    SELECT project_id, lower(regexp_replace(trim(call), '\s+', '-', 'g')) AS call_id
    FROM funded_projects WHERE call IS NOT NULL
)
SELECT c.call_id, c.programme, c.year, c.topic, c.opening_date, c.budget_announced_eur,
       c.budget_awarded_eur, c.preproposals_eligible, c.full_proposals_invited, c.projects_funded,
       c.research_groups_funded, c.funders_count, c.countries_count, c.participating_countries_iso3,
       c.source_urls, c.notes,
       count(p.project_id) AS n_projects_in_data,
       coalesce(list(p.project_id ORDER BY p.project_id) FILTER (WHERE p.project_id IS NOT NULL), [])
           AS project_ids_in_data
FROM calls AS c
LEFT JOIN p ON p.call_id = c.call_id
GROUP BY ALL
ORDER BY c.year, c.call_id
