"""The questions: routes (with alternatives and Pareto front) and skims."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any

import numpy as np
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import StreamingResponse

from caravan.api import LinkMode, RouteResult, ShipmentUnit, SkimMatrices, SkimProgress, Weight
from caravan.http.params import IsoDate
from caravan.http.problems import TooMuchWorkError
from caravan.http.routes_knowledge import ObservatoryDep

__all__ = ["router"]

router = APIRouter(prefix="/api/v1")
IdList = Annotated[list[str] | None, Query(max_length=10)]


@router.get(
    "/route",
    summary="Best freight route, alternatives and the time–cost Pareto front",
    response_model=RouteResult,
)
async def route(
    request: Request,
    observatory: ObservatoryDep,
    origin: Annotated[str, Query(min_length=1, max_length=100)],
    destination: Annotated[str, Query(min_length=1, max_length=100)],
    by: Weight = Weight.GENERALISED,
    mode: Annotated[list[LinkMode] | None, Query(max_length=3)] = None,
    avoid: IdList = None,
    via: IdList = None,
    alternatives: Annotated[int, Query(ge=0, le=10)] = 0,
    pareto: bool = False,
    date: IsoDate | None = None,
    unit: ShipmentUnit = ShipmentUnit.TEU,
) -> Response:
    # Async on purpose: a route takes well under a millisecond on the cached snapshot, less
    # than a hop through the thread pool; the result is serialised once, without re-validation.
    limit = request.app.state.settings.max_alternatives
    if alternatives > limit:
        raise TooMuchWorkError(f"at most {limit} alternatives per request")
    result = observatory.route(
        origin,
        destination,
        by=by,
        modes=mode,
        avoid=avoid or (),
        via=via or (),
        alternatives=alternatives,
        pareto=pareto,
        date=date,
        unit=unit,
    )
    return Response(result.model_dump_json(), media_type="application/json")


@router.get("/skim", summary="Time, cost, distance and generalised-cost matrices between places")
def skim(
    request: Request,
    observatory: ObservatoryDep,
    places: Annotated[list[str], Query(min_length=2, max_length=1000)],
    by: Weight = Weight.GENERALISED,
    date: IsoDate | None = None,
) -> dict[str, Any]:
    _limit_places(request, places)
    return _skim_body(observatory.skim(places, by=by, date=date))


@router.get(
    "/skim/stream",
    summary="A skim with streamed progress (server-sent events)",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/event-stream": {}},
            "description": "`progress` events {done, total}, then one `result` event",
        }
    },
)
def skim_stream(
    request: Request,
    observatory: ObservatoryDep,
    places: Annotated[list[str], Query(min_length=2, max_length=1000)],
    by: Weight = Weight.GENERALISED,
    date: IsoDate | None = None,
    chunk: Annotated[int, Query(ge=1, le=64)] = 8,
) -> Response:
    _limit_places(request, places)
    steps = observatory.iterate_skim(places, by=by, date=date, chunk_size=chunk)

    def events() -> Iterator[str]:
        # A client that goes away stops the iteration between blocks: the work is abandoned cleanly.
        for item in steps:
            if isinstance(item, SkimProgress):
                yield f"event: progress\ndata: {json.dumps({'done': item.done, 'total': item.total})}\n\n"
            else:
                yield f"event: result\ndata: {json.dumps(_skim_body(item))}\n\n"

    return StreamingResponse(
        events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )


def _limit_places(request: Request, places: list[str]) -> None:
    limit = request.app.state.settings.max_skim_places
    if len(places) > limit:
        raise TooMuchWorkError(f"at most {limit} places per skim request")


def _skim_body(matrices: SkimMatrices) -> dict[str, Any]:
    def plain(values: np.ndarray[Any, Any]) -> list[list[float | None]]:
        return [[float(v) if np.isfinite(v) else None for v in row] for row in values]

    return {
        "place_ids": list(matrices.place_ids),
        "weight": matrices.weight,
        "date": matrices.date,
        "unreachable": "null",
        "time_h": plain(matrices.time_h),
        "cost_usd": plain(matrices.cost_usd),
        "length_km": plain(matrices.length_km),
        "generalised_usd": plain(matrices.generalised_usd),
    }
