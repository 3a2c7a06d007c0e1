"""Curated link lengths beside the lengths measured along an imported layer.

For each curated link whose two places attach to the layer of its mode (and gauge), the
shortest path by length between the two attached junctions, on that layer alone, is set
beside the curated length; rows are sorted by disagreement (absolute percentage).
A link counts as *estimated* when one of its citations is an assumption (``asm-…``),
else as *published*.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import asdict, dataclass

import numpy as np
import scipy.sparse
from scipy.sparse.csgraph import dijkstra

from caravan.model import Link, LinkMode
from caravan.network.layers import Layer
from caravan.store import KnowledgeBase
from caravan.store.osm import EdgeType, LayerGraph, PlacePoint, attach_places, load_layer
from caravan.store.osm.attach import DEFAULT_ATTACH_RADIUS_KM

__all__ = ["LengthComparison", "LengthRow", "compare_lengths", "compare_with_layer"]


@dataclass(frozen=True)
class LengthRow:
    """One curated link: its length, the layer's, and how far apart they are."""

    link_id: str
    mode: str
    gauge_mm: int | None
    from_id: str
    to_id: str
    curated_km: float
    source_kind: str  # published or estimated
    osm_km: float | None  # None: no path between the attached junctions on the layer
    difference_km: float | None
    difference_pct: float | None
    attach_km: float  # the two places' distances to their junctions, summed


@dataclass(frozen=True)
class LengthComparison:
    """The compared links (sorted by disagreement) and the links that could not be compared."""

    layer: str
    rows: tuple[LengthRow, ...]
    not_attached: tuple[str, ...]  # link ids with an end attached to no junction, or both to one

    def to_csv(self) -> str:
        """The rows as CSV."""
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(LengthRow.__dataclass_fields__))
        writer.writeheader()
        for row in self.rows:
            writer.writerow(asdict(row))
        return out.getvalue()

    def to_markdown(self) -> str:
        """The rows as a Markdown report."""
        lines = [
            f"# Curated link lengths against OSM layer `{self.layer}`",
            "",
            f"{len(self.rows)} links compared; {len(self.not_attached)} not compared (an end "
            "attached to no junction of the layer, or both ends to the same one). Sorted by "
            "disagreement.",
            "",
            "| link | mode | curated km | source | OSM km | difference km | difference % |",
            "|---|---|---:|---|---:|---:|---:|",
        ]
        for row in self.rows:
            osm = f"{row.osm_km:,.1f}" if row.osm_km is not None else "no path"
            diff = f"{row.difference_km:+,.1f}" if row.difference_km is not None else ""
            pct = f"{row.difference_pct:+.1f}" if row.difference_pct is not None else ""
            mode = row.mode + (f" {row.gauge_mm}" if row.gauge_mm else "")
            lines.append(
                f"| {row.link_id} | {mode} | {row.curated_km:,.1f} | {row.source_kind} | "
                f"{osm} | {diff} | {pct} |"
            )
        if self.not_attached:
            lines += ["", "Not compared: " + ", ".join(self.not_attached)]
        return "\n".join(lines) + "\n"


def compare_lengths(
    layer_name: str,
    graph: LayerGraph,
    links: list[Link],
    places: list[PlacePoint],
    radius_km: float = DEFAULT_ATTACH_RADIUS_KM,
) -> LengthComparison:
    """Each curated link's length beside the shortest length between its ends on the layer."""
    attached = {
        (a.place_id, a.layer): (a.node, a.distance_km)
        for a in attach_places(graph, places, radius_km)
        if a.node is not None
    }
    running = (graph.edge_type == EdgeType.LINK) | (graph.edge_type == EdgeType.CROSSING)
    matrix = scipy.sparse.coo_matrix(
        (
            np.maximum(graph.edge_length_km[running], 1e-9),
            (graph.edge_u[running], graph.edge_v[running]),
        ),
        shape=(graph.node_count, graph.node_count),
    ).tocsr()
    pairs: list[tuple[Link, int, int, float]] = []
    skipped: list[str] = []
    for link in links:
        layer = Layer.of(link.mode.value, link.gauge_mm).value
        start, end = attached.get((link.from_id, layer)), attached.get((link.to_id, layer))
        if start is None or end is None or start[0] is None or end[0] is None:
            skipped.append(link.id)
            continue
        if start[0] == end[0]:  # both ends on one junction: the layer cannot measure it
            skipped.append(link.id)
            continue
        pairs.append((link, start[0], end[0], start[1] + end[1]))
    sources = sorted({p[1] for p in pairs})
    distances = dijkstra(matrix, directed=False, indices=sources) if sources else np.zeros((0, 0))
    row_of = {node: i for i, node in enumerate(sources)}
    rows = [_row(link, float(distances[row_of[a], b]), attach) for link, a, b, attach in pairs]
    rows.sort(key=lambda r: -abs(r.difference_pct) if r.difference_pct is not None else math.inf)
    return LengthComparison(layer_name, tuple(rows), tuple(skipped))


def _row(link: Link, osm_km: float, attach_km: float) -> LengthRow:
    known = math.isfinite(osm_km)
    difference = osm_km - link.length_km if known else None
    return LengthRow(
        link_id=link.id,
        mode=link.mode.value,
        gauge_mm=link.gauge_mm if link.mode == LinkMode.RAIL else None,
        from_id=link.from_id,
        to_id=link.to_id,
        curated_km=link.length_km,
        source_kind="estimated" if any(s.startswith("asm-") for s in link.source) else "published",
        osm_km=osm_km if known else None,
        difference_km=difference,
        difference_pct=100.0 * difference / link.length_km if difference is not None else None,
        attach_km=attach_km,
    )


def compare_with_layer(
    kb: KnowledgeBase, layer: str, radius_km: float | None = None
) -> LengthComparison:
    """The comparison for a knowledge base's links and a layer named or given by path."""
    from caravan.analysis.osm.importing import place_points
    from caravan.analysis.osm.layers import layer_folder, resolve_layer_path

    path = resolve_layer_path(layer_folder(kb.path), layer)
    return compare_lengths(
        layer,
        load_layer(path),
        kb.links(),
        place_points(kb),
        radius_km if radius_km is not None else DEFAULT_ATTACH_RADIUS_KM,
    )
