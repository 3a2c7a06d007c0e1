"""Read validation errors by cause: each time case's itinerary split into its terms.

Usage: python benchmarks/validation_legs.py [--batches 1,2,3,4,5,6,7,8,9] [--over 15]
(by default the batches of the latest choice, ``validation_report.CHOICE_BATCHES``)

Routes each rail, rail+Caspian, multimodal and road time case of the batches listed as
``validate_routes.py`` does (the shipped parameters, each case at the shipped variant's
service, ``service_pairing``) and
prints its hours by term: running by rail in China and outside, by road and by sea, border
clearance (gauge changes apart), the origin's terminal time split into the interior origin
dwell, the wait for the next train and the rest, transfers on the way, and the
destination's terminal time; then the published time and what it counts (a case without rail,
counted from departure, against the time from departure: `nonrail_pairing`). Only cases whose
error (against the time the case is compared with) exceeds ``--over`` percent are listed.
Writes nothing.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nonrail_pairing import NONRAIL_PAIRED
from rich.console import Console
from rich.table import Table
from service_pairing import SHIPPED_VARIANT, VARIANTS
from validation_report import AGAINST_LOW, CHOICE_BATCHES
from validation_vias import read_vias, route_case

from caravan import NoRouteError, Observatory
from caravan.analysis.routing.itinerary import Leg
from caravan.api import LinkMode, Weight
from caravan.network.timemodel import TimeModel
from caravan.store import default_data_dir

HERE = Path(__file__).parent
#: Cases routed leg by leg as their source describes them, as ``validate_routes.py`` does.
VIAS = read_vias()

#: The terms an itinerary's hours are split into, in the order printed.
TERMS = (
    "rail_cn",
    "rail_abroad",
    "road",
    "sea",
    "border",
    "gauge_change",
    "origin_dwell",
    "departure_wait",
    "origin_other",
    "transfers",
    "destination",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=Path, default=HERE / "validation_cases.csv")
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--batches", default=",".join(CHOICE_BATCHES))
    parser.add_argument("--over", type=float, default=15.0)
    args = parser.parse_args()
    wanted = {b.strip() for b in args.batches.split(",")}
    with args.cases.open(encoding="utf-8") as handle:
        cases = [
            c
            for c in csv.DictReader(handle)
            if (c.get("batch") or "1") in wanted
            and c["kind"].endswith("_time_h")
            and not c.get("not_comparable")
        ]
    table = Table(title=f"Time cases of batches {args.batches} erring by more than {args.over:g} %")
    for column in ("case", "split", "counts", "published", "model", "err", *TERMS):
        table.add_column(column, justify="left" if column == "case" else "right")
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite", args.data_dir)
        try:
            for case in cases:
                cells = _case_cells(observatory, case)
                if cells is not None and abs(cells[1]) > args.over:
                    table.add_row(*cells[0])
        finally:
            observatory.close()
    Console(width=240).print(table)


def _case_cells(observatory: Observatory, case: dict[str, str]) -> tuple[list[str], float] | None:
    """The printed cells of one case and its error (percent), or None without a route."""
    date = dt.date(int(case["year"]) if case["year"] else dt.date.today().year, 7, 1)

    def route(origin: str, destination: str, modes: list[LinkMode], via: list[str]) -> Any:
        service = VARIANTS[SHIPPED_VARIANT](case)  # the service validate_routes routes it at
        return observatory.route(
            origin, destination, modes=modes, via=via, by=Weight.TIME, date=date, service=service
        ).best

    try:
        best = route_case(route, case, VIAS)  # leg by leg where the source names the legs
    except NoRouteError:
        return None
    model = TimeModel.from_knowledge_base(observatory.kb, date)
    terms = split_terms(best.legs, best.origin, model)
    published = float(case["value"])
    counted = case.get("counts_from") or "unstated"
    modelled = best.time_h_low if case["statistic"] in AGAINST_LOW else best.time_h
    railless = not any(leg.kind.value == "run" and leg.mode == "rail" for leg in best.legs)
    if NONRAIL_PAIRED and railless and counted == "departure":  # as validate_routes compares
        low = case["statistic"] in AGAINST_LOW
        modelled = best.time_from_departure_h_low if low else best.time_from_departure_h
    error = 100.0 * (modelled - published) / published
    cells = [
        case["id"].removeprefix("val-"),
        f"{case['split']}/{case.get('batch') or '1'}",
        counted,
        f"{published:,.0f}",
        f"{modelled:,.0f}",
        f"{error:+.0f}",
        *(f"{terms[t]:.0f}" if terms[t] else "" for t in TERMS),
    ]
    return cells, error


def split_terms(legs: Sequence[Leg], origin: str, model: TimeModel) -> dict[str, float]:
    """Hours of an itinerary by term (``TERMS``); the origin's terminal leg split in three."""
    terms = dict.fromkeys(TERMS, 0.0)
    for number, leg in enumerate(legs):
        kind, mode, hours = leg.kind.value, leg.mode, leg.time_h
        if kind == "run":
            abroad = not leg.from_id.startswith("cn-")
            name = {"road": "road", "ferry": "sea"}.get(mode or "", "")
            terms[name or ("rail_abroad" if abroad else "rail_cn")] += hours
        elif kind == "border":
            terms["gauge_change" if leg.gauge_change else "border"] += hours
        elif kind == "terminal" and number == 0 and leg.from_id == origin:
            dwell = 0.0
            if mode == "rail" and origin.startswith("cn-") and origin not in model.xinjiang:
                dwell = model.value("rail_origin_dwell_h")
            wait = model.departure_wait_h(origin) if mode == "rail" else None
            waited = wait.value if wait is not None else 0.0
            terms["origin_dwell"] += dwell
            terms["departure_wait"] += waited
            terms["origin_other"] += hours - dwell - waited
        elif kind == "terminal":
            terms["destination"] += hours
        else:
            terms["transfers"] += hours
    return terms


if __name__ == "__main__":
    main()
