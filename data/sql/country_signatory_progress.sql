-- Carried-forward totals of every 1+MG signatory (input of the "median of signatories" comparison).
SELECT p.country_iso3, p.metric, p.date, p.value, p.latest_as_of, p.source_urls, p.confidence
FROM progress_by_country p
JOIN countries c ON c.iso3 = p.country_iso3
WHERE c.onemg_signatory
ORDER BY p.metric, p.date, p.country_iso3
