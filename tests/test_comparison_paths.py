"""The changed routes of a comparison carry the links they run on, so a map draws them along
the lines of the network (the observatory's Scenarios view does), not as straight hops."""

from __future__ import annotations

from pathlib import Path

from caravan import Observatory
from caravan.analysis.comparison.output import comparison_json


def test_changed_routes_list_their_links_in_order(embedded_kb_path: Path) -> None:
    observatory = Observatory.open(embedded_kb_path)
    result = observatory.compare("today", "cku-railway")
    links = {f["properties"]["id"] for f in observatory.map_layers()["links"]["features"]}
    paths = result.summary.paths
    assert paths, "today → cku-railway changes some best routes"
    for path in paths:
        assert path.link_ids, path
        assert set(path.link_ids) <= links
    b_side = [p for p in paths if p.side == "b" and "bcp-torugart-rail" in p.crossings]
    assert b_side, "some best route in B crosses at Torugart (rail)"
    assert "rail-kashgar-torugart" in b_side[0].link_ids
    body = comparison_json(result)
    assert body["paths"][0]["link_ids"] == list(paths[0].link_ids)
