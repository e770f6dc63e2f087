-- The named groups every total sums (data/pipeline/groups.py), in their order.
SELECT group_id, definition, n_members FROM groups ORDER BY "order"
