"""Small OpenStreetMap files for tests, written with pyosmium: nodes, ways, boundary relations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import osmium
from osmium.osm import mutable


@dataclass
class OsmBuilder:
    """Collects nodes, ways and relations, then writes them in file order (nodes, ways, relations)."""

    nodes: list[mutable.Node] = field(default_factory=list)
    ways: list[mutable.Way] = field(default_factory=list)
    relations: list[mutable.Relation] = field(default_factory=list)
    next_id: int = 1

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def node(self, lon: float, lat: float, **tags: str) -> int:
        """A node at (lon, lat); returns its id."""
        node_id = self._id()
        self.nodes.append(mutable.Node(id=node_id, location=(lon, lat), tags=tags, version=1))
        return node_id

    def way(self, nodes: list[int], **tags: str) -> int:
        """A way through ``nodes``; returns its id."""
        way_id = self._id()
        self.ways.append(mutable.Way(id=way_id, nodes=nodes, tags=tags, version=1))
        return way_id

    def line(self, points: list[tuple[float, float]], **tags: str) -> tuple[int, list[int]]:
        """New nodes at ``points`` and a way through them: (way id, node ids)."""
        ids = [self.node(lon, lat) for lon, lat in points]
        return self.way(ids, **tags), ids

    def country(self, code: str, ring: list[tuple[float, float]]) -> int:
        """A country boundary relation (admin_level=2) around a closed ring of points."""
        ids = [self.node(lon, lat) for lon, lat in ring]
        way_id = self.way([*ids, ids[0]], boundary="administrative", admin_level="2")
        relation_id = self._id()
        self.relations.append(
            mutable.Relation(
                id=relation_id,
                members=[("w", way_id, "outer")],
                tags={
                    "type": "boundary",
                    "boundary": "administrative",
                    "admin_level": "2",
                    "ISO3166-1:alpha2": code.upper(),
                },
                version=1,
            )
        )
        return relation_id

    def write(self, path: Path) -> Path:
        """Write everything to ``path`` (.osm.pbf); returns the path."""
        with osmium.SimpleWriter(str(path)) as writer:
            for node in self.nodes:  # ids grow as they are created: file order
                writer.add_node(node)
            for way in self.ways:
                writer.add_way(way)
            for relation in self.relations:
                writer.add_relation(relation)
        return path


#: The synthetic border between "cn" (east) and "kz" (west), near the real Khorgos.
BORDER_LON = 80.38


def khorgos_like(path: Path) -> Path:
    """Two gauges meeting at a station west of a cn–kz border with a border_control node.

    Standard gauge from Yining over the border to the Altynkol station; broad gauge from
    there to Almaty in three ways of the same tags (a chain that must merge into one edge),
    a siding and an industrial line that must be dropped, a motorway and a residential road.
    """
    osm = OsmBuilder()
    osm.country("cn", [(BORDER_LON, 42.5), (83.5, 42.5), (83.5, 45.5), (BORDER_LON, 45.5)])
    osm.country("kz", [(75.5, 42.5), (BORDER_LON, 42.5), (BORDER_LON, 45.5), (75.5, 45.5)])
    altynkol = osm.node(80.33, 44.2, railway="station", name="Altynkol")
    post = osm.node(80.40, 44.208, barrier="border_control", name="Khorgos rail post")
    yining = [osm.node(81.32, 43.91), osm.node(80.8, 44.1), osm.node(80.41, 44.21)]
    osm.way([*yining, post, osm.node(80.36, 44.205), altynkol], railway="rail", gauge="1435",
            usage="main")  # fmt: skip
    middle = osm.node(79.0, 44.0)
    zhetygen = osm.node(77.12, 43.68)
    osm.way([altynkol, osm.node(80.0, 44.16), middle], railway="rail", gauge="1520", usage="main")
    osm.way([middle, osm.node(78.0, 43.9), zhetygen], railway="rail", gauge="1520", usage="main")
    osm.way([zhetygen, osm.node(77.0, 43.45), osm.node(76.89, 43.24)], railway="rail",
            gauge="1520", usage="main")  # fmt: skip
    osm.way([middle, osm.node(79.0, 43.98)], railway="rail", gauge="1520", service="siding")
    osm.line([(79.5, 44.5), (79.6, 44.6)], railway="rail", gauge="1520", usage="industrial")
    osm.line([(80.0, 44.16), (76.89, 43.25)], highway="motorway")
    osm.line([(80.0, 44.3), (80.1, 44.3)], highway="residential")
    return osm.write(path)
