-- The harvested dataset records of one country (counted listings only), largest first.
SELECT node, dataset_id, title, individuals, compliant_1mg, genomic, access_rights, modified,
       harvested_at, source_urls, evidence
FROM catalogue_datasets
WHERE country_iso3 = $iso3 AND counted
ORDER BY individuals DESC NULLS LAST, dataset_id
