"""Importing small generated PBF files: what is kept, split, merged, measured and refused."""

from __future__ import annotations

import itertools
import math
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from caravan.errors import NotAKnowledgeBaseError
from caravan.store.osm import (
    EdgeType,
    LayerGraph,
    OsmImportError,
    PlacePoint,
    TagRules,
    attach_places,
    import_osm,
    load_layer,
)
from caravan.store.osm import layer_file as layer_file_module
from caravan.store.osm.graph import LAYER_NAMES
from osm_pbf import BORDER_LON, OsmBuilder, khorgos_like

RAIL_1435, RAIL_1520, ROAD, SEA = (LAYER_NAMES.index(n) for n in LAYER_NAMES)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle km between (lon, lat) points, written out independently of the importer."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _imported(tmp_path: Path, pbf: Path, **kwargs: object) -> LayerGraph:
    import_osm(pbf, tmp_path / "layer.layer.sqlite", name="test", **kwargs)  # type: ignore[arg-type]
    return load_layer(tmp_path / "layer.layer.sqlite")


def _links(graph: LayerGraph, layer: int) -> np.ndarray:
    on_layer = graph.node_layer[graph.edge_u] == layer
    return np.flatnonzero(on_layer & (graph.edge_type == EdgeType.LINK))


def test_two_gauges_and_a_border_import_with_one_crossing_and_one_gauge_change(
    tmp_path: Path,
) -> None:
    graph = _imported(tmp_path, khorgos_like(tmp_path / "k.osm.pbf"))
    crossings = np.flatnonzero(graph.edge_type == EdgeType.CROSSING)
    assert crossings.size == 1
    crossing = int(crossings[0])
    assert graph.country(int(graph.edge_country[crossing])) == "cn"
    assert graph.country(int(graph.edge_country_b[crossing])) == "kz"
    # the border_control node names the crossing (the boundary 2 km away is the same crossing)
    assert graph.crossing_labels[crossing] == "Khorgos rail post"
    changes = np.flatnonzero(graph.edge_type == EdgeType.GAUGE_CHANGE)
    assert changes.size == 1
    u, v = int(graph.edge_u[changes[0]]), int(graph.edge_v[changes[0]])
    assert {int(graph.node_layer[u]), int(graph.node_layer[v])} == {RAIL_1435, RAIL_1520}
    assert graph.node_osm_id[u] == graph.node_osm_id[v]
    assert graph.node_lon[u] == pytest.approx(80.33)


def test_a_chain_of_ways_with_the_same_tags_becomes_one_edge_measured_along_its_geometry(
    tmp_path: Path,
) -> None:
    graph = _imported(tmp_path, khorgos_like(tmp_path / "k.osm.pbf"))
    broad = _links(graph, RAIL_1520)
    assert broad.size == 1  # three ways, two degree-2 joins, no junction: one edge
    points = [(80.33, 44.2), (80.0, 44.16), (79.0, 44.0), (78.0, 43.9), (77.12, 43.68),
              (77.0, 43.45), (76.89, 43.24)]  # fmt: skip
    along = sum(_km(a, b) for a, b in itertools.pairwise(points))
    assert graph.edge_length_km[broad[0]] == pytest.approx(along, rel=1e-9)
    assert along > _km(points[0], points[-1]) + 5  # the geometry, not the straight line


def test_sidings_industrial_lines_and_minor_roads_are_dropped(tmp_path: Path) -> None:
    graph = _imported(tmp_path, khorgos_like(tmp_path / "k.osm.pbf"))
    assert graph.counts["ways dropped"] == 3
    assert _links(graph, ROAD).size == 1  # the motorway only
    (tmp_path / "service").mkdir()
    pbf = tmp_path / "k.osm.pbf"
    with_siding = _imported(tmp_path / "service", pbf, rules=TagRules(rail_service=True))
    assert with_siding.counts["ways dropped"] == 2
    # the siding's junction splits the broad-gauge chain: three edges instead of one
    assert _links(with_siding, RAIL_1520).size == 3


def test_a_boundary_without_a_post_is_a_crossing_where_the_country_changes(
    tmp_path: Path,
) -> None:
    osm = OsmBuilder()
    osm.country("cn", [(BORDER_LON, 42.5), (83.5, 42.5), (83.5, 45.5), (BORDER_LON, 45.5)])
    osm.country("kz", [(75.5, 42.5), (BORDER_LON, 42.5), (BORDER_LON, 45.5), (75.5, 45.5)])
    osm.line([(81.0, 44.0), (80.5, 44.0), (80.2, 44.0), (79.0, 44.0)], highway="trunk")
    graph = _imported(tmp_path, osm.write(tmp_path / "b.osm.pbf"))
    crossing = int(np.flatnonzero(graph.edge_type == EdgeType.CROSSING)[0])
    assert graph.counts["border crossings"] == 1
    assert "cn–kz boundary" in graph.crossing_labels[crossing]
    side = int(graph.edge_v[crossing])
    assert graph.node_lon[side] == pytest.approx(80.2)  # the first node past the boundary
    lengths = sorted(graph.edge_length_km[graph.edge_type == EdgeType.LINK].tolist())
    assert sum(lengths) == pytest.approx(_km((81.0, 44.0), (79.0, 44.0)), rel=1e-3)


def test_a_border_control_node_is_a_crossing_even_without_boundaries(tmp_path: Path) -> None:
    osm = OsmBuilder()  # mid-Atlantic: no boundary in the file nor in Natural Earth's ten
    post = osm.node(-30.0, 10.0, barrier="border_control", name="Test post")
    osm.way([osm.node(-30.5, 10.0), post, osm.node(-29.5, 10.0)], highway="primary")
    graph = _imported(tmp_path, osm.write(tmp_path / "p.osm.pbf"))
    assert graph.counts["border crossings"] == 1
    crossing = int(np.flatnonzero(graph.edge_type == EdgeType.CROSSING)[0])
    assert graph.crossing_labels[crossing] == "Test post"
    assert graph.edge_length_km[crossing] == 0.0
    assert _links(graph, ROAD).size == 2  # split at the post


def test_a_ferry_meets_the_roads_at_its_terminals(tmp_path: Path) -> None:
    osm = OsmBuilder()
    west, east = osm.node(50.0, 43.0), osm.node(52.0, 41.0)
    osm.way([osm.node(49.5, 43.0), west], highway="trunk")
    osm.way([west, osm.node(51.0, 42.2), east], route="ferry")
    osm.way([east, osm.node(52.5, 41.0)], highway="trunk")
    graph = _imported(tmp_path, osm.write(tmp_path / "f.osm.pbf"))
    ports = np.flatnonzero(graph.edge_type == EdgeType.PORT)
    assert ports.size == 2
    assert set(graph.node_layer[graph.edge_u[ports]].tolist()) == {SEA}
    assert set(graph.node_layer[graph.edge_v[ports]].tolist()) == {ROAD}
    assert _links(graph, SEA).size == 1
    (tmp_path / "no-ferries").mkdir()
    pbf = tmp_path / "f.osm.pbf"
    without = _imported(tmp_path / "no-ferries", pbf, rules=TagRules(ferries=False))
    assert _links(without, SEA).size == 0
    assert np.flatnonzero(without.edge_type == EdgeType.PORT).size == 0


def test_dual_gauge_track_is_on_both_layers_and_untagged_gauge_follows_the_country(
    tmp_path: Path,
) -> None:
    osm = OsmBuilder()
    osm.country("cn", [(BORDER_LON, 42.5), (83.5, 42.5), (83.5, 45.5), (BORDER_LON, 45.5)])
    osm.country("kz", [(75.5, 42.5), (BORDER_LON, 42.5), (BORDER_LON, 45.5), (75.5, 45.5)])
    osm.line([(80.0, 44.0), (79.0, 44.0)], railway="rail", gauge="1435;1520")
    osm.line([(82.0, 43.0), (81.0, 43.0)], railway="rail")  # untagged, in cn
    osm.line([(78.0, 43.0), (77.0, 43.0)], railway="rail")  # untagged, in kz
    osm.line([(78.0, 44.5), (77.0, 44.5)], railway="rail", gauge="1000")  # metre gauge: no layer
    graph = _imported(tmp_path, osm.write(tmp_path / "d.osm.pbf"))
    assert _links(graph, RAIL_1435).size == 2
    assert _links(graph, RAIL_1520).size == 2
    standard = _links(graph, RAIL_1435)
    assert sorted(graph.node_lon[graph.edge_u[standard]].round().tolist()) == [80.0, 82.0]


def test_places_attach_to_their_own_country_within_the_radius(tmp_path: Path) -> None:
    graph = _imported(tmp_path, khorgos_like(tmp_path / "k.osm.pbf"))
    places = [
        PlacePoint("kz-near", 44.21, 80.34, "kz"),
        PlacePoint("cn-post", 44.21, 80.41, "cn"),  # nearest nodes lie across the border
        PlacePoint("far", 30.0, 100.0, "cn"),
    ]
    found = {(a.place_id, a.layer): a for a in attach_places(graph, places, radius_km=15)}
    near = found[("kz-near", "rail_1520")]
    assert near.node is not None
    assert near.distance_km < 2
    assert found[("cn-post", "rail_1520")].node is None
    assert found[("far", "road")].node is None
    assert found[("far", "road")].distance_km > 1000


def test_a_text_file_named_pbf_is_refused_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "notes.osm.pbf"
    bad.write_text("these are not OpenStreetMap data\n")
    with pytest.raises(OsmImportError, match="not a readable OpenStreetMap file"):
        import_osm(bad, tmp_path / "x.layer.sqlite", name="x")
    assert not (tmp_path / "x.layer.sqlite").exists()


def test_an_empty_or_missing_file_is_refused_clearly(tmp_path: Path) -> None:
    empty = tmp_path / "empty.osm.pbf"
    empty.write_bytes(b"")
    with pytest.raises(OsmImportError, match="is empty"):
        import_osm(empty, tmp_path / "x.layer.sqlite", name="x")
    with pytest.raises(OsmImportError, match="no such file"):
        import_osm(tmp_path / "missing.osm.pbf", tmp_path / "x.layer.sqlite", name="x")
    assert list(tmp_path.glob("*.sqlite")) == []


def test_a_file_without_wanted_ways_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    osm = OsmBuilder()
    osm.line([(10.0, 50.0), (10.1, 50.0)], highway="residential")
    osm.line([(10.0, 50.1), (10.1, 50.1)], waterway="river")
    pbf = osm.write(tmp_path / "none.osm.pbf")
    with pytest.raises(OsmImportError, match="no way the rules keep"):
        import_osm(pbf, tmp_path / "x.layer.sqlite", name="x")
    assert not (tmp_path / "x.layer.sqlite").exists()


def test_a_foreign_file_given_as_output_is_never_overwritten(tmp_path: Path) -> None:
    pbf = khorgos_like(tmp_path / "k.osm.pbf")
    text = tmp_path / "notes.txt"
    text.write_text("keep me\n")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    before = other.read_bytes()
    for target in (text, other):
        with pytest.raises(NotAKnowledgeBaseError, match="left this one untouched"):
            import_osm(pbf, target, name="x")
    assert text.read_text() == "keep me\n"
    assert other.read_bytes() == before


def test_an_interrupted_write_keeps_the_previous_layer_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pbf = khorgos_like(tmp_path / "k.osm.pbf")
    target = tmp_path / "k.layer.sqlite"
    import_osm(pbf, target, name="k")
    before = target.read_bytes()
    real_write = layer_file_module._write

    def interrupted(path: Path, graph: LayerGraph, meta: dict[str, str]) -> None:
        real_write(path, graph, meta)
        raise KeyboardInterrupt

    monkeypatch.setattr(layer_file_module, "_write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_osm(pbf, target, name="k2")
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.layer.sqlite", "k.osm.pbf"]


def test_a_stored_layer_reads_back_equal(tmp_path: Path) -> None:
    from caravan.store.osm.countries import countries_of_extract
    from caravan.store.osm.reader import read_extract
    from caravan.store.osm.simplify import graph_from_extract

    pbf = khorgos_like(tmp_path / "k.osm.pbf")
    extract = read_extract(pbf, TagRules())
    built = graph_from_extract(extract, countries_of_extract(extract))
    stored = _imported(tmp_path, pbf)
    for name in ("node_osm_id", "node_layer", "node_lon", "node_lat", "node_country", "node_role",
                 "edge_u", "edge_v", "edge_type", "edge_length_km", "edge_way_id",
                 "edge_country", "edge_country_b"):  # fmt: skip
        np.testing.assert_array_equal(getattr(stored, name), getattr(built, name), err_msg=name)
    assert stored.crossing_labels == built.crossing_labels
    assert stored.country_codes == built.country_codes


def _topojson(path: Path) -> Path:
    """A two-country world-atlas style TopoJSON: kz west of lon 80.38, cn east of it."""
    import json

    def arc(points: list[tuple[int, int]]) -> list[list[int]]:
        deltas, previous = [], (0, 0)
        for x, y in points:
            deltas.append([x - previous[0], y - previous[1]])
            previous = (x, y)
        return deltas

    cn = [(1038, 0), (2000, 0), (2000, 1000), (1038, 1000), (1038, 0)]
    kz = [(500, 0), (1038, 0), (1038, 1000), (500, 1000), (500, 0)]
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.01, 0.01], "translate": [70.0, 40.0]},
        "arcs": [arc(cn), arc(kz)],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "id": "156", "arcs": [[0]]},
            {"type": "Polygon", "id": "398", "arcs": [[1]]},
        ]}},
    }  # fmt: skip
    path.write_text(json.dumps(topology), encoding="utf-8")
    return path


def test_neighbours_missing_from_the_file_come_from_natural_earth(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caravan.store.boundaries import BOUNDARIES_ENV, country_shapes

    monkeypatch.setenv(BOUNDARIES_ENV, str(_topojson(tmp_path / "countries.json")))
    country_shapes.cache_clear()
    try:
        osm = OsmBuilder()  # a Kazakh extract: its own boundary only (at 80.40, not 80.38)
        osm.country("kz", [(75.5, 42.5), (80.40, 42.5), (80.40, 45.5), (75.5, 45.5)])
        osm.line([(79.0, 44.0), (80.2, 44.0), (80.45, 44.0), (81.0, 44.0)], highway="trunk")
        report = import_osm(osm.write(tmp_path / "kz.osm.pbf"), tmp_path / "kz.layer.sqlite",
                            name="kz")  # fmt: skip
    finally:
        country_shapes.cache_clear()
    graph = load_layer(tmp_path / "kz.layer.sqlite")
    assert report.layer.boundaries == "file, others from natural-earth"
    crossing = int(np.flatnonzero(graph.edge_type == EdgeType.CROSSING)[0])
    assert graph.counts["border crossings"] == 1
    sides = (int(graph.edge_country[crossing]), int(graph.edge_country_b[crossing]))
    assert tuple(graph.country(c) for c in sides) == ("kz", "cn")
    # the file's boundary (80.40) wins over Natural Earth's (80.38): the crossing is at 80.45
    assert graph.node_lon[graph.edge_v[crossing]] == pytest.approx(80.45)


def test_the_import_reports_its_progress_with_counts(tmp_path: Path) -> None:
    from caravan.store.osm import ImportProgress

    steps: list[ImportProgress] = []
    import_osm(khorgos_like(tmp_path / "k.osm.pbf"), tmp_path / "k.layer.sqlite", name="k",
               progress=steps.append)  # fmt: skip
    names = list(dict.fromkeys(step.step for step in steps))
    assert names == ["reading ways", "locating nodes", "simplifying to junctions",
                     "writing the layer"]  # fmt: skip
    located = [s for s in steps if s.step == "locating nodes"]
    assert located[-1].done == located[-1].total == 22  # every node the kept ways use


@given(st.text(max_size=30))
def test_any_gauge_tag_reads_as_known_layers_or_none(text: str) -> None:
    from caravan.store.osm.tags import WayKind, gauges_of

    found = gauges_of(text)
    if not text.strip():
        assert found is None
    else:
        assert found is not None
        assert set(found) <= {WayKind.RAIL_1435, WayKind.RAIL_1520}
        assert len(found) == len(set(found))


@pytest.mark.parametrize(
    ("tags", "kinds"),
    [
        ({"railway": "rail", "gauge": "1520"}, ("RAIL_1520",)),
        ({"railway": "rail", "gauge": "1435;1520", "usage": "main"}, ("RAIL_1435", "RAIL_1520")),
        ({"railway": "rail", "usage": "industrial"}, ()),
        ({"railway": "rail", "service": "yard"}, ()),
        ({"railway": "rail"}, ("RAIL_UNTAGGED",)),
        ({"railway": "abandoned"}, ()),
        ({"highway": "trunk_link"}, ("ROAD",)),
        ({"highway": "tertiary"}, ()),
        ({"route": "ferry"}, ("FERRY",)),
    ],
)
def test_tag_rules(tags: dict[str, str], kinds: tuple[str, ...]) -> None:
    assert tuple(k.name for k in TagRules().kinds(tags)) == kinds
