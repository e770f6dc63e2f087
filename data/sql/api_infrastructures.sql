-- /api/v1/infrastructures: national nodes and facilities. Empty lists mean "any".
SELECT infra_id, name, kind, parent, country_iso3, city, lat, lon, location_precision,
       operator, services, standard_ids, status, since_year, website, source_urls, notes
FROM infrastructures
WHERE (len($countries) = 0 OR list_contains($countries, country_iso3))
  AND (len($kinds) = 0 OR list_contains($kinds, kind))
  AND (len($statuses) = 0 OR list_contains($statuses, status))
ORDER BY infra_id
