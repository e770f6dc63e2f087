-- The rows of the coverage matrix: every country with a profile, plus any other country that has
-- an infrastructure node in the data (named from the boundary table when it has no profile).
SELECT c.iso3, c.name, TRUE AS has_profile
FROM countries AS c
UNION ALL
SELECT DISTINCT i.country_iso3 AS iso3, coalesce(g.name, i.country_iso3) AS name, FALSE AS has_profile
FROM infrastructures AS i
LEFT JOIN country_geo AS g ON g.iso3 = i.country_iso3
WHERE i.country_iso3 IS NOT NULL
  AND i.country_iso3 NOT IN (SELECT iso3 FROM countries)
ORDER BY name
