-- The standards catalogue, each standard with the nodes whose sources state support for it.
WITH stated AS (
    SELECT infra_id, name AS node_name, country_iso3, unnest(standard_ids) AS standard_id
    FROM infrastructures
)
SELECT s.standard_id, s.name, s.body, s.purpose, s.category, s.url, s.source_urls,
       count(st.infra_id) AS n_nodes,
       coalesce(list(st.infra_id ORDER BY st.infra_id) FILTER (WHERE st.infra_id IS NOT NULL),
                []) AS node_ids,
       coalesce(list(st.node_name ORDER BY st.infra_id) FILTER (WHERE st.infra_id IS NOT NULL),
                []) AS node_names
FROM standards AS s
LEFT JOIN stated AS st ON st.standard_id = s.standard_id
GROUP BY ALL
ORDER BY s.category, s.name
