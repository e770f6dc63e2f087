-- Sourced budgets summed per programme over the filtered activities of one scope.
-- $scope 'calls' keeps funding calls only, anything else keeps every other kind (never both: a call's
-- money is part of the projects and partnerships it funds). $money picks the column (allow-listed
-- by the caller): 'eu_contribution' or 'budget'. Missing amounts are counted, never summed as zero.
WITH a AS (
    SELECT *, CASE WHEN $money = 'eu_contribution' THEN eu_contribution_eur ELSE budget_eur END AS amount
    FROM activities
    WHERE ((kind = 'funding_call') = ($scope = 'calls'))
      AND (coalesce(len($programmes), 0) = 0
           OR list_contains($programmes, coalesce(programme, '(no programme stated)')))
      AND (coalesce(len($kinds), 0) = 0 OR list_contains($kinds, kind))
      AND (coalesce(len($topics), 0) = 0 OR list_has_any(topics, $topics))
)
SELECT coalesce(programme, '(no programme stated)') AS grp,
       count(*) AS n_total, count(amount) AS n_with_budget, sum(amount) AS amount_eur,
       coalesce(list(activity_id ORDER BY activity_id) FILTER (WHERE amount IS NOT NULL), []) AS with_budget_ids,
       coalesce(list(activity_id ORDER BY activity_id) FILTER (WHERE amount IS NULL), []) AS missing_budget_ids,
       flatten(coalesce(list(source_urls) FILTER (WHERE amount IS NOT NULL), [])) AS source_urls
FROM a
GROUP BY grp
ORDER BY amount_eur DESC NULLS LAST, grp
