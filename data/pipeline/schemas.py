"""Row models (pydantic) for every source table, and the table specs the validator walks.

The models are the single statement of what a valid row is: column names and order come from the
model's fields, vocabularies from the reference README (``data/sources/REFERENCE-README.md``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from ..vocab import (  # noqa: F401  (re-exported for the pipeline)
    ACCESS_MODELS,
    ACTIVITY_KINDS,
    CALL_PROGRAMMES,
    COHORT_KINDS,
    CONFIDENCE,
    COUNT_BASES,
    DATA_TYPES,
    DISEASE_FOCUS,
    INFRA_KINDS,
    INFRA_STATUS,
    INITIATIVE_KINDS,
    METRICS,
    PROGRAMMES_FUNDED,
    PROJECT_TOPICS,
    RECRUITMENT,
    SECONDARY_KINDS,
    SOURCE_CLASSES,
    STANDARD_CATEGORIES,
    TOPICS,
)
from .fields import (
    AsOfDate,
    AsOfYear,
    Bool,
    Count,
    FigureId,
    Iso3,
    Iso3List,
    Lat,
    Lon,
    Money,
    OptBool,
    OptIso3,
    OptPartialDate,
    OptUrl,
    PartialDate,
    RequiredCount,
    RequiredText,
    Text,
    TextList,
    TriState,
    UrlList,
    Year,
    enum,
    enum_list,
)


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Country(Row):
    iso3: Iso3
    iso2: RequiredText
    name: RequiredText
    eu_member: Bool
    icpermed_member: Bool
    onemg_signatory: Bool
    onemg_signed_date: OptPartialDate
    gdi_participant: TriState
    goe_participant: TriState
    population: RequiredCount
    population_year: AsOfYear
    source_urls: UrlList
    notes: Text


class Initiative(Row):
    initiative_id: RequiredText
    name: RequiredText
    country_iso3: Iso3
    start_year: Year
    end_year_or_target_year: Year
    kind: enum(*INITIATIVE_KINDS)
    target_genomes: Count
    target_description: Text
    url: OptUrl
    source_urls: UrlList
    notes: Text


class GenomeCount(Row):
    country_iso3: Iso3
    initiative_id: Text
    as_of_date: AsOfDate
    metric: enum(*METRICS)
    value: RequiredCount
    count_basis: enum(*COUNT_BASES)
    source_url: UrlList
    quote_or_basis: RequiredText
    confidence: enum(*CONFIDENCE)
    #: The figure's stable identity: assigned once when the figure is first recorded and never
    #: recomputed, so a corrected value, date or basis shows as a correction of the same figure.
    figure_id: FigureId


class Milestone(Row):
    date: PartialDate  # may be planned (in the future); shown as such
    title: RequiredText
    description: RequiredText
    source_url: UrlList


class Cohort(Row):
    cohort_id: RequiredText
    name: RequiredText
    acronym: Text
    countries_iso3: Iso3List
    kind: enum(*COHORT_KINDS)
    disease_focus: enum_list(*DISEASE_FOCUS)
    participants: Count
    participants_as_of: AsOfYear
    wgs_count: Count
    wes_count: Count
    genotyped_count: Count
    data_types: enum_list(*DATA_TYPES)
    start_year: Year
    recruitment_status: enum(*RECRUITMENT)
    access_model: enum(*ACCESS_MODELS)
    access_url: OptUrl
    website: OptUrl
    source_urls: UrlList
    confidence: enum(*CONFIDENCE)
    notes: Text


class Infrastructure(Row):
    infra_id: RequiredText
    name: RequiredText
    kind: enum(*INFRA_KINDS)
    parent: Text
    country_iso3: OptIso3
    city: Text
    lat: Lat
    lon: Lon
    operator: Text
    services: TextList
    standards: TextList
    status: enum(*INFRA_STATUS)
    since_year: Year
    website: OptUrl
    source_urls: UrlList
    notes: Text


class Activity(Row):
    activity_id: RequiredText
    name: RequiredText
    acronym: Text
    kind: enum(*ACTIVITY_KINDS)
    programme: Text
    start_date: OptPartialDate
    end_date: OptPartialDate
    budget_eur: Money
    eu_contribution_eur: Money
    coordinator_country_iso3: OptIso3
    participant_countries_iso3: Iso3List
    partners_count: Count
    topics: enum_list(*TOPICS)
    website: OptUrl
    source_urls: UrlList
    notes: Text


class FundedProject(Row):
    project_id: RequiredText
    acronym: Text
    title: Text
    call: Text
    programme: enum(*PROGRAMMES_FUNDED)
    start_date: OptPartialDate
    end_date: OptPartialDate
    total_funding_eur: Money
    coordinator_country_iso3: OptIso3
    partner_countries_iso3: Iso3List
    topics: enum_list(*PROJECT_TOPICS)
    website: OptUrl
    source_urls: UrlList
    confidence: enum(*CONFIDENCE)
    notes: Text


class Call(Row):
    call_id: RequiredText
    programme: enum(*CALL_PROGRAMMES)
    year: RequiredText
    topic: Text
    opening_date: OptPartialDate
    preproposal_deadline: OptPartialDate
    fullproposal_deadline: OptPartialDate
    joint_call_secretariat: Text
    ec_cofunded: OptBool
    funders_count: Count
    countries_count: Count
    regions_count: Count
    participating_countries_iso3: Iso3List
    budget_announced_eur: Money
    budget_awarded_eur: Money
    preproposals_eligible: Count
    full_proposals_invited: Count
    projects_funded: Count
    research_groups_funded: Count
    source_urls: UrlList
    notes: Text


class Standard(Row):
    standard_id: RequiredText
    name: RequiredText
    body: Text
    purpose: RequiredText
    category: enum(*STANDARD_CATEGORIES)
    url: OptUrl
    source_urls: UrlList


class SourceDomain(Row):
    """One domain cited by the sources and its class (data/pipeline/provenance.py)."""

    domain: RequiredText
    source_class: enum(*SOURCE_CLASSES)
    secondary_kind: enum(*SECONDARY_KINDS, blank_ok=True)
    note: Text
    evidence: Text


class DataRelease(Row):
    """The release itself: its name and the date every figure's age is computed at."""

    release: RequiredText
    release_date: AsOfDate
    notes: Text


@dataclass(frozen=True)
class Ref:
    """A column whose values must name a row of another table (``to`` table's ``key``)."""

    column: str
    to: str
    key: str
    allow: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[Row]
    key: tuple[str, ...]
    refs: tuple[Ref, ...] = field(default_factory=tuple)
    #: Further column sets that must be unique (a figure recorded twice under two ids).
    unique: tuple[tuple[str, ...], ...] = ()

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return list(self.model.model_fields)


TABLES: tuple[TableSpec, ...] = (
    TableSpec("countries", Country, ("iso3",)),
    TableSpec("initiatives", Initiative, ("initiative_id",),
              (Ref("country_iso3", "countries", "iso3", allow=("EU",)),)),
    TableSpec("genome_counts", GenomeCount, ("figure_id",),
              (Ref("country_iso3", "countries", "iso3", allow=("EU",)),
               Ref("initiative_id", "initiatives", "initiative_id")),
              (("country_iso3", "initiative_id", "as_of_date", "metric", "count_basis", "value"),)),
    TableSpec("milestones", Milestone, ("date", "title")),
    TableSpec("cohorts", Cohort, ("cohort_id",),
              (Ref("countries_iso3", "countries", "iso3"),)),
    TableSpec("infrastructures", Infrastructure, ("infra_id",)),
    TableSpec("activities", Activity, ("activity_id",)),
    TableSpec("funded_projects", FundedProject, ("project_id",)),
    TableSpec("calls", Call, ("call_id",)),
    TableSpec("standards", Standard, ("standard_id",)),
    TableSpec("source_domains", SourceDomain, ("domain",)),
    TableSpec("data_release", DataRelease, ("release",)),
)
