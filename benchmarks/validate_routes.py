"""Compare modelled routes with published distances and transit times.

Usage: python benchmarks/validate_routes.py [--data-dir DIR] [--out benchmarks/validation.md]

Reads ``benchmarks/validation_cases.csv`` (published figures with their sources), routes
each case on the network of its year (mode and border crossing as published), prints the
error per case, and writes the table with the median and worst error to Markdown.
Parameters are never tuned per case: the model runs as shipped.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import statistics
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from caravan import NoRouteError, Observatory
from caravan.api import LinkMode, Weight
from caravan.store import default_data_dir

HERE = Path(__file__).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--cases", type=Path, default=HERE / "validation_cases.csv")
    parser.add_argument("--out", type=Path, default=HERE / "validation.md")
    args = parser.parse_args()
    with args.cases.open(encoding="utf-8") as handle:
        cases = list(csv.DictReader(handle))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite", args.data_dir)
        for case in cases:
            rows.append(_compare(observatory, case))
        observatory.close()
    errors = [abs(r["error_pct"]) for r in rows if r["error_pct"] is not None]
    by_kind: dict[str, list[float]] = {}
    for r in rows:
        if r["error_pct"] is not None:
            by_kind.setdefault(r["kind"], []).append(abs(r["error_pct"]))
    table = Table(title="model vs published figures", title_justify="left")
    for column in ("case", "published", "model", "error", "route"):
        table.add_column(column, overflow="fold")
    for r in rows:
        shown = "no route" if r["model"] is None else f"{r['model']:,.0f}"
        error = "" if r["error_pct"] is None else f"{r['error_pct']:+.0f} %"
        table.add_row(r["id"], f"{r['published']:,.0f} {r['unit']}", shown, error, r["route"])
    console = Console()
    console.print(table)
    summary = (
        (
            f"{len(rows)} cases, {len(errors)} routed: median absolute error "
            f"{statistics.median(errors):.1f} %, worst {max(errors):.1f} %"
        )
        if errors
        else "no case routed"
    )
    console.print(summary)
    for kind, values in sorted(by_kind.items()):
        console.print(
            f"  {kind}: {len(values)} cases, median {statistics.median(values):.1f} %, "
            f"worst {max(values):.1f} %"
        )
    args.out.write_text(_markdown(rows, cases, summary, by_kind), encoding="utf-8")
    console.print(f"written {args.out}")


def _compare(observatory: Observatory, case: dict[str, str]) -> dict[str, object]:
    mode = LinkMode(case["mode"])
    year = int(case["year"]) if case["year"] else dt.date.today().year
    date = dt.date(year, 7, 1)
    via = [case["crossing_id"]] if case["crossing_id"] else []
    published = float(case["value"])
    result: dict[str, object] = {
        "id": case["id"],
        "kind": case["kind"],
        "published": published,
        "unit": case["unit"],
        "model": None,
        "error_pct": None,
        "route": "",
    }
    try:
        best = observatory.route(
            case["origin_id"],
            case["destination_id"],
            modes=[mode],
            via=via,
            by=Weight.TIME,
            date=date,
        ).best
    except NoRouteError as error:
        result["route"] = str(error)
        return result
    model = best.length_km if case["kind"].endswith("distance_km") else best.time_h
    result["model"] = model
    result["error_pct"] = 100.0 * (model - published) / published
    result["route"] = (
        ", ".join(best.crossings) + f" ({best.time_h / 24:.1f} d, {best.length_km:,.0f} km)"
    )
    return result


def _markdown(
    rows: list[dict[str, object]],
    cases: list[dict[str, str]],
    summary: str,
    by_kind: dict[str, list[float]],
) -> str:
    sources = {c["id"]: c for c in cases}
    lines = [
        "# Validation: modelled routes against published figures",
        "",
        "Produced by `python benchmarks/validate_routes.py` on the embedded data; the cases and",
        "their sources are in `benchmarks/validation_cases.csv`. Each case is routed on the",
        "network of its year (1 July), with the published mode and, where the source names",
        "it, the published border crossing, minimising time. Nothing is tuned per case.",
        "",
        f"**{summary}.**",
        "",
        "| kind | cases | median abs. error | worst |",
        "|---|---|---|---|",
        *(
            f"| {k} | {len(v)} | {statistics.median(v):.1f} % | {max(v):.1f} % |"
            for k, v in sorted(by_kind.items())
        ),
        "",
        "| case | published | model | error | route | source |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        case = sources[str(r["id"])]
        model = "no route" if r["model"] is None else f"{r['model']:,.0f}"
        error = "" if r["error_pct"] is None else f"{r['error_pct']:+.0f} %"
        source = f"[{case['publisher'] or 'source'}]({case['source_url']})"
        lines.append(
            f"| {r['id']} | {r['published']:,.0f} {r['unit']} | {model} | {error} | "
            f"{r['route']} | {source} |"
        )
    lines += ["", "Notes on reading the errors are in the closing notes of the routing work.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
