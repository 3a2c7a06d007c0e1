"""Facts proposed by reading a document, awaiting a person's review.

Monitoring reads news and official texts into these records; nothing here touches the
knowledge base. A proposal carries its evidence (sentence and character span in the
document's extracted text), a confidence, the document as its source, how it compares
with what the knowledge base already holds, and any flags a reviewer must see.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caravan.model.enums import AgreementKind, DatePrecision, ProjectStatus
from caravan.model.records import CountryId, Record, Slug

__all__ = [
    "Comparison",
    "Disposition",
    "DocumentMeta",
    "EntityKind",
    "Evidence",
    "FactKind",
    "FigureQuantity",
    "Flag",
    "FlagCode",
    "ProposalState",
    "ProposedAgreement",
    "ProposedEntity",
    "ProposedFact",
    "ProposedFigure",
    "ProposedStatusEvent",
]


class FactKind(StrEnum):
    """What a proposal would add to the knowledge base."""

    STATUS_EVENT = "status_event"
    FIGURE = "figure"
    AGREEMENT = "agreement"
    NEW_ENTITY = "new_entity"


class FigureQuantity(StrEnum):
    """Figures monitoring reads, each with its unit in the name."""

    TRADE_VALUE_USD = "trade_value_usd"
    INVESTMENT_USD = "investment_usd"
    CAPACITY_VEHICLES_PER_DAY = "capacity_vehicles_per_day"
    DAILY_QUOTA_VEHICLES = "daily_quota_vehicles"
    CAPACITY_TRAINS_PER_DAY = "capacity_trains_per_day"
    CAPACITY_MT_PER_YEAR = "capacity_mt_per_year"
    THROUGHPUT_MT_PER_YEAR = "throughput_mt_per_year"
    LENGTH_KM = "length_km"
    SISTER_CITY_PAIRS = "sister_city_pairs"
    PLANNED_OPENING_YEAR = "planned_opening_year"


class EntityKind(StrEnum):
    """Kinds of things a document may name that the knowledge base may not know."""

    PLACE = "place"
    CROSSING = "crossing"
    PROJECT = "project"
    AGREEMENT = "agreement"


class Disposition(StrEnum):
    """How a proposal relates to the knowledge base."""

    NEW = "new"  # nothing comparable held
    CORROBORATION = "corroboration"  # agrees with a held row: adds a second source
    CONFLICT = "conflict"  # disagrees with a held row: both values and sources shown


class ProposalState(StrEnum):
    """Where a proposal stands in review."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class FlagCode(StrEnum):
    """Reasons a reviewer must look twice."""

    SPELLING_VARIANT = "spelling_variant"  # a name matched only as a variant or typo
    SUSPICIOUS_STATEMENT = "suspicious_statement"  # out of context (e.g. a non-member party)
    UNKNOWN_ENTITY = "unknown_entity"  # names something the knowledge base lacks
    AMBIGUOUS = "ambiguous"  # several knowledge-base rows fit
    LOW_CONFIDENCE = "low_confidence"
    PARTIAL_DOCUMENT = "partial_document"  # the document was truncated or partly unreadable


class Flag(Record):
    """A note for the reviewer with a machine-readable code."""

    code: FlagCode
    message: str = Field(min_length=1)


class DocumentMeta(Record):
    """A document that was read: the source every proposal from it cites."""

    id: str = Field(pattern=r"^[0-9a-f]{16,64}$", description="Hash of the extracted text.")
    title: str | None = Field(None, description="Title from the document or a flag.")
    publisher: str | None = Field(None, description="Who published it.")
    published_on: dt.date | None = Field(None, description="Publication date.")
    published_precision: DatePrecision = Field(
        DatePrecision.DAY,
        description="How precisely published_on is known: its day, or its month (first day).",
    )
    url: str | None = Field(None, pattern=r"^https?://\S+$", description="Where it can be read.")
    language: str = Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code: en, ru, …")
    path: str | None = Field(None, description="File it was read from.")
    characters: int = Field(ge=0, description="Length of the extracted text.")


class Evidence(Record):
    """The sentence a fact was read from, with its character span in the extracted text."""

    sentence: str = Field(min_length=1)
    start: int = Field(ge=0, description="Offset of the sentence's first character.")
    end: int = Field(ge=0, description="Offset just past the sentence's last character.")

    @model_validator(mode="after")
    def _span_matches(self) -> Evidence:
        if self.end - self.start != len(self.sentence):
            raise ValueError("the span's length must equal the sentence's length")
        return self


class ProposedStatusEvent(Record):
    """A dated step in a known project's status timeline."""

    kind: Literal[FactKind.STATUS_EVENT] = FactKind.STATUS_EVENT
    project_id: Slug
    status: ProjectStatus
    date: dt.date
    date_precision: DatePrecision


class ProposedFigure(Record):
    """A figure with its scope: what it measures, of what, for which year or date."""

    kind: Literal[FactKind.FIGURE] = FactKind.FIGURE
    quantity: FigureQuantity
    value: float = Field(ge=0, description="In the unit named by the quantity.")
    subject_id: Slug | None = Field(
        None, description="Project, crossing, link or place measured; empty for a total."
    )
    reporter_id: CountryId | None = Field(None, description="For trade: whose figure (cn, …).")
    partner_id: CountryId | None = Field(
        None, description="For trade: the partner; empty for China–Central Asia as a whole."
    )
    year: int | None = Field(None, ge=1990, le=2100, description="Year the figure is for.")
    valid_from: dt.date | None = Field(None, description="Date from which it holds.")


class ProposedAgreement(Record):
    """A signed document: name, date, place, parties."""

    kind: Literal[FactKind.AGREEMENT] = FactKind.AGREEMENT
    name: str = Field(min_length=1)
    agreement_kind: AgreementKind
    signed_on: dt.date | None = None
    date_precision: DatePrecision | None = None
    place_id: Slug | None = None
    parties: tuple[CountryId, ...] = ()
    agreement_id: Slug | None = Field(None, description="The known agreement it matches, if any.")


class ProposedEntity(Record):
    """Something named in the text that the knowledge base does not know yet."""

    kind: Literal[FactKind.NEW_ENTITY] = FactKind.NEW_ENTITY
    entity_kind: EntityKind
    name: str = Field(min_length=1)
    country_ids: tuple[CountryId, ...] = ()


Payload = Annotated[
    ProposedStatusEvent | ProposedFigure | ProposedAgreement | ProposedEntity,
    Field(discriminator="kind"),
]


class Comparison(Record):
    """The knowledge-base row a proposal agrees or disagrees with."""

    disposition: Disposition
    held_value: str | None = Field(None, description="The held value, as text, if comparable.")
    held_sources: tuple[str, ...] = Field((), description="Source ids behind the held value.")
    held_ref: str | None = Field(None, description="Which row: table and key.")


class ProposedFact(Record):
    """One fact read from a document, with evidence, confidence and review state."""

    id: str = Field(
        pattern=r"^[0-9a-f]{16,64}$",
        description="Stable hash of document id, payload and evidence span: re-reading adds nothing.",
    )
    document_id: str = Field(pattern=r"^[0-9a-f]{16,64}$")
    payload: Payload
    evidence: Evidence
    mention: str = Field(min_length=1, description="The words the fact was read from.")
    confidence: float = Field(ge=0, le=1)
    comparison: Comparison = Comparison(disposition=Disposition.NEW)
    flags: tuple[Flag, ...] = ()
    state: ProposalState = ProposalState.PENDING

    @property
    def kind(self) -> FactKind:
        """What the proposal would add."""
        return self.payload.kind
