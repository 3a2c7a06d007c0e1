"""A year's freight assignment end to end: demand from trade, the network of the year, loads.

Demand comes from :func:`caravan.analysis.demand.freight_demand` for the year, its rail/road
split fitted on the knowledge base as reported. Under a scenario the split is recomputed on
the scenario's network with the same fitted constant and scale (:func:`demand_under`): the
tonnes between zones stay, the mode they cross borders by and their routes respond; the
volume of trade does not (the trade response estimates that).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import ValidationError

from caravan.analysis.assignment import Algorithm, AssignmentSpec
from caravan.analysis.freight.assign import FreightProgress, assign_freight
from caravan.analysis.freight.parameters import FreightParameters
from caravan.analysis.freight.results import FreightAssignment
from caravan.errors import InvalidQueryError, UnknownRecordError
from caravan.model import Scenario
from caravan.network import NetworkSnapshot
from caravan.store import KnowledgeBase

if TYPE_CHECKING:
    from caravan.analysis.demand import FreightDemand

__all__ = ["assign_year", "assignment_spec", "demand_under"]


def assignment_spec(algorithm: str | None = None, gap: float | None = None) -> AssignmentSpec:
    """The spec of a freight run (defaults: bi-conjugate Frank–Wolfe to a relative gap of 1e-4).

    Raises :class:`~caravan.errors.InvalidQueryError` naming the choices or the range.
    """
    choices = ", ".join(a.value for a in Algorithm)
    if algorithm == Algorithm.ALL_OR_NOTHING.value and gap is None:
        gap = 1.0  # one loading: its gap is reported, not aimed at
    if algorithm is not None and algorithm not in {a.value for a in Algorithm}:
        raise InvalidQueryError(f"unknown algorithm {algorithm!r}: choose one of {choices}")
    fields: dict[str, object] = {}
    if algorithm is not None:
        fields["algorithm"] = Algorithm(algorithm)
    if gap is not None:
        fields["target_gap"] = gap
    try:
        return AssignmentSpec.model_validate(fields)
    except ValidationError as exc:
        raise InvalidQueryError(
            f"relative gap {gap!r} is not in (0, 1]: give a number such as 1e-4"
        ) from exc


def demand_under(
    kb: KnowledgeBase,
    year: int,
    snapshot: NetworkSnapshot | None = None,
    reported: FreightDemand | None = None,
) -> FreightDemand:
    """The year's freight demand, its mode split on ``snapshot`` (None: as reported);
    ``reported`` is the year's demand as reported when already computed.

    Raises :class:`~caravan.errors.UnknownRecordError` for a year without trade figures,
    naming the nearest years that have them.
    """
    from caravan.analysis.demand import NoTradeDataError, freight_demand, mode_skims

    try:
        reported = reported or freight_demand(kb, year)
    except NoTradeDataError as missing:
        nearest = [str(y) for y in missing.nearest_years]
        raise UnknownRecordError("trade year", str(year), nearest) from missing
    if snapshot is None:
        return reported
    skims = mode_skims(kb, reported.zones, snapshot.date, snapshot=snapshot)
    return freight_demand(kb, year, skims=skims, parameters=reported.parameters)


def assign_year(
    kb: KnowledgeBase,
    year: int,
    network_on: Callable[[dt.date], NetworkSnapshot],
    *,
    scenario: Scenario | None = None,
    spec: AssignmentSpec | None = None,
    select_crossing: str | None = None,
    report_miss: bool = False,
    progress: FreightProgress | None = None,
    parameters: FreightParameters | None = None,
) -> FreightAssignment:
    """Assign ``year``'s freight demand on the network ``network_on`` compiles for its date
    (under ``scenario``, the mode split is recomputed on it: :func:`demand_under`).
    ``parameters`` replaces the knowledge base's ``asm-freight-…`` defaults (sensitivity runs).

    A year without trade figures raises :class:`~caravan.errors.UnknownRecordError` naming
    the nearest years that have them.
    """
    parameters = parameters or FreightParameters.from_knowledge_base(kb)
    if progress:
        progress("demand", 0, 1)
    snapshot = network_on(parameters.date_of(year))
    demand = demand_under(kb, year, snapshot if scenario is not None else None)
    return assign_freight(
        kb,
        snapshot,
        demand,
        spec=spec,
        parameters=parameters,
        scenario=scenario,
        select_crossing=select_crossing,
        report_miss=report_miss,
        progress=progress,
    )
