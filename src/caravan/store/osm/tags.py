"""Which OpenStreetMap ways a freight network keeps, and what each becomes (docs/osm.md).

Rail: ``railway=rail`` with ``usage`` main or branch (or none), sidings and yards
(``service=*``) only when asked; gauges from ``gauge=`` (1435 standard, 1520/1524 broad,
``1435;1520`` dual: both). Road: the ``highway`` classes freight uses. Sea: ``route=ferry``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Protocol

__all__ = [
    "BROAD_GAUGES_MM",
    "DEFAULT_ROAD_CLASSES",
    "STANDARD_GAUGE_MM",
    "TagLookup",
    "TagRules",
    "WayKind",
    "gauges_of",
    "way_kinds",
]

#: The road classes kept by default: the trunk network trucks use, with its slip roads.
DEFAULT_ROAD_CLASSES = (
    "motorway",
    "motorway_link",
    "trunk",
    "trunk_link",
    "primary",
    "primary_link",
    "secondary",
    "secondary_link",
)

STANDARD_GAUGE_MM = 1435
#: Tagged gauges read as the 1,520 mm broad-gauge layer (1524 is the Finnish variant).
BROAD_GAUGES_MM = (1520, 1524)

_RAIL_USAGES = ("main", "branch")


class TagLookup(Protocol):
    """Tags of an OSM object (a dict or pyosmium's TagList)."""

    def get(self, key: str, /) -> str | None: ...


class WayKind(IntEnum):
    """What a kept way becomes: a rail line of a gauge, a road, or a ferry route."""

    RAIL_1435 = 0
    RAIL_1520 = 1
    RAIL_UNTAGGED = 2  # gauge not tagged: chosen by country when the network is built
    ROAD = 3
    FERRY = 4


@dataclass(frozen=True)
class TagRules:
    """The tag rules of one import: road classes kept, and whether rail service tracks are."""

    road_classes: tuple[str, ...] = DEFAULT_ROAD_CLASSES
    rail_service: bool = False
    ferries: bool = True
    rail: bool = True
    _roads: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_roads", frozenset(self.road_classes))

    def describe(self) -> str:
        """The rules as one line, stored with the layer."""
        service = "with service tracks" if self.rail_service else "without service tracks"
        return (
            f"rail {'kept' if self.rail else 'dropped'} ({service}); roads: "
            f"{', '.join(self.road_classes) or 'none'}; ferries {'kept' if self.ferries else 'dropped'}"
        )

    def kinds(self, tags: TagLookup) -> tuple[WayKind, ...]:
        """The kinds a way with these tags becomes (none: not kept); see :func:`way_kinds`."""
        return way_kinds(tags, self)


def gauges_of(text: str | None) -> tuple[WayKind, ...] | None:
    """Rail layers of a ``gauge=`` value; () for a gauge caravan has no layer for; None: untagged."""
    if text is None or not text.strip():
        return None
    kinds: list[WayKind] = []
    for part in text.split(";"):
        try:
            gauge = int(part.strip())
        except ValueError:
            continue
        kind = (
            WayKind.RAIL_1435
            if gauge == STANDARD_GAUGE_MM
            else WayKind.RAIL_1520
            if gauge in BROAD_GAUGES_MM
            else None
        )
        if kind is not None and kind not in kinds:
            kinds.append(kind)
    return tuple(kinds)


def way_kinds(tags: TagLookup, rules: TagRules) -> tuple[WayKind, ...]:
    """The layers a way with ``tags`` belongs to under ``rules`` (empty: the way is dropped)."""
    if tags.get("route") == "ferry":
        return (WayKind.FERRY,) if rules.ferries else ()
    railway = tags.get("railway")
    if railway == "rail":
        if not rules.rail:
            return ()
        if tags.get("usage") not in (None, *_RAIL_USAGES):
            return ()
        if tags.get("service") is not None and not rules.rail_service:
            return ()
        gauges = gauges_of(tags.get("gauge"))
        return (WayKind.RAIL_UNTAGGED,) if gauges is None else gauges
    highway = tags.get("highway")
    if highway is not None and highway in rules._roads:
        return (WayKind.ROAD,)
    return ()
