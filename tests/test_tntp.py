"""The TNTP reader, BPR times, the Beckmann objective and plain-network skims, on hand-made files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from caravan import DataValidationError
from caravan.network import beckmann_objective, bpr_time, skim_from_edges
from caravan.store.tntp import load_tntp_flows, load_tntp_network, load_tntp_trips

NET = """<NUMBER OF ZONES> 2
<NUMBER OF NODES> 3
<FIRST THRU NODE> 3
<NUMBER OF LINKS> 4
<END OF METADATA>

~ init term capacity length fftt b power speed toll type ;
\t1\t3\t100\t1\t10\t0.15\t4\t0\t0\t1\t;
\t3\t2\t100\t1\t10\t0.15\t4\t0\t0\t1\t;
\t1\t2\t50\t3\t30\t0.15\t4\t0\t0\t1\t;
\t2\t1\t50\t3\t30\t0.15\t4\t0\t0\t1\t;
"""

TRIPS = """<NUMBER OF ZONES> 2
<TOTAL OD FLOW> 150.0
<END OF METADATA>

Origin 1
    1 :      0.0;     2 :    100.0;
Origin 2
    1 :     50.0;     2 :      0.0;
"""

FLOWS = """From \tTo \tVolume \tCost
1 \t3 \t100 \t11.5
3 \t2 \t100 \t11.5
1 \t2 \t0 \t30
2 \t1 \t50 \t34.5
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "Tiny_net.tntp").write_text(NET, encoding="utf-8")
    (tmp_path / "Tiny_trips.tntp").write_text(TRIPS, encoding="utf-8")
    (tmp_path / "Tiny_flow.tntp").write_text(FLOWS, encoding="utf-8")
    return tmp_path


def test_network_trips_and_flows_are_read(folder: Path) -> None:
    network = load_tntp_network(folder / "Tiny_net.tntp")
    assert (network.name, network.zones, network.nodes, network.links, network.first_thru_node) == (
        "Tiny",
        2,
        3,
        4,
        3,
    )
    assert network.init_node.tolist() == [0, 2, 0, 1]
    assert network.free_flow_time.tolist() == [10, 10, 30, 30]
    trips = load_tntp_trips(folder / "Tiny_trips.tntp")
    assert trips.tolist() == [[0, 100], [50, 0]]
    flows = load_tntp_flows(folder / "Tiny_flow.tntp")
    assert flows.volume.tolist() == [100, 100, 0, 50]


def test_bpr_times_and_beckmann_objective_match_hand_computation(folder: Path) -> None:
    network = load_tntp_network(folder / "Tiny_net.tntp")
    flows = load_tntp_flows(folder / "Tiny_flow.tntp")
    times = bpr_time(
        network.free_flow_time, network.b, network.power, network.capacity, flows.volume
    )
    assert times.tolist() == pytest.approx([11.5, 11.5, 30.0, 34.5])
    # link 1: 10 * (100 + 0.15 * 100^5 / (5 * 100^4)) = 1030, twice; link 4: 30 * (50 + 0.15 * 50 / 5) = 1545
    assert beckmann_objective(
        network.free_flow_time, network.b, network.power, network.capacity, flows.volume
    ) == pytest.approx(1030 + 1030 + 0 + 1545)


def test_zones_below_the_first_through_node_are_not_passed_through(folder: Path) -> None:
    network = load_tntp_network(folder / "Tiny_net.tntp")
    skim = skim_from_edges(
        network.init_node,
        network.term_node,
        network.free_flow_time,
        network.nodes,
        network.zones,
        network.first_thru_node,
    )
    assert skim.tolist() == [[0, 20], [30, 0]]
    # With node 3 also a zone that cannot be passed through, zone 1 reaches zone 2 only directly.
    blocked = skim_from_edges(
        network.init_node, network.term_node, network.free_flow_time, network.nodes, 3, 4
    )
    assert blocked[0, 1] == 30


def test_a_malformed_network_names_file_row_and_field(folder: Path) -> None:
    path = folder / "Tiny_net.tntp"
    path.write_text(
        NET.replace("\t0.15\t4\t0\t0\t1\t;\n\t3\t2", "\t0.15\t4\t0\t0\t1\t;\n\t3\tx"),
        encoding="utf-8",
    )
    with pytest.raises(DataValidationError) as caught:
        load_tntp_network(path)
    [issue] = caught.value.issues
    assert (issue.file, issue.row, issue.field) == ("Tiny_net.tntp", 9, "term_node")


def test_a_wrong_link_count_is_reported(folder: Path) -> None:
    path = folder / "Tiny_net.tntp"
    path.write_text(NET.replace("<NUMBER OF LINKS> 4", "<NUMBER OF LINKS> 5"), encoding="utf-8")
    with pytest.raises(DataValidationError, match="metadata says 5, the file has 4"):
        load_tntp_network(path)


def test_unreachable_zones_are_inf() -> None:
    skim = skim_from_edges(np.array([0]), np.array([1]), np.array([5.0]), 3, 3)
    assert skim[0, 1] == 5
    assert np.isinf(skim[1, 0])
    assert np.isinf(skim[0, 2])


@pytest.mark.parametrize("separator", ["\f", "\v", "\u2028", "\x1c"])
def test_row_numbers_count_line_feeds_only(folder: Path, separator: str) -> None:
    """A form feed or Unicode separator inside a comment does not shift later row numbers."""
    path = folder / "Tiny_net.tntp"
    text = NET.replace("~ init term", f"~ init{separator}term").replace(
        "\t0.15\t4\t0\t0\t1\t;\n\t3\t2", "\t0.15\t4\t0\t0\t1\t;\n\t3\tx"
    )
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    with pytest.raises(DataValidationError) as caught:
        load_tntp_network(path)
    [issue] = caught.value.issues
    assert (issue.row, issue.field) == (9, "term_node")
