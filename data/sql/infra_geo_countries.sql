-- ISO3 codes of the boundary layer (drawn as the grey outline under point maps).
SELECT iso3, name FROM country_geo ORDER BY iso3
