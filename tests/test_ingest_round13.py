"""Categories of the thirteenth and fourteenth development sets (issue #12) for status
events, figures and agreements, each checked with sentences written for the test, in English
and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import DatePrecision, ProjectStatus
from caravan.model.proposals import FigureQuantity, FlagCode, ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, proposals_from


def _events(
    kb: KnowledgeBase, text: str, day: dt.date = dt.date(2025, 6, 30)
) -> set[tuple[str, ProjectStatus, dt.date]]:
    return {(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text, day))}


def _agreements(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


# -- another one of a held kind --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The second Luban Workshop that China is setting up in Kazakhstan, still under"
        " construction, will train specialists in artificial intelligence.",
        "Вторая мастерская Лу Баня в Казахстане строится в Астане и будет готовить специалистов.",
    ],
)
def test_a_held_name_counted_second_is_another_one_of_its_kind(
    kb: KnowledgeBase, text: str
) -> None:
    assert not any(p == "prj-luban-workshop-kazakhstan" for p, _, _ in _events(kb, text))


@pytest.mark.parametrize(
    "text",
    [
        "The first Luban Workshop in Kazakhstan was put into use in December.",
        "Первая мастерская Лу Баня в Казахстане была введена в эксплуатацию в декабре.",
    ],
)
def test_the_first_of_a_held_kind_is_the_held_one_put_into_use_on_its_month(
    kb: KnowledgeBase, text: str
) -> None:
    events = events_in(proposals_from(kb, text, dt.date(2024, 7, 8)))
    assert [(e.project_id, e.status, e.date, e.date_precision) for e in events] == [
        (
            "prj-luban-workshop-kazakhstan",
            ProjectStatus.IN_SERVICE,
            dt.date(2023, 12, 1),
            DatePrecision.MONTH,
        )
    ]


# -- opened money or a term, not a facility --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In June 2019 the Development Bank of Kazakhstan opened a credit line of $600 million"
        " for the expansion of the Aktogay copper project.",
        "В июне 2019 года Банк развития Казахстана открыл кредитную линию на 600 млн долларов"
        " для расширения медного проекта Актогай.",
        "On 14 October the BLCU Kazakhstan branch opened the academic year.",
        "14 октября в Астане торжественно открыли учебный год в филиале Пекинского университета"
        " языка и культуры.",
    ],
)
def test_a_credit_line_or_a_term_opened_is_no_opening_of_the_project(
    kb: KnowledgeBase, text: str
) -> None:
    assert not any(s is ProjectStatus.IN_SERVICE for _, s, _ in _events(kb, text))


# -- closed until a day: suspended on the day it closed ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 27 January 2020 the Khorgos ICBC closed until 15 February 2020.",
        "27 января 2020 года МЦПС «Хоргос» закрылся до 15 февраля 2020 года.",
    ],
)
def test_closed_until_a_day_is_suspended_on_the_day_it_closed(kb: KnowledgeBase, text: str) -> None:
    assert _events(kb, text) == {
        ("prj-khorgos-icbc", ProjectStatus.SUSPENDED, dt.date(2020, 1, 27))
    }


# -- a step waited for ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Firms at the Khorgos ICBC say they can only wait for traffic restored across the border.",
        "«Всем нужно дождаться открытия границ и возобновления работы» МЦПС «Хоргос», — советуют"
        " в компании.",
    ],
)
def test_a_step_waited_for_is_no_event(kb: KnowledgeBase, text: str) -> None:
    assert _events(kb, text) == set()


# -- an opening attended -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On June 22, 2016, the two presidents attended, by video link from Tashkent, the opening"
        " of the Angren-Pap railway line.",
        "22 июня 2016 года президенты приняли участие в церемонии открытия железной дороги"
        " Ангрен — Пап.",
    ],
)
def test_an_opening_attended_took_place_on_its_day(kb: KnowledgeBase, text: str) -> None:
    assert _events(kb, text) == {
        ("prj-angren-pap-railway", ProjectStatus.IN_SERVICE, dt.date(2016, 6, 22))
    }


@pytest.mark.parametrize(
    "text",
    [
        "The ministers discussed the opening of the Angren-Pap railway line in 2016.",
        "Министры обсудили открытие железной дороги Ангрен — Пап в 2016 году.",
    ],
)
def test_an_opening_only_spoken_of_is_no_event(kb: KnowledgeBase, text: str) -> None:
    assert _events(kb, text) == set()


# -- equipment delivered to a project being set up (corpus rule 37) ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In April the Kyrgyz State Technical University received the first batch of training"
        " equipment for the Luban Workshop in Kyrgyzstan.",
        "В апреле Кыргызский государственный технический университет получил первую партию"
        " учебного оборудования по проекту «Мастерская Лу Баня в Кыргызстане».",
    ],
)
def test_equipment_delivered_before_service_is_progress_of_the_works(
    kb: KnowledgeBase, text: str
) -> None:
    assert _events(kb, text, dt.date(2024, 5, 15)) == {
        ("prj-luban-workshop-kyrgyzstan", ProjectStatus.UNDER_CONSTRUCTION, dt.date(2024, 4, 1))
    }


@pytest.mark.parametrize(
    "text",
    [
        "In April the Kyrgyz State Technical University received a new batch of training"
        " equipment for the Luban Workshop in Kyrgyzstan.",
        "В апреле Кыргызский государственный технический университет получил новую партию"
        " учебного оборудования по проекту «Мастерская Лу Баня в Кыргызстане».",
    ],
)
def test_equipment_delivered_to_a_project_in_service_gives_no_event(
    kb: KnowledgeBase, text: str
) -> None:
    """The knowledge base holds the workshop in service since 26 October 2024."""
    assert _events(kb, text, dt.date(2025, 5, 15)) == set()


# -- approximate figures (corpus rule 36) --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Angren-Pap railway cost Uzbekistan and its Chinese lenders almost $2 billion.",
        "Дорога Ангрен — Пап стоила Узбекистану и его китайским кредиторам почти два миллиарда"
        " долларов.",
    ],
)
def test_an_approximate_cost_is_read_at_its_stated_value(kb: KnowledgeBase, text: str) -> None:
    figures = figures_in(proposals_from(kb, text), FigureQuantity.INVESTMENT_USD)
    assert [(f.subject_id, f.value) for f in figures] == [("prj-angren-pap-railway", 2e9)]


@pytest.mark.parametrize(
    "text",
    [
        "The Angren-Pap railway cost less than $2 billion.",
        "Дорога Ангрен — Пап стоила менее двух миллиардов долларов.",
    ],
)
def test_an_upper_bound_stays_no_figure(kb: KnowledgeBase, text: str) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.INVESTMENT_USD) == []


# -- a line's share in one country -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The China-Kyrgyzstan-Uzbekistan railway is under construction. The line across"
        " Kyrgyzstan is estimated to cost $1.34 billion. The stated cost of the whole project is"
        " about $8 billion.",
        "Железная дорога Китай — Кыргызстан — Узбекистан строится. Участок по территории"
        " Кыргызстана обойдётся в 1,34 млрд долларов. Стоимость всего проекта составляет около"
        " 8 млрд долларов.",
    ],
)
def test_the_cost_of_one_countrys_share_is_not_the_lines(kb: KnowledgeBase, text: str) -> None:
    figures = figures_in(proposals_from(kb, text), FigureQuantity.INVESTMENT_USD)
    assert [(f.subject_id, f.value) for f in figures] == [("prj-cku-railway", 8e9)]


# -- a fronted length of a tunnel ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Angren-Pap railway opened in 2016. At 19.2 kilometers, the Qamchiq Tunnel is the"
        " longest tunnel in Central Asia.",
        "Железная дорога Ангрен — Пап открыта в 2016 году. Протяжённостью 19,2 км, тоннель"
        " «Камчик» стал самым длинным в Центральной Азии.",
    ],
)
def test_a_fronted_length_of_a_tunnel_is_not_the_lines(kb: KnowledgeBase, text: str) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.LENGTH_KM) == []


def test_a_fronted_length_of_the_line_itself_stays(kb: KnowledgeBase) -> None:
    text = "At 123 kilometers, the Angren-Pap railway is the main link to the Fergana Valley."
    figures = figures_in(proposals_from(kb, text), FigureQuantity.LENGTH_KM)
    assert [(f.subject_id, f.value) for f in figures] == [("prj-angren-pap-railway", 123.0)]


# -- a signing still ahead ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "According to Samruk-Kazyna, the next stage will be the signing of an Investment"
        " Agreement with Kazakhstan's Ministry of Energy.",
        "По словам представителя фонда, предстоит подписание Инвестиционного соглашения с"
        " Министерством энергетики Казахстана.",
    ],
)
def test_a_signing_still_ahead_is_no_agreement(kb: KnowledgeBase, text: str) -> None:
    assert _agreements(kb, text) == []


# -- a signing at the ceremony told before ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A China Center set up jointly by Xi'an Jiaotong University and Samarkand State"
        " University opened in Samarkand, Uzbekistan, on Dec 22. At the unveiling ceremony the"
        ' two universities also signed a "Memorandum of Understanding on Research Cooperation'
        ' between XJTU and Samarkand State University".',
        "Китайский центр Сианьского университета открыли в Самарканде 22 декабря. На церемонии"
        " открытия университеты подписали Меморандум о сотрудничестве в области исследований.",
    ],
)
def test_a_signing_at_the_ceremony_takes_the_opening_place_and_day(
    kb: KnowledgeBase, text: str
) -> None:
    """The school named after a city ("Xi'an Jiaotong University") is not a second place."""
    assert [(a.signed_on, a.place_id) for a in _agreements(kb, text)] == [
        (dt.date(2024, 12, 22), "uz-samarkand")
    ]


# -- the workshop after "the second …" is not the held one ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The first Luban Workshop in Kazakhstan opened in Oskemen. The second Luban Workshop in"
        " Kazakhstan is set up in Astana. The workshop is being built now.",
        "Первая мастерская Лу Баня в Казахстане открыта в Усть-Каменогорске. Вторая мастерская"
        " Лу Баня в Казахстане создаётся в Астане. Мастерская строится сейчас.",
    ],
)
def test_the_kind_referred_back_after_a_second_one_is_not_the_held_one(
    kb: KnowledgeBase, text: str
) -> None:
    statuses = {s for p, s, _ in _events(kb, text) if p == "prj-luban-workshop-kazakhstan"}
    assert ProjectStatus.UNDER_CONSTRUCTION not in statuses


# -- a short start of a held name inside a longer capitalised name -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The route joins the railways of China and Uzbekistan as part of the New Silk Road."
        " The stated cost of the whole project is about $8 billion.",
        "Маршрут соединит железные дороги Китая и Узбекистана в рамках проекта Новый Шёлковый"
        " путь. Стоимость всего проекта составляет около 8 млрд долларов.",
    ],
)
def test_a_longer_capitalised_name_is_not_a_held_names_start(kb: KnowledgeBase, text: str) -> None:
    """ "Silk Road" begins the held "Silk Road e-commerce"; "the New Silk Road" is another name."""
    figures = figures_in(proposals_from(kb, text), FigureQuantity.INVESTMENT_USD)
    assert all(f.subject_id != "prj-ca-ecommerce-cooperation" for f in figures)


# -- a held name in another word order (corpus rule 43) ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "На Каспии продолжают строить паромный комплекс Курык.",
        "Construction of the port ferry complex Kuryk is continuing on the Caspian.",
    ],
)
def test_a_held_name_with_its_words_reordered_is_the_held_name(
    kb: KnowledgeBase, text: str
) -> None:
    """Word order aside, the held name: no spelling-variant flag."""
    facts = [f for f in proposals_from(kb, text) if f.payload in events_in([f])]
    assert [f.payload.project_id for f in facts if hasattr(f.payload, "project_id")] == [
        "prj-kuryk-port-ferry-complex"
    ]
    assert all(FlagCode.SPELLING_VARIANT not in {g.code for g in f.flags} for f in facts)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("JV Zarafshon suspended gold mining in January.", False),
        # held in Cyrillic since its Russian name was sourced: no variant
        ("СП «Зарафшон» временно приостановило добычу золота в январе.", False),
    ],
)
def test_a_held_venture_with_its_form_put_first_is_the_venture(
    kb: KnowledgeBase, text: str, flagged: bool
) -> None:
    """ "Zarafshon JV" is held; "JV Zarafshon" is it, and so is the held "СП «Зарафшон»"."""
    facts = [f for f in proposals_from(kb, text) if f.payload in events_in([f])]
    assert [f.payload.project_id for f in facts if hasattr(f.payload, "project_id")] == [
        "prj-zijin-zeravshan"
    ]
    assert (FlagCode.SPELLING_VARIANT in {g.code for g in facts[0].flags}) is flagged


# -- a venture described at its work (corpus rule 39) ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "JV Zarafshon, which used to be called Zervashan Gold Company, is Tajikistan's biggest"
        " gold miner.",
        "СП «Зарафшон», которое раньше называлось иначе, является крупнейшим в Таджикистане"
        " производителем золота.",
    ],
)
def test_a_venture_described_at_its_work_is_in_service_as_reported(
    kb: KnowledgeBase, text: str
) -> None:
    assert _events(kb, text) == {
        ("prj-zijin-zeravshan", ProjectStatus.IN_SERVICE, dt.date(2025, 6, 30))
    }


@pytest.mark.parametrize(
    "text",
    [
        "JV Zarafshon, which used to be called Zervashan Gold Company, has 2,000 staff.",
        "В СП «Зарафшон», которое раньше называлось иначе, работает 2000 человек.",
    ],
)
def test_a_venture_described_by_its_staff_gives_no_event(kb: KnowledgeBase, text: str) -> None:
    assert _events(kb, text) == set()


# -- the enterprise referred back to --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "JV Zarafshon is being rebuilt. The enterprise has temporarily suspended production.",
        "СП «Зарафшон» сейчас на реконструкции. На предприятии добыча металла временно"
        " приостановлена.",
    ],
)
def test_the_enterprise_referred_back_is_the_venture(kb: KnowledgeBase, text: str) -> None:
    statuses = {(p, s) for p, s, _ in _events(kb, text)}
    assert ("prj-zijin-zeravshan", ProjectStatus.SUSPENDED) in statuses


# -- initiated: announced -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Initiated in 2019, the Luban Workshop in Kyrgyzstan trains engineers.",
        "Инициированная в 2019 году мастерская Лу Баня в Кыргызстане готовит инженеров.",
    ],
)
def test_a_project_initiated_is_announced(kb: KnowledgeBase, text: str) -> None:
    assert (
        "prj-luban-workshop-kyrgyzstan",
        ProjectStatus.ANNOUNCED,
        dt.date(2019, 1, 1),
    ) in _events(kb, text)


# -- a held title checked against the day the text gives --------------------------------------------


def test_a_title_read_fuzzily_names_the_document_signed_on_the_stated_day(
    kb: KnowledgeBase,
) -> None:
    text = (
        "The agreement on building the China-Kyrgyzstan-Uzbekistan railway was signed on the"
        " sidelines of the Shanghai Cooperation Organization summit in Samarkand on September 14,"
        " 2022."
    )
    assert [a.agreement_id for a in _agreements(kb, text)] == ["agr-cku-mou-samarkand-2022"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [("6 июня 2024 года", ["agr-cku-intergovernmental-2024"]), ("14 сентября 2022 года", [None])],
)
def test_a_russian_title_names_the_held_document_only_on_its_day(
    kb: KnowledgeBase, day: str, expected: list[str | None]
) -> None:
    text = (
        "Трёхстороннее межправительственное соглашение по железной дороге Китай – Кыргызстан –"
        f" Узбекистан подписали {day}."
    )
    assert [a.agreement_id for a in _agreements(kb, text)] == expected


# -- works going ahead on a part of a held project ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Work on a second concentrating mill is going ahead at full speed as part of the"
        " expansion of the Aktogay mining and processing plant.",
        "Работы по расширению медного проекта Актогай идут полным ходом.",
    ],
)
def test_works_going_ahead_on_a_held_project_named_by_word_and_kind(
    kb: KnowledgeBase, text: str
) -> None:
    assert {(p, s) for p, s, _ in _events(kb, text)} == {
        ("prj-aktogay-copper", ProjectStatus.UNDER_CONSTRUCTION)
    }


# -- a builder taking part in the works ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "CNPC is taking part in the development of the Galkynysh gas field.",
        "CNPC участвует в обустройстве гигантского газового месторождения «Галкыныш».",
    ],
)
def test_a_builder_taking_part_in_the_works_says_they_are_under_way(
    kb: KnowledgeBase, text: str
) -> None:
    assert {(p, s) for p, s, _ in _events(kb, text)} == {
        ("prj-galkynysh-gas-field", ProjectStatus.UNDER_CONSTRUCTION)
    }


@pytest.mark.parametrize(
    "text",
    [
        "CNPC will take part in the development of the Galkynysh gas field.",
        "CNPC примет участие в обустройстве месторождения «Галкыныш».",
    ],
)
def test_a_builder_to_take_part_later_says_nothing_of_the_works(
    kb: KnowledgeBase, text: str
) -> None:
    assert _events(kb, text) == set()


# -- a document pointed back to ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A contract on building a plant for electrical equipment was also signed, but the"
            " parties to this contract were not named.",
            "Contract on building a plant for electrical equipment",
        ),
        (
            "Подписан и договор о строительстве завода по выпуску электрического оборудования,"
            " однако стороны этого договора не названы.",
            "Договор о строительстве завода по выпуску электрического оборудования",
        ),
    ],
)
def test_a_document_pointed_back_to_is_no_second_document(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


# -- documents named by what they are about -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "At the meeting a protocol-agreement was signed on installing a satellite ground"
            " station and choosing where it will stand.",
            "Protocol-agreement on installing a satellite ground station and choosing where it"
            " will stand",
        ),
        (
            "На встрече подписан протокол-соглашение об установке спутниковой наземной станции.",
            "Протокол-соглашение об установке спутниковой наземной станции",
        ),
    ],
)
def test_a_document_named_by_what_it_is_about_after_its_verb(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


def test_a_date_after_the_passive_verb_is_no_subject(kb: KnowledgeBase) -> None:
    text = "A memorandum was signed on 14 May between the two ministries."
    assert [a.signed_on for a in _agreements(kb, text)] == [dt.date(2025, 5, 14)]


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan and China have signed the main agreements for a solar power plant of 300 MW"
        " in the Turkestan region.",
        "Казахстан и Китай подписали основные соглашения по солнечной электростанции мощностью"
        " 300 МВт в Туркестанской области.",
    ],
)
def test_the_papers_of_one_facility_are_one_proposal(kb: KnowledgeBase, text: str) -> None:
    agreements = _agreements(kb, text)
    assert len(agreements) == 1
    assert "300" in agreements[0].name


def test_papers_on_several_subjects_stay_a_group(kb: KnowledgeBase) -> None:
    text = "Kazakhstan and China have signed agreements on trade, energy and culture."
    assert _agreements(kb, text) == []


# -- "the two universities" --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On September 3 a delegation of Tashkent State Pedagogical University came to Tianjin"
            " Normal University. During the visit, the vice-rectors signed a cooperation agreement"
            " between the two universities.",
            "Cooperation agreement between Tashkent State Pedagogical University and Tianjin"
            " Normal University",
        ),
        (
            "3 сентября делегация Ташкентского государственного педагогического университета"
            " прибыла в Тяньцзиньский педагогический университет. Во время визита проректоры"
            " подписали соглашение о сотрудничестве между двумя университетами.",
            "Соглашение о сотрудничестве между Ташкентский государственный педагогический"
            " университет и Тяньцзиньский педагогический университет",
        ),
    ],
)
def test_a_document_between_the_two_is_named_by_them_and_dated_by_the_visit(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    """The delegation's day dates the signing "during the visit"; no place is told."""
    assert [(a.name, a.signed_on) for a in _agreements(kb, text)] == [(name, dt.date(2024, 9, 3))]


# -- documents cited with their own day --------------------------------------------


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("The document follows the goals set in the Xi'an Declaration of 19 May 2023.", True),
        (
            "Документ подготовлен исходя из целей и задач, записанных в Сианьской декларации от"
            " 19 мая 2023 года.",
            True,
        ),
        ("The document follows the goals set in the Xi'an Declaration.", False),
        ("Документ подготовлен исходя из задач, записанных в Сианьской декларации.", False),
    ],
)
def test_a_held_document_cited_with_its_own_day_was_signed_that_day(
    kb: KnowledgeBase, text: str, dated: bool
) -> None:
    expected = [("agr-xian-declaration", dt.date(2023, 5, 19))] if dated else []
    assert [(a.agreement_id, a.signed_on) for a in _agreements(kb, text)] == expected


# -- trade referred to by a pronoun --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Trade between the two countries keeps growing fast. In the previous fiscal year it"
            " passed $14 billion, confirming China as a key partner for Uzbekistan.",
            True,
        ),
        (
            "Товарооборот между двумя странами быстро растёт. В прошлом году он превысил 14 млрд"
            " долларов, подтвердив роль Китая как ключевого партнёра Узбекистана.",
            True,
        ),
        (
            "Investment keeps growing fast. In the previous fiscal year it passed $14 billion,"
            " confirming China as a key partner for Uzbekistan.",
            False,
        ),
        (
            "Инвестиции быстро растут. В прошлом году он превысил 14 млрд долларов, подтвердив роль"
            " Китая как ключевого партнёра Узбекистана.",
            False,
        ),
    ],
)
def test_trade_referred_to_by_a_pronoun_keeps_its_scope(
    kb: KnowledgeBase, text: str, found: bool
) -> None:
    figures = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    expected = [("uz", 14e9, 2024)] if found else []
    assert [(f.partner_id, f.value, f.year) for f in figures] == expected


# -- a part of a held project at work -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"Counting Bozshakol and the first Aktogay concentrating mill, which are already working,'
        ' this will be the third mining project," he said.',
        "Первая обогатительная фабрика Актогай, как и Бозшаколь, уже работает.",
    ],
)
def test_a_held_projects_mill_at_work_is_the_project_in_service(
    kb: KnowledgeBase, text: str
) -> None:
    assert {(p, s) for p, s, _ in _events(kb, text)} == {
        ("prj-aktogay-copper", ProjectStatus.IN_SERVICE)
    }
