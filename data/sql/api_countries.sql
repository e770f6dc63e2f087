-- /api/v1/countries[/<iso3>]: the country profile row with the latest carried-forward figures,
-- each with its as-of date, sources and confidence. NULL filters mean "any".
SELECT iso3, iso2, name, eu_member, eea_member, icpermed_member,
       onemg_signatory, onemg_signed_date, onemg_signed_date_precision, signatory_ordinal,
       gdi_participant, goe_participant, population, population_year,
       country_source_urls AS source_urls,
       wgs_value, wgs_as_of, wgs_source_urls, wgs_confidence, wgs_n_programmes, wgs_per_million,
       wes_value, wes_as_of, wes_source_urls, wes_confidence, wes_n_programmes, wes_per_million,
       genotyped_value, genotyped_as_of, genotyped_source_urls, genotyped_confidence,
       genotyped_n_programmes, genotyped_per_million,
       accessible_value, accessible_as_of, accessible_source_urls, accessible_confidence,
       accessible_n_programmes, accessible_per_million,
       goe_planned_samples, goe_planned_as_of, goe_planned_source_urls, goe_planned_confidence,
       n_cohorts, n_infra_nodes, n_activities, n_funded_projects, n_initiatives, n_calls
FROM country_summary
WHERE ($iso3 IS NULL OR iso3 = $iso3)
  AND ($eu_member IS NULL OR eu_member = $eu_member)
  AND ($signatory IS NULL OR onemg_signatory = $signatory)
ORDER BY iso3
