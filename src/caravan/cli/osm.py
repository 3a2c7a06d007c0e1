"""`caravan osm import|layers|compare`: OpenStreetMap extracts as network layers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from caravan.api import Observatory
from caravan.cli.render import console, error_console, print_json, print_table, stage_bar

if TYPE_CHECKING:
    from caravan.api import ImportProgress, ImportReport

__all__ = ["osm_app"]

osm_app = typer.Typer(
    help="Import OpenStreetMap extracts (.osm.pbf) as network layers; compare lengths.",
    no_args_is_help=True,
)

_KbOption = Annotated[
    Path | None,
    typer.Option("--kb", metavar="<path>", help="Knowledge-base file (default: cache)."),
]
_RadiusOption = Annotated[
    float | None,
    typer.Option(
        "--radius-km", min=0.1, max=200, help="Attach places within this distance (default 15)."
    ),
]


@contextmanager
def _import_progress() -> Iterator[Callable[[ImportProgress], None]]:
    with stage_bar("importing", "{task.completed:,}") as update:
        yield lambda step: update(step.step, step.done, step.total)


@osm_app.command("import")
def import_command(
    source: Annotated[Path, typer.Argument(metavar="FILE.osm.pbf", help="OSM extract to read.")],
    name: Annotated[
        str | None, typer.Option("--name", help="Layer name (default: from the file name).")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", metavar="<path>", help="Layer file (default: layers/ beside the KB)."
        ),
    ] = None,
    road_class: Annotated[
        list[str] | None,
        typer.Option(
            "--road-class",
            help="highway=* class to keep (repeatable; default: "
            "motorway, trunk, primary, secondary and their links).",
        ),
    ] = None,
    no_roads: Annotated[bool, typer.Option("--no-roads", help="Keep no roads.")] = False,
    no_rail: Annotated[bool, typer.Option("--no-rail", help="Keep no railways.")] = False,
    no_ferries: Annotated[bool, typer.Option("--no-ferries", help="Keep no ferries.")] = False,
    rail_service: Annotated[
        bool, typer.Option("--rail-service", help="Keep sidings, yards and spurs (service=*).")
    ] = False,
    radius_km: _RadiusOption = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Country id (e.g. kz) of nodes outside every boundary."),
    ] = None,
    kb: _KbOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """Read an OSM extract (streaming) into a stored layer; list places left unattached."""
    classes = () if no_roads else road_class or None  # None: the default classes
    layer_name = name or _name_from(source)
    observatory = Observatory.open(kb)
    with _import_progress() as update:
        report = observatory.import_osm(
            source, layer_name, out=out, road_classes=classes, rail=not no_rail,
            rail_service=rail_service, ferries=not no_ferries, radius_km=radius_km,
            country=country, progress=update,
        )  # fmt: skip
    if json_output:
        print_json(_report_json(report))
        return
    _print_report(report)


def _name_from(source: Path) -> str:
    stem = source.name.split(".")[0].lower()
    slug = "-".join(
        part for part in "".join(c if c.isalnum() else "-" for c in stem).split("-") if part
    )
    return slug or "osm"


def _report_json(report: ImportReport) -> dict[str, object]:
    return {
        "layer": report.layer.name,
        "path": str(report.layer.path),
        "boundaries": report.layer.boundaries,
        "rules": report.layer.rules,
        "counts": report.layer.counts,
        "radius_km": report.radius_km,
        "unattached": report.unattached,
        "places_outside": report.places_outside,
        "extent": report.extent,
        "attachments": [
            {"place": a.place_id, "layer": a.layer, "node": a.node, "distance_km": a.distance_km}
            for a in report.attachments
        ],
    }


def _print_report(report: ImportReport) -> None:
    info = report.layer
    print_table(
        f"layer {info.name} → {info.path}",
        ["what", "count"],
        [(what, f"{count:,}") for what, count in info.counts.items()],
        caption=f"boundaries: {info.boundaries} · rules: {info.rules}",
    )
    attached = sorted({a.place_id for a in report.attachments if a.node is not None})
    console.print(
        f"{len(attached)} places attached within {report.radius_km:g} km; "
        f"{len(report.unattached)} in the layer's area not attached"
        + (f": {escape(', '.join(report.unattached))}" if report.unattached else "")
        + f"; {report.places_outside} outside the layer's area"
    )


@osm_app.command("layers")
def layers_command(
    kb: _KbOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """The imported layers beside the knowledge base."""
    found = Observatory.open(kb).osm_layers()
    if json_output:
        print_json([{"name": i.name, "path": str(i.path), "source_file": i.source_file,
                     "imported_at": i.imported_at, "counts": i.counts} for i in found])  # fmt: skip
        return
    print_table(
        "imported OSM layers",
        ["name", "from", "imported", "junctions", "edges", "crossings", "gauge changes"],
        [
            (
                i.name,
                i.source_file,
                i.imported_at,
                f"{i.counts.get('junction nodes', 0):,}",
                f"{i.counts.get('edges', 0):,}",
                i.counts.get("border crossings", 0),
                i.counts.get("gauge changes", 0),
            )
            for i in found
        ],
    )


@osm_app.command("compare")
def compare_command(
    layer: Annotated[str, typer.Argument(help="Layer name or layer file.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="<path>", help="Write the report (.md or .csv) here."),
    ] = None,
    radius_km: _RadiusOption = None,
    kb: _KbOption = None,
) -> None:
    """Curated link lengths beside the lengths along the layer, sorted by disagreement."""
    result = Observatory.open(kb).compare_osm(layer, radius_km)
    if out is not None:
        text = result.to_csv() if out.suffix.lower() == ".csv" else result.to_markdown()
        _write_new_text(out, text)
        error_console.print(f"{len(result.rows)} links compared → {escape(str(out))}")
        return
    print_table(
        f"curated lengths against layer {layer}",
        ["link", "curated km", "source", "OSM km", "diff km", "diff %"],
        [
            (
                r.link_id,
                f"{r.curated_km:,.1f}",
                r.source_kind,
                "no path" if r.osm_km is None else f"{r.osm_km:,.1f}",
                "" if r.difference_km is None else f"{r.difference_km:+,.1f}",
                "" if r.difference_pct is None else f"{r.difference_pct:+.1f}",
            )
            for r in result.rows
        ],
        caption=f"{len(result.not_attached)} links not compared (an end attached to no junction)",
    )


def _write_new_text(path: Path, text: str) -> None:
    """Write a report atomically: a temporary file beside it, then replace."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
