"""Which links and crossings are usable on a date, and why not when they are not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from caravan.model import (
    Crossing,
    CrossingStatus,
    Link,
    LinkStatus,
    OpeningDays,
    ProjectStatus,
)

__all__ = ["crossing_closure", "in_season", "link_closure"]


def link_closure(
    link: Link, date: dt.date, project_status: Mapping[str, ProjectStatus | None]
) -> str | None:
    """None when the link is in service on ``date``, else the reason it is not."""
    if link.project_id:
        status = project_status.get(link.project_id)
        if status != ProjectStatus.IN_SERVICE:
            shown = status.value if status else "not yet announced"
            return f"{link.id} belongs to {link.project_id}, {shown} on {date}"
        return None
    if link.status != LinkStatus.IN_SERVICE:
        return f"{link.id} is {link.status.value}"
    if link.opened_on and link.opened_on > date:
        return f"{link.id} opened only on {link.opened_on}"
    return None


def in_season(season: str, date: dt.date) -> bool:
    """True when ``date`` falls in a `MM-DD..MM-DD` season (which may wrap the new year)."""
    start_text, end_text = season.split("..")
    start = (int(start_text[:2]), int(start_text[3:]))
    end = (int(end_text[:2]), int(end_text[3:]))
    day = (date.month, date.day)
    if start <= end:
        return start <= day <= end
    return day >= start or day <= end


def crossing_closure(
    crossing: Crossing,
    date: dt.date,
    project_status: Mapping[str, ProjectStatus | None],
    cn_holidays: frozenset[dt.date],
) -> str | None:
    """None when the crossing works on ``date``, else the reason it does not."""
    if crossing.project_id and project_status.get(crossing.project_id) != ProjectStatus.IN_SERVICE:
        status = project_status.get(crossing.project_id)
        shown = status.value if status else "not yet announced"
        return f"{crossing.id} belongs to {crossing.project_id}, {shown} on {date}"
    if not crossing.project_id and crossing.status not in (
        CrossingStatus.IN_SERVICE,
        CrossingStatus.TEMPORARY,
    ):
        return f"{crossing.id} is {crossing.status.value}"
    if crossing.opened_on and crossing.opened_on > date:
        return f"{crossing.id} opened only on {crossing.opened_on}"
    if crossing.seasonal_open and not in_season(crossing.seasonal_open, date):
        return f"{crossing.id} is closed on {date} (open {crossing.seasonal_open} only)"
    weekday = date.weekday()
    if crossing.opening_days == OpeningDays.MON_FRI and weekday >= 5:
        return f"{crossing.id} works Monday to Friday; {date} is a {date:%A}"
    if crossing.opening_days == OpeningDays.MON_SAT and weekday == 6:
        return f"{crossing.id} works Monday to Saturday; {date} is a Sunday"
    if crossing.closes_on_cn_holidays and date in cn_holidays:
        return f"{crossing.id} is closed on {date}, a Chinese public holiday"
    return None
