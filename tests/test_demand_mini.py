"""Freight demand on the tiny synthetic dataset, where every figure can be worked out by hand.

Zones: Xi'an (China), Almaty (Kazakhstan), Tashkent (Uzbekistan), one each, so each
direction's tonnes land on one cell. China's customs (synthetic): exports to Kazakhstan
USD 25 bn, imports from it USD 18 bn of which USD 3 bn by pipeline; Uzbekistan USD 13 bn in
all of which USD 1 bn imports. Densities USD 5,000/t out of China, USD 1,000/t into it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from caravan import Observatory
from caravan.analysis.demand import FreightDemand, freight_demand

FACTORS = """id,quantity,year,partner_id,direction,corridor,place_id,value,source,note
ff-t-share,road_share_of_trade_value,2024,,,,,0.4,src-test-news,
ff-t-out,value_density_usd_per_t,,,export,,,5000,src-test-news,
ff-t-in,value_density_usd_per_t,,,import,,,1000,src-test-news,
ff-t-teu,tonnes_per_teu,,,,,,10,src-test-news,
ff-t-truck,tonnes_per_truck,,,,,,20,src-test-news,
ff-t-train,tonnes_per_train,,,,,,2000,src-test-news,
ff-t-scale,logit_scale_per_usd,,,,,,0.002,src-test-news,
ff-t-pipe,pipeline_value_usd,2024,kz,import,,,3000000000,src-test-news,
ff-t-gas,pipeline_gas_bcm,2024,kz,import,,,7,src-test-news,
ff-t-transit,transit_teu,2024,,export,test-west,kz-saryagash,1000,src-test-news,
"""
ZONES = """place_id,region,population,year,source,note
cn-xian,Test province,10,2020,src-test-news,
kz-almaty,Test oblast,2,2020,src-test-news,
uz-tashkent,Test city,3,2020,src-test-news,
"""


@pytest.fixture
def demand(tmp_path: Path, mini_dir: Path) -> Iterator[FreightDemand]:
    (mini_dir / "freight_factors.csv").write_text(FACTORS, encoding="utf-8")
    (mini_dir / "zone_weights.csv").write_text(ZONES, encoding="utf-8")
    with (mini_dir / "trade.csv").open("a", encoding="utf-8") as rows:
        rows.write("2024,cn,uz,import,1000000000,,src-test-news,\n")
    observatory = Observatory.open(tmp_path / "mini.sqlite", mini_dir)
    yield freight_demand(observatory.kb, 2024)
    observatory.close()


def _cell(demand: FreightDemand, origin: str, destination: str) -> float:
    i, j = demand.zones.index(origin), demand.zones.index(destination)
    return sum(float(m[i, j]) for m in demand.tonnes_per_year.values())


def test_each_direction_lands_on_its_cell(demand: FreightDemand) -> None:
    assert demand.zones == ("cn-xian", "kz-almaty", "uz-tashkent", "kz-saryagash")
    assert _cell(demand, "cn-xian", "kz-almaty") == pytest.approx(25e9 / 5000)
    assert _cell(demand, "kz-almaty", "cn-xian") == pytest.approx((18e9 - 3e9) / 1000)
    assert _cell(demand, "cn-xian", "uz-tashkent") == pytest.approx(12e9 / 5000)
    assert _cell(demand, "uz-tashkent", "cn-xian") == pytest.approx(1e9 / 1000)
    assert _cell(demand, "cn-xian", "kz-saryagash") == pytest.approx(1000 * 10)
    assert sum(m.sum() for m in demand.tonnes_per_year.values()) == pytest.approx(
        5e6 + 15e6 + 2.4e6 + 1e6 + 1e4
    )


def test_pipeline_is_reported_apart(demand: FreightDemand) -> None:
    (pipe,) = demand.pipeline_energy
    assert (pipe.partner_id, pipe.value_usd, pipe.gas_bcm, pipe.figures_year) == (
        "kz",
        3e9,
        7.0,
        2024,
    )
    assert demand.trade_value_usd == pytest.approx(56e9)
    assert sum(m.sum() for m in demand.value_usd_per_year.values()) == pytest.approx(53e9)


def test_the_fit_and_the_vehicles(demand: FreightDemand) -> None:
    road_value = demand.value_usd_per_year["road"].sum()
    assert road_value / 56e9 == pytest.approx(0.4, abs=1e-9)
    assert demand.mode_share_road == pytest.approx(0.4, abs=1e-9)
    np.testing.assert_allclose(
        demand.vehicles_per_day["road"], demand.tonnes_per_year["road"] / 20 / 365
    )
    np.testing.assert_allclose(
        demand.vehicles_per_day["rail"], demand.tonnes_per_year["rail"] / 2000 / 365
    )
    np.testing.assert_allclose(demand.teu_per_year, demand.tonnes_per_year["rail"] / 10)
    transit = demand.transit["test-west"]
    assert transit.sum() == pytest.approx(1e4)
    assert demand.tonnes_per_year["road"][transit > 0].sum() == 0.0
