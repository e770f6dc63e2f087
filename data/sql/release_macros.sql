-- Definitions shared by the queries, created once when a release is loaded (after its tables).
--
-- filtered_activities(programmes, kinds, topics): the activities matching the funding filters. Each
-- argument is a list or NULL; NULL or an empty list means no filter. A row without a programme
-- matches '(no programme stated)'; topics match when the activity has any of them.
CREATE MACRO filtered_activities(programmes, kinds, topics) AS TABLE
SELECT act.* FROM activities AS act
WHERE (coalesce(len(programmes), 0) = 0
       OR list_contains(programmes, coalesce(act.programme, '(no programme stated)')))
  AND (coalesce(len(kinds), 0) = 0 OR list_contains(kinds, act.kind))
  AND (coalesce(len(topics), 0) = 0 OR list_has_any(act.topics, topics));
