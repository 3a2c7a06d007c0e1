"""Typed records of the knowledge base, one class per table row.

Each field is declared once, with its unit in the name and a description; the data
dictionary (``docs/data-dictionary.md``) is generated from these declarations.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from caravan.model.enums import (
    AgreementKind,
    CrossingStatus,
    DatePrecision,
    Direction,
    FreightQuantity,
    LinkMode,
    LinkStatus,
    OpeningDays,
    PlaceKind,
    PriorityDirection,
    ProjectKind,
    ProjectStatus,
    Quantity,
    RateUnit,
    TradeFlowKind,
    TransferKind,
)

__all__ = [
    "Agreement",
    "Assumption",
    "Country",
    "Crossing",
    "Erratum",
    "FerryService",
    "FreightFactor",
    "Holiday",
    "Link",
    "Observation",
    "Place",
    "Project",
    "RailBlockClearance",
    "RailBlockSpeed",
    "RailService",
    "Rate",
    "Record",
    "SisterCityCount",
    "SisterCityPair",
    "Source",
    "StatusEvent",
    "TradeFlow",
    "Transfer",
    "ZoneWeight",
]

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
CountryId = Annotated[str, Field(pattern=r"^[a-z]{2}$")]
SourceRef = Annotated[str, Field(pattern=r"^(src|asm)-[a-z0-9]+(-[a-z0-9]+)*$")]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]

_SEASON = re.compile(r"^(\d{2})-(\d{2})\.\.(\d{2})-(\d{2})$")


def _sources(
    description: str = "Source ids (src-…) or assumption ids (asm-…) behind the row.",
) -> tuple[SourceRef, ...]:
    return Field(min_length=1, description=description)  # type: ignore[no-any-return]


class Record(BaseModel):
    """Base of all records: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Source(Record):
    """A published document that facts cite."""

    id: Slug = Field(description="Stable id, `src-…`.")
    url: str = Field(pattern=r"^https?://\S+$", description="Where the document can be read.")
    title: str = Field(min_length=1, description="Title as published.")
    publisher: str = Field(min_length=1, description="Organisation or outlet that published it.")
    published_on: dt.date | None = Field(
        None, description="Publication date, if the page gives one."
    )
    note: str | None = Field(None, description="What the source is used for, caveats.")


class Assumption(Record):
    """An estimated value used where no source gives a number, with its reasoning."""

    id: Slug = Field(description="Stable id, `asm-…`.")
    subject: str = Field(min_length=1, description="What the estimate stands for.")
    value: float | str | None = Field(
        None, description="The estimated value: a number, or text (a date, a range, a name)."
    )
    unit: str | None = Field(None, description="Unit of the value.")
    reasoning: str = Field(min_length=10, description="How the value was estimated and why.")
    based_on: tuple[Slug, ...] = Field((), description="Source ids the estimate starts from.")

    @field_validator("value", mode="before")
    @classmethod
    def _numbers_are_numbers(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                return value
        return value


class Country(Record):
    """One of the six member states, or a neighbour used as a gateway."""

    id: CountryId = Field(description="ISO 3166-1 alpha-2 code, lower case.")
    iso3: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code.")
    name_en: str = Field(min_length=1, description="Name in English.")
    name_ru: str = Field(min_length=1, description="Name in Russian.")
    name_zh: str = Field(min_length=1, description="Name in Chinese.")
    name_local: str = Field(min_length=1, description="Name in the state language.")
    capital_id: Slug | None = Field(None, description="Place id of the capital.")
    member: bool = Field(description="True for the six China–Central Asia states.")
    source: tuple[SourceRef, ...] = _sources()


class Place(Record):
    """A city, port, dry port, border post, junction, gauge-change station or site."""

    id: Slug = Field(description="Stable id `<country>-<name>`, e.g. `kz-almaty`.")
    name_en: str = Field(min_length=1, description="Name in English.")
    name_ru: str | None = Field(None, description="Name in Russian.")
    name_zh: str | None = Field(None, description="Name in Chinese.")
    name_local: str | None = Field(None, description="Name in the local language.")
    aliases: tuple[str, ...] = Field((), description="Other spellings and scripts.")
    country_id: CountryId = Field(description="Country the place lies in.")
    kind: PlaceKind = Field(description="What the place is.")
    lat: Latitude = Field(description="Latitude, WGS84 degrees (about 5 km accuracy).")
    lon: Longitude = Field(description="Longitude, WGS84 degrees (about 5 km accuracy).")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")

    @field_validator("id")
    @classmethod
    def _id_has_country_prefix(cls, value: str) -> str:
        if not re.match(r"^[a-z]{2}-", value):
            raise ValueError(f"{value!r} does not start with a country code, e.g. 'kz-almaty'")
        return value


class Crossing(Record):
    """A border-crossing point for one mode, joining a post on each side."""

    id: Slug = Field(description="Stable id `bcp-<post-a>-<post-b>-<mode>`.")
    name: str = Field(min_length=1, description="Usual name of the crossing.")
    post_a_id: Slug = Field(
        description="Post on the Chinese side (or the alphabetically first country)."
    )
    post_b_id: Slug = Field(description="Post on the other side.")
    mode: LinkMode = Field(description="rail or road.")
    gauge_change: bool = Field(
        False, description="True where rail gauges differ across the border."
    )
    elevation_m: float | None = Field(
        None, ge=-100, le=6000, description="Elevation of the pass, m."
    )
    opening_days: OpeningDays = Field(OpeningDays.DAILY, description="Days of the week it works.")
    closes_on_cn_holidays: bool = Field(False, description="Closed on Chinese public holidays.")
    seasonal_open: str | None = Field(
        None, description="Open season `MM-DD..MM-DD` when only open part of the year."
    )
    status: CrossingStatus = Field(description="Current status.")
    opened_on: dt.date | None = Field(None, description="Date opened (or planned).")
    project_id: Slug | None = Field(None, description="Project that builds the crossing.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")

    @field_validator("seasonal_open")
    @classmethod
    def _season_is_valid(cls, value: str | None) -> str | None:
        if value is None:
            return value
        match = _SEASON.match(value)
        if not match:
            raise ValueError(f"{value!r} is not a season of the form MM-DD..MM-DD")
        for month, day in ((match[1], match[2]), (match[3], match[4])):
            try:
                dt.date(2024, int(month), int(day))
            except ValueError:
                raise ValueError(f"{month}-{day} in {value!r} is not a calendar day") from None
        return value


class Observation(Record):
    """A dated value of a quantity on a crossing, link or border; the latest one in force applies."""

    subject_id: Slug = Field(
        description="Crossing or link id, or `border-<a>-<b>` (country ids in alphabetical "
        "order) for a figure over every crossing of the mode between two countries."
    )
    quantity: Quantity = Field(description="What is measured; the unit is in the name.")
    mode: LinkMode | None = Field(
        None, description="Mode the value applies to, if the subject has several."
    )
    direction: Direction = Field(
        Direction.BOTH, description="Way the value applies (a→b, b→a, both)."
    )
    value: float = Field(ge=0, description="The value, in the unit of the quantity.")
    valid_from: dt.date = Field(description="Date from which the value is in force.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Period measured, method, caveats.")


class Link(Record):
    """An undirected rail, road or ferry connection between two places in one country (or sea)."""

    id: Slug = Field(description="Stable id `<mode>-<from>-<to>`.")
    from_id: Slug = Field(description="Place at one end.")
    to_id: Slug = Field(description="Place at the other end.")
    mode: LinkMode = Field(description="rail, road or ferry.")
    gauge_mm: int | None = Field(None, description="Rail gauge, mm: 1435 or 1520.")
    length_km: float = Field(gt=0, le=5000, description="Route length along the line, km.")
    speed_kph: float | None = Field(None, gt=0, le=200, description="Typical freight speed, km/h.")
    lanes: int | None = Field(None, ge=1, le=8, description="Road lanes (both ways).")
    electrified: bool | None = Field(None, description="Rail: electrified.")
    status: LinkStatus = Field(description="Current status.")
    opened_on: dt.date | None = Field(None, description="Date opened (or planned opening).")
    project_id: Slug | None = Field(None, description="Project that adds the link.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")

    @field_validator("gauge_mm")
    @classmethod
    def _known_gauge(cls, value: int | None) -> int | None:
        if value is not None and value not in (1435, 1520):
            raise ValueError(f"{value} is not a gauge of this region (1435 or 1520)")
        return value


class Project(Record):
    """A cooperation project, its priority directions and what it builds."""

    id: Slug = Field(description="Stable id `prj-…`.")
    name_en: str = Field(min_length=1, description="Name in English.")
    aliases: tuple[str, ...] = Field((), description="Other names and spellings.")
    directions: tuple[PriorityDirection, ...] = Field(
        min_length=1, description="Priority directions."
    )
    countries: tuple[CountryId, ...] = Field(min_length=1, description="Countries involved.")
    kind: ProjectKind = Field(description="What the project builds or does.")
    cost_usd: float | None = Field(None, gt=0, description="Cost, USD (as published).")
    cost_note: str | None = Field(None, description="Range, year of prices, caveats.")
    financiers: tuple[str, ...] = Field((), description="Who pays or lends.")
    length_km: float | None = Field(None, gt=0, description="Length of line or road, km.")
    planned_completion: str | None = Field(
        None, pattern=r"^\d{4}(-\d{2}-\d{2})?$", description="Planned completion, year or date."
    )
    upgrades: tuple[Slug, ...] = Field((), description="Links or crossings the project upgrades.")
    description: str | None = Field(None, description="What it is, in a sentence or two.")
    source: tuple[SourceRef, ...] = _sources()


class StatusEvent(Record):
    """A dated step in a project's status timeline."""

    project_id: Slug = Field(description="Project concerned.")
    date: dt.date = Field(description="Date of the event (first of month/year if less precise).")
    date_precision: DatePrecision = Field(DatePrecision.DAY, description="day, month or year.")
    status: ProjectStatus = Field(description="Status from that date on.")
    note: str | None = Field(None, description="What happened.")
    source: tuple[SourceRef, ...] = _sources()


class Agreement(Record):
    """A signed document: treaty, declaration, plan, agreement or memorandum."""

    id: Slug = Field(description="Stable id `agr-…`.")
    name: str = Field(min_length=1, description="Title of the document.")
    signed_on: dt.date = Field(description="Date signed (first of month/year if less precise).")
    date_precision: DatePrecision | None = Field(
        None,
        description="How precisely signed_on is known: day, month or year (empty = not stated).",
    )
    place_id: Slug | None = Field(None, description="Where it was signed.")
    parties: tuple[CountryId, ...] = Field(min_length=1, description="Signatory countries.")
    kind: AgreementKind = Field(description="Nature of the document.")
    summit: str | None = Field(
        None, pattern=r"^(xian-2023|astana-2025)$", description="Summit it belongs to."
    )
    directions: tuple[PriorityDirection, ...] = Field(
        (), description="Priority directions it serves."
    )
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")


class TradeFlow(Record):
    """A year's goods trade between a reporter and a partner, as the reporter publishes it."""

    year: int = Field(ge=1990, le=2100, description="Calendar year.")
    reporter_id: CountryId = Field(description="Whose statistics (cn = China's customs, GACC).")
    partner_id: CountryId = Field(description="Trading partner.")
    flow: TradeFlowKind = Field(description="export / import from the reporter's view, or total.")
    value_usd: float = Field(ge=0, description="Value, current USD.")
    commodity_group: str | None = Field(None, description="Commodity group; empty for all goods.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")


class SisterCityPair(Record):
    """A twinning between a Chinese city or province and a Central Asian one."""

    id: Slug = Field(description="Stable id `sc-<cn-city>-<partner-city>`.")
    cn_city: str = Field(min_length=1, description="Chinese city or province.")
    cn_province: str | None = Field(None, description="Province of the Chinese city.")
    partner_city: str = Field(min_length=1, description="Central Asian city or region.")
    partner_country_id: CountryId = Field(description="Partner's country.")
    established_year: int | None = Field(None, ge=1950, le=2100, description="Year established.")
    cn_place_id: Slug | None = Field(None, description="Place id of the Chinese city, if a place.")
    partner_place_id: Slug | None = Field(None, description="Place id of the partner, if a place.")
    cn_lat: Latitude | None = Field(None, description="Latitude of the Chinese city.")
    cn_lon: Longitude | None = Field(None, description="Longitude of the Chinese city.")
    partner_lat: Latitude | None = Field(None, description="Latitude of the partner city.")
    partner_lon: Longitude | None = Field(None, description="Longitude of the partner city.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")


class SisterCityCount(Record):
    """An official count of sister-city pairs on a date."""

    as_of: dt.date = Field(description="Date of the count.")
    scope: str = Field(pattern=r"^(all|[a-z]{2})$", description="`all` or a partner country id.")
    count: int = Field(ge=0, description="Number of pairs.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks (e.g. 'more than').")


class Erratum(Record):
    """An error in a source text and its correction."""

    source_id: Slug = Field(description="Source whose text errs.")
    quote: str = Field(min_length=1, description="The erroneous words.")
    correction: str = Field(min_length=1, description="What is meant.")
    reasoning: str = Field(min_length=1, description="Why it is an error.")
    source: tuple[SourceRef, ...] = _sources()


class Rate(Record):
    """A published money-per-distance freight rate, in the unit it was published in."""

    id: Slug = Field(description="Stable id `rate-…`.")
    mode: LinkMode = Field(description="rail, road or ferry.")
    country_id: CountryId | None = Field(None, description="Country where it applies; empty = any.")
    unit: RateUnit = Field(description="Unit of the value as published.")
    value: float = Field(gt=0, description="The rate, in `unit`.")
    valid_from: dt.date = Field(description="Start of the period it describes.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="What is included, caveats.")


class Transfer(Record):
    """Time and cost of moving a container between vehicles (gauge change, terminal, border)."""

    id: Slug = Field(description="Stable id `xfer-…`.")
    kind: TransferKind = Field(description="What kind of transfer.")
    place_id: Slug | None = Field(None, description="Where measured; empty for a general default.")
    time_h: float | None = Field(None, ge=0, le=500, description="Time per container or train, h.")
    cost_usd_per_teu: float | None = Field(None, ge=0, le=20000, description="Cost per TEU, USD.")
    valid_from: dt.date = Field(description="Start of the period it describes.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")


class FerryService(Record):
    """A Caspian ferry service on a ferry link: frequency, sailing time and price."""

    link_id: Slug = Field(description="Ferry link served.")
    sailings_per_week: float | None = Field(None, gt=0, le=50, description="Departures per week.")
    sailing_time_h: float | None = Field(None, gt=0, le=200, description="Time at sea, h.")
    cost_usd_per_teu: float | None = Field(
        None, ge=0, le=20000, description="Freight per TEU, USD."
    )
    valid_from: dt.date = Field(description="Start of the period it describes.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")


class RailService(Record):
    """Published departure frequency of container trains from a rail hub towards a market."""

    origin_id: Slug = Field(description="Place the trains depart from.")
    towards: str = Field(
        min_length=1, description="Destination: a country id, a place id or 'central-asia'."
    )
    trains_per_week: float = Field(gt=0, le=100, description="Departures per week.")
    valid_from: dt.date = Field(description="Start of the period it describes.")
    valid_until: dt.date | None = Field(
        None, description="Last day it describes; empty: until a later row of the service."
    )
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")


class RailBlockSpeed(Record):
    """Published route speed of container block trains in a country (stops en route included)."""

    country_id: Slug = Field(description="Country whose railway the trains run on.")
    speed_kph: float = Field(
        gt=0, le=200, description="Typical route speed, km/h (a published km per day / 24)."
    )
    best_speed_kph: float | None = Field(
        None, gt=0, le=200, description="Best published route speed, km/h (the fast end)."
    )
    valid_from: dt.date = Field(description="Start of the period it describes.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")


class RailBlockClearance(Record):
    """Published clearance time of a container block train at a rail crossing, one way."""

    crossing_id: Slug = Field(description="Rail crossing the trains pass.")
    direction: Direction = Field(
        description="a_to_b: from the crossing's first post to its second; b_to_a the reverse."
    )
    time_h: float = Field(
        gt=0, le=500, description="Hours a block train takes to clear the crossing, as published."
    )
    valid_from: dt.date = Field(description="Start of the period it describes.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="What the figure counts (customs, reloading).")


class Holiday(Record):
    """A day on which Chinese road ports close (public holiday)."""

    date: dt.date = Field(description="The closed day.")
    name: str = Field(min_length=1, description="Holiday name.")
    source: tuple[SourceRef, ...] = _sources()


class FreightFactor(Record):
    """A figure that turns trade into freight: value density, load factor, pipeline, transit."""

    id: Slug = Field(description="Stable id `ff-…`.")
    quantity: FreightQuantity = Field(description="What the value measures (unit in the name).")
    year: int | None = Field(None, ge=1990, le=2100, description="Year it describes; empty = any.")
    partner_id: CountryId | None = Field(None, description="China's partner it concerns, if one.")
    direction: TradeFlowKind | None = Field(
        None, description="export / import from China's view, if it concerns one direction."
    )
    corridor: Slug | None = Field(None, description="Transit corridor, for transit volumes.")
    place_id: Slug | None = Field(None, description="Place where a transit corridor leaves.")
    value: float = Field(ge=0, description="The figure, in the unit named by `quantity`.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="What the figure covers, caveats.")


class ZoneWeight(Record):
    """A place standing for a region in freight demand, weighted by the region's population."""

    place_id: Slug = Field(description="Place that stands for the region (a network node).")
    region: str = Field(min_length=1, description="Region (province, oblast, city) it stands for.")
    population: float = Field(gt=0, description="Population of the region, persons.")
    year: int = Field(ge=1990, le=2100, description="Year of the population figure.")
    source: tuple[SourceRef, ...] = _sources()
    note: str | None = Field(None, description="Free remarks.")
