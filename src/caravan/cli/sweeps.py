"""`caravan sweep …`: run a scenario sweep on Dask, show its spec or one drawn scenario."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from caravan.api import Observatory
from caravan.cli.render import console, error_console, print_json, print_table

if TYPE_CHECKING:
    from caravan.api import SweepProgress, SweepRun

__all__ = ["sweep_app"]

sweep_app = typer.Typer(
    help="Scenario sweeps: one comparison under inputs drawn from stated ranges, on Dask.",
    no_args_is_help=True,
)

SpecArgument = Annotated[
    str, typer.Argument(help="A built-in sweep (caravan sweep list) or a TOML file.")
]
KbOption = Annotated[
    Path | None,
    typer.Option("--kb", metavar="<path>", help="Knowledge-base file (default: cache)."),
]


def _open(kb: Path | None) -> Observatory:
    return Observatory.open(kb)


@sweep_app.command("list")
def sweep_list() -> None:
    """The built-in sweep specs."""
    for name in Observatory.sweep_names():
        console.print(name, markup=False)


@sweep_app.command("show")
def sweep_show(
    spec: SpecArgument,
    draw: Annotated[
        int | None,
        typer.Option(min=0, help="Print this draw's two scenarios as TOML (a, then b)."),
    ] = None,
    side: Annotated[
        str | None,
        typer.Option(help="With --draw: print only scenario a or b (a TOML file as is)."),
    ] = None,
    kb: KbOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """A sweep's inputs and outputs, or one draw's complete scenarios (reproducible alone)."""
    if side not in (None, "a", "b"):
        raise typer.BadParameter(f"{side!r} is neither a nor b", param_hint="--side")
    observatory = _open(kb)
    prepared = observatory.sweep_spec(spec)
    if draw is not None:
        if draw >= prepared.spec.draw_count():
            raise typer.BadParameter(
                f"the sweep has draws 0..{prepared.spec.draw_count() - 1}", param_hint="--draw"
            )
        scenario_a, scenario_b = prepared.draw(draw)
        if json_output:
            print_json({"a": scenario_a, "b": scenario_b})
            return
        for name, scenario in (("a", scenario_a), ("b", scenario_b)):
            if side in (None, name):
                text = f"# draw {draw}, scenario {name}\n{Observatory.scenario_toml(scenario)}"
                sys.stdout.write(text + ("\n" if side is None and name == "a" else ""))
        return
    if json_output:
        print_json(prepared.spec)
        return
    found = prepared.spec
    console.print(
        f"{found.name}: {found.a} → {found.b} on {found.date}, {found.draw_count()} draws "
        f"({found.sampling.method.value}); {found.description}",
        markup=False,
        soft_wrap=True,
    )
    print_table(
        "inputs",
        ["name", "kind", "applies to", "side", "distribution", "sources"],
        [
            (
                i.name,
                i.kind.value,
                ", ".join(i.ids) or f"{i.mode} {i.country_id or 'any'}",
                i.side.value,
                _distribution(i.distribution.model_dump()),
                ", ".join(i.source),
            )
            for i in found.input
        ],
    )
    print_table(
        "outputs (changes are b − a)",
        ["name", "kind", "quantity", "of"],
        [
            (
                o.name,
                o.kind.value,
                o.quantity.value,
                f"{o.origin} → {o.destination} ({o.statistic})"
                if o.origin
                else " – ".join(o.countries or ("China's partners, trade-weighted",)),
            )
            for o in found.output
        ],
    )


def _distribution(values: dict[str, object]) -> str:
    kind = values.pop("kind")
    shown = ", ".join(f"{k} {v}" for k, v in values.items() if v is not None)
    return f"{kind}: {shown}"


@sweep_app.command("run")
def sweep_run(
    spec: SpecArgument,
    out: Annotated[
        Path | None,
        typer.Option(metavar="<dir>", help="Output folder (default out/sweeps/<name>)."),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, max=256, help="Worker processes of the local Dask cluster.")
    ] = 2,
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="<address>", help="A running Dask scheduler, tcp://host:8786."),
    ] = None,
    chunk_size: Annotated[
        int | None, typer.Option(min=1, help="Draws per task (default: about 4 tasks/worker).")
    ] = None,
    kb: KbOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """Run a sweep on Dask; finished draws are kept, so a rerun resumes where it stopped."""
    observatory = _open(kb)
    prepared = observatory.sweep_spec(spec)
    folder = out or Path("out") / "sweeps" / prepared.spec.name
    total = prepared.spec.draw_count()
    with Progress(
        TextColumn(f"[bold]sweep {prepared.spec.name}[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("draws"),
        TimeElapsedColumn(),
        console=error_console,
        transient=True,
        disable=not error_console.is_terminal,
    ) as bar:
        task = bar.add_task("", total=total)

        def update(step: SweepProgress) -> None:
            bar.update(task, completed=step.done, total=step.total)

        try:
            run = observatory.sweep(
                prepared,
                folder,
                workers=workers,
                scheduler=scheduler,
                chunk_size=chunk_size,
                progress=update,
            )
        except KeyboardInterrupt:
            bar.stop()
            # counted on disk: a draw written just as Ctrl-C came is kept though not yet reported
            kept = Observatory.sweep_kept(folder)
            error_console.print(
                f"[yellow]interrupted: {kept} of {total} draws kept in {folder}; "
                "run the same command again to resume[/]",
                highlight=False,
            )
            sys.exit(130)
    if json_output:
        print_json(
            {
                "sweep": run.name,
                "folder": str(run.folder),
                "computed": run.computed,
                "reused": run.reused,
                "wall_s": run.wall_s,
                "summaries": run.summaries,
                "files": [str(f) for f in run.files],
            }
        )
        return
    _print_run(run)


def _print_run(run: SweepRun) -> None:
    console.print(
        f"{run.name}: {len(run.results)} draws ({run.computed} computed, {run.reused} kept "
        f"from an earlier run) in {run.wall_s:.1f} s → {run.folder}",
        markup=False,
        highlight=False,
    )

    def shown(value: float | None) -> str:
        return "" if value is None else f"{value:+,.2f}"

    print_table(
        "distributions over the draws (changes are b − a: negative is a saving)",
        ["output", "median", "p10", "p90", "mean", "min", "max", "draws", "no route"],
        [
            (
                s.output,
                shown(s.median),
                shown(s.p10),
                shown(s.p90),
                shown(s.mean),
                shown(s.min),
                shown(s.max),
                s.draws,
                s.missing,
            )
            for s in run.summaries
        ],
    )
