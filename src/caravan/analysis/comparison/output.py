"""A comparison written out: CSV and Parquet tables, GeoJSON layers, JSON.

Every file is written aside and renamed into place (:func:`caravan.store.export.atomic_output`),
so an interrupted write never leaves a half-written file under its final name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from caravan.analysis.comparison.compare import ComparisonResult
from caravan.analysis.comparison.records import PairChange

__all__ = [
    "comparison_json",
    "comparison_layers",
    "save_comparison_report",
    "save_comparison_tables",
]


def comparison_json(result: ComparisonResult, pairs: bool = False) -> dict[str, Any]:
    """The summary as JSON data; with ``pairs``, the full pair table too (``inf`` as null)."""
    data: dict[str, Any] = result.summary.model_dump(mode="json")
    if pairs:
        columns = result.table.columns()
        names = list(columns)
        data["pairs"] = [
            {name: _plain(columns[name][row]) for name in names}
            for row in range(len(columns["origin"]))
        ]
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return value
    number = float(value)
    return number if number == number and abs(number) != float("inf") else None


def comparison_layers(result: ComparisonResult) -> dict[str, dict[str, Any]]:
    """GeoJSON layers: the changed routes on both sides, and links and crossings that changed."""
    coordinates = result.coordinates
    routes = []
    for path in result.summary.paths:
        points = [list(coordinates[p]) for p in path.places if p in coordinates]
        if len(points) < 2:
            continue
        routes.append(
            _feature(
                {"type": "LineString", "coordinates": points},
                path.model_dump(mode="json"),
            )
        )
    elements = []
    for element in result.summary.elements:
        if element.from_id in coordinates and element.to_id in coordinates:
            line = [list(coordinates[element.from_id]), list(coordinates[element.to_id])]
            elements.append(
                _feature({"type": "LineString", "coordinates": line}, element.model_dump())
            )
    return {
        "changed_routes": {"type": "FeatureCollection", "features": routes},
        "changed_elements": {"type": "FeatureCollection", "features": elements},
    }


def _feature(geometry: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _pair_rows(pairs: tuple[PairChange, ...]) -> list[dict[str, Any]]:
    rows = []
    for pair in pairs:
        row = pair.model_dump()
        for key in ("crossings_a", "crossings_b", "modes_a", "modes_b"):
            row[key] = "|".join(row[key])
        rows.append(row)
    return rows


def save_comparison_report(result: ComparisonResult, path: Path) -> Path:
    """Write the self-contained offline HTML report to ``path``."""
    from caravan.store.export import atomic_output

    with atomic_output(path) as temporary:
        temporary.write_text(result.report_html(), encoding="utf-8")
    return path


def save_comparison_tables(result: ComparisonResult, out_dir: Path) -> list[Path]:
    """Write pairs, country pairs, elements, route changes and projects as CSV and Parquet,
    the map layers as GeoJSON and the summary as JSON, into ``out_dir``; returns the files."""
    import pandas as pd

    from caravan.store.export import atomic_output, output_folder

    summary = result.summary
    tables: dict[str, pd.DataFrame] = {
        "pairs": pd.DataFrame(result.table.columns()),
        "country_pairs": pd.DataFrame(
            [
                {
                    **r.model_dump(exclude={"countries"}),
                    "country_a": r.countries[0],
                    "country_b": r.countries[1],
                }
                for r in summary.country_pairs
            ]
        ),
        "elements": pd.DataFrame([e.model_dump() for e in summary.elements]),
        "route_changes": pd.DataFrame(_pair_rows(summary.route_changes)),
        "project_corridors": pd.DataFrame(
            [
                {"project_id": p.project_id, "mode": p.mode, **row}
                for p in summary.projects
                for row in _pair_rows(p.corridor)
            ]
        ),
        "project_claims": pd.DataFrame(
            [
                {**c.model_dump(exclude={"sources"}), "sources": "|".join(c.sources)}
                for p in summary.projects
                for c in p.claims
            ]
        ),
    }
    written: list[Path] = []
    with output_folder(out_dir):
        for name, frame in tables.items():
            for suffix in ("csv", "parquet"):
                path = out_dir / f"{name}.{suffix}"
                with atomic_output(path) as temporary:
                    if suffix == "csv":
                        frame.to_csv(temporary, index=False)
                    else:
                        frame.to_parquet(temporary, index=False)
                written.append(path)
        for name, layer in comparison_layers(result).items():
            path = out_dir / f"{name}.geojson"
            with atomic_output(path) as temporary:
                temporary.write_text(json.dumps(layer, ensure_ascii=False), encoding="utf-8")
            written.append(path)
        path = out_dir / "summary.json"
        with atomic_output(path) as temporary:
            text = json.dumps(comparison_json(result), ensure_ascii=False, indent=1)
            temporary.write_text(text, encoding="utf-8")
        written.append(path)
    return written
