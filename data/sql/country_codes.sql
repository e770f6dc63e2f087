-- Every country with a profile: the codes a profile URL may use (ISO3, ISO2) and its name.
SELECT iso3, iso2, name
FROM countries
ORDER BY name
