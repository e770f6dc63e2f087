-- Members of the groups (empty list: every group), each with the first date it counts (null: every
-- date) and why.
SELECT m.group_id, m.iso3, m.name, m.member_from, m.member_from_basis
FROM group_members m JOIN groups g USING (group_id)
WHERE len($groups) = 0 OR list_contains($groups, m.group_id)
ORDER BY g."order", m.iso3
