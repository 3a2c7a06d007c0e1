"""Documents signed in areas listed (one on each area, the held one where there is one), and a
sentence that characterises the document just reported signed. Sentences written for the
test, with the readings they must not make."""

from __future__ import annotations

from caravan.analysis.ingest.area_documents import area_documents, held_of_area
from caravan.model.enums import AgreementKind
from caravan.model.proposals import ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import proposals_from

_SUMMIT = "The second China–Central Asia Summit was held in Astana on June 17th, 2025. "


def _agreements(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


def test_each_area_listed_is_the_held_document_of_that_area(kb: KnowledgeBase) -> None:
    text = _SUMMIT + (
        "At the summit the six countries signed cooperation documents in areas such as green "
        "minerals, customs and industry, and set up a platform for trade."
    )
    found = _agreements(kb, text)
    assert {a.agreement_id for a in found} == {
        "agr-astana-mou-green-minerals",
        "agr-astana-customs",
        "agr-astana-mou-industry",  # "industry": "Memorandum on industrial cooperation …"
    }
    assert {a.name for a in found} == {
        "Cooperation document on green minerals",
        "Cooperation document on customs",
        "Cooperation document on industry",
    }
    assert all(a.agreement_kind is AgreementKind.OTHER for a in found)
    assert all(str(a.signed_on) == "2025-06-17" and a.place_id == "kz-astana" for a in found)


def test_an_area_without_a_held_document_is_a_new_one(kb: KnowledgeBase) -> None:
    text = (
        "On 3 March 2021 in Bishkek, Kyrgyzstan and China signed agreements in the fields of "
        "veterinary inspection, beekeeping and glacier studies."
    )
    found = _agreements(kb, text)
    assert sorted(a.name for a in found) == [
        "Agreement on beekeeping",
        "Agreement on glacier studies",
        "Agreement on veterinary inspection",
    ]
    assert all(a.agreement_id is None for a in found)
    assert all(a.agreement_kind is AgreementKind.AGREEMENT for a in found)


def test_a_plan_to_sign_in_areas_proposes_nothing(kb: KnowledgeBase) -> None:
    text = (
        "On 3 March 2021 in Bishkek, the ministers said they were to be signing agreements in "
        "the fields of veterinary inspection and beekeeping."
    )
    assert _agreements(kb, text) == []


def test_the_list_ends_where_a_clause_begins() -> None:
    sentence = (
        "They signed documents in areas such as energy, water, and customs, and opened a centre."
    )
    areas = [area for _, _, _, area in area_documents(sentence)]
    assert areas == ["energy", "water", "customs"]
    longer = "They signed documents in areas such as energy, which both sides value most, and tea."
    assert [area for _, _, _, area in area_documents(longer)] == ["energy"]


def test_a_counted_group_on_topics_stays_one_proposal(kb: KnowledgeBase) -> None:
    text = (
        "On 3 March 2021 in Bishkek the two sides signed a number of documents on trade, "
        "transport and culture."
    )
    (found,) = _agreements(kb, text)
    assert found.name == "Documents on trade, transport and culture"


def test_the_held_document_saying_least_besides_its_area_wins() -> None:
    held = [
        ("agr-mou", "Memorandum of understanding on unimpeded (seamless) trade"),
        (
            "agr-centres",
            "Establishment of three cooperation centres and the unimpeded trade platform",
        ),
    ]
    assert held_of_area("unimpeded trade", held) == "agr-mou"
    assert held_of_area("tourism", held) is None
    tie = [("agr-a", "Agreement on energy"), ("agr-b", "Memorandum on energy")]
    assert held_of_area("energy", tie) is None


def test_a_sentence_characterising_the_document_just_signed_adds_none(kb: KnowledgeBase) -> None:
    text = _SUMMIT + (
        "At this summit the leaders signed the Joint Action Plan on Beekeeping. This is the "
        "first time that China has signed a comprehensive cooperation document on beekeeping "
        "with a whole region."
    )
    found = _agreements(kb, text)
    assert [a.name for a in found] == ["Joint Action Plan on Beekeeping"]


def test_the_first_time_without_a_signing_before_is_a_new_document(kb: KnowledgeBase) -> None:
    text = _SUMMIT + (
        "The leaders met at the palace. This is the first time that China has signed a "
        "comprehensive cooperation document on beekeeping with a whole region."
    )
    found = _agreements(kb, text)
    assert len(found) == 1
    assert found[0].name.startswith("Cooperation document on beekeeping")
