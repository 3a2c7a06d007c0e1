"""Routing on an imported layer: the issue's done-when, extend and replace, scenarios, report, CLI."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from caravan import Observatory
from caravan.analysis.routing import LegKind
from caravan.model import LinkMode
from caravan.model.scenario import LayerMode
from caravan.network import EdgeKind
from caravan.store import default_data_dir
from caravan.store.osm import LAYER_NAMES, OsmImportError, load_layer
from osm_pbf import khorgos_like

DATE = dt.date(2025, 6, 1)


@pytest.fixture
def observatory(embedded_kb_path: Path, tmp_path: Path) -> Iterator[Observatory]:
    """The embedded knowledge base in a private folder (its layers/ folder is this test's)."""
    path = tmp_path / "kb" / "kb.sqlite"
    path.parent.mkdir()
    shutil.copy(embedded_kb_path, path)
    found = Observatory.open(path, default_data_dir())
    yield found
    found.close()


@pytest.fixture
def khorgos(observatory: Observatory, tmp_path: Path) -> str:
    """The generated two-gauge border extract, imported as layer 'khorgos'."""
    observatory.import_osm(khorgos_like(tmp_path / "khorgos.osm.pbf"), "khorgos")
    return "khorgos"


def test_a_route_on_the_imported_layer_crosses_the_border_with_one_gauge_change(
    observatory: Observatory, khorgos: str
) -> None:
    result = observatory.route(
        "Yining", "Almaty", modes=[LinkMode.RAIL], date=DATE, layer=khorgos,
        layer_mode=LayerMode.REPLACE,
    )  # fmt: skip
    best = result.best
    assert best.gauge_changes == 1
    assert len(best.crossings) == 1
    assert best.crossings[0].startswith("osm-x")
    borders = [leg for leg in best.legs if leg.kind == LegKind.BORDER]
    assert [leg.countries for leg in borders] == [("cn", "kz")]
    runs = [leg for leg in best.legs if leg.kind == LegKind.RUN]
    assert (runs[0].gauge_mm, runs[-1].gauge_mm) == (1435, 1520)
    # the route's length is the layer's: along the geometry, place to junction included
    assert 390 < best.length_km < 420


def test_replace_drops_the_curated_links_and_extend_keeps_them(
    observatory: Observatory, khorgos: str
) -> None:
    curated = observatory.network(DATE)
    extended = observatory.network(DATE, layer=khorgos)
    replaced = observatory.network(DATE, layer=khorgos, layer_mode=LayerMode.REPLACE)
    curated_links = {r.ref_id for r in curated.records if r.kind == EdgeKind.LINK}
    extended_links = {r.ref_id for r in extended.records if r.kind == EdgeKind.LINK}
    replaced_links = {r.ref_id for r in replaced.records if r.kind == EdgeKind.LINK}
    assert curated_links <= extended_links
    assert not curated_links & replaced_links
    assert {i for i in replaced_links if i and i.startswith("osm-w")}
    assert extended.edge_count > curated.edge_count > replaced.edge_count
    # the curated network asked without a layer is the same as before any layer existed
    assert observatory.network(DATE).edge_count == curated.edge_count


def test_a_scenario_names_the_layer_and_its_mode(
    observatory: Observatory, khorgos: str, tmp_path: Path
) -> None:
    toml = tmp_path / "on-osm.toml"
    toml.write_text(
        'name = "on-osm"\ndescription = "Routes on the imported test layer alone."\n'
        f'layer = "{khorgos}"\nlayer_mode = "replace"\n',
        encoding="utf-8",
    )
    scenario = observatory.scenario(toml)
    assert scenario.layer == khorgos
    best = observatory.route("Yining", "Almaty", date=DATE, scenario=scenario).best
    assert best.crossings[0].startswith("osm-x")
    assert best.gauge_changes == 1
    # every question under the scenario is asked on its layer: a skim too
    skim = observatory.skim(["Yining", "Almaty"], date=DATE, scenario=scenario)
    origin, destination = skim.place_ids.index("cn-yining"), skim.place_ids.index("kz-almaty")
    assert skim.length_km[origin, destination] == pytest.approx(best.length_km)


def test_an_unknown_layer_names_the_known_ones(observatory: Observatory, khorgos: str) -> None:
    with pytest.raises(OsmImportError, match="imported layers: khorgos"):
        observatory.route("Yining", "Almaty", date=DATE, layer="khorgoss")


def test_the_layer_list_and_the_attachment_report(observatory: Observatory, tmp_path: Path) -> None:
    report = observatory.import_osm(khorgos_like(tmp_path / "k.osm.pbf"), "listed")
    assert [layer.name for layer in observatory.osm_layers()] == ["listed"]
    attached = {a.place_id for a in report.attachments if a.node is not None}
    assert {"kz-almaty", "kz-altynkol", "cn-yining"} <= attached
    # Khorgos (cn) lies by the post, whose node is on the Kazakh side of the crossing
    assert "cn-khorgos" in report.unattached
    assert "tm-ashgabat" not in report.unattached  # far outside the extract: not listed
    assert report.places_outside > 100


def test_the_comparison_sets_layer_lengths_beside_curated_ones(
    observatory: Observatory, khorgos: str
) -> None:
    result = observatory.compare_osm(khorgos)
    rows = {row.link_id: row for row in result.rows}
    road = rows["road-zharkent-almaty"]
    assert road.osm_km == pytest.approx(269.7, abs=0.1)  # the one motorway edge
    assert road.osm_km is not None
    assert road.difference_km == pytest.approx(road.osm_km - road.curated_km)
    expected_pct = 100 * (road.osm_km - road.curated_km) / road.curated_km
    assert road.difference_pct == pytest.approx(expected_pct)
    disagreement = [abs(r.difference_pct) for r in result.rows if r.difference_pct is not None]
    assert disagreement == sorted(disagreement, reverse=True)
    assert "rail-altynkol-khorgos-gateway" in result.not_attached  # both ends on one junction
    assert "road-zharkent-almaty" in result.to_markdown()
    assert result.to_csv().splitlines()[0].startswith("link_id,mode,gauge_mm")


def _caravan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caravan", *args], capture_output=True, text=True, timeout=300
    )


def test_the_cli_imports_routes_and_reports(observatory: Observatory, tmp_path: Path) -> None:
    kb = str(observatory.kb.path)
    pbf = khorgos_like(tmp_path / "cli.osm.pbf")
    imported = _caravan("osm", "import", str(pbf), "--name", "cli-test", "--kb", kb)
    assert imported.returncode == 0, imported.stderr
    assert "gauge changes" in imported.stdout
    routed = _caravan("route", "Yining", "Almaty", "--mode", "rail", "--layer", "cli-test",
                      "--layer-mode", "replace", "--date", "2025-06-01", "--kb", kb, "--json")  # fmt: skip
    assert routed.returncode == 0, routed.stderr
    assert '"gauge_changes": 1' in routed.stdout
    report = tmp_path / "report.md"
    compared = _caravan("osm", "compare", "cli-test", "--out", str(report), "--kb", kb)
    assert compared.returncode == 0, compared.stderr
    assert "road-zharkent-almaty" in report.read_text(encoding="utf-8")


def test_the_cli_refuses_bad_input_in_one_line(observatory: Observatory, tmp_path: Path) -> None:
    kb = str(observatory.kb.path)
    bad = tmp_path / "bad.osm.pbf"
    bad.write_text("not a pbf\n")
    failed = _caravan("osm", "import", str(bad), "--kb", kb)
    assert failed.returncode == 2
    assert "not a readable OpenStreetMap file" in failed.stderr
    assert "Traceback" not in failed.stderr
    foreign = tmp_path / "mine.txt"
    foreign.write_text("mine\n")
    refused = _caravan("osm", "import", str(khorgos_like(tmp_path / "k.osm.pbf")), "--out",
                       str(foreign), "--kb", kb)  # fmt: skip
    assert refused.returncode == 2
    assert "untouched" in refused.stderr
    assert foreign.read_text() == "mine\n"
    unknown = _caravan("route", "Yining", "Almaty", "--layer", "nope", "--kb", kb)
    assert unknown.returncode == 2
    assert "no layer 'nope'" in unknown.stderr


def test_crossing_and_changing_gauge_cost_the_published_clearance_once(
    observatory: Observatory, khorgos: str
) -> None:
    from caravan.model import Quantity

    result = observatory.route("Yining", "Almaty", modes=[LinkMode.RAIL], date=DATE,
                               layer=khorgos, layer_mode=LayerMode.REPLACE)  # fmt: skip
    parameters = observatory.network(DATE).parameters
    clearance_h = parameters.clearance("rail", Quantity.CLEARANCE_TIME_H.value).value
    clearance_usd = parameters.clearance("rail", Quantity.CLEARANCE_COST_USD.value).value
    border = [leg for leg in result.best.legs if leg.kind in (LegKind.BORDER, LegKind.TRANSFER)]
    assert [leg.kind for leg in border] == [LegKind.BORDER, LegKind.TRANSFER]
    assert sum(leg.time_h for leg in border) == pytest.approx(clearance_h)
    assert sum(leg.cost_usd for leg in border) == pytest.approx(clearance_usd)


def test_the_import_options_choose_the_ways(observatory: Observatory, tmp_path: Path) -> None:
    pbf = khorgos_like(tmp_path / "k.osm.pbf")
    rail_only = observatory.import_osm(pbf, "rail-only", road_classes=(), ferries=False)
    assert rail_only.layer.counts["ways kept"] == 4  # the standard-gauge way, three broad
    assert "roads: none" in rail_only.layer.rules
    roads_only = observatory.import_osm(pbf, "roads-only", rail=False)
    assert roads_only.layer.counts["ways kept"] == 1  # the motorway
    assert roads_only.layer.counts["gauge changes"] == 0


def test_the_extract_country_places_nodes_outside_every_boundary(
    observatory: Observatory, tmp_path: Path
) -> None:
    from osm_pbf import OsmBuilder

    osm = OsmBuilder()  # mid-Atlantic: outside the file's (none) and Natural Earth's boundaries
    osm.line([(-30.5, 10.0), (-30.0, 10.0)], railway="rail")
    pbf = osm.write(tmp_path / "sea.osm.pbf")
    plain = observatory.import_osm(pbf, "no-country")
    placed = observatory.import_osm(pbf, "in-cn", country="cn")
    assert "elsewhere cn" in placed.layer.boundaries
    assert "elsewhere" not in plain.layer.boundaries
    graph = load_layer(placed.layer.path)
    assert {graph.country(int(c)) for c in graph.node_country} == {"cn"}
    # untagged rail in China is read as standard gauge; without a country, as broad gauge
    assert set(graph.node_layer.tolist()) == {LAYER_NAMES.index("rail_1435")}
    assert set(load_layer(plain.layer.path).node_layer.tolist()) == {LAYER_NAMES.index("rail_1520")}
    with pytest.raises(OsmImportError, match="unknown country 'xx'"):
        observatory.import_osm(pbf, "bad", country="xx")
