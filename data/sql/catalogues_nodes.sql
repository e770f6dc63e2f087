-- Every configured national catalogue node of the harvest, with its freshness and status.
SELECT n.node, n.country_iso3, c.name AS country_name, n.kind, n.url, n.status, n.attempted_at,
       n.last_success_at, n.records_from, n.n_datasets, n.n_problems, n.error, n.alive,
       n.beacon_id, n.demo, n.evidence
FROM catalogue_nodes n LEFT JOIN countries c ON c.iso3 = n.country_iso3
WHERE $iso3 IS NULL OR n.country_iso3 = $iso3
ORDER BY n.country_iso3, n.node
