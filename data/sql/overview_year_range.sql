-- The latest year with a dated figure or signature: the year slider's upper end.
SELECT greatest(
    (SELECT max(year(date)) FROM progress_by_country),
    (SELECT max(year(onemg_signed_date_first)) FROM countries)) AS last_year
