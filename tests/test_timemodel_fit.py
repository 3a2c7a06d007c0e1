"""The time model's fit and structure choice (benchmarks/timemodel_fit.py, validate_routes.py).

Synthetic cases with known answers: the fit recovers the parameters that made them, stays
non-negative, leaves each case out of its own prediction, and the route features count
rail leg starts in China's interior and kilometres by country as documented.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from caravan.network.timemodel import DEPARTURE_WAIT, FITTED, TIME_ASSUMPTIONS

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def fit() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import timemodel_fit
    finally:
        sys.path.remove(str(BENCHMARKS))
    return timemodel_fit


@pytest.fixture(scope="module")
def validate() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import validate_routes
    finally:
        sys.path.remove(str(BENCHMARKS))
    return validate_routes


def _case(typical: float, origins: float, km_all: float, **extra: Any) -> dict[str, Any]:
    """A training case whose published time is typical + 30 h per origin + 12 h per 1000 km."""
    row: dict[str, Any] = {
        "id": f"case-{typical}-{origins}-{km_all}",
        "split": "train",
        "not_comparable": "",
        "statistic": "typical",
        "kind": "rail_transit_time_h",
        "model": typical,
        "typical": typical,
        "published": typical + 30.0 * origins + 12.0 * km_all / 1000.0,
        "interior_origins": origins,
        "rail_km": km_all * 0.4,
        "rail_km_cn": km_all * 0.6,
        "departure_wait_h": 0.0,
    }
    row.update(extra)
    return row


CASES = [_case(100.0, 1, 4000), _case(60.0, 0, 2500), _case(150.0, 1, 6000), _case(40, 0, 900)]


def test_the_fit_recovers_the_parameters_that_made_the_cases(fit: ModuleType) -> None:
    values = fit.fit(CASES, ("interior_origins", "rail_km_all"))
    assert values == pytest.approx([30.0, 12.0])


def test_the_fit_is_never_negative(fit: ModuleType) -> None:
    # published times below the routed time: the best unconstrained rate would be negative
    rows = [dict(c, published=c["typical"] * 0.8) for c in CASES]
    values = fit.fit(rows, ("rail_km_all",))
    assert values == pytest.approx([0.0])


def test_leave_one_out_predicts_each_case_without_it(fit: ModuleType) -> None:
    odd = dict(_case(80.0, 1, 3000), published=300.0)  # far off the others' rule
    rows = [*CASES, odd]
    candidate = fit.Candidate("test", ("interior_origins", "rail_km_all"), "synthetic")
    score = fit.leave_one_out(rows, candidate)
    # the others follow the rule exactly, so without the odd case its prediction is the rule's
    expected = 80.0 + 30.0 + 12.0 * 3.0
    assert score.errors[-1] == pytest.approx(100.0 * (expected - 300.0) / 300.0)
    assert len(score.errors) == len(rows)


def test_the_choice_is_the_least_mean_error_then_the_fewest_parameters(fit: ModuleType) -> None:
    def score(name: str, features: tuple[str, ...], errors: tuple[float, ...]) -> Any:
        return fit.CvScore(fit.Candidate(name, features, ""), errors, (0.0,) * len(features))

    small = score("small", ("rail_km_all",), (10.0, -10.0))
    large = score("large", ("rail_ends", "rail_km_all"), (-10.0, 10.0))
    worse = score("worse", ("rail_km",), (12.0, 12.0))
    assert fit.choose([large, worse, small]).candidate.name == "small"
    assert fit.choose([worse, large]).candidate.name == "large"


def test_the_shipped_structure_is_the_networks_fitted_parameters(fit: ModuleType) -> None:
    assert tuple(fit.PARAMETER_OF[f] for f in fit.SHIPPED) == FITTED
    assert sum(fit.is_shipped(c) for c in fit.CANDIDATES) == 1
    # the network applies the sourced departure wait exactly when the shipped structure has it
    assert ("departure_wait_h" in fit.SHIPPED_FIXED) == DEPARTURE_WAIT


def test_the_data_holds_a_fitted_value_for_each_fitted_parameter_and_none_else() -> None:
    """Each parameter of the shipped structure is a FITTED assumption with a positive value
    in the embedded data; the other structural parameters are not marked fitted."""
    path = Path(__file__).parent.parent / "src" / "caravan" / "data" / "assumptions_timemodel.csv"
    with path.open(encoding="utf-8") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    for name in ("rail_terminal_dwell_h", "rail_origin_dwell_h", "rail_stop_h_per_1000km"):
        row = rows[TIME_ASSUMPTIONS[name]]
        fitted = row["reasoning"].startswith("FITTED")
        assert fitted == (name in FITTED), name
        if name in FITTED:
            assert float(row["value"]) > 0.0, name


def test_a_sourced_term_is_taken_as_it_is_and_the_rest_fitted(fit: ModuleType) -> None:
    # published = typical + wait + 30 h per origin + 12 h per 1000 km
    waits = (84.0, 0.0, 16.8, 0.0)
    rows = [
        dict(c, departure_wait_h=w, published=c["published"] + w)
        for c, w in zip(CASES, waits, strict=True)
    ]
    if "departure_wait_h" in fit.IN_NETWORK:  # routed times already hold the wait
        rows = [dict(r, typical=r["typical"] + r["departure_wait_h"]) for r in rows]
    fixed = ("departure_wait_h",)
    values = fit.fit(rows, ("interior_origins", "rail_km_all"), fixed)
    assert values == pytest.approx([30.0, 12.0])
    assert fit.predict(rows[0], ("interior_origins", "rail_km_all"), values, fixed) == (
        pytest.approx(rows[0]["published"])
    )
    # without the sourced term the same rows are no longer fitted exactly
    plain = fit.leave_one_out(rows, fit.Candidate("plain", ("interior_origins", "rail_km_all"), ""))
    assert max(abs(e) for e in plain.errors) > 1.0


def test_road_time_at_speed_with_delay_adds_loading_at_both_ends(fit: ModuleType) -> None:
    row = {"road_km_by_country": {"kz": 312.0, "cn": 157.0}}
    speeds = fit.ROAD_SPEED_WITH_DELAY
    expected = 2 * 2.0 + 312.0 / speeds["kz"] + 157.0 / speeds["cn"]
    assert fit.road_with_delay_h(row, 2.0) == pytest.approx(expected)
    assert fit.road_with_delay_h({"road_km_by_country": {"af": 10.0}}, 2.0) is None


def _leg(kind: str, mode: str | None, start: str, end: str, **extra: Any) -> SimpleNamespace:
    values = {"transfer": None, "link_ids": (), "gauge_change": False}
    values.update(extra)
    return SimpleNamespace(
        kind=SimpleNamespace(value=kind), mode=mode, from_id=start, to_id=end, **values
    )


def test_route_features_count_interior_starts_and_km_by_country(validate: ModuleType) -> None:
    link = SimpleNamespace
    links = {
        "r1": link(from_id="cn-xian", to_id="cn-lanzhou", length_km=600.0),
        "r2": link(from_id="cn-hami", to_id="cn-urumqi", length_km=400.0),
        "r3": link(from_id="kz-altynkol", to_id="kz-almaty", length_km=300.0),
        "d1": link(from_id="kz-almaty", to_id="kz-nur-zholy", length_km=50.0),
    }
    legs = [
        _leg("terminal", "road", "cn-zhengzhou", "cn-zhengzhou"),
        _leg("run", "road", "cn-zhengzhou", "cn-xian"),
        _leg("transfer", None, "cn-xian", "cn-xian", transfer="road_rail_handling"),
        _leg("run", "rail", "cn-xian", "cn-urumqi", link_ids=("r1", "r2")),
        _leg("border", None, "cn-khorgos", "kz-altynkol", gauge_change=True),
        _leg("run", "rail", "kz-altynkol", "kz-almaty", link_ids=("r3",)),
        _leg("transfer", None, "kz-almaty", "kz-almaty", transfer="road_rail_handling"),
        _leg("run", "road", "kz-almaty", "kz-nur-zholy", link_ids=("d1",)),
        _leg("terminal", "road", "kz-nur-zholy", "kz-nur-zholy"),
    ]
    features = validate._features(legs, links, frozenset({"cn-hami", "cn-urumqi"}), {}, 12.0)
    # the rail leg starts at Xi'an (interior) after a road leg and ends at Almaty
    assert features["interior_origins"] == 1.0
    assert features["interior_ends"] == 1.0
    assert features["rail_ends"] == 2.0
    assert features["rail_km"] == 300.0
    assert features["rail_km_cn"] == 1000.0
    assert (features["xinjiang_km"], features["interior_km"]) == (400.0, 600.0)
    assert features["road_km_by_country"] == {"kz": 50.0}
    assert features["departure_wait_h"] == 0.0
    assert (features["gauge_changes"], features["rail_borders_abroad"]) == (1.0, 0.0)
    assert features["interior_origins_unserved"] == 1.0
    weekly = {"cn-xian": SimpleNamespace(value=1.0), "kz-almaty": SimpleNamespace(value=7.0)}
    served = validate._features(legs, links, frozenset({"cn-hami", "cn-urumqi"}), weekly, 12.0)
    # the wait counts where a rail leg starts (Xi'an), not where one ends (Almaty)
    assert served["departure_wait_h"] == 84.0
    assert served["interior_origins_unserved"] == 0.0


def test_outside_the_interior_the_wait_replaces_the_truck_to_train_estimate(
    validate: ModuleType,
) -> None:
    links = {"r3": SimpleNamespace(from_id="kz-almaty", to_id="kz-shu", length_km=300.0)}
    legs = [
        _leg("terminal", "road", "kz-nur-zholy", "kz-nur-zholy"),
        _leg("run", "road", "kz-nur-zholy", "kz-almaty"),
        _leg("transfer", None, "kz-almaty", "kz-almaty", transfer="road_rail_handling"),
        _leg("run", "rail", "kz-almaty", "kz-shu", link_ids=("r3",)),
        _leg("terminal", "rail", "kz-shu", "kz-shu"),
    ]
    twice_weekly = {"kz-almaty": SimpleNamespace(value=3.5)}  # a 48-h headway
    features = validate._features(legs, links, frozenset(), twice_weekly, 12.0)
    # the network takes the 24-h wait instead of the 12-h estimate it adds without it
    assert features["departure_wait_h"] == pytest.approx(24.0 - 12.0)


def test_a_case_counted_from_departure_is_paired_with_the_time_from_departure(
    fit: ModuleType,
) -> None:
    departure = {"model": 60.0, "typical": 60.0, "interior_origins": 0.0, "error_pct": 20.0}
    row = dict(_case(100.0, 1, 4000), counts_from="departure", from_departure=departure)
    assert fit.paired(row, True)["model"] == 60.0
    assert fit.paired(row, True)["interior_origins"] == 0.0
    assert fit.paired(row, True)["paired"] is True
    assert fit.paired(row, False) is row  # without the pairing: door-to-door
    for counts in ("handover", "unstated"):
        assert fit.paired(dict(row, counts_from=counts), True)["model"] == 100.0


def test_the_pairing_changes_what_the_fit_sees(fit: ModuleType) -> None:
    # published times counted from departure: the origin's 30 h never in them
    rows = []
    for c in CASES:
        departure = dict(c, typical=c["typical"], interior_origins=0.0)
        departure["published"] = c["published"] - 30.0 * c["interior_origins"]
        rows.append(
            dict(
                c,
                published=departure["published"],
                counts_from="departure",
                from_departure={"interior_origins": 0.0},
            )
        )
    features = ("interior_origins", "rail_km_all")
    plain = fit.leave_one_out(rows, fit.Candidate("plain", features, ""))
    paired = fit.leave_one_out(rows, fit.Candidate("paired", features, "", paired=True))
    assert paired.values == pytest.approx((0.0, 12.0))  # no dwell is left to fit
    assert max(abs(e) for e in paired.errors) < 1e-6
    assert paired.candidate.label.endswith("[paired by counts_from]")
    assert plain.candidate.label == "plain"


def test_scores_add_the_pairing_to_the_shipped_structure_and_the_two_best_others(
    fit: ModuleType,
) -> None:
    others = (
        *("rail_ends", "interior_ends", "xinjiang_km", "interior_km"),
        *("rail_borders_abroad", "gauge_changes"),
    )
    rows = [
        dict(c, counts_from="unstated", interior_origins_unserved=0.0, **dict.fromkeys(others, 1.0))
        for c in CASES
    ]
    scores = fit.all_scores(rows)
    plain = [s for s in scores if not s.candidate.paired]
    with_pairing = [s for s in scores if s.candidate.paired]
    assert len(plain) == len(fit.CANDIDATES)
    assert len(with_pairing) == 1 + fit.PAIRED_OTHERS
    assert (with_pairing[0].candidate.features, with_pairing[0].candidate.fixed) == (
        fit.SHIPPED,
        fit.SHIPPED_FIXED,
    )
    assert sum(fit.is_shipped(s.candidate) for s in scores) == 1


def test_from_departure_features_leave_out_the_origin_start_not_one_on_the_way(
    validate: ModuleType,
) -> None:
    link = SimpleNamespace
    links = {
        "r1": link(from_id="cn-xian", to_id="cn-lanzhou", length_km=600.0),
        "d1": link(from_id="cn-lanzhou", to_id="cn-wuwei", length_km=50.0),
        "r2": link(from_id="cn-wuwei", to_id="cn-jiayuguan", length_km=500.0),
    }
    legs = [
        _leg("terminal", "rail", "cn-xian", "cn-xian"),
        _leg("run", "rail", "cn-xian", "cn-lanzhou", link_ids=("r1",)),
        _leg("transfer", None, "cn-lanzhou", "cn-lanzhou", transfer="road_rail_handling"),
        _leg("run", "road", "cn-lanzhou", "cn-wuwei", link_ids=("d1",)),
        _leg("transfer", None, "cn-wuwei", "cn-wuwei", transfer="road_rail_handling"),
        _leg("run", "rail", "cn-wuwei", "cn-jiayuguan", link_ids=("r2",)),
        _leg("terminal", "rail", "cn-jiayuguan", "cn-jiayuguan"),
    ]
    weekly = {"cn-xian": SimpleNamespace(value=1.0), "cn-wuwei": SimpleNamespace(value=7.0)}
    whole = validate._features(legs, links, frozenset(), weekly, 12.0)
    trip = validate._features(legs, links, frozenset(), weekly, 12.0, (1, len(legs) - 1))
    assert whole["interior_origins"] == 2.0  # Xi'an and Wuwei
    assert trip["interior_origins"] == 1.0  # Wuwei only: the train left Xi'an at departure
    assert whole["departure_wait_h"] == pytest.approx(84.0 + 12.0)
    assert trip["departure_wait_h"] == pytest.approx(12.0)
    assert trip["rail_km_cn"] == whole["rail_km_cn"] == 1100.0
