"""`caravan demand --year 2024`: freight from trade, by mode and country pair, and the split."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from caravan.api import Observatory
from caravan.cli.render import console, error_console, print_json, print_table

__all__ = ["demand"]

MODES = ("rail", "road")


def _open(kb: Path | None) -> Observatory:
    from caravan.cli.app import _open as open_observatory

    return open_observatory(kb)


def demand(
    year: Annotated[int, typer.Option("--year", help="Year of China's trade to convert.")],
    kb: Annotated[
        Path | None,
        typer.Option("--kb", metavar="<path>", help="Knowledge-base file (default: cache)."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """Freight demand from trade: tonnes and vehicles by rail and road, pipelines, transit.

    The rail/road split is a logit on generalised cost whose constant is fitted to the
    published road share of 2024; the notes say which figures are estimates.
    """
    observatory = _open(kb)
    with error_console.status("computing freight demand …", spinner="dots"):
        result = observatory.demand(year)
    if json_output:
        print_json(result.summary())
        return
    modes = {
        m: (
            result.total_tonnes(m),
            float(result.value_usd_per_year[m].sum()),
            float(result.vehicles_per_day[m].sum()),
        )
        for m in MODES
    }
    print_table(
        f"Freight demand {year} (China's customs: {result.trade_value_usd / 1e9:,.2f} bn USD)",
        ["mode", "Mt/year", "value bn USD", "vehicles/day"],
        [
            (
                m,
                f"{modes[m][0] / 1e6:,.2f}",
                f"{modes[m][1] / 1e9:,.2f}",
                f"{modes[m][2]:,.0f} {'trains' if m == 'rail' else 'trucks'}",
            )
            for m in MODES
        ],
        caption=f"rail also {result.teu_per_year.sum() / 1e6:,.2f} million TEU-equivalents",
    )
    print_table(
        "China's bilateral trade by country pair (Mt/year)",
        ["origin", "destination", *MODES],
        [
            (a, b, *(f"{tonnes[m] / 1e6:,.2f}" for m in MODES))
            for (a, b), tonnes in result.by_country_pair().items()
        ],
    )
    print_table(
        "Kept apart: pipeline trade",
        ["partner", "value bn USD", "gas bcm", "oil Mt", "figures of"],
        [
            (p.partner_id, f"{p.value_usd / 1e9:,.2f}", p.gas_bcm, p.oil_mt, p.figures_year)
            for p in result.pipeline_energy
        ],
    )
    print_table(
        "Transit by corridor (rail, in the matrices)",
        ["corridor", "Mt/year"],
        [(c, f"{m.sum() / 1e6:,.3f}") for c, m in result.transit.items()],
    )
    constant = result.parameters.road_constant
    console.print(
        f"road share of trade value: [bold]{result.mode_share_road:.1%}[/] "
        f"(logit constant {constant:.4f} fitted to {result.parameters.calibration_year}, "
        f"scale {result.parameters.cost_scale_per_usd:g} per USD/TEU)"
    )
    for note in result.notes:
        console.print(f"[yellow]note[/] {note}", highlight=False)
