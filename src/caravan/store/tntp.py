"""Reading TNTP benchmark networks (network, trips and best-known flows).

TNTP is the plain-text format of the Transportation Networks for Research collection:
a metadata block (``<NUMBER OF NODES> 24`` …) closed by ``<END OF METADATA>``, then
``~``-commented rows ending in ``;``. Node numbers are 1-based in the files and 0-based
in the arrays returned here. Errors name the file, row and field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from caravan.errors import DataIssue, DataValidationError

__all__ = ["TntpFlows", "TntpNetwork", "load_tntp_flows", "load_tntp_network", "load_tntp_trips"]

_META = re.compile(r"<([^>]+)>\s*(.*)")
_NETWORK_COLUMNS = (
    "init_node",
    "term_node",
    "capacity",
    "length",
    "free_flow_time",
    "b",
    "power",
    "speed",
    "toll",
    "link_type",
)


@dataclass(frozen=True)
class TntpNetwork:
    """Links of a TNTP network as parallel arrays (nodes 0-based)."""

    name: str
    zones: int
    nodes: int
    first_thru_node: int  # 1-based, as in the file: zones below it may not be passed through
    init_node: npt.NDArray[np.int64]
    term_node: npt.NDArray[np.int64]
    capacity: npt.NDArray[np.float64]
    length: npt.NDArray[np.float64]
    free_flow_time: npt.NDArray[np.float64]
    b: npt.NDArray[np.float64]
    power: npt.NDArray[np.float64]
    toll: npt.NDArray[np.float64]

    @property
    def links(self) -> int:
        """Number of links."""
        return int(self.init_node.size)


@dataclass(frozen=True)
class TntpFlows:
    """A flow solution: volume and cost per (from, to) link, nodes 0-based."""

    init_node: npt.NDArray[np.int64]
    term_node: npt.NDArray[np.int64]
    volume: npt.NDArray[np.float64]
    cost: npt.NDArray[np.float64]


def _lines(text: str) -> list[str]:
    """Lines split on line feeds only (CR LF too), so row numbers match what editors show.

    ``str.splitlines`` also splits on form feeds and Unicode separators, which would shift
    every row number after one and report an error on the wrong line.
    """
    return [line.removesuffix("\r") for line in text.split("\n")]


def _metadata(lines: list[str]) -> tuple[dict[str, str], int]:
    meta: dict[str, str] = {}
    for number, line in enumerate(lines):
        match = _META.match(line.strip())
        if match:
            if match[1].upper() == "END OF METADATA":
                return meta, number + 1
            meta[match[1].upper()] = match[2].strip()
    return meta, 0


def _number(path: Path, row: int, field: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise DataValidationError(
            [DataIssue(path.name, row, field, f"{text!r} is not a number")]
        ) from None


def load_tntp_network(path: Path) -> TntpNetwork:
    """Read a ``*_net.tntp`` file."""
    lines = _lines(path.read_text(encoding="utf-8"))
    meta, start = _metadata(lines)
    issues = [
        DataIssue(path.name, None, key, "missing from the metadata")
        for key in ("NUMBER OF NODES", "NUMBER OF LINKS")
        if key not in meta
    ]
    if issues:
        raise DataValidationError(issues)
    columns: dict[str, list[float]] = {name: [] for name in _NETWORK_COLUMNS}
    for row, line in enumerate(lines[start:], start=start + 1):
        text = line.strip()
        if not text or text.startswith("~"):
            continue
        cells = text.rstrip(";").split()
        if len(cells) < 7:
            raise DataValidationError(
                [DataIssue(path.name, row, None, f"has {len(cells)} fields, expected 10")]
            )
        for name, cell in zip(_NETWORK_COLUMNS, cells, strict=False):
            columns[name].append(_number(path, row, name, cell))
        for name in _NETWORK_COLUMNS[len(cells) :]:
            columns[name].append(0.0)
    links = len(columns["init_node"])
    if links != int(meta["NUMBER OF LINKS"]):
        raise DataValidationError(
            [
                DataIssue(
                    path.name,
                    None,
                    "NUMBER OF LINKS",
                    f"metadata says {meta['NUMBER OF LINKS']}, the file has {links}",
                )
            ]
        )
    return TntpNetwork(
        name=path.name.removesuffix("_net.tntp"),
        zones=int(meta.get("NUMBER OF ZONES", "0")),
        nodes=int(meta["NUMBER OF NODES"]),
        first_thru_node=int(meta.get("FIRST THRU NODE", "1")),
        init_node=np.asarray(columns["init_node"], dtype=np.int64) - 1,
        term_node=np.asarray(columns["term_node"], dtype=np.int64) - 1,
        capacity=np.asarray(columns["capacity"]),
        length=np.asarray(columns["length"]),
        free_flow_time=np.asarray(columns["free_flow_time"]),
        b=np.asarray(columns["b"]),
        power=np.asarray(columns["power"]),
        toll=np.asarray(columns["toll"]),
    )


def load_tntp_trips(path: Path) -> npt.NDArray[np.float64]:
    """Read a ``*_trips.tntp`` file into a zones × zones matrix."""
    text = path.read_text(encoding="utf-8")
    meta, _ = _metadata(_lines(text))
    zones = int(meta.get("NUMBER OF ZONES", "0"))
    if zones <= 0:
        raise DataValidationError(
            [DataIssue(path.name, None, "NUMBER OF ZONES", "missing or not positive")]
        )
    matrix = np.zeros((zones, zones))
    body = text.split("<END OF METADATA>", 1)[-1]
    for block in re.split(r"Origin\s+", body)[1:]:
        origin_text, _, rest = block.partition("\n")
        origin = int(origin_text.strip()) - 1
        for destination, value in re.findall(r"(\d+)\s*:\s*([-+0-9.eE]+)", rest):
            matrix[origin, int(destination) - 1] = float(value)
    return matrix


def load_tntp_flows(path: Path) -> TntpFlows:
    """Read a ``*_flow.tntp`` file (From, To, Volume, Cost)."""
    rows: list[list[float]] = []
    for row, line in enumerate(_lines(path.read_text(encoding="utf-8")), start=1):
        cells = line.split()
        if len(cells) < 4 or not cells[0].isdigit():
            continue
        names = ("from", "to", "volume", "cost")
        rows.append(
            [_number(path, row, name, cell) for name, cell in zip(names, cells[:4], strict=True)]
        )
    table = np.asarray(rows, dtype=np.float64).reshape(-1, 4)
    return TntpFlows(
        table[:, 0].astype(np.int64) - 1, table[:, 1].astype(np.int64) - 1, table[:, 2], table[:, 3]
    )
