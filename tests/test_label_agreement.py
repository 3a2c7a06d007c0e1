"""Agreement between two labellers: one label folder scored against another with the scorer's
matching (``evaluation/label_agreement.py``), on tiny folders under ``tests/fixtures``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ingest_helpers import evaluation_module

FOLDERS = Path(__file__).resolve().parent / "fixtures" / "label_agreement"
FIRST = FOLDERS / "first"

for _name in ("ingest_labels", "ingest_matching"):
    if _name not in sys.modules:
        evaluation_module(_name)
agreement = evaluation_module("label_agreement")


def test_identical_folders_agree_fully_in_every_scope() -> None:
    result = agreement.compare_folders(FIRST, FOLDERS / "same")
    assert set(result.totals) >= {"status_event", "figure", "agreement", "new_entity", "all"}
    assert {"language en", "language ru"} <= set(result.totals)
    for scope, score in result.totals.items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), scope
    assert result.totals["all"].true_positives == 6
    assert result.flags == (2, 2)
    assert result.swapped.f1 == 1.0


def test_a_fact_the_second_labeller_dropped_lowers_recall_only() -> None:
    result = agreement.compare_folders(FIRST, FOLDERS / "dropped")
    entities, overall = result.totals["new_entity"], result.totals["all"]
    assert (entities.true_positives, entities.false_negatives) == (1, 1)
    assert entities.recall == 0.5
    assert overall.recall == pytest.approx(5 / 6)
    assert overall.precision == 1.0
    assert result.totals["language en"].recall == pytest.approx(3 / 4)
    assert result.totals["language ru"].recall == 1.0


def test_a_wrong_value_is_both_a_miss_and_a_false_positive() -> None:
    result = agreement.compare_folders(FIRST, FOLDERS / "wrong_value")
    figures = result.totals["figure"]
    assert (figures.true_positives, figures.false_negatives, figures.false_positives) == (0, 1, 1)
    assert result.totals["all"].precision == pytest.approx(5 / 6)
    assert result.totals["all"].recall == pytest.approx(5 / 6)
    (railway,) = [d for d in result.documents if d.document.name.startswith("01")]
    assert [label.fields["value"] for label in railway.score.missed] == [40.7]
    (proposal,) = railway.score.false_positives
    assert railway.labels_of[proposal.id].fields["value"] == 47.0


def test_a_listed_reading_matches_when_any_of_its_alternatives_does() -> None:
    result = agreement.compare_folders(FIRST, FOLDERS / "same")
    (memo,) = [d for d in result.documents if d.document.name.startswith("02")]
    (entity,) = [label for label in memo.second if label.kind == "new_entity"]
    assert [p.entity_kind.value for p in agreement.readings(entity)] == ["place", "project"]
    assert memo.score.by_kind["new_entity"].true_positives == 1


def test_missing_second_labels_are_named_and_the_command_exits_two(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(agreement.LabelError, match=r"01-en-railway\.expected\.toml"):
        agreement.compare_folders(FIRST, FOLDERS / "incomplete")
    assert agreement.main([str(FIRST), str(FOLDERS / "incomplete")]) == 2
    assert "no second labels" in capsys.readouterr().out


def test_the_command_prints_the_table_and_lists_each_disagreement(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert agreement.main([str(FIRST), str(FOLDERS / "wrong_value"), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "label agreement on 2 texts" in out
    assert "first only figure" in out
    assert "value=40.7" in out
    assert "second only figure" in out
    assert "value=47.0" in out


def test_a_second_labellers_extra_fact_with_a_similar_name_is_false_not_a_duplicate() -> None:
    """Two labels of one labelling are two facts: the one the first labeller lacks is counted."""
    result = agreement.compare_folders(FIRST, FOLDERS / "similar")
    entities = result.totals["new_entity"]
    assert (entities.true_positives, entities.false_negatives, entities.false_positives) == (
        2,
        0,
        1,
    )
    (memo,) = [d for d in result.documents if d.document.name.startswith("02")]
    assert memo.score.duplicates == []
    (extra,) = memo.score.false_positives
    assert memo.labels_of[extra.id].fields["name"] == "Холодильный склад в Нижнем Пяндже"
    swapped = result.swapped
    assert (swapped.true_positives, swapped.false_negatives) == (6, 1)
