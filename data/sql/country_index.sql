-- One row per country for the /countries index: key indicators with their as-of dates and sources.
SELECT s.iso3, s.iso2, s.name, s.eu_member, s.eea_member, s.icpermed_member,
       s.onemg_signatory, s.onemg_signed_date, s.onemg_signed_date_precision,
       CAST(c.onemg_signed_date_first AS VARCHAR) AS onemg_signed_date_first,
       s.signatory_ordinal, s.gdi_participant, s.goe_participant,
       s.population, s.population_year, s.country_source_urls, c.notes,
       s.wgs_value, s.wgs_as_of, s.wgs_source_urls, s.wgs_confidence, s.wgs_n_programmes,
       s.wgs_per_million,
       s.wes_value, s.wes_as_of, s.wes_source_urls, s.wes_confidence,
       s.genotyped_value, s.genotyped_as_of, s.genotyped_source_urls, s.genotyped_confidence,
       s.genotyped_per_million,
       s.accessible_value, s.accessible_as_of, s.accessible_source_urls, s.accessible_confidence,
       s.goe_planned_samples, s.goe_planned_as_of, s.goe_planned_source_urls,
       s.n_cohorts, s.n_infra_nodes, s.n_activities, s.n_funded_projects, s.n_initiatives
FROM country_summary s
JOIN countries c USING (iso3)
ORDER BY s.name
