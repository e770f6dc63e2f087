-- Every (source table, row, URL) reference: each row of a source table rests on its source_urls.
-- domain = host without "www."; publisher = registrable domain (last two labels, three for
-- second-level suffixes such as ac.uk or com.cy; an IP address stays as it is). Code hosts are
-- split by owner: github.com/<owner>, <owner>.github.io.
WITH refs AS (
    SELECT 'countries' AS source_table, iso3 AS row_key, unnest(source_urls) AS url FROM countries
    UNION ALL SELECT 'initiatives', initiative_id, unnest(source_urls) FROM initiatives
    UNION ALL SELECT 'genome_counts', figure_id, unnest(source_urls) FROM genome_counts
    UNION ALL SELECT 'milestones', milestone_id, unnest(source_urls) FROM milestones
    UNION ALL SELECT 'cohorts', cohort_id, unnest(source_urls) FROM cohorts
    UNION ALL SELECT 'infrastructures', infra_id, unnest(source_urls) FROM infrastructures
    UNION ALL SELECT 'activities', activity_id, unnest(source_urls) FROM activities
    UNION ALL SELECT 'funded_projects', project_id, unnest(source_urls) FROM funded_projects
    UNION ALL SELECT 'calls', call_id, unnest(source_urls) FROM calls
    UNION ALL SELECT 'standards', standard_id, unnest(source_urls) FROM standards
), hosts AS (
    SELECT DISTINCT source_table, row_key, url,
           regexp_replace(lower(regexp_extract(url, '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)', 1)),
                          '^www\.', '') AS domain
    FROM refs
)
SELECT source_table, row_key, url, domain,
       CASE WHEN regexp_matches(domain, '^[0-9.]+$') OR domain LIKE '%.github.io' THEN domain
            WHEN domain = 'github.com'
                THEN 'github.com/' || lower(regexp_extract(url, '://[^/]+/([^/?#]+)', 1))
            WHEN regexp_matches(domain, '\.(ac|co|com|edu|gov|gv|net|nhs|org)\.[a-z]{2}$')
                THEN regexp_extract(domain, '([^.]+\.[^.]+\.[^.]+)$', 1)
            ELSE coalesce(nullif(regexp_extract(domain, '([^.]+\.[^.]+)$', 1), ''), domain)
       END AS publisher
FROM hosts
ORDER BY source_table, row_key, url
