-- Map frame for one country's node map: its label point and bounding box, and every outline code.
SELECT iso3, name, label_lon, label_lat, min_lon, min_lat, max_lon, max_lat,
       iso3 = $iso3 AS focus
FROM country_geo
ORDER BY iso3
