-- Cohorts matching the explorer's filters, in a chosen order (issue 5; also /api/v1/cohorts).
-- Every list parameter is a bound LIST; an empty list means "no filter on that facet".
-- Free text is matched literally (contains(), no LIKE patterns); the sort key comes from an
-- allow-list in data/queries/cohorts.py and only selects one of the CASE branches below.
WITH matched AS (
    SELECT c.*,
        CASE $sort_key WHEN 'participants' THEN participants WHEN 'participants_as_of' THEN participants_as_of
            WHEN 'wgs' THEN wgs_count WHEN 'wes' THEN wes_count WHEN 'genotyped' THEN genotyped_count
            WHEN 'start_year' THEN start_year END AS _num_key,
        CASE $sort_key WHEN 'name' THEN name WHEN 'acronym' THEN acronym WHEN 'kind' THEN kind
            WHEN 'countries' THEN array_to_string(countries_iso3, ', ')
            WHEN 'access' THEN access_model WHEN 'recruitment' THEN recruitment_status
            WHEN 'confidence' THEN confidence END AS _txt_key
    FROM cohorts AS c
    WHERE (len($countries) = 0 OR list_has_any(countries_iso3, $countries))
      AND (len($kinds) = 0 OR list_contains($kinds, kind))
      AND (len($disease) = 0 OR CASE WHEN $disease_all THEN list_has_all(disease_focus, $disease)
                                     ELSE list_has_any(disease_focus, $disease) END)
      AND (len($data_types) = 0 OR CASE WHEN $data_all THEN list_has_all(data_types, $data_types)
                                        ELSE list_has_any(data_types, $data_types) END)
      AND (len($access) = 0 OR list_contains($access, access_model))
      AND (len($recruitment) = 0 OR list_contains($recruitment, recruitment_status))
      AND (len($size_bands) = 0 OR list_contains($size_bands, size_band))
      AND ($text = '' OR contains(lower(name), lower($text))
           OR contains(lower(coalesce(acronym, '')), lower($text))
           OR contains(lower(coalesce(notes, '')), lower($text)))
)
SELECT * EXCLUDE (_num_key, _txt_key)
FROM matched
-- Missing values sort first ascending and last descending, as AG Grid's default comparator does.
ORDER BY
    CASE WHEN NOT $descending THEN _num_key END ASC NULLS FIRST,
    CASE WHEN $descending THEN _num_key END DESC NULLS LAST,
    CASE WHEN NOT $descending THEN _txt_key END ASC NULLS FIRST,
    CASE WHEN $descending THEN _txt_key END DESC NULLS LAST,
    cohort_id
