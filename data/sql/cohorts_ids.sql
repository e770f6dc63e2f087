-- Every cohort id, for validating a cohort named in a URL.
SELECT cohort_id
FROM cohorts
ORDER BY cohort_id
