"""Agreements and new places and projects, round 14 (issue #12): ways of saying a signed
document or a new thing that the fourteenth and fifteenth development sets showed missing,
each checked with sentences written for the test, in English and Russian, positives and
negatives."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import AgreementKind, DatePrecision
from caravan.model.proposals import EntityKind, ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, proposals_from
from ingest_helpers import new_entity_names as _new


def _agreements(
    kb: KnowledgeBase, text: str, day: dt.date = dt.date(2025, 6, 30)
) -> list[ProposedAgreement]:
    return [
        f.payload for f in proposals_from(kb, text, day) if isinstance(f.payload, ProposedAgreement)
    ]


# -- agreements: the words of documents -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A visiting delegation met the region's governor, and the two sides signed a memo of"
            " cooperation in agriculture.",
            "Memo of cooperation in agriculture",
        ),
        ("The ministries signed two memos on tourism and on sport.", "Memo on sport"),
        (
            "The two customs services have signed a memorandum on statistics, as well as a"
            " Protocol on exchanging data on transit cargo.",
            "Protocol on exchanging data on transit cargo",
        ),
        (
            "Министры подписали меморандум о туризме, а также Протокол об обмене данными о"
            " транзитных грузах.",
            "Протокол об обмене данными о транзитных грузах",
        ),
    ],
)
def test_short_and_capitalised_document_nouns_are_documents(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name in [a.name for a in _agreements(kb, text)]


def test_a_memo_of_a_meeting_quoted_is_no_signing(kb: KnowledgeBase) -> None:
    text = "Investors are keen to come to the region, the memo says."
    assert _agreements(kb, text) == []


# -- agreements: where a document was signed --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ministers have put their signatures in Beijing to a protocol on building a grain"
        " terminal in Bishkek.",
        "The two ministers signed in Beijing an agreement on a new school in Bishkek.",
        "Министры подписали в Пекине протокол о строительстве зернового терминала в Бишкеке.",
    ],
)
def test_the_place_said_with_the_signing_verb_is_where_it_was_signed(
    kb: KnowledgeBase, text: str
) -> None:
    assert [a.place_id for a in _agreements(kb, text)] == ["cn-beijing"]


@pytest.mark.parametrize(
    "text",
    [
        "The ministers signed a protocol on building a grain terminal in Bishkek.",
        "Министры подписали протокол о строительстве зернового терминала в Бишкеке.",
    ],
)
def test_a_place_after_the_document_is_what_it_is_about(kb: KnowledgeBase, text: str) -> None:
    # the place of the subject may still be read as the signing's by the older rule; the
    # verb's own place is what this round adds, so only that a place before the verb is absent
    assert all(a.place_id != "cn-beijing" for a in _agreements(kb, text))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "On 1 June the agreement between Uzbekistan and China on visa-free travel takes"
            " effect. The document was signed on 1 December 2024 in the Chinese city of Chengdu.",
            dt.date(2024, 12, 1),
        ),
        (
            "С 1 июня вступает в силу соглашение между Узбекистаном и Китаем о взаимной отмене"
            " виз. Документ стороны подписали 1 декабря 2024 года в китайском городе Чэнду.",
            dt.date(2024, 12, 1),
        ),
    ],
)
def test_a_later_sentence_gives_the_signing_day_and_place(
    kb: KnowledgeBase, text: str, day: dt.date
) -> None:
    agreements = _agreements(kb, text)
    assert [(a.signed_on, a.place_id) for a in agreements] == [(day, "cn-chengdu")]


def test_a_later_sentence_with_no_place_keeps_the_day_alone(kb: KnowledgeBase) -> None:
    text = (
        "С 1 июня вступает в силу соглашение между Узбекистаном и Китаем о взаимной отмене"
        " виз. Документ стороны подписали 1 декабря 2024 года."
    )
    assert [(a.signed_on, a.place_id) for a in _agreements(kb, text)] == [
        (dt.date(2024, 12, 1), None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister held talks in Tashkent. The joint statement of Kazakhstan and China,"
        " which the heads of state signed during the president's state visit to China in"
        " September, approved a new partnership.",
        "Премьер провёл переговоры в Ташкенте. Совместное заявление главы государств подписали в"
        " ходе визита в Китай в сентябре.",
    ],
)
def test_a_signing_during_a_visit_elsewhere_is_not_placed_by_the_talks_before(
    kb: KnowledgeBase, text: str
) -> None:
    agreements = _agreements(kb, text)
    assert agreements
    assert all(a.place_id != "uz-tashkent" for a in agreements)


def test_the_talks_before_still_place_a_signing_that_names_no_visit(kb: KnowledgeBase) -> None:
    text = (
        "The two presidents held talks in Tashkent on Monday. Following the talks, they signed a"
        " memorandum on the green economy."
    )
    assert [a.place_id for a in _agreements(kb, text)] == ["uz-tashkent"]


@pytest.mark.parametrize(
    "text",
    [
        "At the «Almaty Invest» forum, held in Kazakhstan, investors met officials. At it, the"
        " region signed a memorandum on a new cement plant.",
        "В Казахстане прошёл форум «Алатау Инвест». На нём подписали меморандум о новом"
        " цементном заводе.",
    ],
)
def test_a_place_inside_an_events_quoted_name_places_no_signing(
    kb: KnowledgeBase, text: str
) -> None:
    agreements = _agreements(kb, text)
    assert agreements
    assert all(a.place_id is None for a in agreements)


# -- agreements: who signed, said in the passive ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The idea goes back to an exchange-of-notes agreement signed by the governments of"
            " China and Kyrgyzstan on May 3, 2017.",
            "Exchange-of-notes agreement between China and Kyrgyzstan",
        ),
        (
            "The plan rests on an agreement signed by Kazakhstan and China on 12 March 2019.",
            "Agreement between Kazakhstan and China",
        ),
        (
            "Идея восходит к соглашению, подписанному правительствами Китая и Кыргызстана 3 мая"
            " 2017 года.",
            "Соглашение между Китаем и Кыргызстаном",
        ),
    ],
)
def test_a_document_signed_by_two_named_states_is_named_by_them(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


def test_a_document_signed_by_unnamed_officials_is_not_named_by_them(kb: KnowledgeBase) -> None:
    text = "The agreement was signed by the ministers on May 3, 2017."
    assert _agreements(kb, text) == []


def test_a_sister_city_compound_stays_a_twinning(kb: KnowledgeBase) -> None:
    text = "Shanghai concluded a sister-city agreement with Almaty in Kazakhstan."
    assert [a.name for a in _agreements(kb, text)] == [
        "Sister-city agreement between Shanghai and Almaty"
    ]


# -- agreements: a month named relative to the report ----------------------------------------


@pytest.mark.parametrize(
    ("text", "month"),
    [
        (
            "The joint statement of Kazakhstan and China, which the heads of state signed during"
            " the state visit to China this September, approved a new partnership.",
            dt.date(2019, 9, 1),
        ),
        ("The two ministers signed the memorandum on tourism last March.", dt.date(2019, 3, 1)),
        ("The two ministers signed the memorandum on tourism last December.", dt.date(2018, 12, 1)),
    ],
)
def test_this_or_last_month_by_name_dates_a_signing(
    kb: KnowledgeBase, text: str, month: dt.date
) -> None:
    agreements = _agreements(kb, text, dt.date(2019, 11, 2))
    assert [(a.signed_on, a.date_precision) for a in agreements] == [(month, DatePrecision.MONTH)]


def test_this_may_in_lower_case_is_no_month(kb: KnowledgeBase) -> None:
    text = "The ministers signed a memorandum on tourism; this may help trade, they said."
    assert [a.signed_on for a in _agreements(kb, text, dt.date(2019, 11, 2))] == [None]


# -- agreements: a contract won ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Earlier this year the company won a contract with Turkmenistan to supply 500 trucks.",
            "Contract with Turkmenistan to supply 500 trucks",
        ),
        (
            "In March the Chinese firm was awarded a $40 million contract to build a bridge.",
            "Contract to build a bridge ($40 million)",
        ),
        (
            "В этом году компания выиграла контракт с Туркменистаном на поставку 500 грузовиков.",
            "Контракт с Туркменистаном на поставку 500 грузовиков",
        ),
    ],
)
def test_a_contract_won_or_awarded_is_signed(kb: KnowledgeBase, text: str, name: str) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The company won a tender and hopes to sign a contract in May.",
        "The team won the cup, and its sponsor praised the contract system.",
        "Компания выиграла тендер и надеется подписать контракт в мае.",
    ],
)
def test_a_tender_or_a_prize_won_signs_no_contract(kb: KnowledgeBase, text: str) -> None:
    assert _agreements(kb, text) == []


# -- agreements: a signing worked towards -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Work has also gone into bringing about the signing of an agreement on mutual visa"
        " exemption.",
        "The ministries are paving the way for the signing of a treaty on water.",
        "Стороны готовятся к подписанию соглашения о взаимной отмене виз.",
        "Казахстан намерен добиться подписания соглашения о водных ресурсах.",
    ],
)
def test_a_signing_worked_towards_is_no_agreement(kb: KnowledgeBase, text: str) -> None:
    assert _agreements(kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "After long work the signing of an agreement on mutual visa exemption took place in May.",
        "Стороны приступили к подписанию соглашения о взаимной отмене виз.",
    ],
)
def test_a_signing_that_took_place_is_still_an_agreement(kb: KnowledgeBase, text: str) -> None:
    assert len(_agreements(kb, text)) == 1


# -- agreements: a statement cited, named by "the two states" ---------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kazakhstan and China have made progress on rivers, the ministry said, summing up"
            " the joint statement of the heads of the two states. 'The sides will deepen"
            " cooperation,' the joint statement says.",
            "Joint statement of the heads of Kazakhstan and China",
        ),
        (
            "В вопросе рек Казахстан и Китай продвинулись вперёд, сообщил МИД, подводя итоги"
            " совместного заявления глав двух государств.",
            "Совместное заявление глав Казахстана и Китая",
        ),
        (
            "Казахстан и Китай будут беречь реки. «Стороны намерены углублять сотрудничество», —"
            " говорится в совместном заявлении двух государств.",
            "Совместное заявление Казахстана и Китая",
        ),
    ],
)
def test_a_statement_cited_is_a_document_named_by_the_two_states(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    agreements = _agreements(kb, text)
    assert name in [a.name for a in agreements]
    assert all(a.agreement_kind is AgreementKind.JOINT_STATEMENT for a in agreements)
    assert all(a.signed_on is None and a.place_id is None for a in agreements)


@pytest.mark.parametrize(
    "text",
    [
        "«Товарооборот растёт», — говорится в сообщении министерства.",
        "Trade keeps growing, according to the ministry's statement.",
    ],
)
def test_a_press_release_cited_is_no_document(kb: KnowledgeBase, text: str) -> None:
    assert _agreements(kb, text) == []


# -- agreements: a document about what its other party is to build ----------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "At the forum the region signed a memorandum with a Chinese company that plans to"
            " build a glass factory in the Almaty region.",
            "Memorandum with a Chinese company on building a glass factory in the Almaty region",
        ),
        (
            "На форуме подписали меморандум с одной из крупных компаний Китая, которая"
            " собирается построить в Туркестанской области новый стекольный завод.",
            "Меморандум с одной из крупных компаний Китая о строительстве нового стекольного"
            " завода в Туркестанской области",
        ),
        (
            "Область подписала соглашение с китайской компанией, которая построит солнечную"
            " электростанцию в Жамбылской области.",
            "Соглашение с китайской компанией о строительстве солнечной электростанции в"
            " Жамбылской области",
        ),
    ],
)
def test_a_document_with_a_party_is_about_what_that_party_builds(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


def test_a_party_described_otherwise_keeps_the_documents_name(kb: KnowledgeBase) -> None:
    text = "Область подписала соглашение с китайской компанией, которая давно работает в регионе."
    assert [a.name for a in _agreements(kb, text)] == ["Соглашение с китайской компанией"]


# -- new entities: a joint facility of two states, in English ---------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A Chinese-Kazakh center for rehabilitation medicine opened on Friday in Almaty.",
            "Chinese-Kazakh center for rehabilitation medicine in Almaty",
        ),
        (
            "Last year a Chinese firm began building a Sino-Kyrgyz modern cotton seed breeding"
            " and demonstration park near the village.",
            "Sino-Kyrgyz modern cotton seed breeding and demonstration park",
        ),
        (
            "A Kazakhstan-China logistics centre will be built in Almaty.",
            "Kazakhstan-China logistics centre in Almaty",
        ),
        (
            "В Алматы открылся китайско-казахский центр реабилитационной медицины.",
            "Китайско-казахский центр реабилитационной медицины в Алматы",
        ),
    ],
)
def test_a_facility_of_two_states_is_a_joint_facility(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese center for rehabilitation medicine praised the doctors.",
        "Chinese-Kazakh relations are growing, the minister said at a centre in Almaty.",
    ],
)
def test_one_state_or_no_facility_gives_no_joint_facility(kb: KnowledgeBase, text: str) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: a held family's member in another state ------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Tianjin is speeding up the construction of the Luban Workshop in Turkmenistan.",
            "Luban Workshop in Turkmenistan",
        ),
        (
            "Мастерская Лу Баня в Туркменистане откроется в следующем году.",
            "Мастерская Лу Баня в Туркменистане",
        ),
    ],
)
def test_a_shared_name_in_a_state_none_of_its_projects_is_in_is_new(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The Luban Workshop in Kyrgyzstan opened a new major in May.",
        "Мастерская Лу Баня в Таджикистане приняла студентов.",
        "The Luban Workshop trains technicians.",
    ],
)
def test_a_shared_name_of_a_held_state_or_of_none_is_no_new_one(
    kb: KnowledgeBase, text: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: a facility at a held crossing ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Plans include building a grain warehouse at the Torugart checkpoint.",
            "Grain warehouse at the Torugart checkpoint",
        ),
        (
            "Construction began on a bonded warehouse at the Irkeshtam crossing.",
            "Bonded warehouse at the Irkeshtam crossing",
        ),
    ],
)
def test_a_facility_built_at_a_held_crossing_is_new(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name in _new(kb, text, EntityKind.PROJECT)


def test_the_held_crossing_alone_is_no_facility(kb: KnowledgeBase) -> None:
    text = "Work began on the Torugart checkpoint's new lanes."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: laboratories and hotels ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The two ministers signed a protocol on building a plant quarantine laboratory in Osh.",
            "Plant quarantine laboratory in Osh",
        ),
        (
            "A Chinese company is building a hotel in the town of Cholpon-Ata, the first"
            " project with Chinese partners there.",
            "Hotel in town of Cholpon-Ata",
        ),
        (
            "Китай построит лабораторию карантина растений в Оше.",
            "Лаборатория карантина растений в Оше",
        ),
        ("Китайская компания построит гостиницу в Оше.", "Гостиница в Оше"),
    ],
)
def test_laboratories_and_hotels_are_facilities(kb: KnowledgeBase, text: str, name: str) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == [name]


def test_a_facility_said_again_of_its_towns_state_is_the_same_one(kb: KnowledgeBase) -> None:
    text = (
        "China will build a plant quarantine laboratory in Osh. The idea of setting up a"
        " laboratory in Kyrgyzstan goes back to 2017."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["Plant quarantine laboratory in Osh"]


@pytest.mark.parametrize(
    "text",
    [
        "The students work in a laboratory every day.",
        "Делегация остановилась в гостинице.",
    ],
)
def test_a_laboratory_or_hotel_with_nothing_of_its_own_is_none(
    kb: KnowledgeBase, text: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: a Russian facility after the place its verb is said with -------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Китайская компания собирается построить в Туркестанской области новый стекольный"
            " завод.",
            "Новый стекольный завод в Туркестанской области",
        ),
        (
            "Как сообщает агентство, в Жамбылском районе заложили фундамент нового кирпичного"
            " завода стоимостью 40 млн долларов.",
            "Новый кирпичный завод в Жамбылском районе",
        ),
        (
            "Инвестор намерен возвести в Актюбинской области крупный комплекс по переработке"
            " зерна.",
            "Крупный комплекс по переработке зерна в Актюбинской области",
        ),
    ],
)
def test_a_place_said_with_the_verb_places_the_facility_after_it(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "На Кумаргском месторождении в Пенджикентском районе начал работу новый горно"
        "-обогатительный комбинат.",
        "Компания, работающая в Туркестанской области, построит новый завод.",
    ],
)
def test_a_place_of_another_noun_or_clause_does_not_place_it(kb: KnowledgeBase, text: str) -> None:
    assert all("области" not in n and "районе" not in n for n in _new(kb, text, EntityKind.PROJECT))


# -- new entities: contract territories -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "CNPC has invested $2 billion in developing the Garabekewul contract territory in"
            " Turkmenistan.",
            "Garabekewul contract territory",
        ),
        (
            "Китайская CNPC ведёт добычу газа на договорной территории «Гарабекевюл» в"
            " Туркменистане.",
            "договорная территория Гарабекевюл",
        ),
    ],
)
def test_a_contract_territory_by_its_name_is_a_project(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == [name]


def test_a_contract_territory_without_a_name_is_none(kb: KnowledgeBase) -> None:
    text = "CNPC works on a contract territory in eastern Turkmenistan."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: a centre named after a state, in another state ------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "В китайском городе Урумчи при университете начал работу Центр «Казахстан».",
            "Центр Казахстан в Урумчи",
        ),
        ("В Пекине открыли Центр «Узбекистан» при университете.", "Центр Узбекистан в Пекине"),
    ],
)
def test_a_centre_named_after_a_state_elsewhere_is_a_facility(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "В Ашхабаде начал работу Центр «Туркменистан».",
        "Начато строительство газопровода «Туркменистан – Китай» в Пекине.",
    ],
)
def test_a_state_named_at_home_or_a_line_of_states_is_no_centre(
    kb: KnowledgeBase, text: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: a tie given by a later sentence on the facility ------------------------------


def test_a_named_plant_tied_by_a_later_sentence_is_new(kb: KnowledgeBase) -> None:
    text = (
        "Цементный завод ТОО «Steppe Cement Works» в Караганде прошёл последнюю проверку. Завод"
        " начали строить в 2016 году. Достраивает завод китайская компания Sinoma."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["Завод «Steppe Cement Works»"]


def test_a_named_plant_with_no_partner_in_the_text_is_not(kb: KnowledgeBase) -> None:
    text = (
        "Цементный завод ТОО «Steppe Cement Works» в Караганде прошёл последнюю проверку. Завод"
        " начали строить в 2016 году."
    )
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: a joint venture of states being built -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "В Андижанской области заложили фундамент узбекско-китайского совместного предприятия"
        " «Андижанцемент».",
        "Началось строительство казахстанско-китайско-турецкого совместного предприятия"
        " «Таразстекло».",
    ],
)
def test_a_joint_venture_of_states_being_built_is_a_facility(kb: KnowledgeBase, text: str) -> None:
    names = _new(kb, text, EntityKind.PROJECT)
    assert len(names) == 1
    assert "совместное предприятие" in names[0]


def test_a_joint_venture_only_named_stays_a_company(kb: KnowledgeBase) -> None:
    text = "Руководство узбекско-китайского совместного предприятия «Андижанцемент» встретилось с хокимом."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: a second line beside a held line in service -------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Идёт строительство второй железнодорожной линии Вахдат – Яван.",
            "Вторая железнодорожная линия Вахдат – Яван",
        ),
        (
            "Work has started on a second railway line Vahdat – Yavan.",
            "Second line Vahdat – Yavan",
        ),
    ],
)
def test_a_second_line_beside_a_held_line_is_its_upgrade(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == [name]
    assert events_in(proposals_from(kb, text)) == []  # the works are the upgrade's


def test_a_second_line_of_a_line_not_yet_built_is_no_upgrade(kb: KnowledgeBase) -> None:
    text = "Идёт строительство второй очереди линии Китай – Кыргызстан – Узбекистан."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: an airport of a town named as a town --------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Закончена реконструкция аэропорта города Зайсан.",
            ["Аэропорт Зайсан", "Зайсан"],
        ),
        ("Открыт новый терминал аэропорта города Навои.", ["Аэропорт Навои"]),
    ],
)
def test_an_airport_of_a_town_is_a_new_place(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    assert sorted(_new(kb, text, EntityKind.PLACE)) == sorted(names)


def test_an_airport_named_by_no_town_is_none(kb: KnowledgeBase) -> None:
    assert _new(kb, "Закончена реконструкция аэропорта.", EntityKind.PLACE) == []


# -- new entities: a bypass of a border post --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Чтобы пункт пропуска «Майкапчагай» пропускал больше машин, построена объездная"
            " дорога для грузовиков.",
            "Объездная дорога пункта пропуска «Майкапчагай» для грузовиков",
        ),
        (
            "To let the Maikapchagai checkpoint handle more trucks, a bypass road for heavy"
            " trucks was completed.",
            "Maikapchagai checkpoint bypass road for heavy trucks",
        ),
    ],
)
def test_a_bypass_built_for_a_held_post_is_the_posts(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name in _new(kb, text, EntityKind.PROJECT)


def test_a_bypass_with_no_post_or_two_places_is_none(kb: KnowledgeBase) -> None:
    text = "A bypass road for heavy trucks was completed between Almaty and the Khorgos checkpoint."
    assert not any("bypass" in n for n in _new(kb, text, EntityKind.PROJECT))


# -- new entities: a full name whose initials are a held abbreviation -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Чтобы Международный центр приграничного сотрудничества «Хоргос» работал лучше, его"
        " модернизировали.",
        "To make the International Center of Boundary Cooperation Khorgos work better, a"
        " second baggage terminal was launched.",
    ],
)
def test_a_held_projects_name_in_full_is_no_new_facility(kb: KnowledgeBase, text: str) -> None:
    assert not any(
        "Cooperation" in n or "сотрудничества" in n for n in _new(kb, text, EntityKind.PROJECT)
    )


# -- new entities: a new city under a name held for another row --------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Сейчас строится новый город Алатау под Алматы.", "Алатау"),
        ("Work is under way on the new city of Alatau near Almaty.", "Alatau"),
    ],
)
def test_a_new_city_named_as_a_held_junction_is_a_new_place(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name in _new(kb, text, EntityKind.PLACE)


@pytest.mark.parametrize(
    "text", ["В Казахстане строится новый город Алматы.", "The new city of Shymkent grows fast."]
)
def test_a_held_citys_own_name_is_that_city(kb: KnowledgeBase, text: str) -> None:
    assert _new(kb, text, EntityKind.PLACE) == []


# -- new entities: a zone named after its town --------------------------------------------------


def test_a_zone_named_after_its_town_is_a_zone(kb: KnowledgeBase) -> None:
    text = (
        "During a visit to China, the sides agreed to place plants in the Andijan Textile"
        " Cluster Special Industrial Zone."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["Andijan Textile Cluster Special Industrial Zone"]


def test_a_centre_named_after_its_town_is_still_the_towns(kb: KnowledgeBase) -> None:
    text = "Chinese goods pass through the Termez Cargo Centre every day."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: lines listed with their lengths in brackets ----------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The railway plans new lines, among them Darbaza - Maktaaral (152 km) and Kyzylzhar -"
            " Zhezkazgan (400 km).",
            "Kyzylzhar - Zhezkazgan",
        ),
        (
            "Планируется построить новые линии, в том числе Кызылжар – Жезказган (400 км).",
            "Кызылжар – Жезказган",
        ),
    ],
)
def test_a_pair_of_ends_with_its_length_in_brackets_is_a_line(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name in _new(kb, text, EntityKind.PROJECT)


def test_a_pair_with_a_length_in_a_text_on_no_lines_is_none(kb: KnowledgeBase) -> None:
    text = "The drive Osh - Sary-Tash (180 km) took four hours by car."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: works on a plant named by its town and product ------------------------------


def test_works_on_a_town_and_product_plant_in_a_partners_projects_are_new(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Kyrgyzstan and Chinese companies discussed several projects. Building a sugar plant in"
        " Talas is one. Expanding the Osh cotton processing plant is another."
    )
    assert "Osh cotton processing plant" in _new(kb, text, EntityKind.PROJECT)


@pytest.mark.parametrize(
    "text",
    [
        "Officials visited the Osh cotton processing plant on Monday.",
        "Kyrgyzstan and China discussed trade. Workers of the Osh cotton processing plant met.",
    ],
)
def test_a_town_and_product_plant_with_no_works_or_partners_is_none(
    kb: KnowledgeBase, text: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new entities: a new tunnel or bridge, and ring roads --------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Документы касаются строительства нового туннеля через перевал Тоо-Ашуу.",
            "Новый туннель через перевал Тоо-Ашуу",
        ),
        ("Китай построит новый мост через реку Пяндж.", "Новый мост через реку Пяндж"),
        (
            "Документы касаются строительства кольцевой дороги в Бишкеке.",
            "Кольцевая дорога в Бишкеке",
        ),
        ("China will finance the building of a ring road in Bishkek.", "Ring road in Bishkek"),
    ],
)
def test_new_tunnels_bridges_and_ring_roads_are_projects(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Состоялось открытие тоннеля под перевалом Камчик.",
        "Поезд прошёл по мосту через реку Пяндж.",
    ],
)
def test_a_tunnel_or_bridge_not_said_to_be_new_is_none(kb: KnowledgeBase, text: str) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- new places: a town before the region it lies in -------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The plant stands in the industrial zone of Temirtau in the Karaganda region.",
            "Temirtau",
        ),
        ("Завод построят в промышленной зоне Темиртау Карагандинской области.", "Темиртау"),
    ],
)
def test_a_town_before_its_region_is_a_place(kb: KnowledgeBase, text: str, name: str) -> None:
    assert name in _new(kb, text, EntityKind.PLACE)


def test_a_person_before_a_region_is_no_place(kb: KnowledgeBase) -> None:
    text = "Governor Smith in the Karaganda region met investors."
    assert _new(kb, text, EntityKind.PLACE) == []


# -- new places: a news agency is no place -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The first train reached the Chinese city of Lanzhou, Xinhua reported.",
        "Первый поезд прибыл в китайский город Ланьчжоу, сообщает Синьхуа.",
    ],
)
def test_the_agency_reporting_is_no_place(kb: KnowledgeBase, text: str) -> None:
    assert not any(n in ("Xinhua", "Синьхуа") for n in _new(kb, text, EntityKind.PLACE))


# -- new entities: facilities given only together in a region ----------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Chinese investors intend to build a tile plant and a glass plant in the Zhambyl"
            " region.",
            [],
        ),
        (
            "China Power will build a wind farm and a solar plant of 100 MW in the Akmola region.",
            ["Solar plant 100 MW in Akmola region"],
        ),
        (
            "China Power will build a wind farm in the Akmola region.",
            ["China Power wind farm in Akmola region"],
        ),
    ],
)
def test_facilities_given_only_together_in_a_region_are_none(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    assert _new(kb, text, EntityKind.PROJECT) == names


def test_facilities_together_in_a_town_stay(kb: KnowledgeBase) -> None:
    text = (
        "A Chinese company will build a cement plant and a small power station in Tyup, Kyrgyzstan."
    )
    assert len(_new(kb, text, EntityKind.PROJECT)) == 2


# -- new entities: an English head before its own name -----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kazakhstan's new car plant Kostanay Motors Assembly Kazakhstan (KMAK) has gone into"
            " operation, making Chinese cars.",
            "Car plant Kostanay Motors Assembly Kazakhstan",
        ),
        (
            "Uzbekistan's bus factory Samarkand Bus Works Company LLC will assemble Chinese buses.",
            "Bus factory Samarkand Bus Works Company",
        ),
    ],
)
def test_an_english_head_before_its_own_long_name_names_a_facility(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name in _new(kb, text, EntityKind.PROJECT)


def test_a_person_after_a_head_is_no_name(kb: KnowledgeBase) -> None:
    text = "At the plant Chinese Ambassador Zhang Xiao met the workers."
    assert _new(kb, text, EntityKind.PROJECT) == []
