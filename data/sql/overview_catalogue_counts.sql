-- Sizes of the catalogues the overview counts: cohorts (rows, not people) and infrastructure
-- nodes/facilities, with how many countries they cover.
SELECT
    (SELECT count(*) FROM cohorts) AS n_cohorts,
    (SELECT count(*) FROM cohorts WHERE multi_country) AS n_cohorts_multi_country,
    (SELECT count(*) FROM infrastructures) AS n_infra,
    (SELECT count(*) FROM infrastructures WHERE status = $operational) AS n_infra_operational,
    (SELECT count(DISTINCT country_iso3) FROM infrastructures
      WHERE country_iso3 IS NOT NULL) AS n_infra_countries
