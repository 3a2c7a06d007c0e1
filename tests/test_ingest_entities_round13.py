"""New places and projects, round 13 (issue #12): crossings the crossing noun itself names,
facilities named by their capacity, kind and place. English and Russian, positives and
negatives, on sentences written for the test."""

from __future__ import annotations

from caravan.model.proposals import EntityKind
from caravan.store import KnowledgeBase
from ingest_helpers import new_entity_names as _new

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


# -- facilities named by their size, kind and place -------------------------------------------


def test_a_capacity_after_the_head_names_a_facility(kb: KnowledgeBase) -> None:
    text = (
        "A Chinese company and the Ministry of Energy signed a memorandum on a wind farm of"
        " 500 MW in the Navoi region."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["Wind farm 500 MW in Navoi region"]


def test_a_data_centre_with_its_size_is_a_facility_a_data_base_is_not(kb: KnowledgeBase) -> None:
    centre = "China's Huawei will build a data centre of 100 MW in the Tashkent region."
    assert _new(kb, centre, EntityKind.PROJECT) == [
        "China's Huawei data centre 100 MW in Tashkent region"
    ]
    base = "The ministry will build a data base of exporters in the Tashkent region."
    assert _new(kb, base, EntityKind.PROJECT) == []


def test_the_sized_facility_with_its_place_is_named_at_first_mention(kb: KnowledgeBase) -> None:
    text = (
        "Officials of Samruk-Kazyna and China Power reviewed the 800 MW wind power project in"
        " the Akmola region on Monday."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["Wind power project 800 MW in Akmola region"]


def test_the_sized_facility_named_before_or_without_a_place_is_not_new(kb: KnowledgeBase) -> None:
    before = (
        "China Power is building a wind farm in the Akmola region. The 100 MW wind farm in the"
        " Akmola region will open in 2026."
    )
    assert _new(kb, before, EntityKind.PROJECT) == ["Wind farm in Akmola region"]
    alone = "China Power said the 100 MW wind farm will be finished in 2026."
    assert _new(kb, alone, EntityKind.PROJECT) == []


def test_a_russian_facility_with_its_size_and_region_is_named(kb: KnowledgeBase) -> None:
    text = (
        "Китайская компания подписала соглашение о строительстве ветровой электростанции"
        " мощностью 500 МВт в Навоийской области."
    )
    expected = "Ветровая электростанция мощностью 500 МВт в Навоийской области"
    assert _new(kb, text, EntityKind.PROJECT) == [expected]


# -- plants named by their company, kind and town --------------------------------------------


def test_a_plant_in_a_town_the_world_gazetteer_holds_is_named(kb: KnowledgeBase) -> None:
    text = "China's Sinoma will build a cement plant in Kostanay."
    assert _new(kb, text, EntityKind.PROJECT) == ["China's Sinoma cement plant in Kostanay"]


def test_a_plant_in_an_unknown_word_is_no_facility(kb: KnowledgeBase) -> None:
    text = "China's Sinoma will build a cement plant in Wonderland."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_the_plant_of_another_states_company_in_a_town_is_named(kb: KnowledgeBase) -> None:
    text = (
        "China's Great Wall Motor intends to double the output of the car assembly plant in"
        " Kostanay, Kazakhstan, by 2027."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["Car assembly plant in Kostanay"]


def test_the_plant_with_one_state_or_a_region_only_is_not_named(kb: KnowledgeBase) -> None:
    one_state = "The car assembly plant in Kostanay, Kazakhstan, stopped for repairs."
    assert _new(kb, one_state, EntityKind.PROJECT) == []
    region = (
        "China's Great Wall Motor intends to double the output of the car assembly plant in"
        " the Kostanay region of Kazakhstan."
    )
    assert _new(kb, region, EntityKind.PROJECT) == []


def test_what_a_plant_makes_in_a_longer_clause_names_it(kb: KnowledgeBase) -> None:
    text = (
        "Kazakhstan and China opened the first line of a plant that makes main parts for wind"
        " turbines in Zhambyl region."
    )
    assert _new(kb, text, EntityKind.PROJECT) == [
        "Plant that makes main parts for wind turbines in Zhambyl region"
    ]


def test_a_russian_plant_in_a_town_the_world_gazetteer_holds_is_named(kb: KnowledgeBase) -> None:
    text = "Китайская компания Huaxin построит цементный завод в Костанае."
    assert _new(kb, text, EntityKind.PROJECT) == ["Цементный завод Huaxin в Костанае"]


def test_a_russian_plant_in_a_foreign_city_is_no_facility_of_the_system(kb: KnowledgeBase) -> None:
    text = "Китайская компания построит цементный завод в Лондоне."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- lines said to be built, named by their ends ----------------------------------------------


def test_a_russian_line_built_from_one_town_into_another_is_new(kb: KnowledgeBase) -> None:
    text = (
        "В этом году проложили железную дорогу из Бухары в Хиву, а сейчас строят ветку из"
        " Карши в Гузар."
    )
    assert _new(kb, text, EntityKind.PROJECT) == [
        "Железная дорога Бухара – Хива",
        "Ветка Карши – Гузар",
    ]
    assert "Хива" not in _new(kb, text, EntityKind.PLACE)  # an end of the line, not apart


def test_a_second_russian_line_borrows_the_noun_of_the_first(kb: KnowledgeBase) -> None:
    text = "Сейчас прокладывают пути из Самарканда в Ургут, а также от станции Акташ до Нурабада."
    assert _new(kb, text, EntityKind.PROJECT) == [
        "Пути Самарканд – Ургут",
        "Пути от станции Акташ до Нурабада",
    ]


def test_an_english_line_finished_from_one_town_to_another_is_new(kb: KnowledgeBase) -> None:
    text = "Workers finished the railway from Bukhara to Khiva last year."
    assert _new(kb, text, EntityKind.PROJECT) == ["Bukhara – Khiva railway"]


def test_a_way_travelled_from_one_town_to_another_is_no_line(kb: KnowledgeBase) -> None:
    assert _new(kb, "Поезд пошёл по пути из Ташкента в Самарканд.", EntityKind.PROJECT) == []
    assert _new(kb, "The road from Bukhara to Khiva is busy in summer.", EntityKind.PROJECT) == []
    countries = "Пути из Китая в Европу проложены через Казахстан."
    assert _new(kb, countries, EntityKind.PROJECT) == []


# -- centres placed by the verb of their opening ----------------------------------------------


def test_a_centre_set_up_by_two_universities_opened_in_a_town_is_new(kb: KnowledgeBase) -> None:
    text = (
        "A China Center set up jointly by Lanzhou University and Khujand State University"
        " opened in Khujand, Tajikistan, on Monday."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["China Center in Khujand"]


def test_a_centre_that_opened_in_a_town_is_placed_there(kb: KnowledgeBase) -> None:
    text = "A Chinese language centre opened in Samarkand on Monday."
    assert _new(kb, text, EntityKind.PROJECT) == ["Chinese language centre in Samarkand"]


def test_a_centre_with_no_place_nor_kind_is_not_new(kb: KnowledgeBase) -> None:
    text = "A Center opened on Monday, the university said."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_russian_centre_that_began_work_in_a_held_town_is_new(kb: KnowledgeBase) -> None:
    text = "В Урумчи начал работу центр казахстанско-китайского торгового сотрудничества."
    assert _new(kb, text, EntityKind.PROJECT) == [
        "Центр казахстанско-китайского торгового сотрудничества в Урумчи"
    ]


def test_a_line_that_began_work_at_a_plant_names_no_new_plant(kb: KnowledgeBase) -> None:
    text = "На Навоийском горно-металлургическом комбинате заработала первая линия нового цеха."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- a name before a region's noun is the region ----------------------------------------------


def test_a_name_before_a_region_noun_is_no_new_town(kb: KnowledgeBase) -> None:
    text = "The plant in Jizzakh province can turn out 50,000 cars a year, the ministry said."
    assert "Jizzakh" not in _new(kb, text, EntityKind.PLACE)


def test_the_same_name_as_a_town_is_a_new_place(kb: KnowledgeBase) -> None:
    text = "The plant in the city of Jizzakh can turn out 50,000 cars a year, the ministry said."
    assert "Jizzakh" in _new(kb, text, EntityKind.PLACE)


# -- quoted lines after their directions ------------------------------------------------------


def test_russian_lines_quoted_after_their_directions_are_new(kb: KnowledgeBase) -> None:
    text = (
        "Новые линии построят на направлениях «Карши – Гузар – Бекабад – Янгиер» и"
        " «Хаваст – Даштабад»."
    )  # Bekabad is a held crossing's post: a stop of the first line
    assert _new(kb, text, EntityKind.PROJECT) == [
        "Карши – Гузар – Бекабад – Янгиер",
        "Хаваст – Даштабад",
    ]


def test_english_lines_quoted_after_their_directions_are_new(kb: KnowledgeBase) -> None:
    text = 'New lines will be built in the directions "Karshi – Guzar" and "Khavast – Dashtabad".'
    assert _new(kb, text, EntityKind.PROJECT) == ["Karshi – Guzar", "Khavast – Dashtabad"]


def test_quoted_directions_of_no_line_are_not_lines(kb: KnowledgeBase) -> None:
    text = "Автобусы пойдут на направлениях «Карши – Гузар» и «Хаваст – Даштабад»."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- a facility named first by who is building it ---------------------------------------------


def test_the_second_held_facility_someone_is_setting_up_is_new(kb: KnowledgeBase) -> None:
    text = "The second Luban Workshop that China is setting up in Kazakhstan will train welders."
    assert _new(kb, text, EntityKind.PROJECT) == ["Second Luban Workshop in Kazakhstan"]


def test_the_second_held_facility_without_its_builder_is_not_new(kb: KnowledgeBase) -> None:
    text = "The second Luban Workshop in Kazakhstan trains welders."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- towns the world gazetteer holds, with a clause or a country after them -------------------


def test_a_town_followed_by_where_and_a_title_is_a_place(kb: KnowledgeBase) -> None:
    text = "Talks were held on 1 March in Jinan, where the Deputy Chairman met the governor."
    assert "Jinan" in _new(kb, text, EntityKind.PLACE)


def test_a_company_before_a_title_is_no_place(kb: KnowledgeBase) -> None:
    text = "Talks were held with Lin Wu, the chairman of Jinan Group."
    assert "Jinan" not in _new(kb, text, EntityKind.PLACE)


def test_a_town_set_in_its_country_is_a_place(kb: KnowledgeBase) -> None:
    text = "Goods will reach the sea through Chabahar in Iran."
    assert _new(kb, text, EntityKind.PLACE) == ["Chabahar"]


# -- facilities of one kind at each of several hosts ------------------------------------------


def test_russian_named_centres_at_each_host_are_one_each(kb: KnowledgeBase) -> None:
    text = (
        "При Худжандском государственном университете и Таджикском техническом университете"
        " работают языковые центры имени Конфуция, где студенты изучают китайский язык."
    )
    assert _new(kb, text, EntityKind.PROJECT) == [
        "Языковой центр имени Конфуция при Худжандском государственном университете",
        "Языковой центр имени Конфуция при Таджикском техническом университете",
    ]


def test_english_named_centres_at_each_host_are_one_each(kb: KnowledgeBase) -> None:
    text = (
        "At Khujand State University and the Mining Institute of Tajikistan, Confucius language"
        " centres operate, teaching Chinese."
    )
    assert _new(kb, text, EntityKind.PROJECT) == [
        "Confucius language centre at Khujand State University",
        "Confucius language centre at the Mining Institute of Tajikistan",
    ]


def test_hosted_centres_without_a_name_or_a_tie_are_not_new(kb: KnowledgeBase) -> None:
    unnamed = "At Khujand State University and the Mining Institute, language centres operate."
    assert _new(kb, unnamed, EntityKind.PROJECT) == []
    untied = (
        "При Худжандском государственном университете и Таджикском техническом университете"
        " работают языковые центры имени Рудаки."
    )
    assert _new(kb, untied, EntityKind.PROJECT) == []


# -- a company's own facility and a facility named by its organisation -----------------------


def test_a_foreign_companys_own_project_in_a_state_is_new(kb: KnowledgeBase) -> None:
    text = "China's Huaxin Cement means to put more money into its cement project in Tajikistan."
    assert _new(kb, text, EntityKind.PROJECT) == ["Cement project in Tajikistan"]


def test_a_companys_own_project_with_one_state_is_not_new(kb: KnowledgeBase) -> None:
    text = "Huaxin Cement means to put more money into its cement project in Tajikistan."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_facility_named_by_its_organisation_and_town_is_new(kb: KnowledgeBase) -> None:
    text = "Farmers went to an SCO agricultural demonstration park in Almaty to learn to sow."
    assert _new(kb, text, EntityKind.PROJECT) == ["SCO agricultural demonstration park in Almaty"]


def test_a_park_with_no_name_and_no_step_is_not_new(kb: KnowledgeBase) -> None:
    text = "Farmers went to an agricultural demonstration park in Almaty to learn to sow."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- a tunnel or bridge placed on a pass or river ---------------------------------------------


def test_a_second_tunnel_on_a_pass_is_new(kb: KnowledgeBase) -> None:
    text = "The government weighs building a second road tunnel on the Takhtakaracha pass."
    assert _new(kb, text, EntityKind.PROJECT) == ["Second road tunnel on Takhtakaracha pass"]


def test_talks_on_a_pass_name_no_facility(kb: KnowledgeBase) -> None:
    assert _new(kb, "Talks on the Takhtakaracha pass were held.", EntityKind.PROJECT) == []


# -- a station named after a word that is no town ---------------------------------------------


def test_the_station_opening_a_sentence_is_no_new_station(kb: KnowledgeBase) -> None:
    text = "The station will work in the X-band and send signals for satellites."
    assert _new(kb, text, EntityKind.PLACE) == []


def test_a_held_towns_station_is_still_new(kb: KnowledgeBase) -> None:
    text = "Trains stopped at Andijan railway station on Monday."
    assert _new(kb, text, EntityKind.PLACE) == ["Andijan railway station"]
