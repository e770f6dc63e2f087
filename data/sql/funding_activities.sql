-- Funded activities matching the filters (filtered_activities: see release_macros.sql).
-- programme_label names rows without a programme; label is the acronym, else the name.
SELECT a.activity_id, a.name, coalesce(a.acronym, a.name) AS label, a.kind,
       a.programme, coalesce(a.programme, '(no programme stated)') AS programme_label,
       a.start_date, a.start_date_precision, a.start_date_first, a.start_date_last,
       a.end_date, a.end_date_precision, a.end_date_first, a.end_date_last,
       a.budget_eur, a.eu_contribution_eur, a.coordinator_country_iso3,
       a.participant_countries_iso3, a.partners_count, a.topics, a.website, a.source_urls, a.notes
FROM filtered_activities($programmes, $kinds, $topics) AS a
ORDER BY programme_label, a.start_date_first NULLS LAST, label
