-- Infrastructure nodes matching the filters, with a display name for the country.
-- Every filter is a list; NULL or an empty list means "no filter". Within a filter a node matches
-- any listed value; across filters all must match. A node without a parent matches '(none)'.
SELECT i.infra_id, i.name, i.kind, i.parent, i.country_iso3,
       coalesce(c.name, g.name, i.country_iso3) AS country_name,
       i.city, i.lat, i.lon, i.location_precision, i.operator,
       i.services, i.standards, i.standard_ids, i.status, i.since_year,
       i.website, i.source_urls, i.notes
FROM infrastructures AS i
LEFT JOIN countries AS c ON c.iso3 = i.country_iso3
LEFT JOIN country_geo AS g ON g.iso3 = i.country_iso3
WHERE (coalesce(len($kinds), 0) = 0 OR list_contains($kinds, i.kind))
  AND (coalesce(len($parents), 0) = 0 OR list_contains($parents, coalesce(i.parent, '(none)')))
  AND (coalesce(len($statuses), 0) = 0 OR list_contains($statuses, i.status))
  AND (coalesce(len($services), 0) = 0 OR list_has_any(i.services, $services))
  AND (coalesce(len($standards), 0) = 0 OR list_has_any(i.standard_ids, $standards))
  AND ($country IS NULL OR i.country_iso3 = $country)
ORDER BY country_name NULLS LAST, i.kind, i.name
