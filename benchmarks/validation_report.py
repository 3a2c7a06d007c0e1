"""Write the validation of modelled routes against published figures as Markdown.

Used by ``validate_routes.py``: errors by kind and split, the held-out errors against the
issue's goal by batch (each labelled with the choice it was seen before), the structure's
and the rail service's cross-validation on the train cases, and every case.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from timemodel_fit import CvScore, choose

from caravan.network.timemodel import FITTED, TIME_ASSUMPTIONS

#: The issue's goal on held-out cases: (label, kinds, median limit %, worst limit % or None).
GOALS = (
    ("rail times", ("rail_transit_time_h",), 15.0, 40.0),
    ("rail and Caspian ferry times", ("rail_ferry_transit_time_h",), 15.0, 40.0),
    ("road times", ("road_transit_time_h",), 15.0, 40.0),
    ("distances", ("rail_distance_km", "road_distance_km", "rail_ferry_distance_km"), 5.0, None),
)

#: The batches whose train cases chose the rail service and fit the parameters.
CHOICE_BATCHES = ("1", "2", "3", "4", "5", "6")

#: Held-out batches reported apart, then together.
BATCHES = (
    ("batch 1 (seen before the structure was chosen)", ("1",)),
    ("batch 2 (seen before the departure wait was chosen)", ("2",)),
    ("batch 3 (unseen when the departure wait was chosen, seen before the pairing)", ("3",)),
    ("batch 4 (seen before the rail service was chosen)", ("4",)),
    ("batch 5 (seen before the rail service was chosen)", ("5",)),
    ("batch 6 (seen before the causes were read and the choice on batches 1–6)", ("6",)),
    ("batches 1–6 together (each seen before the choice on batches 1–6)", CHOICE_BATCHES),
)

#: How a batch added after the last choice is labelled (each, then together, then all).
LATER = "added after the choice on batches 1–6, seen at no choice"


def batch_groups(rows: Sequence[dict[str, Any]]) -> list[tuple[str, tuple[str, ...]]]:
    """``BATCHES``, then each later batch present, those together, and all batches."""
    present = sorted({str(r["batch"]) for r in rows}, key=int)
    later = tuple(b for b in present if b not in CHOICE_BATCHES)
    found = [*BATCHES, *((f"batch {b} ({LATER})", (b,)) for b in later)]
    if len(later) > 1:
        found.append((f"batches {later[0]}–{later[-1]} together ({LATER})", later))
    return [*found, ("all batches", tuple(present))]


HEADER = """\
# Validation: modelled routes against published figures

Produced by `python benchmarks/validate_routes.py` on the embedded data; the cases and
their sources are in `benchmarks/validation_cases.csv`. Each case is routed on the
network of its year (1 July), with the published modes and, where the source names
it, the published border crossing, minimising time. Nothing is tuned per case.

Cases are split once, in the file (`split` column, declared with each case; batch 2's
split was declared before any of its cases was routed: within each kind, its cases sorted
by id are alternately `test`, `train`, `test`, …). Only the
parameters in the table below are fitted, on the `train` cases of batches 1–6 with a
typical published time (non-negative least squares on relative errors; **batches 1–6 have
now been seen**, and the cases of batches 7 and later joined neither the fit nor any
choice, so that every case of them tests the shipped values); every other parameter is read from a source or a stated assumption. A published record (`statistic` = low) is compared with the
model's low time. Cases that are not comparable with the model (the reason is given) are
routed and listed apart, outside the fit and the summaries.

**How the time model's structure was chosen.** The candidate structures below (which
terms of a published time get a fitted parameter) were compared by leave-one-out
cross-validation on the `train` cases only (`python benchmarks/validate_routes.py --cv`,
which never routes a test case); the one with the least mean absolute LOO error is shipped.
The structure was first chosen on batch 1's 12 train cases (a dwell at both ends in
China's interior, stops outside China only); the candidates with a dwell at the origin
only, which the issue names, were added after that first comparison; when batch 2's train
cases came in, the same rule on the 15 train cases of both batches picked a dwell where a
train starts in China's interior and one stop rate. Then published departure frequencies
(`src/caravan/data/rail_services.csv`) gave a sourced wait for the next train (half a
headway where a rail leg starts at a hub with a frequency in force; nothing fitted), and
three candidates with it were added: the wait replacing the interior origin dwell, the
wait with the dwell only at interior hubs without a frequency, and the wait on top of the
dwell. On the same 15 train cases the rule chose **the wait on top of the interior origin
dwell, with one stop rate** (least mean LOO error, in the routing without the wait as in
the routing with it: see the table), and that is shipped. The table below is recomputed in each run on the train cases of
batches 1–3, the cases every choice so far was made on.
The held-out cases of **batches 1 and 2** had been seen before this choice (earlier
versions of this report showed them), so they are not a clean test of it; the held-out
cases of **batch 3** (`batch` column) were added with a pre-declared split and had not
been seen when the structure was chosen. Held-out errors are given for each batch and
together.

**What a published time counts.** Published times count different things: a railway's "the
train covers it in 52 h" is the train's run from its departure, a forwarder's "15 days"
runs from the shipper's hand-over. Each time case says which (`counts_from`: `departure`,
`handover` or `unstated`, decided from the source's words by the rule in
`benchmarks/validation_cases_rules.md`; `unstated` where the column is empty). Every
itinerary carries, beside its door-to-door time, its time from departure: the same legs
without the origin's loading, formation, dwell and wait for the next train, and the
destination's unloading and release (`docs/network-model.md`). Paired, a case counted from
departure is compared with the time from departure (its low for a record) and the fit
measures its features on those legs; `handover` and `unstated` cases keep door-to-door.
The shipped structure and the two best others were scored by the same leave-one-out rule
with and without this pairing (rows marked "[paired by counts_from]" below).

**The rail service.** Batches 4 and 5's held-out rail times (median 49.5 %, worst
243.7 %) showed two failures pulling opposite ways: short Central Asian container-train runs
came out two to three times too slow, because every rail link ran at CAREC CPMM's speed
without delay for the consignments CPMM samples (mostly wagonload; Uzbekistan 13.1 km/h),
and long hauls from China's interior too fast. Since then a rail leg is timed by the
query's service (`docs/network-model.md`): a container block train at its published route
speed by country (`src/caravan/data/rail_block_speeds.csv`: Kazakhstan's service speed of
800 km a day typical and "more than 1,100 km a day" best, standing in for its neighbours;
China publishes none and runs as wagonload), or wagonload at CPMM's speed with the fitted
stops. Each case's `service` column (`block`, `wagonload`, `unstated`, from the source's
words) allows pairing each case with its service, `unstated` at the default (block).
Batches 4 and 5 had been seen when this failure was found, so this choice was made on the
train cases of batches 1–5, by the same leave-one-out rule: the shipped structure routed
with every case as wagonload (the model before), with every case as a block train (the
column ignored), and paired by the column, the origin dwell and the stop rate refitted in
each (the service table below). A first version took 1,100 km a day as Kazakhstan's
typical speed, and its comparison was seen (mean LOO error: paired 24.9 %, block 25.5 %,
wagonload 24.7 %); reading the sources again, "reaches more than 1,100 km a day" is a
best and the ministry's 800 km a day a service speed, and the data were changed to that
before the choice below, so this choice is not blind to the train cases. Batch 6 was added after that choice, its split declared before any of its cases
was routed, and seen at no choice until the reading below.

**The errors read by cause (batches 1–6).** `python benchmarks/validation_legs.py` splits
each time case's itinerary into its terms (rail running in China and outside, road, sea,
border, gauge change, interior origin dwell, departure wait, the origin's other terminal
time, transfers, destination). Of the rail, rail+Caspian, multimodal and road time cases of
batches 1–6 erring by more than 15 %, the term that is off:

| cause | cases (error) | term off |
|---|---|---|
| a time counted from departure compared with door-to-door | xian-alashankou-2014 (+321 %: 83 h running, 52 h interior origin dwell and 84 h wait against 52 h scheduled; +393 % with the earlier 122 h wait), xian-almaty-2013-plan (+146 %), qingdao-alashankou-2012 (+68 %) | origin dwell and departure wait, which a time from departure does not hold; without them the run inside China is still too slow (83 h against 52 h: China's rail at CPMM's speed plus the fitted stops, 37 km/h, where the container train was scheduled at 59 km/h) |
| the 2014 wait at Xi'an | xian-alashankou-2014 | the wait came from 0.69 trains a week announced at the launch for the second half of 2014 (122 h); the Xi'an Railway Bureau reported one train a week from 1 June 2014, now in `rail_services.csv` (84 h); a time from departure holds neither |
| a multimodal train routed as a truck | lanzhou-dushanbe-2026 (−60 %), lianyungang-tashkent-2022 (−56 %), lanzhou-tashkent-2020 (−25 %) | the published train runs to Kashgar; with modes rail+road the router trucks across China (Lanzhou–Irkeshtam 3,626 km by road) and ends in Tajikistan by road from Khujand; the published times (pilot trains, 18–20 days) are also two to three times any modelled train |
| the paired fit's 277 h interior origin dwell | (the fit, not a case) | with every parameter at zero, lanzhou-dushanbe's route trucks from Lanzhou to Jiayuguan (765 km) to avoid Lanzhou's published departure wait, so a train starts in China's interior inside its time from departure; it is the only train case with that feature inside the span, and non-negative least squares gives the dwell its whole residual (456 h published, 180 h modelled) |
| the gauge change on short Xinjiang runs | urumqi-almaty-2017 (+59 %, 1,026 km: 18 h in China, 11 h in Kazakhstan, 19 h at Khorgos against 30 h in all), urumqi-almaty-2024 (+21 %), almaty-wuwei-2022 (+43 %: 54 h at Alashankou) | the border: CPMM's clearance times at Khorgos and Alashankou (wagonload consignments, 2021–23 restrictions) are longer than a scheduled container train's whole run |
| long hauls from China's interior, too fast | tashkent-xian-2017 (−53 %), kuytun-dushanbe-2016 (−66 %), qingdao-almaty-2023 (−48 %), xian-tashkent-2023 (−31 %), tianjin-tashkent (−31 %), chongqing-tashkent-2025 (−17 %) | none of the modelled terms: the same corridors are published at 5 to 16 days (xian-almaty 144 h, xian-tashkent 288 h; lianyungang-almaty 144 h, +35 %, on the other side); routes on to Tashkent are too fast where routes to Almaty are too slow |
| a rail border without a published clearance | urumqi-bishkek-2021 (+54 %: 80 h at Lugovoy–Kaindy and 59 h at Khorgos against 120 h in all) | a crossing without a figure of its own or of its border takes the median of the rail crossings that publish one (80 h), which China's gauge-change crossings dominate; Lugovoy–Kaindy joins two 1520 mm railways |
| Turkmen and Caspian runs | turkmenbashi-farap-2021 (−56 %), sarahs-farap-2024 (−55 %), dostyk-alat-2015 (+89 %: 104 h at sea and waiting for a sailing), urumqi-baku-2018 (+35 %) | Turkmenistan's rail at Kazakhstan's block speed (no Turkmen figure found); the ferry's wait for a sailing |
| road | khorgos-almaty-2018 (+502 %: 4 h published for 304 km), chongqing-bishkek-2021 (−27 %), zhengzhou-almaty-2024 (+32 %) | border (16 h at Khorgos) and loading on a 4 h run; border queues on the long runs |

Candidates added for these causes and compared by the same rule on the train cases of
batches 1–6 (the tables below): a time at each rail border between two of China's
neighbours (the routes on to Tashkent), a time at each break of gauge beyond CPMM's
clearance (with and without the interior origin dwell), and China's block trains at the
one published daily run found (1,300 km a day, `src-time-cncao-crexpress-2017`). None
lowered the mean LOO error of the shipped structure (a tie is settled by fewer fitted
parameters), nor did any structure paired by `counts_from` (see the tables), so the
structure, the service and China's timing are unchanged; the origin dwell and the stop rate were
refitted on the train cases of batches 1–6 and written to the data. This choice was
committed before any case of batches 7 and later was routed."""


def groups(rows: Sequence[dict[str, Any]]) -> dict[tuple[str, str], list[float]]:
    """Absolute errors (%) by (kind, split), comparable cases only."""
    found: dict[tuple[str, str], list[float]] = {}
    for r in rows:
        if r["error_pct"] is not None and not r["not_comparable"]:
            found.setdefault((r["kind"], r["split"]), []).append(abs(r["error_pct"]))
    return found


def summary(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Count of cases, errors by kind and split, and the held-out goal lines."""
    routed = [r for r in rows if r["error_pct"] is not None]
    apart = [r for r in rows if r["not_comparable"]]
    lines = [f"{len(rows)} cases, {len(routed)} routed, {len(apart)} not comparable"]
    for (kind, split), values in sorted(groups(rows).items()):
        lines.append(
            f"{kind} / {split}: {len(values)} cases, median {statistics.median(values):.1f} %, "
            f"worst {max(values):.1f} %"
        )
    return lines + goal_lines(rows)


def goal_lines(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The held-out errors against the goal, by batch and together."""
    lines = []
    for batch_label, batches in batch_groups(rows):
        lines += ["", f"Held-out cases against the goal, {batch_label}:", ""]
        chosen = [r for r in rows if r["batch"] in batches]
        found = groups(chosen)
        for label, kinds, median_limit, worst_limit in GOALS:
            errors = [e for kind in kinds for e in found.get((kind, "test"), [])]
            if not errors:
                lines.append(f"- {label}: no held-out case routed")
                continue
            median, worst = statistics.median(errors), max(errors)
            met = median <= median_limit and (worst_limit is None or worst <= worst_limit)
            limits = f"median ≤ {median_limit:g} %" + (
                f", none worse than {worst_limit:g} %" if worst_limit is not None else ""
            )
            lines.append(
                f"- {label} ({len(errors)} cases): median {median:.1f} %, worst {worst:.1f} % "
                f"— goal {limits}: {'met' if met else 'not met'}"
            )
    return lines[1:]


def cv_lines(scores: Sequence[CvScore], chosen: CvScore, cases: int) -> list[str]:
    """The candidate structures' LOO-CV errors on the train cases, as a Markdown table."""
    return [
        f"Leave-one-out cross-validation on the {cases} train cases the fit uses "
        "(absolute relative error of the time; values fitted on all of them):",
        "",
        "| structure | fitted | mean abs. | median abs. | worst | values on train | grounds |",
        "|---|---|---|---|---|---|---|",
        *(
            f"| {'**' + s.candidate.label + '**' if s is chosen else s.candidate.label} | "
            f"{len(s.candidate.features)} | {s.mean_abs:.1f} % | {s.median_abs:.1f} % | "
            f"{s.worst_abs:.1f} % | "
            + ", ".join(
                [f"{f} {v:.1f}" for f, v in zip(s.candidate.features, s.values, strict=True)]
                + [f"{f} (sourced)" for f in s.candidate.fixed]
            )
            + f" | {s.candidate.grounds} |"
            for s in scores
        ),
        "",
        f"Shipped: **{chosen.candidate.label}**. Features: `rail_ends` rail leg ends (origin, "
        "destination, road–rail transfers); `interior_ends` those at Chinese places outside "
        "Xinjiang (`asm-time-xinjiang-places`); `interior_origins` those where a rail leg "
        "starts; `rail_km` rail km outside China, `rail_km_cn` in China, `xinjiang_km` and "
        "`interior_km` China's split by region, `rail_km_all` all rail km (stop rates per "
        "1000 km); `interior_origins_unserved` interior origins without a published "
        "frequency; `departure_wait_h` (sourced, not fitted) half the headway of the trains "
        "in force where a rail leg starts (`rail_services.csv`; outside China's interior it "
        "replaces the estimated truck-to-train wait). Not among the candidates: the gauge "
        "change, which is already "
        "in each crossing's clearance and transshipment time from CPMM and other sources.",
    ]


def choice_lines(
    scores: Sequence[CvScore], shipped: CvScore, train: Sequence[dict[str, Any]]
) -> list[str]:
    """The pairing the leave-one-out rule chose, and what is shipped."""
    choice = choose(scores)
    pairing = "with the pairing" if shipped.candidate.paired else "without the pairing"
    best = {
        paired: min(s.mean_abs for s in scores if s.candidate.paired == paired)
        for paired in (False, True)
    }
    counted = sum(1 for r in train if r.get("counts_from") == "departure")
    lines = [
        f"Chosen on the {len(train)} train cases of batches "
        f"{CHOICE_BATCHES[0]}–{CHOICE_BATCHES[-1]} ({counted} of them counted from departure) "
        f"by the least mean absolute LOO error: **{choice.candidate.label}** "
        f"({choice.mean_abs:.1f} %; best without the pairing {best[False]:.1f} %, best with it "
        f"{best[True]:.1f} %). Shipped: **{shipped.candidate.label}**, fitted {pairing}. "
        "Batches 1–6 were seen before this choice and their train cases joined it; batches 7 "
        "and later were added after it, each split declared before any of its cases was routed."
    ]
    if choice.candidate != shipped.candidate:
        lines.append("On this run's cases the rule's choice is not the shipped structure.")
    return lines


def markdown(
    rows: Sequence[dict[str, Any]],
    cases: Sequence[dict[str, str]],
    fitted: dict[str, float],
    shipped: dict[str, float],
    cv: list[str],
    choice: list[str],
) -> str:
    """The whole report."""
    sources = {c["id"]: c for c in cases}
    timed = [
        r
        for r in rows
        if r["low"] is not None and r["statistic"] == "typical" and not r["not_comparable"]
    ]
    inside = [r for r in timed if r["low"] <= r["published"] <= r["high"]]
    held = [r for r in timed if r["split"] == "test"]
    held_inside = [r for r in held if r["low"] <= r["published"] <= r["high"]]
    lines = [
        HEADER,
        "",
        *choice,
        "",
        f"**{summary(rows)[0]}.**",
        "",
        "## Fitted parameters",
        "",
        "| parameter | fitted on train | shipped in the data |",
        "|---|---|---|",
        *(
            f"| `{name}` ({TIME_ASSUMPTIONS[name]}) | {fitted[name]:g} | {shipped[name]:g} |"
            for name in FITTED
        ),
        "",
        "## Structure: leave-one-out cross-validation on the train cases",
        "",
        *cv,
        "",
        "## Errors by kind, train and held-out",
        "",
        "| kind | split | cases | median abs. error | worst |",
        "|---|---|---|---|---|",
        *(
            f"| {k} | {s} | {len(v)} | {statistics.median(v):.1f} % | {max(v):.1f} % |"
            for (k, s), v in sorted(groups(rows).items())
        ),
        "",
        *goal_lines(rows),
        "",
        f"Range check: {len(inside)} of {len(timed)} typical published times lie inside the "
        f"model's low–high range ({len(held_inside)} of {len(held)} held-out).",
        "",
        "| case | split | batch | published | counts from | service | model | low–high | error "
        "| route | source |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *(_case_row(r, sources) for r in rows if not r["not_comparable"]),
        "",
        "## Not comparable",
        "",
        "Routed and shown, but outside the fit and the summaries above.",
        "",
        "| case | split | batch | published | counts from | service | model | low–high | error "
        "| route | source | why |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(f"{_case_row(r, sources)} {r['not_comparable']} |" for r in rows if r["not_comparable"]),
        "",
    ]
    return "\n".join(lines)


def _case_row(r: dict[str, Any], sources: dict[str, dict[str, str]]) -> str:
    """One case as a Markdown table row."""
    case = sources[str(r["id"])]
    model = "no route" if r["model"] is None else f"{r['model']:,.0f}"
    span = "" if r["low"] is None else f"{r['low']:,.0f}–{r['high']:,.0f}"
    error = "" if r["error_pct"] is None else f"{r['error_pct']:+.0f} %"
    label = " (record, vs low)" if r["statistic"] == "low" else ""
    source = f"[{case['publisher'] or 'source'}]({case['source_url']})"
    counts = r["counts_from"] + (" (vs from departure)" if r.get("paired") else "")
    return (
        f"| {r['id']} | {r['split']} | {r['batch']} | {r['published']:,.0f} {r['unit']}{label} | "
        f"{counts} | {r.get('service', '')} | {model} | {span} | {error} | {r['route']} "
        f"| {source} |"
    )
