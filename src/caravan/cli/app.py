"""Commands of the `caravan` CLI. Each command is one call into :class:`caravan.Observatory`."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn

from caravan.api import (
    BuildProgress,
    ExportFormat,
    LinkMode,
    Observatory,
    ShipmentUnit,
    SkimFormat,
    Weight,
    parse_years,
)
from caravan.cli import demand, monitoring
from caravan.cli.freight import assign_command, assign_many_command, print_crossing_loads
from caravan.cli.osm import osm_app
from caravan.cli.render import (
    console,
    error_console,
    one_line,
    print_error,
    print_json,
    print_table,
    usd_bn,
)
from caravan.cli.route_view import print_route
from caravan.cli.service import ServiceOption
from caravan.cli.sweeps import sweep_app
from caravan.errors import CaravanError, DataValidationError, InvalidQueryError, ScenarioError
from caravan.model import PlaceKind, PriorityDirection, ProjectStatus
from caravan.model.scenario import LayerMode

if TYPE_CHECKING:
    from caravan.api import ComparisonResult, TradeResponse

__all__ = ["app", "main"]

app = typer.Typer(
    help="caravan: the China–Central Asia system, computable.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
data_app = typer.Typer(help="Validate, build and export the knowledge base.", no_args_is_help=True)
app.add_typer(data_app, name="data")
app.add_typer(osm_app, name="osm")
app.add_typer(sweep_app, name="sweep")
app.command("ingest")(monitoring.ingest)
app.add_typer(monitoring.review_app, name="review")
app.command("demand")(demand.demand)
app.command("assign")(assign_command)
app.command("assign-many")(assign_many_command)

#: Most alternatives a route question may ask for (RouteQuery.alternatives allows 0..10).
MAX_ALTERNATIVES = 10

#: Exit code of an unexpected error (EX_SOFTWARE); CARAVAN_DEBUG=1 shows its traceback.
EXIT_INTERNAL_ERROR = 70


def _path(text: str) -> Path:
    """A path option's value; an empty path or one with a NUL byte is a usage error."""
    if not text:
        raise typer.BadParameter("the path is empty")
    if "\x00" in text:
        raise typer.BadParameter("the path contains a NUL byte")
    return Path(text)


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]
KbOption = Annotated[
    Path | None,
    typer.Option(
        "--kb", parser=_path, metavar="<path>", help="Knowledge-base file (default: cache)."
    ),
]
DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir", parser=_path, metavar="<path>", help="Data folder (default: embedded)."
    ),
]


@contextmanager
def _build_progress() -> Iterator[Callable[[BuildProgress], None]]:
    with Progress(
        TextColumn("[bold]building knowledge base[/] {task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=error_console,
        transient=True,
        disable=not error_console.is_terminal,
    ) as bar:
        task = bar.add_task("", total=None)

        def update(step: BuildProgress) -> None:
            bar.update(task, description=step.step, completed=step.done, total=step.total)

        yield update


def _open(kb: Path | None = None, data_dir: Path | None = None) -> Observatory:
    with _build_progress() as update:
        return Observatory.open(kb, data_dir, progress=update)


def _progress() -> Progress:
    """A transient progress bar on standard error, shown only on a terminal."""
    return Progress(console=error_console, transient=True, disable=not error_console.is_terminal)


# -- data ------------------------------------------------------------------------------------
@data_app.command("validate")
def data_validate(data_dir: DataDirOption = None, json_output: JsonOption = False) -> None:
    """Check every data file; list every problem with file, row, field and reason."""
    report = Observatory.validate(data_dir)
    if json_output:
        print_json(
            {
                "ok": report.ok,
                "boundary_method": report.boundary_method,
                "counts": report.counts(),
                "issues": [vars(i) for i in report.issues],
                "warnings": [vars(w) for w in report.warnings],
            }
        )
    else:
        for warning in report.warnings:
            error_console.print(f"[yellow]warning[/] {escape(str(warning))}")
        for issue in report.issues:
            error_console.print(f"[red]error[/] {escape(str(issue))}")
        counts = ", ".join(f"{n} {t}" for t, n in report.counts().items())
        verdict = "[green]valid[/]" if report.ok else f"[red]{len(report.issues)} error(s)[/]"
        console.print(f"{verdict}: {counts} (coordinates checked against {report.boundary_method})")
    if not report.ok:
        raise typer.Exit(1)


@data_app.command("build")
def data_build(kb: KbOption = None, data_dir: DataDirOption = None) -> None:
    """Validate the data files and build the knowledge base (atomically)."""
    with _build_progress() as update:
        result = Observatory.build(kb, data_dir, progress=update)
    replayed = f"{result.edits_applied} journalled edit(s) replayed"
    if result.edits_skipped:
        numbers = ", ".join(str(n) for n in result.edits_skipped)
        replayed += f"; {len(result.edits_skipped)} no longer fit the files (entries {numbers})"
    console.print(f"built {result.path} ({replayed})", markup=False)
    if result.backup:
        console.print(f"the previous knowledge base was kept as {result.backup}", markup=False)


@data_app.command("export")
def data_export(
    out: Annotated[
        Path, typer.Option("--out", parser=_path, metavar="<path>", help="Output folder.")
    ] = Path("out/export"),
    formats: Annotated[
        list[ExportFormat] | None, typer.Option("--format", help="Repeatable.")
    ] = None,
    kb: KbOption = None,
) -> None:
    """Export to GeoJSON, GeoPackage, CSV and Parquet (all by default)."""
    chosen = formats or list(ExportFormat)
    observatory = _open(kb)
    with _progress() as bar:
        task = bar.add_task("exporting", total=len(chosen))
        written = observatory.export(
            out, chosen, lambda name: bar.update(task, description=f"exporting {name}", advance=1)
        )
    for path in written:
        console.print(str(path), markup=False)


@data_app.command("dictionary")
def data_dictionary(
    out: Annotated[
        Path | None, typer.Option(parser=_path, metavar="<path>", help="Write to this file.")
    ] = None,
) -> None:
    """Print (or write) the data dictionary generated from the schema."""
    if out:
        Observatory.save_data_dictionary(out)
    else:
        sys.stdout.write(Observatory.data_dictionary())


# -- knowledge -------------------------------------------------------------------------------
@app.command()
def summary(kb: KbOption = None, json_output: JsonOption = False) -> None:
    """What the knowledge base holds: rows per table and how they are sourced."""
    result = _open(kb).summary()
    if json_output:
        print_json(result)
        return
    print_table(
        "caravan knowledge base",
        ["table", "rows", "published source", "assumption", "both"],
        [(t.table, t.rows, t.published_only, t.assumption_only, t.both) for t in result.tables],
        caption=f"{result.knowledge_base} · built {result.built_at} · "
        f"coordinates checked against {result.boundary_method}",
    )
    if result.latest_trade_year:
        console.print(
            f"China's trade with the five in {result.latest_trade_year} (GACC): "
            f"{usd_bn(result.latest_trade_total_usd)} bn USD"
        )


@app.command()
def places(
    country: Annotated[
        str | None, typer.Option(help="Country: id (kz) or name (Kazakhstan).")
    ] = None,
    kind: Annotated[PlaceKind | None, typer.Option(help="Place kind.")] = None,
    kb: KbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List places, filtered by country and kind."""
    rows = _open(kb).places(country, kind)
    if json_output:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} places",
        ["id", "name", "country", "kind", "lat", "lon", "aliases"],
        [
            (p.id, p.name_en, p.country_id, p.kind.value, p.lat, p.lon, ", ".join(p.aliases))
            for p in rows
        ],
    )


@app.command()
def place(name: str, kb: KbOption = None, json_output: JsonOption = False) -> None:
    """One place (any name, alias or script) with its crossings, links and sources."""
    details = _open(kb).place(name)
    if json_output:
        print_json(details)
        return
    p = details.place
    names = " · ".join(n for n in (p.name_en, p.name_ru, p.name_zh, p.name_local) if n)
    console.print(f"[bold]{escape(names)}[/]  ({escape(p.id)})")
    console.print(f"{p.kind.value} in {p.country_id}, {p.lat}, {p.lon}", markup=False)
    if p.aliases:
        console.print("also: " + ", ".join(p.aliases), markup=False)
    if p.note:
        console.print(p.note, markup=False)
    for view in details.crossings:
        c = view.crossing
        print_table(
            f"crossing {c.name} ({c.id})",
            ["", ""],
            [
                (
                    "posts",
                    f"{view.post_a.name_en} ({view.post_a.country_id}) ↔ "
                    f"{view.post_b.name_en} ({view.post_b.country_id})",
                ),
                ("mode", c.mode.value + (", gauge change" if c.gauge_change else "")),
                ("status", c.status.value),
                (
                    "opening",
                    c.opening_days.value
                    + (", closed on Chinese holidays" if c.closes_on_cn_holidays else "")
                    + (f", open {c.seasonal_open}" if c.seasonal_open else ""),
                ),
                *(
                    (
                        f"{o.quantity.value} ({o.direction.value}) from {o.valid_from}",
                        f"{o.value:g}",
                    )
                    for o in view.observations
                ),
                ("sources", ", ".join(s.id for s in view.sources)),
            ],
        )
    if details.links:
        print_table(
            "links",
            ["id", "mode", "gauge", "km", "status"],
            [
                (link.id, link.mode.value, link.gauge_mm, link.length_km, link.status.value)
                for link in details.links
            ],
        )
    print_table(
        "sources",
        ["id", "title", "publisher / reasoning", "date / url"],
        [
            (
                s.id,
                getattr(s, "title", getattr(s, "subject", "")),
                getattr(s, "publisher", getattr(s, "reasoning", "")),
                f"{getattr(s, 'published_on', '') or ''} {getattr(s, 'url', '')}".strip(),
            )
            for s in details.sources
        ],
    )


@app.command()
def projects(
    direction: Annotated[PriorityDirection | None, typer.Option(help="Priority direction.")] = None,
    status: Annotated[ProjectStatus | None, typer.Option(help="Status on the as-of date.")] = None,
    country: Annotated[str | None, typer.Option(help="Country: id or name.")] = None,
    as_of: Annotated[
        dt.datetime | None,
        typer.Option("--as-of", formats=["%Y-%m-%d"], help="Date (YYYY-MM-DD), default today."),
    ] = None,
    scenario: ScenarioOption = None,
    kb: KbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Projects with their status as of a date (under a scenario), by direction, status, country."""
    day = as_of.date() if as_of else None
    rows = _open(kb).projects(direction, status, country, day, scenario)
    if json_output:
        print_json(rows)
        return
    date = rows[0].as_of if rows else (as_of.date() if as_of else dt.date.today())
    print_table(
        f"{len(rows)} projects as of {date}" + (f" under {scenario}" if scenario else ""),
        ["id", "name", "status", "since", "directions", "countries"],
        [
            (
                r.project.id,
                r.project.name_en,
                r.status.value if r.status else "not yet announced",
                r.since,
                ", ".join(d.value for d in r.project.directions),
                " ".join(r.project.countries),
            )
            for r in rows
        ],
    )


@app.command()
def project(project_id: str, kb: KbOption = None, json_output: JsonOption = False) -> None:
    """One project: timeline, links and crossings it adds, sources."""
    details = _open(kb).project(project_id)
    if json_output:
        print_json(details)
        return
    p = details.project
    console.print(
        f"[bold]{escape(p.name_en)}[/] ({escape(p.id)}) — "
        f"{details.status.value if details.status else 'no status'}"
    )
    if p.description:
        console.print(p.description, markup=False)
    print_table(
        "timeline",
        ["date", "status", "note", "source"],
        [(e.date, e.status.value, e.note, ", ".join(e.source)) for e in details.timeline],
    )
    if details.links:
        print_table(
            "links",
            ["id", "mode", "km", "status"],
            [
                (link.id, link.mode.value, link.length_km, link.status.value)
                for link in details.links
            ],
        )
    print_table(
        "sources",
        ["id", "title / subject", "url"],
        [
            (s.id, getattr(s, "title", getattr(s, "subject", "")), getattr(s, "url", ""))
            for s in details.sources
        ],
    )


def _check_years(value: str | None) -> str | None:
    """Refuse a --years value that is not years in ASCII digits (a usage error)."""
    if value is None:
        return None
    if not value.isascii():
        raise typer.BadParameter(
            f"{one_line(value, 80)!r} is not a year or range such as 2024 or 2013-2025"
        )
    try:
        parse_years(value)
    except InvalidQueryError as error:
        raise typer.BadParameter(one_line(str(error), 200)) from None
    return value


@app.command()
def trade(
    partner: Annotated[
        list[str] | None, typer.Option("--partner", help="Partner: id or name (repeatable).")
    ] = None,
    years: Annotated[
        str | None,
        typer.Option(callback=_check_years, help="Year or range: 2024, 2013-2025, 2022,2024."),
    ] = None,
    reporter: Annotated[
        str, typer.Option(help="Whose statistics: cn (GACC) or a partner (id or name).")
    ] = "cn",
    kb: KbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Goods trade by year and partner, as one reporter publishes it (China's by default)."""
    report = _open(kb).trade(partner, parse_years(years), reporter)
    if json_output:
        print_json(report)
        return
    partners = sorted({p for y in report.years for p in [*y.by_partner_usd, *y.missing_partners]})
    print_table(
        f"trade reported by {reporter}, bn USD",
        ["year", "exports", "imports", "total", *partners, "coverage"],
        [
            (
                y.year,
                usd_bn(y.exports_usd),
                usd_bn(y.imports_usd),
                usd_bn(y.total_usd) if not y.partial else "partial",
                *(
                    "–" if p in y.missing_partners else usd_bn(y.by_partner_usd.get(p))
                    for p in partners
                ),
                f"partial: {', '.join(y.missing_partners)} missing" if y.partial else "complete",
            )
            for y in report.years
        ],
        caption="– no figure found for the partner; a partial year has no total",
    )


@app.command()
def agreements(
    summit: Annotated[str | None, typer.Option(help="xian-2023 or astana-2025.")] = None,
    party: Annotated[str | None, typer.Option(help="Party: country id or name.")] = None,
    kb: KbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Agreements signed, filtered by summit and party."""
    rows = _open(kb).agreements(summit, party)
    if json_output:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} agreements",
        ["signed", "name", "kind", "parties", "summit", "source"],
        [
            (a.signed_on, a.name, a.kind.value, " ".join(a.parties), a.summit, ", ".join(a.source))
            for a in rows
        ],
    )


@app.command("sister-cities")
def sister_cities(
    country: Annotated[str | None, typer.Option(help="Partner country: id or name.")] = None,
    kb: KbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Sister-city pairs and the official counts."""
    observatory = _open(kb)
    rows = observatory.sister_cities(country)
    if json_output:
        print_json({"pairs": rows, "counts": observatory.sister_city_counts()})
        return
    print_table(
        f"{len(rows)} sister-city pairs",
        ["Chinese city", "partner", "country", "since"],
        [(p.cn_city, p.partner_city, p.partner_country_id, p.established_year) for p in rows],
    )
    print_table(
        "official counts",
        ["as of", "scope", "count", "note"],
        [(c.as_of, c.scope, c.count, c.note) for c in observatory.sister_city_counts()],
    )


@app.command()
def sources(
    kb: KbOption = None,
    json_output: JsonOption = False,
    assumptions: Annotated[bool, typer.Option(help="List assumptions instead.")] = False,
) -> None:
    """Every source (or assumption) the knowledge base cites."""
    observatory = _open(kb)
    if assumptions:
        rows_a = observatory.assumptions()
        if json_output:
            print_json(rows_a)
            return
        print_table(
            f"{len(rows_a)} assumptions",
            ["id", "subject", "value", "unit", "reasoning"],
            [(a.id, a.subject, a.value, a.unit, a.reasoning) for a in rows_a],
        )
        return
    rows = observatory.sources()
    if json_output:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} sources",
        ["id", "title", "publisher", "date", "url"],
        [(s.id, s.title, s.publisher, s.published_on, s.url) for s in rows],
    )


# -- routes ----------------------------------------------------------------------------------
DateOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--date", formats=["%Y-%m-%d"], help="Date of travel (YYYY-MM-DD), default today."
    ),
]


ScenarioOption = Annotated[
    str | None,
    typer.Option(
        "--scenario",
        metavar="NAME|FILE.toml",
        help="Scenario: a built-in name (see `caravan scenarios`) or a TOML file; "
        "its base date is the default date.",
    ),
]


@app.command()
def scenarios(kb: KbOption = None, json_output: JsonOption = False) -> None:
    """The built-in scenarios, with their descriptions, base dates and sources."""
    observatory = _open(kb)
    found = observatory.scenarios()
    if json_output:
        print_json(found)
        return
    print_table(
        "scenarios (use with --scenario NAME)",
        ["name", "date", "projects", "description", "sources"],
        [
            (
                s.name,
                str(s.base_date or "today"),
                s.projects.value,
                s.description,
                ", ".join(s.sources),
            )
            for s in found
        ],
    )


@app.command()
def route(
    origin: str,
    destination: str,
    mode: Annotated[
        list[LinkMode] | None, typer.Option("--mode", help="Allowed mode (repeatable).")
    ] = None,
    by: Annotated[Weight, typer.Option(help="What to minimise.")] = Weight.GENERALISED,
    alternatives: Annotated[
        int,
        typer.Option(
            min=0, max=MAX_ALTERNATIVES, help="Alternatives that differ in crossings or modes."
        ),
    ] = 0,
    pareto: Annotated[
        bool, typer.Option("--pareto", help="Show the time–cost Pareto front.")
    ] = False,
    date: DateOption = None,
    avoid: Annotated[
        list[str] | None, typer.Option("--avoid", help="Crossing, place or country to avoid.")
    ] = None,
    via: Annotated[
        list[str] | None, typer.Option("--via", help="Crossing or place to pass (in order).")
    ] = None,
    unit: Annotated[
        ShipmentUnit, typer.Option(help="Costs per TEU, FEU or tonne.")
    ] = ShipmentUnit.TEU,
    service: ServiceOption = None,
    kb: KbOption = None,
    json_output: JsonOption = False,
    geojson: Annotated[
        bool, typer.Option("--geojson", help="Print the best route as GeoJSON.")
    ] = False,
    scenario: ScenarioOption = None,
    layer: Annotated[
        str | None, typer.Option("--layer", help="Imported OSM layer to route on (name or file).")
    ] = None,
    layer_mode: Annotated[
        LayerMode | None, typer.Option("--layer-mode", help="extend (default) or replace.")
    ] = None,
) -> None:
    """The best freight route between two places, with its legs, crossings, time, cost and sources."""
    observatory = _open(kb)
    result = observatory.route(
        origin,
        destination,
        by=by,
        modes=mode,
        avoid=avoid or (),
        via=via or (),
        alternatives=alternatives,
        pareto=pareto,
        date=date.date() if date else None,
        unit=unit,
        scenario=scenario,
        layer=layer,
        layer_mode=layer_mode,
        service=service,
    )
    for warning in result.warnings:  # on standard error, so JSON and GeoJSON stay clean
        error_console.print(f"[yellow]warning[/] {escape(warning)}", soft_wrap=True)
    if geojson:
        print_json(result.best.to_geojson(observatory.place_coordinates()))
        return
    if json_output:
        print_json(result)
        return
    print_route(observatory, result)


@app.command()
def skim(
    places: Annotated[
        list[str] | None, typer.Option("--places", help="Places (repeatable); all by default.")
    ] = None,
    by: Annotated[Weight, typer.Option(help="Routes minimise this.")] = Weight.GENERALISED,
    file_format: Annotated[
        SkimFormat, typer.Option("--format", help="omx, parquet or csv.")
    ] = SkimFormat.OMX,
    out: Annotated[
        Path | None,
        typer.Option(
            parser=_path, metavar="<path>", help="Output file (default out/skims.<format>)."
        ),
    ] = None,
    date: DateOption = None,
    kb: KbOption = None,
    scenario: ScenarioOption = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes: origins split into tasks on Dask.")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="<address>", help="A running Dask scheduler, tcp://host:8786."),
    ] = None,
) -> None:
    """Skim matrices of time, cost, distance and generalised cost between places."""
    observatory = _open(kb)
    with _progress() as bar:
        task = bar.add_task("computing skims (origins)", total=None)
        day = date.date() if date else None

        def report(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        if workers is None and scheduler is None:
            matrices = observatory.skim(places, by=by, date=day, progress=report, scenario=scenario)
        else:
            matrices = observatory.skim_on_dask(
                places, by=by, date=day, progress=report, scenario=scenario,
                workers=workers or 2, scheduler=scheduler,
            )  # fmt: skip
    path = matrices.save(out or Path(f"out/skims.{file_format.value}"), file_format)
    reachable = int((matrices.time_h < float("inf")).sum())
    console.print(
        f"{len(matrices.place_ids)} places, {reachable} reachable pairs → {path}", markup=False
    )


@app.command()
def compare(
    a: Annotated[str, typer.Argument(help="Scenario a: a built-in name, a TOML file or a date.")],
    b: Annotated[str, typer.Argument(help="Scenario b, compared with a (changes are b − a).")],
    report: Annotated[
        Path | None,
        typer.Option(
            parser=_path, metavar="<file.html>", help="Write a self-contained HTML report."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            parser=_path, metavar="<dir>", help="Write CSV and Parquet tables, GeoJSON layers."
        ),
    ] = None,
    places: Annotated[
        list[str] | None, typer.Option("--places", help="Places (repeatable); all by default.")
    ] = None,
    by: Annotated[Weight, typer.Option(help="Best routes minimise this.")] = Weight.GENERALISED,
    date: DateOption = None,
    kb: KbOption = None,
    json_output: JsonOption = False,
) -> None:
    """What changes from scenario a to b: pairs, country pairs (trade-weighted), routes, projects."""
    observatory = _open(kb)
    with _progress() as bar:
        bar.add_task(f"comparing {a} and {b}", total=None)
        result = observatory.compare(a, b, places, by=by, date=date.date() if date else None)
    if report is not None:
        Observatory.save_comparison(result, report=report)
        error_console.print(f"report → {report}", markup=False, highlight=False)
    if out is not None:
        written = Observatory.save_comparison(result, out_dir=out)
        error_console.print(f"{len(written)} files → {out}", markup=False, highlight=False)
    if json_output:
        print_json(Observatory.comparison_json(result))
        return
    _print_comparison(result)


def _print_comparison(result: ComparisonResult) -> None:
    summary = result.summary
    weighted = summary.trade_weighted
    console.print(
        f"{summary.a.name} ({summary.a.date}) → {summary.b.name} ({summary.b.date}): "
        f"{summary.pairs_changed:,} pairs change; {summary.route_changes_total:,} change crossing "
        f"or mode; {summary.lost_total:,} lose every route; {summary.gained_total:,} gain one",
        markup=False,
    )
    if weighted.time_change_h is not None:
        console.print(
            f"trade-weighted (China's trade {weighted.year}): {weighted.time_change_h:+.1f} h, "
            f"{weighted.cost_change_usd or 0:+.0f} USD per unit",
            markup=False,
        )
    print_table(
        "country pairs (mean over cities and ports, b − a)",
        ["countries", "pairs", "Δ hours", "Δ USD", "Δ km", "lost", "trade weight"],
        [
            (
                " – ".join(r.countries),
                r.pairs,
                _signed(r.mean_time_change_h, 1),
                _signed(r.mean_cost_change_usd, 0),
                _signed(r.mean_length_change_km, 0),
                r.lost_pairs,
                f"{r.trade_share:.1%}" if r.trade_share else "",
            )
            for r in summary.country_pairs
            if r.pairs or r.lost_pairs
        ],
    )
    _print_trade_response(summary.trade_response)
    print_crossing_loads(summary.crossing_loads)
    for project in summary.projects:
        print_table(
            f"{project.name} ({project.project_id}), by {project.mode or 'any mode'}",
            ["pair", "km a", "km b", "days a", "days b", "route change"],
            [
                (
                    f"{p.origin_name} → {p.destination_name}",
                    _signed(p.length_km_a, 0, False),
                    _signed(p.length_km_b, 0, False),
                    _signed(p.time_h_a / 24 if p.time_h_a is not None else None, 1, False),
                    _signed(p.time_h_b / 24 if p.time_h_b is not None else None, 1, False),
                    p.route_change,
                )
                for p in project.corridor
            ],
        )
        for claim in project.claims:
            console.print(
                f"claim ({', '.join(claim.sources)}): {claim.claim} [{claim.scope}]; "
                f"{claim.origin} → {claim.destination}: {claim.gap}",
                markup=False,
                soft_wrap=True,
            )


def _print_trade_response(response: TradeResponse | None) -> None:
    if response is None or not response.pairs:
        return
    total, share = response.total_change_usd, response.total_change_pct
    print_table(
        f"trade response, partial equilibrium (China's trade {response.year}): "
        f"{total.typical / 1e9:+.2f} bn USD ({share.typical:+.2f} %), "
        f"range {total.low / 1e9:+.2f} to {total.high / 1e9:+.2f} bn USD",
        ["countries", "trade bn USD", "Δ days", "low %", "typical %", "high %"],
        [
            (
                " – ".join(p.countries),
                f"{p.trade_usd / 1e9:.2f}",
                _signed(p.time_change_days, 2),
                _signed(p.change_pct.low, 2),
                _signed(p.change_pct.typical, 2),
                _signed(p.change_pct.high, 2),
            )
            for p in response.pairs
        ],
    )
    console.print(response.method, markup=False, soft_wrap=True, style="dim")


def _signed(value: float | None, digits: int, sign: bool = True) -> str:
    if value is None:
        return ""
    return f"{value:{'+' if sign else ''},.{digits}f}"


# -- web observatory -------------------------------------------------------------------------
@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="Server processes (each opens the knowledge base).")
    ] = 1,
    kb: KbOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Serve the web observatory and the HTTP API (offline: every file is local).

    Limits (request heads, timeouts, concurrency) come from the CARAVAN_* variables; see
    docs/configuration.md.
    """
    from caravan.http import HttpSettings, create_app
    from caravan.http.server import serve as run_server

    settings = HttpSettings.from_environment(knowledge_base=kb, data_dir=data_dir)
    with _build_progress() as update:
        observatory = Observatory.open(settings.knowledge_base, settings.data_dir, progress=update)
    application = None
    if workers == 1:
        application = create_app(settings, observatory)
    else:
        observatory.close()  # built and current: each worker opens its own

    def announce(address: str) -> None:
        console.print(
            f"caravan observatory on {address}  (API: /api/v1/docs) — Ctrl+C to stop",
            soft_wrap=True,
        )

    run_server(settings, host=host, port=port, workers=workers, app=application, announce=announce)


def main() -> None:
    """Entry point: run the app; every failure becomes one ``error: …`` line, never a traceback.

    Exit codes: 1 data issues; 2 caravan errors, OS errors, invalid values and usage errors
    (as click prints them); 70 an unexpected error (``CARAVAN_DEBUG=1`` shows its
    traceback); 130 interrupted.
    """
    try:
        app()
    except ScenarioError as error:
        for issue in error.issues:
            print_error(one_line(str(issue)))
        sys.exit(2)
    except DataValidationError as error:
        for issue in error.issues:
            error_console.print(f"[red]error[/] {escape(one_line(str(issue)))}", soft_wrap=True)
        error_console.print(f"[red]{len(error.issues)} data issue(s); nothing was built[/]")
        sys.exit(1)
    except CaravanError as error:
        print_error(str(error))
        sys.exit(2)
    except OSError as error:
        print_error(_os_error_message(error))
        _quiet_stdout()
        sys.exit(2)
    except ValidationError as error:
        for problem in error.errors(include_url=False, include_input=False):
            where = ".".join(str(part) for part in problem["loc"])
            print_error(f"{error.title}{'.' + where if where else ''}: {problem['msg']}")
        sys.exit(2)
    except KeyboardInterrupt:
        error_console.print("[yellow]interrupted; nothing was changed[/]")
        sys.exit(130)
    except Exception as error:
        if os.environ.get("CARAVAN_DEBUG", "") not in ("", "0"):
            traceback.print_exc()
        print_error(
            f"internal error ({type(error).__name__}: {error}); "
            "set CARAVAN_DEBUG=1 to see the traceback"
        )
        _quiet_stdout()
        sys.exit(EXIT_INTERNAL_ERROR)


def _os_error_message(error: OSError) -> str:
    """``<path>: <reason>`` for an OSError (the destination of a failed rename)."""
    path = error.filename2 if error.filename2 is not None else error.filename
    reason = error.strerror or str(error)
    if path is None:
        return reason
    return f"{os.fsdecode(path) if isinstance(path, str | bytes) else path}: {reason}"


def _quiet_stdout() -> None:
    """After a failed write to standard output, stop Python complaining again at exit."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
