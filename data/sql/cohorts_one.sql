-- One cohort's full row (the explorer's detail panel).
SELECT *
FROM cohorts
WHERE cohort_id = $cohort_id
