"""Counts add up: for random filter states, facet counts, table rows and summary totals agree."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.queries import cohorts as C

# The committed release's country codes (a superset is harmless: unknown codes match nothing).
COUNTRIES = ("DNK", "FIN", "ISL", "NOR", "SWE", "GBR", "FRA", "DEU", "ITA", "ESP", "EST", "NLD", "CAN")
SINGLE = {"kinds": "kind", "access_models": "access_model", "recruitment": "recruitment_status",
          "size_bands": "size_band"}
LISTS = {"countries": "countries_iso3", "disease_focus": "disease_focus", "data_types": "data_types"}
MODE = {"disease_focus": "disease_match", "data_types": "data_match"}


def subset(values, max_size=3):
    return st.lists(st.sampled_from(values), max_size=max_size, unique=True).map(tuple)


filters = st.builds(
    C.CohortFilters,
    countries=subset(COUNTRIES), kinds=subset(C.KINDS, 2), disease_focus=subset(C.DISEASE_FOCUS, 2),
    disease_match=st.sampled_from(C.MATCH_MODES), data_types=subset(C.DATA_TYPES, 3),
    data_match=st.sampled_from(C.MATCH_MODES), access_models=subset(C.ACCESS_MODELS, 2),
    recruitment=subset(C.RECRUITMENT, 2), size_bands=subset(C.SIZE_BANDS, 2),
    text=st.sampled_from(["", "bio", "genom", "%", "'", "danish", "zzz"]),
)


def has(df, col, v):
    return [v in (x if x is not None else []) if col in LISTS.values() else x == v for x in df[col]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(f=filters)
def test_facet_counts_table_and_summary_agree(real_data, f):
    df = C.search(f)
    fc = C.facet_counts(f)
    s = C.summary(f)

    assert s["n_cohorts"] == len(df) == df.cohort_id.nunique()
    assert s["n_multi_country"] == int(df.multi_country.sum())
    part = df.participants.dropna()
    assert s["participants_sum"] == (int(part.sum()) if len(part) else None)
    for t, n in s["data_types"].items():
        assert n == sum(has(df, "data_types", t))
    bc = s["by_country"].set_index("iso3")
    for iso3, row in bc.iterrows():
        assert row.n_cohorts == sum(has(df, "countries_iso3", iso3))

    for facet, col in {**SINGLE, **LISTS}.items():
        selected = getattr(f, facet)
        all_mode = facet in MODE and getattr(f, MODE[facet]) == "all"
        for v in selected:
            # a selected value's count is its contribution to the table (all mode: the whole table)
            want = len(df) if all_mode else sum(has(df, col, v))
            assert fc[facet][v] == want, (facet, v)
        if facet in SINGLE:
            # single-valued: the selected values' counts partition the table
            pool = selected or tuple(fc[facet])
            assert sum(fc[facet][v] for v in pool) == len(df), facet
        if not selected:
            # nothing selected here: a value's count is exactly the rows you get by selecting it
            for v in list(fc[facet])[:4]:
                assert fc[facet][v] == len(C.search(f.with_values(facet, (v,)))), (facet, v)
        elif all_mode:
            for v in list(fc[facet])[:3]:
                toggled = tuple(dict.fromkeys(selected + (v,)))
                assert fc[facet][v] == len(C.search(f.with_values(facet, toggled))), (facet, v)
        else:
            # any mode: selecting one more value never shrinks the table, and adds nothing if n == 0
            for v in [x for x in fc[facet] if x not in selected][:3]:
                grown = len(C.search(f.with_values(facet, selected + (v,))))
                assert grown >= len(df)
                if fc[facet][v] == 0:
                    assert grown == len(df)
