-- Rows added, changed or removed since the previous release (written by data/pipeline/diff.py).
-- Empty lists mean "no filter".
SELECT "table", key, key_columns, change, changed_columns, before, after
FROM release_changes
WHERE (len($tables) = 0 OR list_contains($tables, "table"))
  AND (len($changes) = 0 OR list_contains($changes, change))
ORDER BY "table", CASE change WHEN 'added' THEN 0 WHEN 'changed' THEN 1 ELSE 2 END, key
