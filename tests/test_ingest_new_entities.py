"""New facilities described by a noun phrase (issue #12): the reader of facility phrases in
English and Russian, with sentences written for the test; generic mentions stay unproposed."""

from __future__ import annotations

import pytest

from caravan.analysis.ingest.facility_phrases import facility_heads
from caravan.model.proposals import EntityKind, FlagCode, ProposedEntity
from caravan.store import KnowledgeBase
from ingest_helpers import proposals_from


def _new_things(kb: KnowledgeBase, text: str) -> list[tuple[EntityKind, str]]:
    return [
        (f.payload.entity_kind, f.payload.name)
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedEntity)
    ]


def _projects(kb: KnowledgeBase, text: str) -> list[str]:
    return [name for kind, name in _new_things(kb, text) if kind is EntityKind.PROJECT]


# -- the vocabulary is data ---------------------------------------------------------------


def test_every_head_says_why_and_both_languages_are_covered() -> None:
    heads = facility_heads()
    assert {h.language for h in heads} == {"en", "ru"}
    assert {"plant", "terminal", "branch"} <= {h.head for h in heads if h.language == "en"}
    assert {"электростанция", "ГЭС", "завод"} <= {h.head for h in heads if h.language == "ru"}


# -- English ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Chinese investor will build a $240 million, 120-megawatt wind farm in the"
            " Zhambyl region.",
            "Wind farm 120 MW in Zhambyl region",
        ),
        (
            "The two firms agreed to build a factory for frozen vegetables in the Turkestan"
            " region.",
            "Factory for frozen vegetables in Turkestan region",
        ),
        (
            "The ministry plans to open a branch of the Harbin Institute of Technology in"
            " Tashkent.",
            "Branch of Harbin Institute of Technology in Tashkent",
        ),
        ("A third Luban Workshop will be opened in Bishkek.", "Third Luban Workshop in Bishkek"),
    ],
)
def test_an_english_facility_phrase_is_a_new_project(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert expected in _projects(kb, text)


def test_a_new_facility_carries_the_unknown_entity_flag(kb: KnowledgeBase) -> None:
    facts = proposals_from(
        kb, "The company will build a 50-megawatt solar plant in the Kashkadarya region."
    )
    flags = [
        {flag.code for flag in f.flags} for f in facts if isinstance(f.payload, ProposedEntity)
    ]
    assert flags
    assert all(FlagCode.UNKNOWN_ENTITY in codes for codes in flags)


def test_an_unknown_town_a_facility_is_built_in_is_a_new_place(kb: KnowledgeBase) -> None:
    things = _new_things(kb, "Investors plan a brick factory in Chaek, Kyrgyzstan.")
    assert (EntityKind.PROJECT, "Brick factory in Chaek") in things
    assert (EntityKind.PLACE, "Chaek") in things


@pytest.mark.parametrize(
    "text",
    [
        "The plant's workers were paid on time, the director said.",
        "The plant will reach its full capacity next year.",
        "A long line of trucks built up at the border after the holiday.",
        "Kazakhmys agreed a $1.5 billion loan facility with a Chinese bank.",
        "Twenty stations are planned: two border stations and one transshipment station.",
        "He said that a strategic line like this one must be built to a high standard.",
    ],
)
def test_a_generic_english_mention_is_no_project(kb: KnowledgeBase, text: str) -> None:
    assert _projects(kb, text) == []


def test_a_phrase_set_beside_a_name_describes_that_name(kb: KnowledgeBase) -> None:
    projects = _projects(
        kb, "Construction of the Kemin-Balykchy railway, a new 150 km line, began."
    )
    assert not any("150" in name for name in projects), projects


def test_a_phrase_without_any_cue_is_no_project(kb: KnowledgeBase) -> None:
    assert _projects(kb, "A cement plant in the Chui region stood by the river.") == []


# -- Russian ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Компания намерена построить ветровую электростанцию мощностью 200 мегаватт.",
            "Ветровая электростанция мощностью 200 МВт",
        ),
        (
            "Стороны подписали меморандум о строительстве Сусамырского каскада ГЭС в Чуйской"
            " области.",
            "Сусамырский каскад ГЭС в Чуйской области",
        ),
        (
            "Инвестор построит завод по производству стекла в Жамбылской области.",
            "Завод по производству стекла в Жамбылской области",
        ),
    ],
)
def test_a_russian_facility_phrase_is_a_new_project(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert expected in _projects(kb, text)


def test_a_place_opening_the_sentence_places_the_facility(kb: KnowledgeBase) -> None:
    text = "В Навои планируют построить новый грузовой терминал."
    assert _projects(kb, text) == ["Новый грузовой терминал в Навои"]


def test_coordinated_facilities_share_the_place_named_after_the_second(
    kb: KnowledgeBase,
) -> None:
    text = "Investors will build a brick factory together with a small solar plant in Chaek, Kyrgyzstan."
    projects = _projects(kb, text)
    assert "Brick factory in Chaek" in projects
    assert "Small solar plant in Chaek" in projects


def test_an_investor_putting_money_into_it_names_it(kb: KnowledgeBase) -> None:
    text = (
        "The ministry signed a contract with Hubei Yihua Corporation, which will put $50 million"
        " into a plant for frozen fruit in the Osh region."
    )
    assert _projects(kb, text) == ["Hubei Yihua plant for frozen fruit in Osh region"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PowerChina will build a 300-megawatt solar plant in the Samarkand region.",
            "PowerChina solar plant 300 MW in Samarkand region",
        ),
        (
            "Меморандум с компанией Sinoma Cement о строительстве цементного завода в Ошской"
            " области подписан в Бишкеке.",
            "Цементный завод Sinoma Cement в Ошской области",
        ),
    ],
)
def test_the_company_building_it_is_part_of_the_name(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert _projects(kb, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Энергетические объекты страны прошли проверку перед зимой.",
        "Компания намерена построить завод в городе.",
        "Рабочие завода получили премию.",
        "Строительство электростанций остаётся приоритетом правительства.",
        "Министр посетил завод и поговорил с рабочими.",
        "Предприятие выплатило зарплату рабочим.",
    ],
)
def test_a_generic_russian_mention_is_no_project(kb: KnowledgeBase, text: str) -> None:
    assert _projects(kb, text) == []


# -- resolution and coreference -------------------------------------------------------------


def test_a_known_project_by_head_and_owner_is_not_new(kb: KnowledgeBase) -> None:
    text = "The sides agreed to open a branch of Northwestern Polytechnical University in Almaty."
    assert _projects(kb, text) == []


def test_a_later_mention_of_the_same_facility_is_one_proposal(kb: KnowledgeBase) -> None:
    text = (
        "A Chinese company will build a glass factory in the Chui region. Officials said a"
        " glass factory of this size would be the first in the country."
    )
    assert _projects(kb, text) == ["Glass factory in Chui region"]


# -- places named once, with a cue of their category -----------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Сенат ратифицировал соглашение, подписанное 12 ноября 2024 года в Баку.", "Баку"),
        ("Инвестиции компании пойдут в хозяйство Пенджикента и соседних районов.", "Пенджикент"),
    ],
)
def test_a_place_a_document_was_signed_in_or_whose_economy_grows_is_new(
    kb: KnowledgeBase, text: str, place: str
) -> None:
    assert (EntityKind.PLACE, place) in _new_things(kb, text)


def test_a_known_place_a_document_was_signed_in_is_not_new(kb: KnowledgeBase) -> None:
    assert _new_things(kb, "Соглашение подписали в Ташкенте.") == []


def test_a_phrase_of_a_known_project_named_just_before_is_that_project(
    kb: KnowledgeBase,
) -> None:
    alone = "В Пекине создан новый культурный центр по этому соглашению."
    assert _projects(kb, alone) == ["Новый культурный центр в Пекине"]
    after = "Правительства договорились о взаимном учреждении культурных центров. " + alone
    assert _projects(kb, after) == []


@pytest.mark.parametrize(
    "text",
    ["Построят 𗀀 завод мощностью 5 МВт в 𗀀 области.", "A 𗀀 plant for 𗀀 will be built in 𗀀."],
)
def test_letters_the_dictionary_cannot_read_do_not_break_the_reader(
    kb: KnowledgeBase, text: str
) -> None:
    assert all(isinstance(name, str) for _, name in _new_things(kb, text))


# -- facilities named beside their head, several at once (round 9) ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Китайская компания ведет добычу на месторождениях «Верхний Кумарг» и «Дуоба» в"
            " Айнинском районе.",
            ["месторождение Верхний Кумарг", "месторождение Дуоба"],
        ),
        (
            "Совместно с Китаем компания будет добывать уголь на месторождениях Сулукту,"
            " Беш-Буркан и Ак-Улак.",
            ["месторождение Сулукту", "месторождение Беш-Буркан", "месторождение Ак-Улак"],
        ),
        (
            "A Chinese company will mine gold at the Kumarg and Duoba deposits.",
            ["Kumarg deposit", "Duoba deposit"],
        ),
    ],
)
def test_each_deposit_named_beside_its_head_is_its_own_project(
    kb: KnowledgeBase, text: str, expected: list[str]
) -> None:
    assert _projects(kb, text) == expected


def test_a_deposit_named_after_a_held_crossing_is_still_new(kb: KnowledgeBase) -> None:
    text = "Компания подписала соглашение с китайской стороной о разработке месторождения «Торугарт 1»."
    assert _projects(kb, text) == ["месторождение Торугарт 1"]


@pytest.mark.parametrize(
    "text",
    [
        "Разработка месторождений Туркменистана при участии Китая продолжается.",
        "На газовом месторождении Галкыныш китайская CNPC начала работы.",
        "Компания ведет добычу на месторождениях «Верхний Кумарг» и «Дуоба».",
        "The company mines gold at the Kumarg and Duoba deposits.",
    ],
)
def test_a_deposit_of_a_country_a_held_project_or_no_partner_is_no_new_project(
    kb: KnowledgeBase, text: str
) -> None:
    assert _projects(kb, text) == []


def test_a_heat_and_power_plant_written_in_full_is_a_described_facility(
    kb: KnowledgeBase,
) -> None:
    text = "Компания вложила средства в строительство теплоэлектроцентрали в Душанбе."
    assert _projects(kb, text) == ["Теплоэлектроцентраль в Душанбе"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The aircraft touched down at Navoi Airport in Uzbekistan.", "Navoi Airport"),
        ("Самолет приземлился в аэропорту Навои.", "Аэропорт Навои"),
    ],
)
def test_an_airport_named_after_a_held_place_is_a_new_place(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert (EntityKind.PLACE, expected) in _new_things(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "SF Airlines flew its first cargo service, Uzbekistan Airports told Trend.",
        "Самолет приземлился в аэропорту и был встречен водной аркой.",
    ],
)
def test_an_airport_operator_or_an_unnamed_airport_is_no_new_place(
    kb: KnowledgeBase, text: str
) -> None:
    assert not any("irport" in name or "эропорт" in name for _, name in _new_things(kb, text))


def test_a_definite_first_mention_with_its_plan_is_a_new_project(kb: KnowledgeBase) -> None:
    text = "More money will go into the mineral fertilizer plant planned in Kyrgyzstan."
    assert _projects(kb, text) == ["Mineral fertilizer plant in Kyrgyzstan"]


@pytest.mark.parametrize(
    "text",
    [
        "A Chinese firm built a cement plant in Osh. The cement plant planned in Osh opened.",
        "More money will go into the mineral fertilizer plant in Kyrgyzstan.",
    ],
)
def test_a_definite_phrase_after_its_head_or_without_its_plan_is_no_new_project(
    kb: KnowledgeBase, text: str
) -> None:
    assert not any("planned" in n or n.startswith(("Mineral", "The")) for n in _projects(kb, text))


def test_a_facility_whose_head_is_left_out_borrows_it(kb: KnowledgeBase) -> None:
    text = (
        "По соглашению будут построены три ветровые электростанции общей мощностью 1,5 ГВт"
        " и одна солнечная мощностью 0,3 ГВт."
    )
    assert "Солнечная электростанция мощностью 0,3 ГВт" in _projects(kb, text)


def test_a_word_after_and_that_is_no_adjective_borrows_no_head(kb: KnowledgeBase) -> None:
    text = "Будут построены три ветровые электростанции общей мощностью 1,5 ГВт и одна из них мощностью 0,3 ГВт."
    assert not any(name.startswith(("Из", "Одна", "Ветровая")) for name in _projects(kb, text))


def test_a_counted_plural_with_one_place_each_is_one_project_per_place(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Соглашения касаются строительства двух угольных логистических центров с ленточным"
        " конвейером — у пунктов пропуска «Торугарт» и «Иркештам»."
    )
    assert _projects(kb, text) == [
        "Угольный логистический центр с ленточным конвейером у пункта пропуска Торугарт",
        "Угольный логистический центр с ленточным конвейером у пункта пропуска Иркештам",
    ]


def test_a_count_that_differs_from_the_places_listed_is_not_split(kb: KnowledgeBase) -> None:
    text = "Стороны договорились построить два новых терминала в городах Актау, Курык и Баутино."
    assert not any("в городе" in name for name in _projects(kb, text))


@pytest.mark.parametrize(
    "text",
    [
        "Соглашение предусматривает строительство двух солнечных электростанций общей"
        " мощностью 600 МВт.",
        "The deal provides for three wind farms with a total capacity of 1 GW in Kazakhstan.",
    ],
)
def test_a_kind_counted_with_no_one_of_them_named_or_placed_is_no_project(
    kb: KnowledgeBase, text: str
) -> None:
    assert _projects(kb, text) == []


def test_units_listed_one_a_line_after_a_line_announcing_them_are_projects(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Каскад построят китайские компании. В него войдут четыре станции общей мощностью"
        " 1160 МВт:\n\nАла-Буга — 600 МВт;\n\nКара-Булун-1 — 149 МВт;\n\nТогуз-Торо — 248 МВт."
    )
    assert {"Ала-Буга", "Кара-Булун-1", "Тогуз-Торо"} <= set(_projects(kb, text))


@pytest.mark.parametrize(
    "text",
    [
        "Итоги года по регионам:\n\nАла-Буга — 600 МВт;\n\nТогуз-Торо — 248 МВт.",
        "В него войдут четыре станции:\n\nАла-Буга — 600 МВт;\n\nТогуз-Торо — 248 МВт.",
    ],
)
def test_lines_with_a_capacity_need_an_announcing_line_and_a_partner(
    kb: KnowledgeBase, text: str
) -> None:
    assert _projects(kb, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Among the projects China Exim Bank backed is the Kazakhstan Electrolysis Plant.",
            ["Kazakhstan Electrolysis Plant"],
        ),
        ("The director of the Kazakhstan Electrolysis Plant said output had grown.", []),
    ],
)
def test_a_capitalised_name_ending_in_plant_is_a_project_unless_it_heads_a_title(
    kb: KnowledgeBase, text: str, expected: list[str]
) -> None:
    assert _projects(kb, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They discussed projects such as a coal logistics base at the Irkeshtam checkpoint.",
            "Coal logistics base at Irkeshtam",
        ),
        ("They reviewed progress on a cargo terminal in Xi'an.", "Cargo terminal in Xi'an"),
        (
            "Стороны условились подготовить проектно-сметную документацию и оформить землю под"
            " грузовой терминал в сухом порту Сиань.",
            "Грузовой терминал в сухом порту Сиань",
        ),
    ],
)
def test_a_base_and_works_in_progress_or_in_design_are_cues_of_a_project(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert _projects(kb, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The company plans to widen its customer base in Kazakhstan.",
        "The workshop will be a key base for training specialists for Kyrgyz industry.",
        "The new centre is a logistics hub for the Almaty region, officials said.",
    ],
)
def test_a_customer_base_or_what_a_named_thing_will_be_is_no_new_project(
    kb: KnowledgeBase, text: str
) -> None:
    assert _projects(kb, text) == []


def test_facilities_of_a_kind_at_each_named_crossing_are_one_each(kb: KnowledgeBase) -> None:
    text = 'Plans also include "dry ports" at the "Bakhty" and "Kalzhat" crossings.'
    assert _projects(kb, text) == [
        "Dry port at the Bakhty crossing",
        "Dry port at the Kalzhat crossing",
    ]


def test_facilities_at_crossings_with_no_plan_are_no_new_projects(kb: KnowledgeBase) -> None:
    text = "Trucks queue at the terminals at the Bakhty and Kalzhat crossings every winter."
    assert _projects(kb, text) == []


def test_a_definite_phrase_named_by_one_unknown_word_is_a_first_mention(
    kb: KnowledgeBase,
) -> None:
    text = "Coal is shipped from the Zhongding logistics park in central Shanxi to Almaty."
    assert _projects(kb, text) == ["Zhongding logistics park"]


@pytest.mark.parametrize(
    "text",
    [
        "Coal is shipped from the Khorgos logistics park to Almaty.",
        'Works at the Chinese "Dulaty" checkpoint went on, the ministry said.',
        "Coal is shipped from the Zhongding Logistics park to Almaty.",
    ],
)
def test_a_definite_phrase_by_a_known_or_quoted_word_or_two_names_is_no_first_mention(
    kb: KnowledgeBase, text: str
) -> None:
    assert not any(
        name.startswith(("Khorgos", "Chinese", "Zhongding")) for name in _projects(kb, text)
    )


def test_a_dry_port_named_after_a_held_crossing_is_new(kb: KnowledgeBase) -> None:
    text = "A large transport and logistics centre, the Kolzhat Dry Port, is planned."
    assert (EntityKind.PLACE, "Kolzhat Dry Port") in _new_things(kb, text)


def test_finishing_the_building_is_a_cue_of_a_project(kb: KnowledgeBase) -> None:
    text = "Рядом с границей достраивают Международный центр промышленной кооперации."
    assert _projects(kb, text) == ["Международный центр промышленной кооперации"]
    assert (
        _projects(kb, "Рядом с границей работает Международный центр промышленной кооперации.")
        == []
    )


def test_a_motorway_named_by_its_ends_is_a_new_project(kb: KnowledgeBase) -> None:
    text = "Область собирается построить автотрассу Шардара – Арыс у границы с Узбекистаном."
    assert "автотрасса Шардара – Арыс" in _projects(kb, text)


def test_a_bypass_station_of_a_city_is_a_new_place(kb: KnowledgeBase) -> None:
    text = "В этом году мы завершим два проекта, в том числе обводную станцию Алматы."
    assert (EntityKind.PLACE, "Обводная станция Алматы") in _new_things(kb, text)  # rule 19


def test_an_export_promotion_centre_is_an_organisation(kb: KnowledgeBase) -> None:
    text = (
        "Kyrgyz Temir Zholu, the Russian Export Center and RZD International signed a memorandum."
    )
    assert _projects(kb, text) == []
    built = "Investors will build the Golden Steppe Cooperation Center near the border."
    assert _projects(kb, built) == ["Golden Steppe Cooperation Center"]


def test_a_strong_head_with_its_own_name_after_it_is_a_new_project(kb: KnowledgeBase) -> None:
    quoted = "Китайская марка собирает машины и на заводе ТОО «Степной Автопром» в Костанае."
    assert "Завод «Степной Автопром»" in _projects(kb, quoted)
    latin = "Стекольный завод Steppe Glass LTD построили китайские инвесторы."
    assert "Завод Steppe Glass LTD" in _projects(kb, latin)


def test_an_own_name_that_is_a_country_or_has_no_party_near_is_not_read(
    kb: KnowledgeBase,
) -> None:
    assert _projects(kb, "Китай и Казахстан обсудили работу завода «Казахстан».") == []
    assert _projects(kb, "Рабочие вышли на смену на заводе «Степной Автопром».") == []


def test_a_name_with_a_number_names_the_facility_after_it(kb: KnowledgeBase) -> None:
    text = "Kyrgyzstan and Kazakhstan agreed to build the Tosor-2 hydropower plant."
    assert _projects(kb, text) == ["Tosor-2 hydropower plant"]
    # a plant named before by another name does not make this name a reference back: a name of
    # its own is its own plant; the same name said again is the one already proposed
    later = "Kyrgyzstan opened a plant. Kazakhstan will build the Tosor-2 hydropower plant."
    assert _projects(kb, later) == ["Tosor-2 hydropower plant"]
    again = (
        "Kazakhstan will build the Tosor-2 hydropower plant with a Chinese company. Later the"
        " Tosor-2 hydropower plant will feed the grid."
    )
    assert _projects(kb, again) == ["Tosor-2 hydropower plant"]


def test_a_zone_named_by_its_place_and_purpose_is_a_new_project(kb: KnowledgeBase) -> None:
    text = "Китай открыл торговый дом в Чуйской зоне экономического сотрудничества."
    assert _projects(kb, text) == ["Чуйская зона экономического сотрудничества"]
    bracketed = (
        "Товары Казахстана и Китая идут через Урумчийский участок Китайской (Алтайской) зоны"
        " развития."
    )
    assert "Китайская (Алтайская) зона развития" in _projects(kb, bracketed)
    china_alone = "Товары Китая идут через Урумчийский участок Китайской (Алтайской) зоны развития."
    assert _projects(kb, china_alone) == []  # rule 17: a zone of China tied to no other state
    english = "China said the Altai (Xinjiang) Pilot Free Trade Zone opened in 2024."
    assert "Altai (Xinjiang) Pilot Free Trade Zone" in _projects(kb, english)


def test_a_zone_without_its_place_or_party_is_not_read(kb: KnowledgeBase) -> None:
    assert _projects(kb, "Китай открыл торговый дом в зоне экономического сотрудничества.") == []
    assert _projects(kb, "Рабочие трудятся в Чуйской зоне экономического сотрудничества.") == []


def test_an_airport_named_after_a_held_city_in_a_phrase_or_with_an_epithet(
    kb: KnowledgeBase,
) -> None:
    text = "China singles out the airport in Xi'an as a key hub for Central Asia."
    assert (EntityKind.PLACE, "Xi'an Airport") in _new_things(kb, text)
    ru = "Перевозчик открыл рейс в Ташкент; его базовый аэропорт - Пекин Столичный."
    assert (EntityKind.PLACE, "Аэропорт Пекин Столичный") in _new_things(kb, ru)
    unknown = "China singles out the airport in Zorbagrad as a key hub."
    assert not any(name.endswith("Airport") for _, name in _new_things(kb, unknown))


def test_a_relative_clause_of_what_a_facility_makes_describes_it(kb: KnowledgeBase) -> None:
    text = "A new plant that builds buses under the Yutong brand has started work in Osh."
    assert _projects(kb, text) == ["Yutong bus plant in Osh"]
    said = "The workers said a plant that builds trucks is a good employer."
    assert _projects(kb, said) == []  # no place, cost, cue or owner says which plant


def test_a_participle_and_a_purpose_describe_a_russian_facility(kb: KnowledgeBase) -> None:
    text = "В Китае провели ярмарку логистического парка, созданного для экспорта овощей."
    assert _projects(kb, text) == ["Логистический парк для экспорта овощей"]
    assert _projects(kb, "Рабочие пришли в логистический парк для отдыха.") == []
