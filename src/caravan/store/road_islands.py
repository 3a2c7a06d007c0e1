"""Road islands: places whose roads reach no other road of their country.

A truck inside one country should not need a foreign detour to reach the next town; a
country's in-service roads that fall into several pieces mean a road link is missing (or,
rarely, an enclave). Connected components come from scipy's csgraph, not a hand-written walk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from caravan.model import Link, LinkMode, LinkStatus

__all__ = ["road_islands"]


def road_islands(
    links: Sequence[Link], country_of: Mapping[str, str]
) -> dict[str, list[list[str]]]:
    """Per country, the pieces of its in-service road network other than the largest.

    Each piece is the sorted place ids it joins; a country whose roads form one piece is
    absent. Links between countries (ferries) and places of unknown country are skipped.
    """
    by_country: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        country = country_of.get(link.from_id)
        if (
            link.mode == LinkMode.ROAD
            and link.status == LinkStatus.IN_SERVICE
            and country is not None
            and country == country_of.get(link.to_id)
        ):
            by_country[country].append(link)
    islands: dict[str, list[list[str]]] = {}
    for country, roads in sorted(by_country.items()):
        pieces = _pieces(roads)
        if len(pieces) > 1:
            islands[country] = pieces[1:]
    return islands


def _pieces(roads: Sequence[Link]) -> list[list[str]]:
    """The connected pieces of ``roads``, largest first (ties by their first place id)."""
    # Imported here: routing in a fresh process must not pay for scipy.sparse (test_kernels).
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    places = sorted({end for link in roads for end in (link.from_id, link.to_id)})
    index = {place: n for n, place in enumerate(places)}
    rows = np.array([index[link.from_id] for link in roads], dtype=np.int32)
    cols = np.array([index[link.to_id] for link in roads], dtype=np.int32)
    graph = coo_matrix((np.ones(len(roads)), (rows, cols)), shape=(len(places), len(places)))
    count, labels = connected_components(graph, directed=False)
    pieces = [[places[n] for n in np.flatnonzero(labels == label)] for label in range(count)]
    return sorted(pieces, key=lambda piece: (-len(piece), piece[0]))
