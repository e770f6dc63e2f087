-- Latest figure per programme, metric and basis of one country (every basis, labelled).
SELECT programme, initiative_id, metric, count_basis, value, as_of_date, as_of_precision,
       as_of_last, source_urls, confidence, figure_id, may_be_outdated
FROM country_figures_latest
WHERE country_iso3 = $iso3
ORDER BY programme, metric, count_basis
