"""Lines of one system (issue #12): the system's name names the built lines, and a line named
by its letter or ordinal beside the system's name is that line. Sentences written for the test."""

from __future__ import annotations

import pytest

from caravan.analysis.ingest.sibling_lines import siblings_of
from caravan.model.proposals import EntityKind
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, new_entity_names, proposals_from

ABC = "prj-ca-china-gas-pipeline-abc"
LINE_D = "prj-ca-china-gas-pipeline-line-d"


@pytest.mark.parametrize(
    "text",
    [
        "The Central Asia-China gas pipeline was commissioned in December 2009.",
        "Газопровод «Центральная Азия – Китай» был введён в эксплуатацию в декабре 2009 года.",
    ],
)
def test_the_systems_name_names_the_built_lines(kb: KnowledgeBase, text: str) -> None:
    assert [e.project_id for e in events_in(proposals_from(kb, text))] == [ABC]


@pytest.mark.parametrize(
    "text",
    [
        "Building line D of the Central Asia-China gas pipeline in Tajikistan was suspended "
        "in February 2024.",
        "Work on Line D of the Turkmenistan-China gas pipeline was suspended in February 2024.",
        "В Таджикистане приостановлено строительство газопровода «Центральная Азия – Китай» "
        "(нитка D) в феврале 2024 года.",
        "В августе 2014 года стороны подписали соглашение о строительстве четвертой нитки "
        "газопровода «Центральная Азия – Китай».",
    ],
)
def test_a_line_named_by_letter_or_ordinal_is_that_line(kb: KnowledgeBase, text: str) -> None:
    found = {e.project_id for e in events_in(proposals_from(kb, text))}
    assert found == {LINE_D}


def test_the_systems_name_beside_a_line_is_not_a_new_project(kb: KnowledgeBase) -> None:
    text = (
        "Tajikistan is finishing the first tunnel of Line D of the Turkmenistan-China gas pipeline."
    )
    assert new_entity_names(kb, text, EntityKind.PROJECT) == []


def test_siblings_are_names_sharing_a_stem_before_a_comma() -> None:
    siblings = siblings_of(
        [
            ("a", ("Grand pipeline, lines A and B", "Line A", "Line B")),
            ("d", ("Grand pipeline, line D", "Line D")),
            ("x", ("Grand road",)),
        ]
    )
    assert siblings.of == {"a": frozenset({"d"}), "d": frozenset({"a"})}
    assert siblings.by_letter[("a", "D")] == "d"
    assert siblings.by_letter[("d", "B")] == "a"
    assert ("x", "A") not in siblings.by_letter
