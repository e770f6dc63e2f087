-- /api/v1/countries/<iso3>: the latest figure of each programme, metric and basis (all bases,
-- labelled; only cumulative ones enter the country totals).
SELECT figure_id, country_iso3, programme, initiative_id, metric, count_basis, value,
       as_of_date, as_of_precision, age_months, may_be_outdated, confidence, source_urls
FROM country_figures_latest
WHERE country_iso3 = $iso3
ORDER BY metric, programme, count_basis, figure_id
