-- What the release covers: the span of its dated figures and the countries it profiles.
SELECT
    (SELECT min(as_of_first) FROM genome_counts) AS start_date,
    (SELECT max(as_of_last) FROM genome_counts) AS end_date,
    (SELECT list(iso3 ORDER BY iso3) FROM countries) AS countries,
    (SELECT list(name ORDER BY iso3) FROM countries) AS country_names
