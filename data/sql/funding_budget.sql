-- Sourced budgets summed per group over the filtered activities of one scope. $grouping (allow-listed
-- by the caller) is 'programme' or 'topic'; an activity with several topics counts under each, so
-- topic sums do not add up to the total. $scope 'calls' keeps funding calls ($funding_call) only, anything else keeps
-- every other kind (never both: a call's money is part of the projects and partnerships it funds).
-- $money picks the column (allow-listed by the caller): 'eu_contribution' or 'budget'. Missing
-- amounts are counted, never summed as zero.
WITH a AS (
    SELECT *, CASE WHEN $money = 'eu_contribution' THEN eu_contribution_eur ELSE budget_eur END AS amount
    FROM filtered_activities($programmes, $kinds, $topics)
    WHERE (kind = $funding_call) = ($scope = 'calls')
), g AS (
    SELECT *, unnest(CASE WHEN $grouping = 'topic'
                          THEN CASE WHEN len(topics) = 0 THEN ['(no topic stated)'] ELSE topics END
                          ELSE [coalesce(programme, '(no programme stated)')] END) AS grp
    FROM a
)
SELECT grp, count(*) AS n_total, count(amount) AS n_with_budget, sum(amount) AS amount_eur,
       coalesce(list(activity_id ORDER BY activity_id) FILTER (WHERE amount IS NOT NULL), []) AS with_budget_ids,
       coalesce(list(activity_id ORDER BY activity_id) FILTER (WHERE amount IS NULL), []) AS missing_budget_ids,
       flatten(coalesce(list(source_urls) FILTER (WHERE amount IS NOT NULL), [])) AS source_urls
FROM g
GROUP BY grp
ORDER BY amount_eur DESC NULLS LAST, grp
