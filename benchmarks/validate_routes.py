"""Compare modelled routes with published distances and transit times; fit the time model.

Usage: python benchmarks/validate_routes.py [--data-dir DIR] [--out benchmarks/validation.md]
       [--write-parameters] [--cv] [--batches 1,2,3]

Reads ``benchmarks/validation_cases.csv`` (published figures with their sources, each case
in a fixed ``train`` or ``test`` split and a ``batch``), routes each case on the network of
its year (modes and border crossing as published), and writes the errors to Markdown.

The time model's fitted parameters (``caravan.network.timemodel.FITTED``: the rail dwell at
each leg end in China's interior and the stops per 1000 rail km outside China) are fitted
on the training cases only: a published typical time is modelled as T0 + Σ parameter ×
feature, where T0 and the features (``timemodel_fit``) come from routing with every
structural parameter at zero; non-negative least squares on relative errors. The cases are
then routed again with the fitted values, and the errors are reported for the training and
the held-out (test) cases, held-out by batch and together. A published record ("low"
statistic) or timetable ("schedule") is compared with the model's low time. Where the shipped fit pairs by what a
published time counts (``timemodel_fit.SHIPPED_PAIRED``), a case whose ``counts_from`` is
``departure`` is compared with the model's time from departure (the trip without the
origin's and destination's dwell and waits), any other (``handover``, ``unstated``, or no
column) with door-to-door; a case whose route has no rail takes the pairing chosen for
such cases (``nonrail_pairing``). ``--write-parameters`` writes the fitted values into the data.
``--cv`` routes the training cases only and prints each candidate structure's
leave-one-out error, with and without that pairing (how the shipped structure was
chosen); it writes nothing. ``--batches`` keeps the cases of the batches listed.

A case whose ``not_comparable`` column gives a reason (a staged pilot run, a passenger
train …) is routed and reported in a separate table with that reason, but takes no part in
the fit or the error summaries. So is a case whose source is also a source of a link on its
route: the model's figure there rests on the case's own page, and the case cannot test it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from china_block_speed import china_lines, with_china_speed
from clearance_rules import RULES, SHIPPED_RULES, applied, choose_rules, rules_lines
from nonrail_pairing import compared, nonrail_lines, nonrail_rows
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from service_pairing import SHIPPED_VARIANT, VARIANTS, choose_variant, variant_lines
from timemodel_fit import (
    PARAMETER_OF,
    SHIPPED,
    all_scores,
    choose,
    fit_shipped,
    fitting_rows,
    is_shipped,
    leave_one_out,
    road_rows,
    road_with_delay_h,
    shipped_candidate,
)
from validation_report import (
    AGAINST_LOW,
    CHOICE_BATCHES,
    GOALS,
    choice_lines,
    cv_lines,
    goal_lines,
    markdown,
    summary,
)
from validation_scatter import floor_paragraph, scatter_lines
from validation_vias import read_vias, route_case

from caravan import NoRouteError, Observatory
from caravan.analysis.routing.from_departure import departure_span
from caravan.api import LinkMode, Weight
from caravan.network.block_speeds import block_speeds_in_force
from caravan.network.departures import departures_in_force, wait_range_h
from caravan.network.timemodel import FITTED, TIME_ASSUMPTIONS, TimeModel
from caravan.store import default_data_dir
from caravan.store.validate import url_key

HERE = Path(__file__).parent
ASSUMPTIONS_FILE = "assumptions_timemodel.csv"
#: Cases routed leg by leg as their source describes them (``validation_vias.csv``).
VIAS = read_vias()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--cases", type=Path, default=HERE / "validation_cases.csv")
    parser.add_argument("--out", type=Path, default=HERE / "validation.md")
    parser.add_argument("--write-parameters", action="store_true")
    parser.add_argument(
        "--cv",
        action="store_true",
        help="compare candidate structures by leave-one-out CV on the train cases; no output file",
    )
    parser.add_argument(
        "--batches", help="only the cases of these batches (comma-separated, e.g. 1,2,3)"
    )
    parser.add_argument(
        "--record", action="store_true", help="record the held-out errors in RESULTS.md"
    )
    args = parser.parse_args()
    with args.cases.open(encoding="utf-8") as handle:
        cases = list(csv.DictReader(handle))
    if args.batches:
        wanted = {b.strip() for b in args.batches.split(",")}
        cases = [case for case in cases if (case.get("batch") or "1") in wanted]
    console = Console(width=160)
    if args.cv:
        _cross_validate(console, args.data_dir, cases)
        return
    if tuple(PARAMETER_OF[f] for f in SHIPPED) != FITTED:
        raise SystemExit(f"the fitted structure {SHIPPED} is not the network's {FITTED}")
    structural = _read_parameters(args.data_dir / ASSUMPTIONS_FILE, PARAMETER_OF.values())
    shipped = {name: structural[name] for name in FITTED}
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(args.data_dir, data)
        _write_parameters(data / ASSUMPTIONS_FILE, dict.fromkeys(PARAMETER_OF.values(), 0.0))
        base = _route_all(Path(folder) / "base.sqlite", data, cases)
        choice_cases = [c for c in cases if c["split"] == "train" and _batch(c) in CHOICE_BATCHES]
        by_variant = {
            name: fitting_rows(
                [r for r in base if r["batch"] in CHOICE_BATCHES]  # as the others: choice cases
                if name == SHIPPED_VARIANT
                else _route_all(Path(folder) / f"{name}.sqlite", data, choice_cases, name)
            )
            for name in VARIANTS
        }
        china = fitting_rows(_route_with_china_speed(Path(folder), data, choice_cases))
        rules = _route_rules(Path(folder), data, choice_cases)
        fitted = fit_shipped([r for r in base if r["batch"] in CHOICE_BATCHES])
        _write_parameters(data / ASSUMPTIONS_FILE, {**structural, **fitted})
        routed = _route_all(Path(folder) / "fitted.sqlite", data, cases)
    rows = [compared(row) for row in routed]
    if args.write_parameters:
        _write_parameters(args.data_dir / ASSUMPTIONS_FILE, fitted)
        shipped = _read_parameters(args.data_dir / ASSUMPTIONS_FILE, FITTED)
    for line in summary(rows):
        console.print(line)
    train = [r for r in fitting_rows(base) if r["batch"] in CHOICE_BATCHES]
    scores = all_scores(train)
    shipped_score = next(s for s in scores if is_shipped(s.candidate))
    cv = cv_lines(scores, shipped_score, len(train))
    cv += [
        "",
        "Road (nothing fitted): the shipped road time (CPMM speed without delay, border "
        "clearance, drivers' hours, loading at each end) beside CPMM's road speed with delay by "
        "country (which holds delays, borders and rests) plus loading, on the train cases:",
        "",
        "| case | published | shipped | error | with delay | error |",
        "|---|---|---|---|---|---|",
        *("| " + " | ".join(cells) + " |" for cells in _road_cells(base, args.data_dir)),
    ]
    cv += ["", *nonrail_lines(nonrail_rows(base, CHOICE_BATCHES))]
    cv += ["", *variant_lines(_variant_scores(by_variant), train)]
    cv += ["", *china_lines(_china_scores(train, china), len(train))]
    cv += ["", *rules_lines(_rules_scores(train, rules), len(train))]
    choice = choice_lines(scores, shipped_score, train)
    scatter = scatter_lines(cases, rows, GOALS[0][2], GOALS[0][3])
    floor = floor_paragraph(cases, GOALS[0][2], GOALS[0][3])
    report = markdown(rows, cases, fitted, shipped, cv, choice, scatter, floor)
    args.out.write_text(report, encoding="utf-8")
    console.print(f"written {args.out}")
    if args.record:
        _record(rows, args.batches)


#: What the recorded held-out errors depend on (``check_results.py`` names them stale).
MEASURED = (
    "src/caravan/network/timemodel.py",
    "src/caravan/network/block_speeds.py",
    "src/caravan/network/departures.py",
    "src/caravan/network/train_service.py",
    "src/caravan/network/build.py",
    "src/caravan/data/links.csv",
    "src/caravan/data/rail_block_speeds.csv",
    "src/caravan/data/rail_services.csv",
    "src/caravan/data/assumptions_timemodel.csv",
    "benchmarks/validate_routes.py",
    "benchmarks/timemodel_fit.py",
    "benchmarks/service_pairing.py",
    "benchmarks/china_block_speed.py",
    "benchmarks/validation_report.py",
    "benchmarks/validation_cases.csv",
    "benchmarks/validation_vias.csv",
    "benchmarks/validation_vias.py",
    "benchmarks/nonrail_pairing.py",
    "src/caravan/network/clearance_kinds.py",
    "src/caravan/network/timemodel_block_clearance.py",
    "src/caravan/data/rail_block_clearances.csv",
    "benchmarks/clearance_rules.py",
    "src/caravan/data/observations_cpmm.csv",
    "src/caravan/data/ferry_services.csv",
)


def _record(rows: list[dict[str, Any]], batches: str | None) -> None:
    """Write the held-out errors against the goal as RESULTS.md's time-model section."""
    from check_results import record_section

    command = "validate_routes.py --record" + (f" --batches {batches}" if batches else "")
    body = "\n".join(
        [
            "## Time model: held-out errors against the goal (issue 9)",
            "",
            f"Command: `.venv/bin/python benchmarks/{command}` (embedded data; the structure, "
            "service and fitted values chosen by leave-one-out on the train cases of batches "
            f"{CHOICE_BATCHES[0]}–{CHOICE_BATCHES[-1]}, `benchmarks/validation.md`; the "
            "errors read by cause with `.venv/bin/python benchmarks/validation_legs.py`).",
            "",
            *goal_lines(rows),
        ]
    )
    record_section("rail_service_validation", body, MEASURED)


def _batch(case: dict[str, str]) -> str:
    return case.get("batch") or "1"


def _variant_scores(by_variant: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The shipped structure's LOO score under each rail-service variant."""
    candidate = shipped_candidate()
    return {name: leave_one_out(rows, candidate) for name, rows in by_variant.items()}


def _route_with_china_speed(
    folder: Path, data: Path, cases: list[dict[str, str]]
) -> list[dict[str, Any]]:
    """Route the cases on a copy of the data with China's candidate block-train speed."""
    china = folder / "china-data"
    shutil.copytree(data, china)
    with_china_speed(china)
    return _route_all(folder / "china.sqlite", china, cases)


def _route_rules(
    folder: Path, data: Path, cases: list[dict[str, str]]
) -> dict[str, list[dict[str, Any]]]:
    """The cases routed under each combination of border rules but the shipped one."""
    found = {}
    for name in RULES:
        if name != SHIPPED_RULES:
            with applied(name):
                rows = _route_all(folder / f"rules-{name}.sqlite", data, cases)
            found[name] = fitting_rows(rows)
    return found


def _rules_scores(
    shipped: list[dict[str, Any]], others: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """The shipped structure's LOO score under each combination of border rules."""
    candidate = shipped_candidate()
    rows = {SHIPPED_RULES: shipped, **others}
    return {name: leave_one_out(rows[name], candidate) for name in RULES}


def _china_scores(shipped: list[dict[str, Any]], china: list[dict[str, Any]]) -> dict[str, Any]:
    """The shipped structure's LOO score with China's rail as shipped and at the candidate."""
    candidate = shipped_candidate()
    return {
        "cpmm": leave_one_out(shipped, candidate),
        "published": leave_one_out(china, candidate),
    }


def _cross_validate(console: Console, data_dir: Path, cases: list[dict[str, str]]) -> None:
    """Print each candidate structure's LOO-CV error on the train cases (test cases unseen).

    The candidates are scored in the shipped rail-service variant; the shipped structure
    also under every other variant (``service_pairing``).
    """
    train = [case for case in cases if case["split"] == "train"]
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(data_dir, data)
        _write_parameters(data / ASSUMPTIONS_FILE, dict.fromkeys(PARAMETER_OF.values(), 0.0))
        routed = {
            name: _route_all(Path(folder) / f"{name}.sqlite", data, train, name)
            for name in VARIANTS
        }
        china = fitting_rows(_route_with_china_speed(Path(folder), data, train))
        rules = _route_rules(Path(folder), data, train)
    by_variant = {name: fitting_rows(rows) for name, rows in routed.items()}
    rows = by_variant[SHIPPED_VARIANT]
    scores = all_scores(rows)
    counted = sum(1 for r in rows if r.get("counts_from") == "departure")
    table = Table(
        title=f"Leave-one-out CV on {len(rows)} train cases of batches "
        f"{', '.join(sorted({str(r['batch']) for r in rows}, key=int))} (relative error of time; "
        f"{counted} counted from departure)"
    )
    for column in ("structure", "fitted", "mean abs.", "median abs.", "worst", "values (train)"):
        table.add_column(column)
    for score in scores:
        table.add_row(
            escape(score.candidate.label),
            str(len(score.candidate.features)),
            f"{score.mean_abs:.1f} %",
            f"{score.median_abs:.1f} %",
            f"{score.worst_abs:.1f} %",
            ", ".join(
                [
                    f"{f}={v:.1f}"
                    for f, v in zip(score.candidate.features, score.values, strict=True)
                ]
                + [f"{f} (sourced)" for f in score.candidate.fixed]
            ),
        )
    console.print(table)
    cases_table = Table(title="LOO error per train case (%), candidates in the order above")
    cases_table.add_column("case")
    cases_table.add_column("published")
    for number in range(1, len(scores) + 1):
        cases_table.add_column(str(number), justify="right")
    for i, row in enumerate(rows):
        cases_table.add_row(
            str(row["id"]), f"{row['published']:,.0f} h", *(f"{s.errors[i]:+.0f}" for s in scores)
        )
    console.print(cases_table)
    console.print(f"least mean abs. LOO error: {escape(choose(scores).candidate.label)}")
    shipped = next(s for s in scores if is_shipped(s.candidate))
    console.print(f"shipped: {escape(shipped.candidate.label)}")
    variants = _variant_scores(by_variant)
    for line in variant_lines(variants, rows):
        console.print(escape(line))
    console.print(f"least mean abs. LOO error among the services: {choose_variant(variants)}")
    for line in china_lines(_china_scores(rows, china), len(rows)):
        console.print(escape(line))
    rules_scores = _rules_scores(rows, rules)
    for line in rules_lines(rules_scores, len(rows)):
        console.print(escape(line))
    console.print(f"least mean abs. LOO error among the border rules: {choose_rules(rules_scores)}")
    console.print(_road_comparison(routed[SHIPPED_VARIANT], data_dir))
    batches = sorted({str(r["batch"]) for r in routed[SHIPPED_VARIANT]})
    for line in nonrail_lines(nonrail_rows(routed[SHIPPED_VARIANT], batches)):
        console.print(escape(line))


def _road_comparison(base: list[dict[str, Any]], data_dir: Path) -> Table:
    """Road train cases: the shipped road time beside CPMM's speed with delay (no fit)."""
    table = Table(title="Road train cases: shipped structure vs CPMM speed with delay (no fit)")
    for column in ("case", "published", "shipped", "error", "with delay", "error"):
        table.add_column(column, justify="left" if column == "case" else "right")
    for cells in _road_cells(base, data_dir):
        table.add_row(*cells)
    return table


def _road_cells(base: list[dict[str, Any]], data_dir: Path) -> list[tuple[str, ...]]:
    """Per road train case: id, published, shipped time and error, with-delay time and error."""
    terminal = _read_parameters(data_dir / ASSUMPTIONS_FILE, ["road_terminal_dwell_h"])
    cells: list[tuple[str, ...]] = []
    for row in road_rows([compared(r) for r in base]):
        loading = 0.0 if row.get("paired") else terminal["road_terminal_dwell_h"]
        delayed = road_with_delay_h(row, loading)
        published = row["published"]
        cells.append(
            (
                str(row["id"]),
                f"{published:,.0f} h",
                f"{row['typical']:,.0f} h",
                f"{100 * (row['typical'] - published) / published:+.0f} %",
                "" if delayed is None else f"{delayed:,.0f} h",
                "" if delayed is None else f"{100 * (delayed - published) / published:+.0f} %",
            )
        )
    return cells


def _route_all(
    path: Path, data: Path, cases: list[dict[str, str]], variant: str = SHIPPED_VARIANT
) -> list[dict[str, Any]]:
    """Route every case, each at the rail service the variant gives it (``service_pairing``)."""
    observatory = Observatory.open(path, data)
    try:
        links = {link.id: link for link in observatory.kb.links()}
        urls = {source.id: url_key(source.url) for source in observatory.kb.sources()}
        xinjiang = TimeModel.from_knowledge_base(observatory.kb).xinjiang
        tables = {name: observatory.kb.all(name) for name in ("rail_services", "rail_block_speeds")}
        truck_wait = _read_parameters(data / ASSUMPTIONS_FILE, ["road_rail_departure_wait_h"])
        return [
            _compare(
                observatory, case, links, urls, xinjiang, tables, truck_wait, VARIANTS[variant]
            )
            for case in cases
        ]
    finally:
        observatory.close()


def _features(
    legs: Sequence[Any],
    links: dict[str, Any],
    xinjiang: frozenset[str],
    departures: dict[str, Any],
    truck_wait_h: float,
    span: tuple[int, int] | None = None,
    *,
    block_countries: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """What the fitted parameters multiply: rail leg ends and rail km by country and region.

    Rail km in ``block_countries`` (a block train at its published route speed, stops
    inside it) count apart, as ``block_km``: no stop rate applies to them.

    Also the sourced wait for the next departure where a rail leg starts at a hub with a
    published frequency (outside China's interior it replaces the estimated truck-to-train
    wait), and the interior origins without one. With a span (``departure_span``) only the
    legs from departure to arrival count: the origin's start and the destination's end lie
    outside it, a rail leg starting or ending on the way inside.
    """
    kept = legs if span is None else legs[span[0] : span[1]]
    moving = [leg for leg in kept if leg.kind.value != "terminal"]
    whole = span is None
    starts = [moving[0].from_id] if whole and moving[0].mode == "rail" else []
    ends = [moving[-1].to_id] if whole and moving[-1].mode == "rail" else []
    transfers_to_rail: list[str] = []
    for transfer, after in itertools.pairwise(moving):
        if transfer.transfer == "road_rail_handling":
            (starts if after.mode == "rail" else ends).append(transfer.from_id)
            if after.mode == "rail":
                transfers_to_rail.append(transfer.from_id)
    ends += starts
    wait = 0.0
    for place in starts:
        if place in departures:
            wait += wait_range_h(departures[place].value)[1]
            interior_place = place.startswith("cn-") and place not in xinjiang
            if place in transfers_to_rail and not interior_place:
                wait -= truck_wait_h
    km = dict.fromkeys(("rail_km", "xinjiang_km", "interior_km", "block_km"), 0.0)
    road: dict[str, float] = {}
    for leg in kept:
        if leg.kind.value == "run" and leg.mode == "road":
            for link in (links[i] for i in leg.link_ids):
                country = link.from_id.split("-")[0]
                road[country] = road.get(country, 0.0) + link.length_km
        if leg.kind.value != "run" or leg.mode != "rail":
            continue
        for link in (links[i] for i in leg.link_ids):
            if link.from_id.split("-")[0] in block_countries:
                km["block_km"] += link.length_km
            elif not link.from_id.startswith("cn-"):
                km["rail_km"] += link.length_km
            elif link.from_id in xinjiang and link.to_id in xinjiang:
                km["xinjiang_km"] += link.length_km
            else:
                km["interior_km"] += link.length_km

    def interior(places: list[str]) -> float:
        return float(sum(1 for p in places if p.startswith("cn-") and p not in xinjiang))

    borders_abroad = sum(
        1
        for leg in kept
        if leg.kind.value == "border"
        and leg.mode == "rail"
        and not leg.from_id.startswith("cn-")
        and not leg.to_id.startswith("cn-")
    )
    gauge_changes = sum(1 for leg in kept if leg.kind.value == "border" and leg.gauge_change)

    return {
        "road_km_by_country": road,
        "rail_ends": float(len(ends)),
        "interior_ends": interior(ends),
        "interior_origins": interior(starts),
        "interior_origins_unserved": interior([p for p in starts if p not in departures]),
        "departure_wait_h": wait,
        "rail_borders_abroad": float(borders_abroad),
        "gauge_changes": float(gauge_changes),
        "rail_km_cn": km["xinjiang_km"] + km["interior_km"],
        **km,
    }


def links_citing(
    url: str, legs: Sequence[Any], links: Mapping[str, Any], urls: Mapping[str, str]
) -> list[str]:
    """Links on a route that cite the page at ``url`` among their sources."""
    page = url_key(url)
    if not page:
        return []
    return sorted(
        {
            link.id
            for leg in legs
            for link in (links[i] for i in leg.link_ids)
            if any(urls.get(source) == page for source in link.source)
        }
    )


def _compare(
    observatory: Observatory,
    case: dict[str, str],
    links: dict[str, Any],
    urls: Mapping[str, str],
    xinjiang: frozenset[str],
    tables: Mapping[str, Sequence[object]],
    truck_wait: dict[str, float],
    service_of: Callable[[dict[str, str]], str | None],
) -> dict[str, Any]:
    year = int(case["year"]) if case["year"] else dt.date.today().year
    published = float(case["value"])
    distance = case["kind"].endswith("distance_km")
    result: dict[str, Any] = {
        "id": case["id"],
        "kind": case["kind"],
        "split": case["split"],
        "batch": case.get("batch") or "1",
        "statistic": case["statistic"],
        "counts_from": case.get("counts_from") or ("" if distance else "unstated"),
        "not_comparable": case.get("not_comparable", ""),
        "service": case.get("service") or ("unstated" if "rail" in case["mode"] else ""),
        "published": published,
        "unit": case["unit"],
        "model": None,
        "low": None,
        "high": None,
        "error_pct": None,
        "route": "",
    }

    def route(origin: str, destination: str, modes: list[LinkMode], via: list[str]) -> Any:
        return observatory.route(
            origin,
            destination,
            modes=modes,
            via=via,
            by=Weight.TIME,
            date=dt.date(year, 7, 1),
            service=service_of(case),
        ).best

    try:
        best = route_case(route, case, VIAS)
    except NoRouteError as error:
        result["route"] = str(error)
        return result
    own = links_citing(case.get("source_url", ""), best.legs, links, urls)
    if own and not result["not_comparable"]:
        result["not_comparable"] = (
            f"its source is also a source of the model's {', '.join(own)}: the case cannot "
            "test the figure it gave"
        )
    if distance:
        model = best.length_km
    else:
        model = best.time_h_low if case["statistic"] in AGAINST_LOW else best.time_h
        result["low"], result["high"] = best.time_h_low, best.time_h_high
    departures = departures_in_force(tables["rail_services"], dt.date(year, 7, 1))
    block = (
        frozenset(block_speeds_in_force(tables["rail_block_speeds"], dt.date(year, 7, 1)))
        if best.service == "block"
        else frozenset()
    )
    wait_h = truck_wait["road_rail_departure_wait_h"]
    result.update(
        _features(best.legs, links, xinjiang, departures, wait_h, block_countries=block),
        model=model,
        typical=best.time_h,
        error_pct=100.0 * (model - published) / published,
        route=", ".join(best.crossings)
        + f" ({best.time_h / 24:.1f} d [{best.time_h_low / 24:.1f}–{best.time_h_high / 24:.1f}],"
        f" {best.length_km:,.0f} km)",
    )
    if not distance:
        low, high = best.time_from_departure_h_low, best.time_from_departure_h_high
        from_departure = low if case["statistic"] in AGAINST_LOW else best.time_from_departure_h
        span = departure_span(best.legs, best.origin, best.destination)
        result["from_departure"] = {
            **_features(
                best.legs, links, xinjiang, departures, wait_h, span, block_countries=block
            ),
            "model": from_departure,
            "low": low,
            "high": high,
            "typical": best.time_from_departure_h,
            "error_pct": 100.0 * (from_departure - published) / published,
        }
        result["route"] = (
            result["route"][:-1] + f"; from departure {best.time_from_departure_h / 24:.1f} d"
            f" [{low / 24:.1f}–{high / 24:.1f}])"
        )
    return result


def _read_parameters(path: Path, names: Iterable[str]) -> dict[str, float]:
    with path.open(encoding="utf-8") as handle:
        values = {row["id"]: row["value"] for row in csv.DictReader(handle)}
    return {name: float(values[TIME_ASSUMPTIONS[name]]) for name in names}


def _write_parameters(path: Path, values: dict[str, float]) -> None:
    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    ids = {TIME_ASSUMPTIONS[name]: value for name, value in values.items()}
    for row in rows:
        if row["id"] in ids:
            row["value"] = f"{ids[row['id']]:g}"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
