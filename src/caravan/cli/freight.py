"""`caravan assign`: a year's freight on the network, loads and utilisation per crossing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caravan.api import Observatory, parse_years
from caravan.cli.render import console, print_json, print_table, stage_bar

if TYPE_CHECKING:
    from caravan.api import CrossingLoads, FreightAssignment, PublishedVolume

__all__ = ["assign_command", "assign_many_command", "print_crossing_loads"]


def _number(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:,.{digits}f}"


#: Marks after a clearance time that is not the crossing's own published figure.
_CLEARANCE_MARKS = {"border": " †", "median": " *"}


def _print_crossings(result: FreightAssignment) -> None:
    rows = []
    for load in result.crossings:
        capacity = load.capacity.vehicles_per_day
        rows.append(
            (
                load.name,
                load.mode,
                f"{load.from_place} → {load.to_place}",
                _number(load.vehicles_per_day),
                _number(load.mt_per_year, 2),
                "uncapacitated" if capacity is None else _number(capacity),
                "" if load.utilisation is None else f"{load.utilisation:.0%}",
                _number(load.free_flow_time_h) + _CLEARANCE_MARKS.get(load.clearance_basis, ""),
                _number(load.waiting_h, 2),
            )
        )
    unit = "vehicles/day: trains by rail, lorries by road"
    print_table(
        f"Loads at the crossings, {result.year} ({result.scenario or 'as reported'}, {result.date})",
        ["crossing", "mode", "direction", "flow/day", "Mt/yr", "capacity/day", "utilisation",
         "clearance h", "waiting h"],
        rows,
        caption=f"{unit}; capacities from the knowledge base's observations on {result.date}; "
        "† no clearance time of its own: its border's published average for the direction "
        "(CPMM country average); * none for its border either: the median of the crossings "
        "that publish one",
    )  # fmt: skip


def _print_convergence(result: FreightAssignment) -> None:
    rows = [
        (r.mode, r.algorithm, len(r.history), f"{r.relative_gap:.2e}", f"{r.target_gap:.0e}",
         "yes" if r.converged else "NO", _number(r.demand_vehicles_per_day),
         _number(r.unserved_vehicles_per_day))
        for r in result.runs
    ]  # fmt: skip
    print_table(
        "Convergence",
        ["mode", "algorithm", "iterations", "relative gap", "target", "converged",
         "demand/day", "unserved/day"],
        rows,
    )  # fmt: skip


def _print_published(rows: list[PublishedVolume]) -> None:
    print_table(
        "Modelled loads against published volumes",
        ["crossing", "mode", "modelled Mt/yr", "published Mt/yr", "year", "error", "sources"],
        [
            (r.name, r.mode, _number(r.modelled_mt_per_year, 2),
             _number(r.published_mt_per_year, 2), r.published_year, f"{r.error_pct:+.0f} %",
             ", ".join(r.sources))
            for r in rows
        ],
    )  # fmt: skip


def assign_command(
    year: Annotated[int, typer.Option(min=2000, max=2100, help="Year of the trade to assign.")],
    scenario: Annotated[
        str | None, typer.Option(help="A built-in scenario (caravan scenarios) or a TOML file.")
    ] = None,
    algorithm: Annotated[
        str | None,
        typer.Option(
            help="msa, frank_wolfe, conjugate_frank_wolfe, biconjugate_frank_wolfe "
            "(default), gradient_projection or all_or_nothing."
        ),
    ] = None,
    gap: Annotated[float | None, typer.Option(help="Relative gap to reach (default 1e-4).")] = None,
    select_link: Annotated[
        str | None,
        typer.Option(
            "--select-link", metavar="CROSSING", help="List the pairs using this crossing id."
        ),
    ] = None,
    compare_published: Annotated[
        bool,
        typer.Option("--compare-published", help="Set the loads beside published volumes."),
    ] = False,
    kb: Annotated[
        Path | None,
        typer.Option("--kb", metavar="<path>", help="Knowledge-base file (default: cache)."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """Assign a year's freight (rail and road) to the network with capacities: loads,
    utilisation and waiting per crossing, and the convergence."""
    observatory = Observatory.open(kb)
    with stage_bar("assigning") as update:
        result = observatory.assign(
            year, scenario, algorithm=algorithm, gap=gap, select_link=select_link,
            progress=update,
        )  # fmt: skip
    published = observatory.loads_against_published(result) if compare_published else []
    if json_output:
        data = result.as_json()
        if compare_published:
            data["published"] = [row.as_row() for row in published]
        print_json(data)
        return
    _print_crossings(result)
    _print_convergence(result)
    if select_link is not None:
        print_table(
            f"Pairs through {select_link}",
            ["direction", "origin", "destination", "flow/day", "Mt/yr"],
            [
                (s.direction, s.origin, s.destination, _number(s.vehicles_per_day, 2),
                 _number(s.mt_per_year, 3))
                for s in result.select_link
            ],
            caption="AON on the equilibrium costs, scaled to the crossing's flow (docs/freight.md)",
        )  # fmt: skip
    if compare_published:
        _print_published(published)
    for note in result.notes:
        console.print(f"note: {note}", markup=False, highlight=False)


def print_crossing_loads(loads: CrossingLoads | None, limit: int = 15) -> None:
    """A comparison's loads per crossing on a and b, largest shift first."""
    if loads is None or not loads.rows:
        return
    rows = [
        (r.name, r.mode, _number(r.a_mt_per_year, 2), _number(r.b_mt_per_year, 2),
         f"{r.change_mt_per_year:+,.2f}",
         "uncapacitated" if r.a_utilisation is None else f"{r.a_utilisation:.0%}",
         "uncapacitated" if r.b_utilisation is None else f"{r.b_utilisation:.0%}")
        for r in loads.rows[:limit]
    ]  # fmt: skip
    print_table(
        f"Loads at the crossings, {loads.year} freight (Mt/yr, both directions)",
        ["crossing", "mode", "a", "b", "Δ", "a utilisation", "b utilisation"],
        rows,
        caption=loads.notes[0] if loads.notes else None,
    )


def assign_many_command(
    years: Annotated[str, typer.Option(help="Years to assign: 2024, 2022-2025 or 2020,2024.")],
    scenario: Annotated[
        list[str] | None,
        typer.Option(help="Scenario (repeatable; built-in name or TOML file); none: as reported."),
    ] = None,
    algorithm: Annotated[
        str | None, typer.Option(help="Assignment algorithm (as for caravan assign).")
    ] = None,
    gap: Annotated[float | None, typer.Option(help="Relative gap to reach (default 1e-4).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes of the local Dask cluster.")] = 2,
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="tcp://host:8786", help="A running Dask scheduler instead."),
    ] = None,
    kb: Annotated[
        Path | None,
        typer.Option("--kb", metavar="<path>", help="Knowledge-base file (default: cache)."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """Assign several years (× scenarios) at once, each a task on Dask: the busiest crossings
    and the convergence of every run."""
    observatory = Observatory.open(kb)
    chosen = parse_years(years) or []
    scenarios: list[str | None] = list(scenario) if scenario else [None]
    with stage_bar("assignments") as update:
        total = len(chosen) * len(scenarios)
        update("", 0, total)
        results = observatory.assign_on_dask(
            chosen, scenarios, algorithm=algorithm, gap=gap, workers=workers,
            scheduler=scheduler, progress=lambda done, _: update("", done, total),
        )  # fmt: skip
    if json_output:
        print_json([r.as_json() for r in results])
        return
    rows = []
    for result in results:
        busiest = sorted(result.crossing_mt().items(), key=lambda kv: -kv[1])[:3]
        rows.append(
            (
                result.year,
                result.scenario or "as reported",
                ", ".join(f"{c} {mt:.1f}" for c, mt in busiest),
                "yes" if all(r.converged for r in result.runs) else "no",
                " ".join(f"{r.mode} {r.relative_gap:.1e}" for r in result.runs),
            )
        )
    print_table(
        "Freight assignments (Mt/yr at the busiest crossings, both directions)",
        ["year", "scenario", "busiest crossings", "converged", "gap"],
        rows,
    )
