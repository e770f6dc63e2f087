-- Every (source table, row, URL) reference a row's source_urls make, with the domain's class
-- (source_refs is written by the pipeline: data/pipeline/provenance.py).
-- domain = host without "www."; publisher = registrable domain (last two labels, three for
-- second-level suffixes such as ac.uk or com.cy; an IP address stays as it is). Code hosts are
-- split by owner: github.com/<owner>, <owner>.github.io.
WITH hosts AS (
    SELECT DISTINCT source_table, row_key, url, domain, source_class, class_rank, secondary_kind
    FROM source_refs
    WHERE "column" = 'source_urls'
)
SELECT source_table, row_key, url, domain, source_class, class_rank, secondary_kind,
       CASE WHEN regexp_matches(domain, '^[0-9.]+$') OR domain LIKE '%.github.io' THEN domain
            WHEN domain = 'github.com'
                THEN 'github.com/' || lower(regexp_extract(url, '://[^/]+/([^/?#]+)', 1))
            WHEN regexp_matches(domain, '\.(ac|co|com|edu|gov|gv|net|nhs|org)\.[a-z]{2}$')
                THEN regexp_extract(domain, '([^.]+\.[^.]+\.[^.]+)$', 1)
            ELSE coalesce(nullif(regexp_extract(domain, '([^.]+\.[^.]+)$', 1), ''), domain)
       END AS publisher
FROM hosts
ORDER BY source_table, row_key, url
