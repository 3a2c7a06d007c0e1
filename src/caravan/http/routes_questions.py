"""The questions: routes (with alternatives and Pareto front) and skims."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

import numpy as np
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse

from caravan.api import (
    LinkMode,
    RouteResult,
    ShipmentUnit,
    SkimMatrices,
    SkimProgress,
    TrainService,
    Weight,
)
from caravan.errors import WorkLimitError
from caravan.http.params import IsoDate, ScenarioName
from caravan.http.problems import TooMuchWorkError
from caravan.http.routes_knowledge import ObservatoryDep
from caravan.http.workers import (
    DEFAULT_DEADLINE_S,
    WorkersBusyError,
    busy_problem,
    setting,
    worker_pool,
)

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
    scenario: ScenarioName | None = None,
    service: Annotated[
        TrainService | None,
        Query(description="Rail service: container block trains (default) or wagonload."),
    ] = None,
) -> Response:
    # A plain route costs well under a millisecond, but alternatives, the Pareto sweep and via
    # points multiply the searches, and a new date compiles a network: the search runs in the
    # worker pool, so the event loop keeps serving while it computes. The result is
    # serialised there too, once, without re-validation.
    limit = request.app.state.settings.max_alternatives
    if alternatives > limit:
        raise TooMuchWorkError(f"at most {limit} alternatives per request")
    deadline_s = setting(request, "route_deadline_s", DEFAULT_DEADLINE_S)

    def answer() -> Response:
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
            deadline_s=deadline_s,
            scenario=scenario,
            service=service,
        )
        return Response(result.model_dump_json(), media_type="application/json")

    try:
        return await worker_pool(request.app).run(answer)
    except WorkersBusyError as busy:
        return busy_problem(request, busy)


@router.get(
    "/skim",
    summary="Time, cost, distance and generalised-cost matrices between places",
    response_model=dict[str, Any],
)
async def skim(
    request: Request,
    observatory: ObservatoryDep,
    places: Annotated[list[str], Query(min_length=2, max_length=1000)],
    by: Weight = Weight.GENERALISED,
    date: IsoDate | None = None,
    scenario: ScenarioName | None = None,
) -> Response:
    # Computed and serialised in the worker pool (the response is built there), off the loop.
    _limit_places(request, places)
    deadline_s = setting(request, "skim_deadline_s", DEFAULT_DEADLINE_S)

    def answer() -> Response:
        steps = observatory.iterate_skim(
            places, by=by, date=date, deadline_s=deadline_s, scenario=scenario
        )
        matrices = next(item for item in steps if isinstance(item, SkimMatrices))
        return JSONResponse(_skim_body(matrices))

    try:
        return await worker_pool(request.app).run(answer)
    except WorkersBusyError as busy:
        return busy_problem(request, busy)


@router.get(
    "/skim/stream",
    summary="A skim with streamed progress (server-sent events)",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/event-stream": {}},
            "description": "`progress` events {done, total}, then one `result` event; "
            "a skim past its deadline ends with an `error` event holding a problem document",
        }
    },
)
async def skim_stream(
    request: Request,
    observatory: ObservatoryDep,
    places: Annotated[list[str], Query(min_length=2, max_length=1000)],
    by: Weight = Weight.GENERALISED,
    date: IsoDate | None = None,
    chunk: Annotated[int, Query(ge=1, le=64)] = 8,
    scenario: ScenarioName | None = None,
) -> Response:
    _limit_places(request, places)
    deadline_s = setting(request, "skim_deadline_s", DEFAULT_DEADLINE_S)
    try:
        slot = worker_pool(request.app).reserve()  # one admission for the whole stream
    except WorkersBusyError as busy:
        return busy_problem(request, busy)
    try:
        steps = await slot.run(
            lambda: observatory.iterate_skim(
                places,
                by=by,
                date=date,
                chunk_size=chunk,
                deadline_s=deadline_s,
                scenario=scenario,
            )
        )
    except BaseException:  # unknown place …: answered as a problem, the slot given back
        slot.release()
        raise

    def step() -> str | None:
        """The next event, computed and formatted in a worker; None at the end."""
        item = next(steps, None)
        if item is None:
            return None
        if isinstance(item, SkimProgress):
            return (
                f"event: progress\ndata: {json.dumps({'done': item.done, 'total': item.total})}\n\n"
            )
        return f"event: result\ndata: {json.dumps(_skim_body(item))}\n\n"

    async def events() -> AsyncIterator[str]:
        # Each block is one hop to a worker. A client that goes away stops the iteration
        # between blocks: the work is abandoned cleanly and the slot given back.
        try:
            while (event := await slot.run(step)) is not None:
                yield event
        except WorkLimitError as error:  # the status line is sent: say it in the stream
            body = {
                "type": "/problems/too-slow",
                "title": "Question past its deadline",
                "status": 503,
                "detail": str(error),
                "instance": str(request.url.path),
            }
            yield f"event: error\ndata: {json.dumps(body)}\n\n"
        finally:
            slot.release()

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
        "time_h_low": plain(matrices.time_h_low),
        "time_h_high": plain(matrices.time_h_high),
        "cost_usd": plain(matrices.cost_usd),
        "length_km": plain(matrices.length_km),
        "generalised_usd": plain(matrices.generalised_usd),
    }


@router.get(
    "/compare",
    summary="What changes from scenario a to scenario b: pairs, country pairs, routes, projects",
    response_model=dict[str, Any],
)
async def compare(
    request: Request,
    observatory: ObservatoryDep,
    a: ScenarioName,
    b: ScenarioName,
    by: Weight = Weight.GENERALISED,
    date: IsoDate | None = None,
) -> Response:
    # Two skims, two tree passes and a few routes (a few hundred ms, more when a network must
    # be compiled): computed and serialised in the worker pool, off the event loop.
    def answer() -> Response:
        from caravan.analysis.comparison.output import comparison_json

        result = observatory.compare(a, b, by=by, date=date)
        return JSONResponse(comparison_json(result))

    try:
        return await worker_pool(request.app).run(answer)
    except WorkersBusyError as busy:
        return busy_problem(request, busy)
