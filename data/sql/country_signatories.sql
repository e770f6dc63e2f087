-- Signatories of the 1+MG declaration with their signature date (precision kept, period bounds).
SELECT iso3, name, onemg_signed_date, onemg_signed_date_precision,
       onemg_signed_date_first, onemg_signed_date_last
FROM countries
WHERE onemg_signatory
ORDER BY onemg_signed_date_first NULLS LAST, name
