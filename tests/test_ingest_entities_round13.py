"""New places and projects, round 13 (issue #12): crossings the crossing noun itself names,
facilities named by their capacity, kind and place. English and Russian, positives and
negatives, on sentences written for the test."""

from __future__ import annotations

from caravan.model.proposals import EntityKind, ProposedEntity
from caravan.store import KnowledgeBase
from ingest_helpers import proposals_from


def _new(kb: KnowledgeBase, text: str, kind: EntityKind) -> list[str]:
    return [
        f.payload.name
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedEntity) and f.payload.entity_kind is kind
    ]


# -- crossings named by the crossing noun -----------------------------------------------------


def test_posts_listed_before_the_plural_noun_are_crossings(kb: KnowledgeBase) -> None:
    text = (
        "Queues grew at the Nur Zholy and Alakol checkpoints, and on the Uzbek border at the"
        " Zhibek Zholy, Tole Bi and Sarybulak checkpoints."
    )  # Zhibek Zholy is a held crossing's post
    crossings = _new(kb, text, EntityKind.CROSSING)
    assert sorted(crossings) == ["Sarybulak", "Tole Bi"]
    assert "Sarybulak" not in _new(kb, text, EntityKind.PLACE)


def test_states_before_the_plural_noun_are_no_posts(kb: KnowledgeBase) -> None:
    text = "Officers of the Chinese and Kazakh checkpoints met in Khorgos on Monday."
    assert _new(kb, text, EntityKind.CROSSING) == []


def test_a_quoted_post_after_a_bare_russian_noun_is_a_crossing(kb: KnowledgeBase) -> None:
    text = (
        "Министр рассказал о ремонте пунктов пропуска на границе. Работы уже начались на"
        " пункте «Жетыжол», а к лету начнутся и на остальных."
    )
    assert _new(kb, text, EntityKind.CROSSING) == ["Жетыжол"]


def test_a_quoted_point_outside_a_text_on_checkpoints_is_no_crossing(kb: KnowledgeBase) -> None:
    text = "В селе открыли медицинский пункт «Жетыжол», где примут до сорока человек в день."
    assert _new(kb, text, EntityKind.CROSSING) == []
