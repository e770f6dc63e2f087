-- Every country drawn on the atlas map (the Natural Earth GeoJSON's features).
SELECT iso3
FROM country_geo
ORDER BY iso3
