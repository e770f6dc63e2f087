-- The class of every domain the sources cite (data/sources/source_domains.csv).
SELECT domain, source_class, secondary_kind FROM source_domains ORDER BY domain
