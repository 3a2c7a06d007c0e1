"""Read-only resources: places, crossings, links, projects, agreements, trade, people, sources."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, StringConstraints

from caravan.api import Observatory, TimelineItem, parse_years
from caravan.http.pages import Page, PageParams, paginate
from caravan.http.params import IsoDate, ScenarioName
from caravan.http.problems import problem_responses
from caravan.model import (
    Agreement,
    Link,
    LinkMode,
    Place,
    PlaceKind,
    PriorityDirection,
    ProjectStatus,
    Scenario,
    SisterCityCount,
    SisterCityPair,
    Source,
)
from caravan.views import (
    CrossingView,
    PlaceDetails,
    ProjectDetails,
    ProjectRow,
    SourceDetails,
    TableCount,
    TradeReport,
)

__all__ = ["PublicSummary", "observatory_of", "router"]

router = APIRouter(prefix="/api/v1")


def observatory_of(request: Request) -> Observatory:
    """The app's observatory."""
    observatory: Observatory = request.app.state.observatory
    return observatory


ObservatoryDep = Annotated[Observatory, Depends(observatory_of)]
PageDep = Annotated[PageParams, Depends()]
CountryQuery = Annotated[
    str | None,
    Query(
        pattern=r"^[a-z]{2}$",
        description="Country id, e.g. kz (an id the data does not hold: 404 with the choices).",
    ),
]


#: A 404 for an unknown place or record, declared on the routes that look one up.
NOT_FOUND = problem_responses(404)


class PublicSummary(BaseModel):
    """What the knowledge base holds, as served over HTTP: the server's file paths left out."""

    model_config = ConfigDict(frozen=True)

    built_at: str
    boundary_method: str
    tables: list[TableCount]
    sources: int
    assumptions: int
    latest_trade_year: int | None
    latest_trade_total_usd: float | None


@router.get("/meta", summary="What the knowledge base holds")
def meta(observatory: ObservatoryDep) -> PublicSummary:
    # An allow-list, not an exclusion: a field added to Summary stays private until listed here.
    summary = observatory.summary()
    return PublicSummary(**{name: getattr(summary, name) for name in PublicSummary.model_fields})


@router.get("/places", summary="Places, filtered by country, kind and name", responses=NOT_FOUND)
def places(
    observatory: ObservatoryDep,
    page: PageDep,
    country: CountryQuery = None,
    kind: PlaceKind | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Part of a name.")] = None,
) -> Page[Place]:
    rows = observatory.places(country, kind)
    if q:
        needle = q.casefold()
        rows = [
            p
            for p in rows
            if any(
                needle in (n or "").casefold()
                for n in (p.name_en, p.name_ru, p.name_zh, p.name_local, *p.aliases)
            )
        ]
    return paginate(rows, page)


@router.get("/places/{name}", summary="One place by name, alias or id", responses=NOT_FOUND)
def place(observatory: ObservatoryDep, name: str) -> PlaceDetails:
    return observatory.place(name)


@router.get(
    "/crossings",
    summary="Border crossings with posts and dated observations",
    responses=NOT_FOUND,
)
def crossings(
    observatory: ObservatoryDep,
    page: PageDep,
    country: CountryQuery = None,
    mode: LinkMode | None = None,
) -> Page[CrossingView]:
    return paginate(observatory.crossings(country, mode.value if mode else None), page)


@router.get("/links", summary="Rail, road and ferry links")
def links(observatory: ObservatoryDep, page: PageDep, mode: LinkMode | None = None) -> Page[Link]:
    return paginate(observatory.kb.links(mode.value if mode else None), page)


@router.get("/projects", summary="Projects and their status as of a date", responses=NOT_FOUND)
def projects(
    observatory: ObservatoryDep,
    page: PageDep,
    direction: PriorityDirection | None = None,
    status: ProjectStatus | None = None,
    country: CountryQuery = None,
    as_of: IsoDate | None = None,
    scenario: ScenarioName | None = None,
) -> Page[ProjectRow]:
    return paginate(observatory.projects(direction, status, country, as_of, scenario), page)


@router.get(
    "/projects/{project_id}",
    summary="One project: timeline, links, crossings, sources",
    responses=NOT_FOUND,
)
def project(
    observatory: ObservatoryDep, project_id: str, as_of: IsoDate | None = None
) -> ProjectDetails:
    return observatory.project(project_id, as_of)


@router.get("/agreements", summary="Agreements, by summit and party", responses=NOT_FOUND)
def agreements(
    observatory: ObservatoryDep,
    page: PageDep,
    summit: Annotated[str | None, Query(pattern=r"^(xian-2023|astana-2025)$")] = None,
    party: CountryQuery = None,
) -> Page[Agreement]:
    return paginate(observatory.agreements(summit, party), page)


@router.get(
    "/trade",
    summary="Goods trade by year and partner, as one reporter publishes it",
    responses=NOT_FOUND,
)
def trade(
    observatory: ObservatoryDep,
    partner: Annotated[
        list[Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]] | None,
        Query(description="Partner country ids, e.g. kz (repeatable)."),
    ] = None,
    years: Annotated[
        str | None,
        Query(
            pattern=r"^\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*$",
            description="2024, 2013-2025 or 2022,2024.",
        ),
    ] = None,
    reporter: Annotated[str, Query(pattern=r"^[a-z]{2}$")] = "cn",
) -> TradeReport:
    return observatory.trade(partner, parse_years(years), reporter)


@router.get("/sister-cities", summary="Sister-city pairs", responses=NOT_FOUND)
def sister_cities(
    observatory: ObservatoryDep, page: PageDep, country: CountryQuery = None
) -> Page[SisterCityPair]:
    return paginate(observatory.sister_cities(country), page)


@router.get("/sister-cities/counts", summary="Official counts of sister-city pairs")
def sister_city_counts(observatory: ObservatoryDep) -> list[SisterCityCount]:
    return observatory.sister_city_counts()


@router.get("/sources", summary="Every published source")
def sources(observatory: ObservatoryDep, page: PageDep) -> Page[Source]:
    return paginate(observatory.sources(), page)


@router.get(
    "/sources/{source_id}",
    summary="One source or assumption, and the rows that cite it",
    responses=NOT_FOUND,
)
def source(observatory: ObservatoryDep, source_id: str) -> SourceDetails:
    return observatory.source(source_id)


@router.get("/map", summary="GeoJSON layers of the network as on a date")
def map_layers(
    observatory: ObservatoryDep, date: IsoDate | None = None, scenario: ScenarioName | None = None
) -> dict[str, Any]:
    return observatory.map_layers(date, scenario=scenario)


@router.get("/timeline", summary="When each link and crossing opened or is planned to open")
def timeline(
    observatory: ObservatoryDep, scenario: ScenarioName | None = None
) -> list[TimelineItem]:
    return observatory.timeline(scenario=scenario)


@router.get("/scenarios", summary="The built-in scenarios: name, description, date, sources")
def scenarios(observatory: ObservatoryDep) -> list[Scenario]:
    return observatory.scenarios()
