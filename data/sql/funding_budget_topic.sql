-- Sourced budgets per topic (an activity with several topics counts under each, so topic sums do
-- not add up to the total). Same scope, money and filter parameters as funding_budget_programme.
WITH a AS (
    SELECT *, CASE WHEN $money = 'eu_contribution' THEN eu_contribution_eur ELSE budget_eur END AS amount
    FROM activities
    WHERE ((kind = 'funding_call') = ($scope = 'calls'))
      AND (coalesce(len($programmes), 0) = 0
           OR list_contains($programmes, coalesce(programme, '(no programme stated)')))
      AND (coalesce(len($kinds), 0) = 0 OR list_contains($kinds, kind))
      AND (coalesce(len($topics), 0) = 0 OR list_has_any(topics, $topics))
), t AS (
    SELECT *, unnest(CASE WHEN len(topics) = 0 THEN ['(no topic stated)'] ELSE topics END) AS grp FROM a
)
SELECT grp, count(*) AS n_total, count(amount) AS n_with_budget, sum(amount) AS amount_eur,
       coalesce(list(activity_id ORDER BY activity_id) FILTER (WHERE amount IS NOT NULL), []) AS with_budget_ids,
       coalesce(list(activity_id ORDER BY activity_id) FILTER (WHERE amount IS NULL), []) AS missing_budget_ids,
       flatten(coalesce(list(source_urls) FILTER (WHERE amount IS NOT NULL), [])) AS source_urls
FROM t
GROUP BY grp
ORDER BY amount_eur DESC NULLS LAST, grp
