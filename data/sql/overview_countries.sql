-- Every country in the atlas with what the overview map and KPI cards read: membership flags,
-- 1+MG signature (as given and its first possible day), population, catalogue counts, GoE plans,
-- and whether the project geometry can draw it.
SELECT s.iso3, s.name, s.eu_member, s.icpermed_member, s.onemg_signatory,
       s.onemg_signed_date AS signed_date,
       s.onemg_signed_date_precision AS signed_precision,
       c.onemg_signed_date_first AS signed_first,
       s.population, s.population_year, s.country_source_urls AS source_urls,
       s.n_cohorts, s.n_infra_nodes,
       s.goe_planned_samples, s.goe_planned_as_of, s.goe_planned_source_urls,
       s.goe_planned_confidence,
       g.iso3 IS NOT NULL AS on_map
FROM country_summary AS s
JOIN countries AS c ON c.iso3 = s.iso3
LEFT JOIN country_geo AS g ON g.iso3 = s.iso3
ORDER BY s.name
