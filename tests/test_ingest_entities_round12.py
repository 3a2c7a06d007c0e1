"""New places and projects, round 12 (issue #12): lines listed by their ends and length with
no line noun, and sections listed after their noun. English and Russian, positives and
negatives, on sentences written for the test."""

from __future__ import annotations

from caravan.model.proposals import EntityKind
from caravan.store import KnowledgeBase
from ingest_helpers import new_entity_names as _new

# -- lines listed without a line noun ---------------------------------------------------------


def test_an_english_list_of_lines_with_lengths_names_the_new_ones(kb: KnowledgeBase) -> None:
    text = (
        "The railway company plans these new lines:\n\n"
        "Darbaza – Maktaaral: 152 km (2024–2026);\n"
        "Kyzylzhar – Moyinty: 329 km (2025–2026);\n"
        "Almaty Bypass: 75 km (2024–2025)."
    )
    assert sorted(_new(kb, text, EntityKind.PROJECT)) == ["Almaty Bypass", "Kyzylzhar – Moyinty"]


def test_a_russian_list_of_lines_with_lengths_names_the_new_one(kb: KnowledgeBase) -> None:
    text = "Компания строит такие линии:\n\nМойынты – Кызылжар: 329 км;\nБахты – Аягоз: 295 км."
    assert _new(kb, text, EntityKind.PROJECT) == ["Мойынты – Кызылжар"]


def test_sections_after_a_dash_are_lines_unless_held(kb: KnowledgeBase) -> None:
    text = (
        "Builders are busy on three sections — Moyynty–Kyzylzhar, Maktaral–Darbaza and"
        " Ayagoz–Bakhty — this winter."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["Moyynty–Kyzylzhar"]


def test_russian_sections_after_a_dash_are_lines(kb: KnowledgeBase) -> None:
    text = "Строители работают на участках — Мойынты – Кызылжар и Дарбаза – Мактаарал."
    assert _new(kb, text, EntityKind.PROJECT) == ["Мойынты – Кызылжар"]


def test_its_sections_are_parts_of_a_project(kb: KnowledgeBase) -> None:
    text = (
        "The road is being rebuilt; crews work on two of its sections: Taraz-Merke and Korday-Shu."
    )
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_ratio_of_states_with_a_length_is_no_line(kb: KnowledgeBase) -> None:
    text = "Shares of the route by country:\n\nChina – Kazakhstan: 1,200 km;\nKazakhstan – Uzbekistan: 400 km."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- a train's path, a person's title, a country's adjective -----------------------------------


def test_a_russian_route_given_a_test_run_is_a_project(kb: KnowledgeBase) -> None:
    text = "Оператор отправил пробный поезд по маршруту Китай – Казахстан – Туркменистан – Иран."
    assert len(_new(kb, text, EntityKind.PROJECT)) == 1  # rule 29: a service of its own


def test_a_route_gas_flows_along_is_no_project(kb: KnowledgeBase) -> None:
    text = "Газ идет по трем линиям по маршруту Туркменистан - Узбекистан - Казахстан - Китай."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_russian_route_named_by_its_kind_is_still_a_project(kb: KnowledgeBase) -> None:
    text = (
        "Открыт международный транспортный маршрут Китай – Кыргызстан – Узбекистан – Туркменистан."
    )
    assert len(_new(kb, text, EntityKind.PROJECT)) == 1


def test_a_name_before_a_title_is_a_person(kb: KnowledgeBase) -> None:
    text = (
        "The talks brought together Rustam Karimov, head of the port; and Liu Feng, General"
        " Director of Urumqi Railways."
    )
    assert _new(kb, text, EntityKind.PLACE) == []


def test_a_city_after_a_list_is_still_a_place(kb: KnowledgeBase) -> None:
    text = "The train left Kashgar for Lanzhou and Wuhan, the capital of Hubei."
    assert "Wuhan" in _new(kb, text, EntityKind.PLACE)


def test_a_russian_city_after_its_countrys_adjective_is_a_place(kb: KnowledgeBase) -> None:
    text = "Кузова для кроссовера делают только на заводе в российской Туле."
    assert _new(kb, text, EntityKind.PLACE) == ["Тула"]


# -- stations and logistics centres named after a held settlement (rules 6, 16, 23) -------------


def test_an_english_station_of_a_held_city_is_a_new_place(kb: KnowledgeBase) -> None:
    text = "The delegation was met at Andijan railway station on Monday."
    assert _new(kb, text, EntityKind.PLACE) == ["Andijan railway station"]


def test_an_english_logistics_centre_of_a_held_city_is_new(kb: KnowledgeBase) -> None:
    text = "Officials say that building the Andijan logistics center will add jobs."
    assert _new(kb, text, EntityKind.PLACE) == ["Andijan logistics center"]


def test_russian_stations_of_held_places_are_new_places(kb: KnowledgeBase) -> None:
    text = "Вагоны стоят на станции Ланьчжоу, а также на станциях Жылга и Дарбаза."
    names = _new(kb, text, EntityKind.PLACE)
    assert "Станция Ланьчжоу" in names
    assert "Станция Дарбаза" in names


def test_a_crossings_station_is_the_crossing(kb: KnowledgeBase) -> None:
    text = "Поезд прибыл на станцию Достык. The train then reached Khorgos station."
    assert _new(kb, text, EntityKind.PLACE) == []


def test_a_held_dry_ports_station_is_the_dry_port(kb: KnowledgeBase) -> None:
    text = "Состав проехал от станции Ангрен к перевалу."
    assert _new(kb, text, EntityKind.PLACE) == []


# -- upgrades of a held line in service (rule 27) ----------------------------------------------


def test_russian_second_tracks_of_a_held_line_are_a_new_project(kb: KnowledgeBase) -> None:
    text = "На участке Алтынколь – Жетыген строят вторые пути длиной 32 км."
    assert _new(kb, text, EntityKind.PROJECT) == ["Вторые пути на участке Алтынколь – Жетыген"]


def test_english_electrification_of_a_held_line_is_a_new_project(kb: KnowledgeBase) -> None:
    text = "The railway will finish electrification of the Angren-Pap line next year."
    assert _new(kb, text, EntityKind.PROJECT) == ["Electrification of the Angren-Pap line"]


def test_a_held_second_track_is_no_new_project(kb: KnowledgeBase) -> None:
    text = "Work continues on the second tracks of the Dostyk-Moyinty section."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_second_tracks_of_a_line_not_in_service_are_part_of_it(kb: KnowledgeBase) -> None:
    text = "Строители укладывают вторые пути на линии Бахты – Аягоз."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- a kind named by what it makes, with nothing of its own (rule 2) -----------------------------


def test_a_russian_plant_named_only_by_its_product_is_a_kind(kb: KnowledgeBase) -> None:
    text = (
        "Власти сообщили о создании предприятия по выпуску электромобилей. Соглашение"
        " подписали таджикская и китайская компании."
    )
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_russian_plant_by_its_product_and_region_is_a_facility(kb: KnowledgeBase) -> None:
    text = "Китайская компания построит завод по производству удобрений в Чуйской области."
    assert _new(kb, text, EntityKind.PROJECT) == [
        "Завод по производству удобрений в Чуйской области"
    ]


def test_an_english_plant_by_its_product_and_town_is_a_facility(kb: KnowledgeBase) -> None:
    text = "A Chinese company will build a plant for producing fertilisers in Osh."
    assert _new(kb, text, EntityKind.PROJECT) == ["Plant for producing fertilisers in Osh"]


# -- a facility named by its head and the words that identify it --------------------------------


def test_an_english_plant_named_by_a_name_with_two_capitals(kb: KnowledgeBase) -> None:
    text = "The minister attended the launch of the BusTechna plant in the town of Saran."
    assert any(name.startswith("BusTechna plant") for name in _new(kb, text, EntityKind.PROJECT))


def test_a_companys_plant_named_by_its_town_and_product(kb: KnowledgeBase) -> None:
    text = "Anhui Conch Cement opened its Tashkent cement plant on 21 August 2023."
    assert _new(kb, text, EntityKind.PROJECT) == ["Tashkent cement plant"]


def test_a_companys_plant_named_by_its_town_alone_is_not_read(kb: KnowledgeBase) -> None:
    text = "Anhui Conch Cement opened its Tashkent plant on 21 August 2023."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_plant_named_after_a_border_post_is_not_read_so(kb: KnowledgeBase) -> None:
    text = "The company opened its Dostyk cement plant on 21 August 2023."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_russian_plant_named_in_latin_holding_a_country_word(kb: KnowledgeBase) -> None:
    text = (
        "Завод Orda Motors Manufacturing Kazakhstan планируют достроить к концу года; там будут"
        " собирать китайские машины."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["Завод Orda Motors Manufacturing Kazakhstan"]


def test_a_russian_plant_named_by_a_country_alone_is_not_read(kb: KnowledgeBase) -> None:
    text = "Завод Kazakhstan планируют достроить к концу года; там будут собирать китайские машины."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- cities that are regions (rule 22) ---------------------------------------------------------


def test_an_english_special_administrative_region_names_its_city(kb: KnowledgeBase) -> None:
    text = "The Hong Kong Special Administrative Region signed a trade accord with Kazakhstan."
    assert _new(kb, text, EntityKind.PLACE) == ["Hong Kong"]


def test_a_russian_special_administrative_region_names_its_city(kb: KnowledgeBase) -> None:
    text = "Казахстан и власти Специального административного района Гонконг подписали меморандум."
    assert _new(kb, text, EntityKind.PLACE) == ["Гонконг"]


def test_a_city_before_another_capitalised_word_is_still_a_longer_name(kb: KnowledgeBase) -> None:
    text = "The Hong Kong Trade Development Council met Kazakh exporters."
    assert _new(kb, text, EntityKind.PLACE) == []


# -- a facility placed in a region whose concept is presented (rule 24) ---------------------------


def test_an_english_concept_of_a_terminal_in_a_region_is_a_project(kb: KnowledgeBase) -> None:
    text = (
        "Uzbek and Chinese railwaymen presented the concept of a new logistics terminal in the"
        " Andijan region."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["Logistics terminal in Andijan region"]


def test_a_russian_concept_of_a_terminal_in_a_region_is_a_project(kb: KnowledgeBase) -> None:
    text = (
        "Узбекские и китайские железнодорожники представили концепцию нового логистического"
        " терминала в Андижанской области."
    )
    assert _new(kb, text, EntityKind.PROJECT) == [
        "Новый логистический терминал в Андижанской области"
    ]


def test_a_terminal_in_a_region_with_no_step_is_not_read(kb: KnowledgeBase) -> None:
    text = "Uzbek and Chinese railwaymen talked about a logistics terminal in the Andijan region."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- parts a project includes -------------------------------------------------------------------


def test_russian_sections_a_project_includes_are_its_parts(kb: KnowledgeBase) -> None:
    text = "Проект включает реабилитацию участков Куруш – Бекабад (12,3 км) и Дехмой – Гафуров."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_an_english_road_a_project_includes_is_its_part(kb: KnowledgeBase) -> None:
    text = "The programme includes rebuilding the Kurush-Bekabad road of 12 km."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_road_built_on_its_own_is_still_a_project(kb: KnowledgeBase) -> None:
    text = "Китайская компания построит автодорогу Куруш – Бекабад длиной 12 км."
    assert _new(kb, text, EntityKind.PROJECT) == ["автодорога Куруш – Бекабад"]


# -- posts listed right after the crossing noun -------------------------------------------------


def test_russian_posts_listed_after_the_noun_beside_a_held_one(kb: KnowledgeBase) -> None:
    text = (
        "Систему введут на трёх пунктах пропуска: «Гишткуприк» и «Зангиота» в Ташкентской"
        " области и «Даут-ата» в Каракалпакстане."
    )
    assert _new(kb, text, EntityKind.CROSSING) == ["Зангиота"]


def test_english_posts_listed_after_the_noun_beside_a_held_one(kb: KnowledgeBase) -> None:
    text = "The system starts at three checkpoints: Gishtkuprik, Zangiota and Daut-ata."
    assert _new(kb, text, EntityKind.CROSSING) == ["Zangiota"]


def test_posts_listed_with_no_held_crossing_are_not_read(kb: KnowledgeBase) -> None:
    text = "The system starts at two checkpoints: Alphaville and Betatown in the south."
    assert _new(kb, text, EntityKind.CROSSING) == []


# -- a name an apposition calls a dry port ------------------------------------------------------


def test_a_russian_name_apposed_to_a_dry_port_is_new(kb: KnowledgeBase) -> None:
    text = "Состав вышел из депо Априна, крупнейшего сухого порта Ирана, и направился в Китай."
    assert _new(kb, text, EntityKind.PLACE) == ["Априн"]


def test_an_english_name_apposed_to_a_dry_port_is_new(kb: KnowledgeBase) -> None:
    text = "The train left Aprin, Iran's largest dry port, for China."
    assert _new(kb, text, EntityKind.PLACE) == ["Aprin"]


def test_a_held_dry_port_apposed_is_not_new(kb: KnowledgeBase) -> None:
    text = "Грузы идут через Хоргос, крупнейший сухой порт мира, в Европу."
    assert _new(kb, text, EntityKind.PLACE) == []


# -- a logistics hub in a held port is the port (rule 23) ---------------------------------------


def test_an_english_logistics_hub_in_a_held_port_is_the_port(kb: KnowledgeBase) -> None:
    text = "The renewed transport and logistics hub in Turkmenbashi will raise trade, it said."
    assert _new(kb, text, EntityKind.PLACE) == []


def test_a_russian_logistics_hub_in_a_held_port_is_the_port(kb: KnowledgeBase) -> None:
    text = "В Туркменбаши после ремонта открыли транспортно-логистический хаб в Туркменбаши."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_new_logistics_hub_in_a_held_port_is_new(kb: KnowledgeBase) -> None:
    text = "A Chinese firm will build a new logistics hub in Turkmenbashi."
    assert _new(kb, text, EntityKind.PLACE) == ["New logistics hub in Turkmenbashi"]


def test_a_container_hub_in_a_held_port_is_new(kb: KnowledgeBase) -> None:
    text = "Китайская компания построит контейнерный хаб в порту Актау."
    assert _new(kb, text, EntityKind.PROJECT) == ["Контейнерный хаб в порту Актау"]


# -- a station built is a place (rule 19) --------------------------------------------------------


def test_a_russian_bypass_station_built_is_a_place(kb: KnowledgeBase) -> None:
    text = "В этом году построят обводную станцию Алматы, сказал глава компании."
    assert _new(kb, text, EntityKind.PLACE) == ["Обводная станция Алматы"]


def test_a_russian_bypass_line_built_is_still_a_project(kb: KnowledgeBase) -> None:
    text = "В этом году построят обводную линию Алматы, сказал глава компании."
    assert _new(kb, text, EntityKind.PLACE) == []
    assert len(_new(kb, text, EntityKind.PROJECT)) == 1


# -- a park described by its place needs a tie to another state (rule 17) -------------------------


def test_an_english_park_with_only_its_own_state_is_not_read(kb: KnowledgeBase) -> None:
    text = "In an industrial park in Horgos, in northwest China, workers are busy baking naan."
    assert _new(kb, text, EntityKind.PLACE) == []


def test_an_english_park_tied_to_another_state_is_read(kb: KnowledgeBase) -> None:
    text = "Kazakhstan and China will build an industrial park in Horgos."
    assert _new(kb, text, EntityKind.PLACE) == ["Industrial park in Horgos"]


def test_a_russian_park_with_only_its_own_state_is_not_read(kb: KnowledgeBase) -> None:
    text = "Рабочие Китая трудятся в индустриальном парке в Хоргосе на северо-западе страны."
    assert _new(kb, text, EntityKind.PLACE) == []


# -- a terminal at a held port is one of its own (rule 23's bound) --------------------------------


def test_the_logistics_terminal_at_a_held_port_is_new(kb: KnowledgeBase) -> None:
    text = "Khorgos Gateway came after the logistics terminal opened at the Chinese port of Lianyungang."
    assert _new(kb, text, EntityKind.PROJECT) == ["Logistics terminal at the port of Lianyungang"]


def test_the_bare_terminal_at_a_held_port_is_not_read(kb: KnowledgeBase) -> None:
    text = "The terminal in the port of Lianyungang handled more boxes."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_the_logistics_terminal_named_before_is_not_new_again(kb: KnowledgeBase) -> None:
    text = (
        "A terminal for Kazakh grain was planned. Later the logistics terminal opened at the"
        " port of Lianyungang."
    )
    assert "Logistics terminal at the port of Lianyungang" not in _new(kb, text, EntityKind.PROJECT)


def test_a_station_inside_a_sentence_about_a_held_line_is_still_new(kb: KnowledgeBase) -> None:
    text = (
        "В области строят железнодорожную линию «Дарбаза – Мактаарал». Рабочие уложили рельсы."
        " По словам инженера, строительство мостов сейчас в разгаре, а между станцией Ердауит и"
        " началом реки мосты готовы."
    )
    assert "Ердауит" in _new(kb, text, EntityKind.PLACE)


# -- airports listed by their towns --------------------------------------------------------------


def test_english_airports_listed_by_their_towns_give_both(kb: KnowledgeBase) -> None:
    text = "Work has begun on airports in the resort areas of Zaisan and Kendirli."
    assert _new(kb, text, EntityKind.PLACE) == [
        "Zaisan",
        "Zaisan airport",
        "Kendirli",
        "Kendirli airport",
    ]


def test_russian_airports_listed_by_their_towns_give_both(kb: KnowledgeBase) -> None:
    text = "Начато строительство аэропортов в курортных зонах Зайсан и Кендирли."
    assert _new(kb, text, EntityKind.PLACE) == [
        "Зайсан",
        "Аэропорт Зайсан",
        "Кендирли",
        "Аэропорт Кендирли",
    ]


def test_towns_listed_by_region_give_no_facility(kb: KnowledgeBase) -> None:
    text = "Trade grew in towns in the border districts of Zaisan and Kendirli."
    assert _new(kb, text, EntityKind.PLACE) == ["Zaisan", "Kendirli"]


def test_a_russian_corridor_with_a_trip_not_called_first_is_a_route(kb: KnowledgeBase) -> None:
    text = "По мультимодальному коридору Китай — Кыргызстан — Узбекистан — Таджикистан пошел поезд."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_russian_corridor_opened_is_a_project(kb: KnowledgeBase) -> None:
    text = "Открыт мультимодальный коридор Китай — Кыргызстан — Узбекистан — Таджикистан."
    assert len(_new(kb, text, EntityKind.PROJECT)) == 1


def test_a_russian_corridor_given_its_first_train_is_a_project(kb: KnowledgeBase) -> None:
    text = (
        "По мультимодальному коридору Китай — Кыргызстан — Узбекистан — Таджикистан пошел первый"
        " грузовой поезд."
    )
    assert len(_new(kb, text, EntityKind.PROJECT)) == 1


def test_an_english_corridor_only_planned_is_a_route(kb: KnowledgeBase) -> None:
    text = (
        "The idea is that the China-Tajikistan-Turkmenistan-Iran-Türkiye multimodal transport"
        " corridor will at first carry goods by road."
    )
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_an_english_corridor_given_a_first_train_is_a_project(kb: KnowledgeBase) -> None:
    text = (
        "The first train ran on the China-Tajikistan-Turkmenistan-Iran-Türkiye multimodal"
        " transport corridor."
    )
    assert len(_new(kb, text, EntityKind.PROJECT)) == 1
