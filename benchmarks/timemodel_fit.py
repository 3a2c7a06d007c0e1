"""Fit the time model's free parameters and compare candidate structures by LOO-CV.

Each candidate structure is a set of terms added to the time the network gives with every
fitted parameter at zero (``T0``): hours per rail leg end, hours per rail leg end in
China's interior (consolidation and formation beyond Xinjiang), and stop hours per
1000 rail km by country or by region (outside China, Xinjiang, China's interior). A
published typical time is modelled as ``T0 + Σ parameter × feature``; parameters are
found by non-negative least squares on relative errors. Leave-one-out cross-validation
on the training cases alone chooses the structure (used by ``validate_routes.py --cv``).

A structure is also fitted with or without the pairing by what a published time counts
(``counts_from``): paired, a case published as counted from departure is compared with the
model's time from departure (its features measured on the legs from departure to arrival,
``caravan.analysis.routing.from_departure``); unpaired, every case with door-to-door.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy.optimize import nnls

from caravan.network.timemodel import DEPARTURE_WAIT

#: The network's parameter for each feature it implements (the other features are
#: candidates only). Every one is zero in the routing the features are measured on.
PARAMETER_OF = {
    "rail_ends": "rail_terminal_dwell_h",
    "interior_origins": "rail_origin_dwell_h",
    "rail_km_all": "rail_stop_h_per_1000km",
}


@dataclass(frozen=True)
class Candidate:
    """A structure of the time model: which features get a fitted parameter."""

    name: str
    features: tuple[str, ...]
    grounds: str
    #: sourced terms taken as they are (coefficient 1, nothing fitted)
    fixed: tuple[str, ...] = ()
    #: whether a case counted from departure is compared with the time from departure
    paired: bool = False

    @property
    def label(self) -> str:
        """The name, marked where the pairing by ``counts_from`` applies."""
        return f"{self.name} [paired by counts_from]" if self.paired else self.name


#: The candidate structures, each grounded in what a published time contains.
CANDIDATES = (
    Candidate(
        "terminal + stops by country",
        ("rail_ends", "rail_km", "rail_km_cn"),
        "the structure shipped before: dwell at every rail leg end, stops per km (China apart)",
    ),
    Candidate(
        "stops by country",
        ("rail_km", "rail_km_cn"),
        "stops per km only (China apart), no terminal dwell",
    ),
    Candidate(
        "stops by region",
        ("rail_km", "xinjiang_km", "interior_km"),
        "stops per km outside China, in Xinjiang and in China's interior",
    ),
    Candidate(
        "terminal + stops by region",
        ("rail_ends", "rail_km", "xinjiang_km", "interior_km"),
        "dwell at every rail leg end and stops per km by region",
    ),
    Candidate(
        "interior dwell + stops by country",
        ("interior_ends", "rail_km", "rail_km_cn"),
        "consolidation at a Chinese interior hub (beyond Xinjiang), stops per km (China apart)",
    ),
    Candidate(
        "interior dwell + stops outside China",
        ("interior_ends", "rail_km"),
        "consolidation at a Chinese interior hub; China's rail at its CPMM speed",
    ),
    Candidate(
        "interior dwell + one stop rate",
        ("interior_ends", "rail_km_all"),
        "consolidation at a Chinese interior hub; one stop rate per km everywhere",
    ),
    Candidate(
        "interior origin dwell + stops outside China",
        ("interior_origins", "rail_km"),
        "consolidation where a train is formed at a Chinese interior hub; China at CPMM speed",
    ),
    Candidate(
        "interior origin dwell + stops by country",
        ("interior_origins", "rail_km", "rail_km_cn"),
        "consolidation where a train is formed at a Chinese interior hub; stops (China apart)",
    ),
    Candidate(
        "interior origin dwell + one stop rate",
        ("interior_origins", "rail_km_all"),
        "consolidation where a train is formed at a Chinese interior hub; one stop rate",
    ),
    Candidate(
        "interior dwell + stops by region",
        ("interior_ends", "rail_km", "xinjiang_km", "interior_km"),
        "consolidation at a Chinese interior hub and stops per km by region",
    ),
    Candidate(
        "departure wait + one stop rate",
        ("rail_km_all",),
        "the sourced wait for the next departure replaces the fitted interior origin dwell",
        ("departure_wait_h",),
    ),
    Candidate(
        "departure wait, else interior origin dwell + one stop rate",
        ("interior_origins_unserved", "rail_km_all"),
        "the sourced wait where a frequency is published, the fitted dwell at other interior hubs",
        ("departure_wait_h",),
    ),
    Candidate(
        "departure wait + interior origin dwell + one stop rate",
        ("interior_origins", "rail_km_all"),
        "the sourced wait on top of the fitted interior origin dwell",
        ("departure_wait_h",),
    ),
    Candidate(
        "departure wait + interior origin dwell + one stop rate + borders beyond China",
        ("interior_origins", "rail_km_all", "rail_borders_abroad"),
        "the shipped structure and a time at each rail border between two of China's "
        "neighbours (queues at the junctions of the 1520 mm railways)",
        ("departure_wait_h",),
    ),
    Candidate(
        "departure wait + interior origin dwell + one stop rate + gauge-change dwell",
        ("interior_origins", "rail_km_all", "gauge_changes"),
        "the shipped structure and a time at each break of gauge beyond CPMM's clearance "
        "(waiting for transshipment and for a train on the other gauge)",
        ("departure_wait_h",),
    ),
    Candidate(
        "departure wait + one stop rate + gauge-change dwell",
        ("rail_km_all", "gauge_changes"),
        "the sourced wait, one stop rate and a time at each break of gauge beyond CPMM's "
        "clearance, no origin dwell",
        ("departure_wait_h",),
    ),
)

#: Sourced terms the network itself applies (in ``typical`` of every routed case): a
#: candidate without one of them has it taken off again.
IN_NETWORK: tuple[str, ...] = ("departure_wait_h",) if DEPARTURE_WAIT else ()


def paired(row: dict[str, Any], pairing: bool) -> dict[str, Any]:
    """A routed case as the fit and the report see it, with or without the pairing.

    Paired, a case whose published time counts from departure takes the model's time from
    departure (model, range, typical, error and features); any other case is unchanged.
    """
    departure = row.get("from_departure")
    if not pairing or row.get("counts_from") != "departure" or not departure:
        return row
    return {**row, **departure, "paired": True}


def fitting_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Training cases with a typical published time and some rail: what the fit sees."""
    return [
        r
        for r in rows
        if r["split"] == "train"
        and not r["not_comparable"]
        and r["statistic"] == "typical"
        and not r["kind"].endswith("distance_km")
        and r["model"] is not None
        and r["rail_km"] + r["rail_km_cn"] + r.get("block_km", 0.0) > 0
    ]


def _feature(row: dict[str, Any], name: str) -> float:
    if name == "rail_km_all":
        return float(row["rail_km"] + row["rail_km_cn"]) / 1000.0
    value = float(row[name])
    return value / 1000.0 if name.endswith("_km") or name == "rail_km_cn" else value


def base_h(row: dict[str, Any], fixed: Sequence[str] = ()) -> float:
    """The routed typical time with the sourced terms of a structure (nothing fitted)."""
    extra = sum(float(row[f]) for f in fixed if f not in IN_NETWORK)
    return float(row["typical"]) + extra - sum(float(row[f]) for f in IN_NETWORK if f not in fixed)


def fit(
    rows: Sequence[dict[str, Any]], features: Sequence[str], fixed: Sequence[str] = ()
) -> np.ndarray:
    """Non-negative least squares on relative errors: one value per feature."""
    published = np.array([r["published"] for r in rows], dtype=float)
    design = np.array([[_feature(r, f) for f in features] for r in rows]) / published[:, None]
    target = (published - np.array([base_h(r, fixed) for r in rows], dtype=float)) / published
    solution, _ = nnls(design, target)
    return np.asarray(solution, dtype=float)


def predict(
    row: dict[str, Any], features: Sequence[str], values: np.ndarray, fixed: Sequence[str] = ()
) -> float:
    """The modelled typical time of a case under fitted values (linear in the features)."""
    extra = sum(v * _feature(row, f) for f, v in zip(features, values, strict=True))
    return base_h(row, fixed) + float(extra)


@dataclass(frozen=True)
class CvScore:
    """Leave-one-out errors of one candidate on the training cases (percent, signed)."""

    candidate: Candidate
    errors: tuple[float, ...]
    values: tuple[float, ...]

    @property
    def mean_abs(self) -> float:
        return statistics.fmean(abs(e) for e in self.errors)

    @property
    def median_abs(self) -> float:
        return statistics.median(abs(e) for e in self.errors)

    @property
    def worst_abs(self) -> float:
        return max(abs(e) for e in self.errors)


def leave_one_out(rows: Sequence[dict[str, Any]], candidate: Candidate) -> CvScore:
    """Fit on all training cases but one, predict that one; repeat for each.

    The rows are door-to-door (``paired(row, False)``); a paired candidate pairs them.
    """
    rows = [paired(r, candidate.paired) for r in rows]
    errors = []
    for i, row in enumerate(rows):
        others = [r for j, r in enumerate(rows) if j != i]
        values = fit(others, candidate.features, candidate.fixed)
        modelled = predict(row, candidate.features, values, candidate.fixed)
        errors.append(100.0 * (modelled - row["published"]) / row["published"])
    full = fit(rows, candidate.features, candidate.fixed)
    return CvScore(candidate, tuple(errors), tuple(float(v) for v in full))


def variant_rows(
    scores: dict[str, CvScore], labels: dict[str, str], chosen: str, shipped: str
) -> list[str]:
    """One Markdown row per variant of the shipped structure (the chosen one in bold), and the
    line naming the least-error variant and the shipped one."""
    rows = []
    for name, score in scores.items():
        label = f"**{labels[name]}**" if name == chosen else labels[name]
        values = ", ".join(
            f"{f} {v:.1f}" for f, v in zip(score.candidate.features, score.values, strict=True)
        )
        rows.append(
            f"| {label} | {score.mean_abs:.1f} % | {score.median_abs:.1f} % | "
            f"{score.worst_abs:.1f} % | {values} |"
        )
    return [
        *rows,
        "",
        f"Least mean LOO error: **{labels[chosen]}**; shipped: **{labels[shipped]}**.",
    ]


def choose(scores: Sequence[CvScore]) -> CvScore:
    """The candidate with the least mean absolute LOO error (fewer parameters on a tie,
    then without the pairing)."""
    return min(
        scores,
        key=lambda s: (round(s.mean_abs, 1), len(s.candidate.features), s.candidate.paired),
    )


#: The structure shipped in the network (the CV's choice): features of ``FITTED``, in order.
SHIPPED = ("rail_km_all",)
#: The sourced terms of the shipped structure (those the network applies).
SHIPPED_FIXED = IN_NETWORK
#: Whether the shipped fit pairs cases counted from departure with the time from departure.
SHIPPED_PAIRED = False

#: How many candidates beside the shipped one are also scored with the pairing.
PAIRED_OTHERS = 2


def is_shipped(candidate: Candidate) -> bool:
    """Whether a candidate is the structure the network implements, fitted as shipped."""
    return (candidate.features, candidate.fixed, candidate.paired) == (
        SHIPPED,
        SHIPPED_FIXED,
        SHIPPED_PAIRED,
    )


def all_scores(rows: Sequence[dict[str, Any]]) -> list[CvScore]:
    """LOO scores of every candidate without the pairing, then with it for the shipped
    structure and the best ``PAIRED_OTHERS`` others (by mean LOO error without it)."""
    plain = [leave_one_out(rows, replace(c, paired=False)) for c in CANDIDATES]
    shipped = [s for s in plain if _same_structure(s.candidate)]
    others = sorted(
        (s for s in plain if not _same_structure(s.candidate)),
        key=lambda s: (round(s.mean_abs, 1), len(s.candidate.features)),
    )[:PAIRED_OTHERS]
    with_pairing = [
        leave_one_out(rows, replace(s.candidate, paired=True)) for s in shipped + others
    ]
    return plain + with_pairing


def shipped_candidate() -> Candidate:
    """The structure the network implements, fitted as shipped."""
    found = next(c for c in CANDIDATES if _same_structure(c))
    return replace(found, paired=SHIPPED_PAIRED)


def _same_structure(candidate: Candidate) -> bool:
    return (candidate.features, candidate.fixed) == (SHIPPED, SHIPPED_FIXED)


def fit_shipped(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    """The shipped structure's parameters fitted on the training cases (0.1 h rounding)."""
    rows = [paired(r, SHIPPED_PAIRED) for r in rows]
    values = fit(fitting_rows(rows), SHIPPED, SHIPPED_FIXED)
    return {PARAMETER_OF[f]: round(float(v), 1) for f, v in zip(SHIPPED, values, strict=True)}


#: CAREC CPMM road speed with delay (TFI4, km/h) by country, as the cited sources give it:
#: kz, kg, uz, tj 2022 (src-net-cpmm-2022-kz, -kg, -uz, -tj), tm 2022
#: (src-spd-cpmm-2022-tm), cn 2023 (src-net-cpmm-2023-prc).
ROAD_SPEED_WITH_DELAY = {"kz": 31.2, "kg": 26.5, "uz": 29.6, "tj": 20.1, "tm": 26.4, "cn": 31.4}


def road_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Training cases with a typical published road time: what the road comparison sees."""
    return [
        r
        for r in rows
        if r["split"] == "train"
        and not r["not_comparable"]
        and r["statistic"] == "typical"
        and r["kind"] == "road_transit_time_h"
        and r["model"] is not None
    ]


def road_with_delay_h(row: dict[str, Any], terminal_h: float) -> float | None:
    """A road trip at CPMM speed with delay by country (delays, borders and rests inside it).

    Loading and unloading (``terminal_h`` at each end) come on top; None where a country
    on the way has no published speed with delay.
    """
    km: dict[str, float] = row["road_km_by_country"]
    if any(country not in ROAD_SPEED_WITH_DELAY for country in km):
        return None
    return 2 * terminal_h + sum(v / ROAD_SPEED_WITH_DELAY[c] for c, v in km.items())
