-- Totals of the groups over time per metric: the sum of the members' carried-forward cumulative
-- values at each date, and the largest contributor with its share. Empty lists mean "any".
SELECT t.group_id, t.metric, t.date, t.value, t.n_countries, t.countries, t.largest_iso3,
       t.largest_name, t.largest_value, t.largest_share
FROM group_progress t JOIN groups g USING (group_id)
WHERE (len($groups) = 0 OR list_contains($groups, t.group_id))
  AND (len($metrics) = 0 OR list_contains($metrics, t.metric))
ORDER BY g."order", t.metric, t.date
