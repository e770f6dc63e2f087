-- Infrastructures and activities whose name or notes mention a cohort: by its full name
-- (case-insensitive substring) or by its acronym (3+ characters, whole word, case-sensitive).
WITH co AS (
    SELECT lower(name) AS lname,
           CASE WHEN length(acronym) >= 3 THEN '\b' || regexp_escape(acronym) || '\b' END AS acr_re
    FROM cohorts WHERE cohort_id = $cohort_id
), docs AS (
    SELECT 'infrastructure' AS source_table, infra_id AS id, name, kind,
           name || ' ' || coalesce(notes, '') AS text, source_urls FROM infrastructures
    UNION ALL
    SELECT 'activity', activity_id, name, kind,
           name || ' ' || coalesce(acronym, '') || ' ' || coalesce(notes, ''), source_urls
    FROM activities
)
SELECT docs.source_table, docs.id, docs.name, docs.kind, docs.source_urls,
       CASE WHEN contains(lower(docs.text), co.lname) THEN 'name' ELSE 'acronym' END AS matched_on
FROM docs, co
WHERE contains(lower(docs.text), co.lname)
   OR (co.acr_re IS NOT NULL AND regexp_matches(docs.text, co.acr_re))
ORDER BY docs.source_table, docs.name
