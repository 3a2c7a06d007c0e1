"""The tables of the knowledge base: which record each holds, its key and its references.

This is the one declaration the loader, the validator, the SQLite builder and the data
dictionary all read, so a field is described once.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from enum import Enum

from caravan.model import (
    Agreement,
    Assumption,
    Country,
    Crossing,
    Erratum,
    FerryService,
    FreightFactor,
    Holiday,
    Link,
    Observation,
    Place,
    Project,
    RailBlockClearance,
    RailBlockSpeed,
    RailService,
    Rate,
    Record,
    SisterCityCount,
    SisterCityPair,
    Source,
    StatusEvent,
    TradeFlow,
    Transfer,
    ZoneWeight,
)

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "Table",
    "field_is_list",
    "field_of",
    "field_python_type",
    "table_named",
]

#: Bumped whenever the SQLite layout changes; a knowledge base of another version is rebuilt.
SCHEMA_VERSION = 5


@dataclass(frozen=True)
class Table:
    """A table: its name (= CSV file stem), record type, key fields and references."""

    name: str
    record: type[Record]
    key: tuple[str, ...]
    refs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    description: str = ""

    @property
    def fields(self) -> list[str]:
        """Column names, in declaration order."""
        return list(self.record.model_fields)

    def key_of(self, record: Record) -> str:
        """The record's key as one readable string (`2024/cn/kz/export` for composite keys)."""
        return "/".join(str(getattr(record, name) or "") for name in self.key)


TABLES: tuple[Table, ...] = (
    Table("sources", Source, ("id",), description="Published documents that facts cite."),
    Table(
        "assumptions",
        Assumption,
        ("id",),
        {"based_on": ("sources",)},
        "Estimated values with their reasoning, used where no source gives a number.",
    ),
    Table(
        "countries",
        Country,
        ("id",),
        {"capital_id": ("places",)},
        "The six member states and neighbouring gateway states.",
    ),
    Table(
        "places",
        Place,
        ("id",),
        {"country_id": ("countries",)},
        "Cities, ports, dry ports, border posts, junctions, gauge-change stations, sites.",
    ),
    Table(
        "projects",
        Project,
        ("id",),
        {"countries": ("countries",), "upgrades": ("links", "crossings")},
        "Cooperation projects with priority directions, cost and what they build.",
    ),
    Table(
        "crossings",
        Crossing,
        ("id",),
        {"post_a_id": ("places",), "post_b_id": ("places",), "project_id": ("projects",)},
        "Border-crossing points, one row per mode.",
    ),
    Table(
        "links",
        Link,
        ("id",),
        {"from_id": ("places",), "to_id": ("places",), "project_id": ("projects",)},
        "Rail, road and ferry links between places.",
    ),
    Table(
        "observations",
        Observation,
        ("subject_id", "quantity", "mode", "direction", "valid_from"),
        {"subject_id": ("crossings", "links")},
        "Dated values (clearance time, cost, capacity, quotas, volumes) of crossings and links, "
        "and of borders (`border-<a>-<b>`: every crossing of the mode between two countries).",
    ),
    Table(
        "project_events",
        StatusEvent,
        ("project_id", "date", "status"),
        {"project_id": ("projects",)},
        "Dated status timeline of each project.",
    ),
    Table(
        "agreements",
        Agreement,
        ("id",),
        {"place_id": ("places",), "parties": ("countries",)},
        "Documents signed, notably at the 2023 Xi'an and 2025 Astana summits.",
    ),
    Table(
        "trade",
        TradeFlow,
        ("year", "reporter_id", "partner_id", "flow", "commodity_group"),
        {"reporter_id": ("countries",), "partner_id": ("countries",)},
        "Yearly goods trade, as each reporter publishes it.",
    ),
    Table(
        "sister_cities",
        SisterCityPair,
        ("id",),
        {
            "partner_country_id": ("countries",),
            "cn_place_id": ("places",),
            "partner_place_id": ("places",),
        },
        "Sister-city and sister-province pairs.",
    ),
    Table(
        "sister_city_counts",
        SisterCityCount,
        ("as_of", "scope"),
        {},
        "Official counts of sister-city pairs.",
    ),
    Table(
        "errata",
        Erratum,
        ("source_id", "quote"),
        {"source_id": ("sources",)},
        "Errors found in source texts, with corrections.",
    ),
    Table(
        "rates",
        Rate,
        ("id",),
        {"country_id": ("countries",)},
        "Published freight rates per distance, by mode and country.",
    ),
    Table(
        "transfers",
        Transfer,
        ("id",),
        {"place_id": ("places",)},
        "Time and cost of gauge transshipment, terminal handling, border transload.",
    ),
    Table(
        "ferry_services",
        FerryService,
        ("link_id", "valid_from"),
        {"link_id": ("links",)},
        "Caspian ferry sailings: frequency, time at sea, price.",
    ),
    Table(
        "rail_services",
        RailService,
        ("origin_id", "towards", "valid_from"),
        {"origin_id": ("places",)},
        "Published departure frequencies of container trains from rail hubs.",
    ),
    Table(
        "rail_block_speeds",
        RailBlockSpeed,
        ("country_id", "valid_from"),
        {"country_id": ("countries",)},
        "Published route speeds of container block trains by country.",
    ),
    Table(
        "rail_block_clearances",
        RailBlockClearance,
        ("crossing_id", "direction", "valid_from"),
        {"crossing_id": ("crossings",)},
        "Published clearance times of container block trains at rail crossings, one way.",
    ),
    Table("holidays_cn", Holiday, ("date",), {}, "Days Chinese road ports close."),
    Table(
        "freight_factors",
        FreightFactor,
        ("id",),
        {"partner_id": ("countries",), "place_id": ("places",)},
        "Figures turning trade into freight: value densities, loads, pipelines, transit.",
    ),
    Table(
        "zone_weights",
        ZoneWeight,
        ("place_id",),
        {"place_id": ("places",)},
        "Places standing for regions in freight demand, with the regions' populations.",
    ),
)


def field_of(record: Record, name: str) -> typing.Any:
    """A field of a record of any table, by name (for checks that span tables)."""
    return getattr(record, name)


def table_named(name: str) -> Table:
    """The table called ``name``."""
    for table in TABLES:
        if table.name == name:
            return table
    raise KeyError(name)


def field_python_type(record: type[Record], name: str) -> type:
    """The scalar Python type behind a field (unwrapping Optional, tuples and Annotated)."""
    annotation = record.model_fields[name].annotation
    return _scalar(annotation)


def field_is_list(record: type[Record], name: str) -> bool:
    """True for tuple-valued fields, stored as `|`-separated cells."""
    annotation = record.model_fields[name].annotation
    return typing.get_origin(annotation) is tuple


def _scalar(annotation: typing.Any) -> type:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _scalar(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _scalar(options[0])
    if origin is tuple:
        return _scalar(typing.get_args(annotation)[0])
    if isinstance(annotation, type):
        return annotation
    return str


def sql_type(python_type: type) -> str:
    """SQLite column affinity for a scalar Python type."""
    if issubclass(python_type, bool | int) and not issubclass(python_type, Enum):
        return "INTEGER"
    if issubclass(python_type, float):
        return "REAL"
    if issubclass(python_type, dt.date):
        return "TEXT"
    return "TEXT"
