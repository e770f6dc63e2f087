-- Countries the project geometry draws around the atlas countries, as pale context: those not in
-- the atlas whose bounding box lies within the atlas countries' box (1 degree of slack). Larger
-- neighbours (Russia, Greenland, Central Asia) would stretch a map fitted to its locations.
WITH box AS (
    SELECT min(g.min_lon) - 1 AS lon0, max(g.max_lon) + 1 AS lon1,
           min(g.min_lat) - 1 AS lat0, max(g.max_lat) + 1 AS lat1
    FROM country_geo AS g
    JOIN countries AS c ON c.iso3 = g.iso3
)
SELECT g.iso3
FROM country_geo AS g, box
WHERE g.iso3 NOT IN (SELECT iso3 FROM countries)
  AND g.min_lon >= box.lon0 AND g.max_lon <= box.lon1
  AND g.min_lat >= box.lat0 AND g.max_lat <= box.lat1
ORDER BY g.iso3
