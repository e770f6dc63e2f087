-- Research-infrastructure nodes in one country, with location precision (stated, city centroid, none).
SELECT infra_id, name, kind, parent, city, lat, lon, location_precision, status, since_year,
       website, source_urls
FROM infrastructures
WHERE country_iso3 = $iso3
ORDER BY kind, status, name
