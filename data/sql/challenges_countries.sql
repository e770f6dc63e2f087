-- Profiled countries with the access facts they carry themselves (1+MG signature, GDI participation).
SELECT iso3, name, eu_member, onemg_signatory, onemg_signed_date, gdi_participant, source_urls, notes
FROM countries
ORDER BY name
