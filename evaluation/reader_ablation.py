"""What each reader of the rules adds: matched and false proposals with it and without it.

Usage: .venv/bin/python evaluation/reader_ablation.py --corpus DIR [--corpus DIR …] [--only NAME]

Each reader of new places and projects (a generator in ``entities.py``), each group of status
triggers, the dating of an undated status by the year the text before names, and the look-up of
a held name by its first words is switched off in turn; the labelled sets are read again and
scored. A reader that adds more false proposals than matched ones on texts it was not written
for is a candidate for removal (docs/ingest.md, "Which readers carry to new texts").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ingest_labels import Document, load_corpus
from ingest_matching import score_document
from ingest_quality import read_labelled_text
from rich.console import Console
from rich.table import Table

import caravan.analysis.ingest.entities as entities
import caravan.analysis.ingest.events as events
from caravan.analysis.ingest import propose
from caravan.analysis.ingest.attended_openings import ATTENDED_TRIGGERS
from caravan.analysis.ingest.closures import CLOSURE_TRIGGERS
from caravan.analysis.ingest.coming_into_being import BEING_TRIGGERS
from caravan.analysis.ingest.deliveries import DELIVERY_TRIGGERS
from caravan.analysis.ingest.event_nouns import EVENT_NOUN_TRIGGERS
from caravan.analysis.ingest.facility_use import USE_TRIGGERS
from caravan.analysis.ingest.gazetteer import Gazetteer
from caravan.analysis.ingest.opening_nouns import OPENING_TRIGGERS
from caravan.analysis.ingest.operators_at_work import OPERATOR_TRIGGERS
from caravan.analysis.ingest.pace_states import PACE_TRIGGERS
from caravan.analysis.ingest.passive_signings import SIGNED_TRIGGERS
from caravan.analysis.ingest.phase_states import PHASE_TRIGGERS
from caravan.analysis.ingest.progress_states import PROGRESS_TRIGGERS
from caravan.analysis.ingest.since_states import SINCE_TRIGGERS
from caravan.api import Observatory

#: The readers of new places and projects that ``entities.new_entities`` calls by name.
ENTITY_READERS = (
    "apposed_facilities", "built_facilities", "grouped_places", "country_chain_lines",
    "crossing_pairs", "described_facilities", "facility_phrases", "family_members",
    "hosted_facilities", "line_upgrades", "built_lines", "linking_lines", "listed_crossings",
    "listed_lines", "named_projects", "quoted_lines", "quoted_zones", "abbreviated_zones",
    "route_chain_places", "station_names", "tied_names", "typed_places", "new_cities", "venues",
    "beside_country", "model_places", "place_airports", "own_named_airports",
    "facilities_at_each", "listed_units", "named_facilities", "named_zones",
    "own_named_facilities", "quoted_facilities", "city_chain_services", "first_trains",
    "named_services", "world_places", "listed_places", "paired_tunnels", "route_places",
    "hosted_institutes",
)  # fmt: skip
#: The groups of status triggers added to the base triggers, by the module that holds them.
TRIGGER_GROUPS: dict[str, tuple[Any, ...]] = {
    "since_states": SINCE_TRIGGERS, "phase_states": PHASE_TRIGGERS,
    "progress_states": PROGRESS_TRIGGERS, "passive_signings": SIGNED_TRIGGERS,
    "coming_into_being": BEING_TRIGGERS, "pace_states": PACE_TRIGGERS,
    "facility_use": USE_TRIGGERS, "event_nouns": EVENT_NOUN_TRIGGERS,
    "attended_openings": ATTENDED_TRIGGERS, "deliveries": DELIVERY_TRIGGERS,
    "operators_at_work": OPERATOR_TRIGGERS, "closures": CLOSURE_TRIGGERS,
    "opening_nouns": OPENING_TRIGGERS,
}  # fmt: skip


def _nothing(*_: object, **__: object) -> Iterator[Any]:
    return iter(())


def switches() -> Iterator[tuple[str, object, str, object]]:
    """Each thing to switch off: its name, the object and attribute, and what stands in."""
    for name in ENTITY_READERS:
        yield f"reader {name}", entities, name, _nothing
    for name, group in TRIGGER_GROUPS.items():
        kept = tuple(t for t in events.STATUS_TRIGGERS if not any(t is g for g in group))
        yield f"triggers {name}", events, "STATUS_TRIGGERS", kept
    yield "dating by the framing year", events, "framing_year", lambda *_: None
    yield "names by their first words", Gazetteer, "_prefix_entries", lambda *_: []


@contextmanager
def switched_off(owner: object, attribute: str, stand_in: object) -> Iterator[None]:
    """Replace an attribute for the duration of a block, and put it back."""
    kept = getattr(owner, attribute)
    setattr(owner, attribute, stand_in)
    try:
        yield
    finally:
        setattr(owner, attribute, kept)


def counts(kb: Any, texts: Sequence[tuple[Document, Any]]) -> tuple[int, int]:
    """Matched labels and false proposals over the texts, as ``ingest_quality`` counts them."""
    matched = false = 0
    for doc, (text, meta) in texts:
        score = score_document(doc.expected, list(propose(kb, text, meta)))
        matched += len(score.matched)
        false += len(score.false_positives)
    return matched, false


def main(argv: Sequence[str] | None = None) -> int:
    """Print, for each switch, the matched and false proposals it adds on the given sets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", required=True)
    parser.add_argument("--only", help="switch off only things whose name contains this")
    args = parser.parse_args(argv)
    documents = [doc for corpus in args.corpus for doc in load_corpus(corpus)]
    texts = [(doc, read_labelled_text(doc)) for doc in documents]
    table = Table(title=f"what each switch adds on {len(texts)} labelled texts")
    for column in ("switched off", "matched it adds", "false it adds"):
        table.add_column(column, justify="left" if column == "switched off" else "right")
    chosen = [s for s in switches() if not args.only or args.only in s[0]]
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite")
        try:
            base_matched, base_false = counts(observatory.kb, texts)
            for name, owner, attribute, stand_in in chosen:
                with switched_off(owner, attribute, stand_in):
                    matched, false = counts(observatory.kb, texts)
                table.add_row(name, str(base_matched - matched), str(base_false - false))
        finally:
            observatory.close()
    console = Console()
    console.print(f"with everything on: {base_matched} matched, {base_false} false")
    console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
