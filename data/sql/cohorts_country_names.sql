-- English names for the codes cohorts name: the country profile's name, else the map's name.
WITH codes AS (SELECT DISTINCT unnest(countries_iso3) AS iso3 FROM cohorts)
SELECT codes.iso3, coalesce(c.name, g.name, codes.iso3) AS name
FROM codes
LEFT JOIN countries AS c ON c.iso3 = codes.iso3
LEFT JOIN country_geo AS g ON g.iso3 = codes.iso3
ORDER BY name
