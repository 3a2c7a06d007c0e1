"""What accepting a proposal writes: one journal edit, with the document as its source.

- A corroboration adds the document as a further source of the held row.
- A status event adds a dated event to the project's timeline.
- A trade figure, a crossing's capacity or quota, a sister-city count adds a row; a figure
  that disagrees with a held one adds a *newer dated row* (observations, counts) and the
  held row keeps its value and sources. Where the table has no date to tell the two apart
  (trade per year, reporter, partner and flow) the conflict is refused: never overwritten.
- A project's cost, length or planned opening are fields of the project row, not dated
  rows: only corroborations are accepted there.
- An agreement the knowledge base lacks becomes a new agreement row.
- A new place, crossing or project needs fields a text rarely gives (coordinates, kind):
  refused with the list of what is missing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from caravan.analysis.monitoring.errors import ReviewError
from caravan.analysis.monitoring.sources import document_source
from caravan.model import (
    Agreement,
    Crossing,
    Observation,
    Place,
    Project,
    Quantity,
    Record,
    SisterCityCount,
    Source,
    StatusEvent,
    TradeFlow,
    TradeFlowKind,
)
from caravan.model.proposals import (
    Disposition,
    DocumentMeta,
    EntityKind,
    FigureQuantity,
    ProposedAgreement,
    ProposedEntity,
    ProposedFact,
    ProposedFigure,
    ProposedStatusEvent,
)
from caravan.store.journal import CITATION_ADDED, RECORD_ADDED, STATUS_EVENT

__all__ = ["JournalEdit", "journal_edit_for"]

#: Longest evidence kept in a note of an accepted row (characters).
NOTE_CHARACTERS = 400

_OBSERVED = {
    FigureQuantity.CAPACITY_VEHICLES_PER_DAY: Quantity.CAPACITY_VEHICLES_PER_DAY,
    FigureQuantity.DAILY_QUOTA_VEHICLES: Quantity.DAILY_QUOTA_VEHICLES,
    FigureQuantity.CAPACITY_TRAINS_PER_DAY: Quantity.CAPACITY_TRAINS_PER_DAY,
    FigureQuantity.CAPACITY_MT_PER_YEAR: Quantity.CAPACITY_MT_PER_YEAR,
    FigureQuantity.THROUGHPUT_MT_PER_YEAR: Quantity.THROUGHPUT_MT_PER_YEAR,
}
_PROJECT_FIELDS = {
    FigureQuantity.INVESTMENT_USD: "cost_usd",
    FigureQuantity.LENGTH_KM: "length_km",
    FigureQuantity.PLANNED_OPENING_YEAR: "planned_completion",
}
_ENTITY_RECORDS: dict[EntityKind, type[Record]] = {
    EntityKind.PLACE: Place,
    EntityKind.CROSSING: Crossing,
    EntityKind.PROJECT: Project,
    EntityKind.AGREEMENT: Agreement,
}


@dataclass(frozen=True)
class JournalEdit:
    """A journal entry to write: its kind, its payload, and the row it adds or cites."""

    kind: str
    payload: dict[str, Any]
    table: str
    key: str


def journal_edit_for(
    fact: ProposedFact, document: DocumentMeta, held: tuple[str, tuple[str, ...]] | None = None
) -> JournalEdit:
    """The journal edit accepting ``fact`` writes; ReviewError says what stands in the way.

    ``held`` is the table and keys of the rows a corroboration agrees with.
    """
    source = document_source(document)
    if fact.comparison.disposition is Disposition.CORROBORATION and held is not None:
        table, keys = held
        payload = {"table": table, "keys": list(keys), "source": _json(source)}
        return _edit(CITATION_ADDED, payload, fact, table, " ".join(keys))
    payload_of = fact.payload
    if isinstance(payload_of, ProposedStatusEvent):
        event = StatusEvent(
            project_id=payload_of.project_id,
            date=payload_of.date,
            date_precision=payload_of.date_precision,
            status=payload_of.status,
            note=_note(fact),
            source=(source.id,),
        )
        key = f"{event.project_id}/{event.date.isoformat()}/{event.status.value}"
        return _edit(
            STATUS_EVENT,
            {"event": _json(event), "source": _json(source)},
            fact,
            "project_events",
            key,
        )
    if isinstance(payload_of, ProposedFigure):
        return _figure_edit(fact, payload_of, document, source)
    if isinstance(payload_of, ProposedAgreement):
        return _agreement_edit(fact, payload_of, source)
    return _refuse_entity(fact, payload_of)


def _figure_edit(
    fact: ProposedFact, figure: ProposedFigure, document: DocumentMeta, source: Source
) -> JournalEdit:
    quantity = figure.quantity
    record: Record
    if quantity is FigureQuantity.TRADE_VALUE_USD:
        _require(
            fact,
            year=figure.year,
            reporter_id=figure.reporter_id,
            partner_id=figure.partner_id,
            why="trade is held per year, reporting country and partner",
        )
        record = TradeFlow(
            year=int(figure.year or 0),
            reporter_id=str(figure.reporter_id),
            partner_id=str(figure.partner_id),
            flow=TradeFlowKind.TOTAL,
            value_usd=figure.value,
            note=_note(fact),
            source=(source.id,),
        )
        return _record_edit(fact, "trade", record, source)
    if quantity in _OBSERVED:
        _require(fact, subject_id=figure.subject_id, why="a capacity belongs to a crossing or link")
        record = Observation(
            subject_id=str(figure.subject_id),
            quantity=_OBSERVED[quantity],
            value=figure.value,
            valid_from=_valid_from(fact, figure, document),
            note=_note(fact),
            source=(source.id,),
        )
        return _record_edit(fact, "observations", record, source)
    if quantity is FigureQuantity.SISTER_CITY_PAIRS:
        record = SisterCityCount(
            as_of=_valid_from(fact, figure, document),
            scope=figure.partner_id or "all",
            count=round(figure.value),
            note=_note(fact),
            source=(source.id,),
        )
        return _record_edit(fact, "sister_city_counts", record, source)
    field = _PROJECT_FIELDS[quantity]
    raise ReviewError(
        f"proposal {fact.id[:12]}: a project's {field} is a field of its row in projects.csv, "
        "not a dated row, so accepting a new value would overwrite the held one. Only a "
        "figure that agrees with the held value can be accepted (as a further source); "
        "change projects.csv with this document as its source, or reject the proposal"
    )


def _agreement_edit(
    fact: ProposedFact, agreement: ProposedAgreement, source: Source
) -> JournalEdit:
    if agreement.agreement_id:
        payload = {"table": "agreements", "keys": [agreement.agreement_id], "source": _json(source)}
        return _edit(CITATION_ADDED, payload, fact, "agreements", agreement.agreement_id)
    _require(
        fact,
        signed_on=agreement.signed_on,
        parties=agreement.parties or None,
        why="an agreement is held with its date and signatories",
    )
    signed_on = agreement.signed_on or dt.date.min
    record = Agreement(
        id=_agreement_id(agreement.name, signed_on),
        name=agreement.name,
        signed_on=signed_on,
        date_precision=agreement.date_precision,
        place_id=agreement.place_id,
        parties=agreement.parties,
        kind=agreement.agreement_kind,
        note=_note(fact),
        source=(source.id,),
    )
    return _record_edit(fact, "agreements", record, source)


def _refuse_entity(fact: ProposedFact, entity: ProposedEntity) -> JournalEdit:
    record = _ENTITY_RECORDS[entity.entity_kind]
    given = {"name", "name_en"} | ({"countries", "country_id"} if entity.country_ids else set())
    needed = [
        name
        for name, info in record.model_fields.items()
        if info.is_required() and name not in given and name != "source"
    ]
    raise ReviewError(
        f"proposal {fact.id[:12]} names a new {entity.entity_kind.value} {entity.name!r}; "
        f"the knowledge base needs its {', '.join(needed)} as well, which the text does not "
        f"give (caravan never invents coordinates). Add it to the data files with its "
        "sources, or reject the proposal"
    )


def _record_edit(fact: ProposedFact, table: str, record: Record, source: Source) -> JournalEdit:
    from caravan.store.schema import table_named

    payload = {"table": table, "record": _json(record), "sources": [_json(source)]}
    return _edit(RECORD_ADDED, payload, fact, table, table_named(table).key_of(record))


def _edit(
    kind: str, payload: dict[str, Any], fact: ProposedFact, table: str, key: str
) -> JournalEdit:
    return JournalEdit(kind, {**payload, "proposal_id": fact.id}, table, key)


def _require(fact: ProposedFact, *, why: str, **fields: object) -> None:
    missing = [name for name, value in fields.items() if value is None]
    if missing:
        sets = " ".join(f"--set {name}=…" for name in missing)
        raise ReviewError(
            f"proposal {fact.id[:12]} lacks {', '.join(missing)} ({why}); supply "
            f"{'it' if len(missing) == 1 else 'them'} with: caravan review edit "
            f"{fact.id[:12]} {sets}"
        )


def _valid_from(fact: ProposedFact, figure: ProposedFigure, document: DocumentMeta) -> dt.date:
    """The figure's own date, else 1 January of its year, else the document's date."""
    if figure.valid_from is not None:
        return figure.valid_from
    if figure.year is not None:
        return dt.date(figure.year, 1, 1)
    if document.published_on is not None:
        return document.published_on
    raise ReviewError(
        f"proposal {fact.id[:12]} has no date: give one with caravan review edit "
        f"{fact.id[:12]} --set valid_from=YYYY-MM-DD (or ingest the document with --date)"
    )


def _agreement_id(name: str, signed_on: dt.date) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())[:8] or ["document"]
    return f"agr-{signed_on.year}-{'-'.join(words)}"[:80].rstrip("-")


def _note(fact: ProposedFact) -> str:
    sentence = fact.evidence.sentence
    if len(sentence) > NOTE_CHARACTERS:
        sentence = sentence[: NOTE_CHARACTERS - 1] + "…"
    return f"The document reads: {sentence}"


def _json(record: Record) -> dict[str, Any]:
    return record.model_dump(mode="json")
