-- Per facet value: how many cohorts match every OTHER facet (and the free text) and carry that value.
-- For a list facet in "all" mode the facet's own selected values are required too, so the count is
-- what the selection would hold with that value toggled on. Parameters as in cohorts_search.sql.
WITH flags AS (
    SELECT countries_iso3, kind, disease_focus, data_types, access_model, recruitment_status, size_band,
        (len($countries) = 0 OR list_has_any(countries_iso3, $countries)) AS m_country,
        (len($kinds) = 0 OR list_contains($kinds, kind)) AS m_kind,
        (len($disease) = 0 OR CASE WHEN $disease_all THEN list_has_all(disease_focus, $disease)
                                   ELSE list_has_any(disease_focus, $disease) END) AS m_disease,
        (len($data_types) = 0 OR CASE WHEN $data_all THEN list_has_all(data_types, $data_types)
                                      ELSE list_has_any(data_types, $data_types) END) AS m_data,
        (len($access) = 0 OR list_contains($access, access_model)) AS m_access,
        (len($recruitment) = 0 OR list_contains($recruitment, recruitment_status)) AS m_recruitment,
        (len($size_bands) = 0 OR list_contains($size_bands, size_band)) AS m_size,
        ($text = '' OR contains(lower(name), lower($text))
         OR contains(lower(coalesce(acronym, '')), lower($text))
         OR contains(lower(coalesce(notes, '')), lower($text))) AS m_text
    FROM cohorts
)
SELECT 'countries' AS facet, v AS value, count(*) AS n FROM (
    SELECT unnest(countries_iso3) AS v FROM flags
    WHERE m_kind AND m_disease AND m_data AND m_access AND m_recruitment AND m_size AND m_text) GROUP BY v
UNION ALL
SELECT 'kinds', kind, count(*) FROM flags
WHERE m_country AND m_disease AND m_data AND m_access AND m_recruitment AND m_size AND m_text GROUP BY kind
UNION ALL
SELECT 'disease_focus', v, count(*) FROM (
    SELECT unnest(disease_focus) AS v FROM flags
    WHERE m_country AND m_kind AND m_data AND m_access AND m_recruitment AND m_size AND m_text
      AND (NOT $disease_all OR m_disease)) GROUP BY v
UNION ALL
SELECT 'data_types', v, count(*) FROM (
    SELECT unnest(data_types) AS v FROM flags
    WHERE m_country AND m_kind AND m_disease AND m_access AND m_recruitment AND m_size AND m_text
      AND (NOT $data_all OR m_data)) GROUP BY v
UNION ALL
SELECT 'access_models', access_model, count(*) FROM flags
WHERE m_country AND m_kind AND m_disease AND m_data AND m_recruitment AND m_size AND m_text GROUP BY access_model
UNION ALL
SELECT 'recruitment', recruitment_status, count(*) FROM flags
WHERE m_country AND m_kind AND m_disease AND m_data AND m_access AND m_size AND m_text GROUP BY recruitment_status
UNION ALL
SELECT 'size_bands', size_band, count(*) FROM flags
WHERE m_country AND m_kind AND m_disease AND m_data AND m_access AND m_recruitment AND m_text GROUP BY size_band
