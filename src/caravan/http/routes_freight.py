"""The freight assignment: a year's loads and utilisation per crossing and link."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from caravan.api import Algorithm
from caravan.http.params import ScenarioName
from caravan.http.routes_knowledge import ObservatoryDep
from caravan.http.workers import WorkersBusyError, busy_problem, worker_pool

__all__ = ["router"]

router = APIRouter(prefix="/api/v1")


@router.get(
    "/assignment",
    summary="A year's freight assigned with capacities: loads, utilisation and waiting per "
    "crossing and link, convergence, and loads against published volumes",
    response_model=dict[str, Any],
)
async def assignment(
    request: Request,
    observatory: ObservatoryDep,
    year: Annotated[int, Query(ge=2000, le=2100, description="Year of the trade assigned.")],
    scenario: ScenarioName | None = None,
    algorithm: Algorithm | None = None,
    gap: Annotated[
        float | None, Query(ge=1e-8, le=1.0, description="Relative gap to reach (1e-4).")
    ] = None,
    select_link: Annotated[
        str | None,
        Query(min_length=1, max_length=100, description="A crossing id: the pairs using it."),
    ] = None,
) -> Response:
    # Demand, two network cuts and two equilibria (about a second): computed and serialised
    # in the worker pool, off the event loop. A missed gap is reported in the runs and notes
    # (converged: false), not refused: the loads are still the best iterate reached.
    def answer() -> Response:
        result = observatory.assign(
            year,
            scenario,
            algorithm=algorithm.value if algorithm else None,
            gap=gap,
            select_link=select_link,
            report_miss=True,
        )
        data = result.as_json()
        data["published"] = [row.as_row() for row in observatory.loads_against_published(result)]
        data["link_totals"] = [
            {"link_id": link, "mt_per_year": mt, "utilisation": utilisation}
            for link, (mt, utilisation) in result.link_totals().items()
        ]
        return JSONResponse(data)

    try:
        return await worker_pool(request.app).run(answer)
    except WorkersBusyError as busy:
        return busy_problem(request, busy)
