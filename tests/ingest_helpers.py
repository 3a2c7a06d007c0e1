"""Helpers shared by the ingest tests: proposing from inline text, picking proposals of one
kind (new entities by their names), a tiny PDF by hand, and the evaluation scripts' modules loaded by name."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

from caravan.analysis.ingest import propose, read_text
from caravan.analysis.ingest.readings import read_proposals
from caravan.model.proposals import (
    EntityKind,
    FigureQuantity,
    ProposedEntity,
    ProposedFact,
    ProposedFigure,
    ProposedStatusEvent,
)
from caravan.store import KnowledgeBase

DOCUMENT_DAY = dt.date(2025, 6, 30)
EVALUATION = Path(__file__).resolve().parent.parent / "evaluation"


def proposals_from(kb: KnowledgeBase, text: str, day: dt.date = DOCUMENT_DAY) -> list[ProposedFact]:
    """Read ``text`` as a document published on ``day`` and propose its facts."""
    read = read_text(text, published_on=day)
    return propose(kb, read.text, read.meta)


def rule_readings_from(
    kb: KnowledgeBase, text: str, day: dt.date = DOCUMENT_DAY
) -> list[ProposedFact]:
    """The rules' proposals from ``text``, each with its rule's own confidence (before the
    learned confidence ``propose`` gives)."""
    read = read_text(text, published_on=day)
    return [r.fact for r in read_proposals(kb, read.text, read.meta)]


def new_entity_names(kb: KnowledgeBase, text: str, kind: EntityKind) -> list[str]:
    """The names of the new entities of one kind proposed from ``text``."""
    return [
        f.payload.name
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedEntity) and f.payload.entity_kind is kind
    ]


def figures_in(facts: list[ProposedFact], quantity: FigureQuantity) -> list[ProposedFigure]:
    """The proposed figures of ``quantity`` among ``facts``, in order."""
    return [
        f.payload
        for f in facts
        if isinstance(f.payload, ProposedFigure) and f.payload.quantity is quantity
    ]


def events_in(facts: list[ProposedFact]) -> list[ProposedStatusEvent]:
    """The proposed status events among ``facts``, in order."""
    return [f.payload for f in facts if isinstance(f.payload, ProposedStatusEvent)]


def tiny_pdf(pages: list[str], broken_page: int | None = None) -> bytes:
    """A minimal valid PDF with one line of Helvetica text per page; one page may be broken."""
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, text in enumerate(pages):
        objects.append(
            (
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
            ).encode()
        )
        if i == broken_page:
            data = b"this is not deflate data"
            header = b"<< /Length %d /Filter /FlateDecode >>" % len(data)
        else:
            data = f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET".encode()
            header = b"<< /Length %d >>" % len(data)
        objects.append(header + b"\nstream\n" + data + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def evaluation_module(name: str) -> ModuleType:
    """``evaluation/<name>.py`` imported under ``name`` (the evaluation scripts are no package)."""
    spec = importlib.util.spec_from_file_location(name, EVALUATION / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
