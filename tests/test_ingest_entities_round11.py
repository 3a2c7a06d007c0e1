"""New places and projects, round 11 (issue #12): crossings named by their two posts, quoted
names after Russian zone and park heads and after "месторождение", joint facilities of two
states, English names tied to a partner, Cyrillic town names GeoNames writes only in Latin,
and the world gazetteer's country set worked out once per knowledge base. English and
Russian, positives and negatives, on sentences written for the test."""

from __future__ import annotations

from caravan.analysis.ingest.gazetteer import gazetteer_for
from caravan.analysis.ingest.world_places import system_countries
from caravan.model.proposals import EntityKind
from caravan.store import KnowledgeBase
from ingest_helpers import new_entity_names as _new

# -- a crossing named by its two posts --------------------------------------------------------


def test_two_russian_posts_in_two_countries_are_one_crossing(kb: KnowledgeBase) -> None:
    text = (
        "У пунктов пропуска «Ак-Тилек» (Кыргызстан) и «Карасу» (Казахстан) стоят очереди"
        " из грузовиков."
    )
    assert _new(kb, text, EntityKind.CROSSING) == ["Ак-Тилек – Карасу"]


def test_two_quoted_russian_posts_joined_by_a_dash_are_one_crossing(kb: KnowledgeBase) -> None:
    text = 'В пунктах пропуска "Ак-Тилек" - "Карасу" скопились грузовые машины.'
    assert _new(kb, text, EntityKind.CROSSING) == ["Ак-Тилек – Карасу"]


def test_two_english_posts_in_two_countries_are_one_crossing(kb: KnowledgeBase) -> None:
    text = "Trucks queued at the Ak-Tilek (Kyrgyzstan) and Karasu (Kazakhstan) checkpoints."
    assert _new(kb, text, EntityKind.CROSSING) == ["Ak-Tilek – Karasu"]


def test_a_single_quoted_name_with_a_dash_is_no_pair(kb: KnowledgeBase) -> None:
    text = "Главы правительств показали обновлённый пункт пропуска «Кордай — Ак жол»."
    assert not any("–" in name for name in _new(kb, text, EntityKind.CROSSING))


# -- Russian quoted names after a head -------------------------------------------------------


def test_a_russian_zone_with_a_quoted_name_is_a_new_project(kb: KnowledgeBase) -> None:
    text = (
        "Проект в свободной экономической зоне «Коканд» осуществят китайская компания и"
        " узбекская фирма. СЭЗ «Коканд» создана в январе 2017 года."
    )
    assert _new(kb, text, EntityKind.PROJECT) == ["Свободная экономическая зона «Коканд»"]


def test_a_quoted_zone_with_no_party_near_is_not_proposed(kb: KnowledgeBase) -> None:
    text = "В свободной экономической зоне «Коканд» открыли новый цех по пошиву одежды."
    assert "Свободная экономическая зона «Коканд»" not in _new(kb, text, EntityKind.PROJECT)


def test_a_quoted_deposit_name_needs_no_stop_after_it(kb: KnowledgeBase) -> None:
    text = (
        "Медную руду будут добывать вместе с Китаем. На месторождении «Аличелек» планируют"
        " выпускать 30 тысяч тонн меди в год."
    )
    assert "месторождение Аличелек" in _new(kb, text, EntityKind.PROJECT)


def test_a_joint_russian_centre_needs_no_building_word(kb: KnowledgeBase) -> None:
    text = (
        "Технологию применяют на полях в рамках китайско-узбекского центра демонстрации"
        " технологий современного водосберегающего сельского хозяйства."
    )
    names = _new(kb, text, EntityKind.PROJECT)
    assert any(n.startswith("Китайско-узбекский центр демонстрации технологий") for n in names)


def test_a_russian_centre_of_one_state_still_needs_a_cue(kb: KnowledgeBase) -> None:
    text = "Технологию применяют в рамках узбекского центра демонстрации технологий."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- English names tied to a partner ---------------------------------------------------------


def test_a_centre_named_by_two_states_is_a_new_project(kb: KnowledgeBase) -> None:
    text = (
        "At the China-Tajikistan Medical Diagnosis and Treatment Center in Dushanbe, Chinese"
        " doctors examined local children."
    )
    assert "China-Tajikistan Medical Diagnosis and Treatment Center" in _new(
        kb, text, EntityKind.PROJECT
    )


def test_a_studies_centre_of_two_states_stays_an_organisation(kb: KnowledgeBase) -> None:
    text = "Scholars of the China-Kazakhstan Regional Studies Center met in Almaty."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_hospital_built_with_a_partners_money_is_a_new_project(kb: KnowledgeBase) -> None:
    text = "He stood in front of the Osh Clinic Hospital, which was built with Chinese money."
    assert _new(kb, text, EntityKind.PROJECT) == ["Osh Clinic Hospital"]


def test_a_hospital_named_in_passing_is_not_proposed(kb: KnowledgeBase) -> None:
    text = "Doctors of the Third People's Hospital of Xinjiang compared notes with colleagues."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_names_in_capitals_beside_what_they_are(kb: KnowledgeBase) -> None:
    venture = "SINOTRUK set up the joint venture UZ TRUCK AND BUS MOTORS with Uzbek partners."
    plant = "Tajik and Chinese officials agreed to revive TALCO, the aluminum plant in Tursunzoda."
    assert "UZ TRUCK AND BUS MOTORS" in _new(kb, venture, EntityKind.PROJECT)
    assert "TALCO aluminum plant" in _new(kb, plant, EntityKind.PROJECT)


def test_capitals_without_a_partner_are_not_proposed(kb: KnowledgeBase) -> None:
    text = "The firm set up the joint venture ALPHA MOTORS in Ohio."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- places ----------------------------------------------------------------------------------


def test_a_cyrillic_town_geonames_writes_only_in_latin(kb: KnowledgeBase) -> None:
    text = "Поезд прибыл на станцию Серхетяка. Дальше он пойдёт в Анау, конечный пункт маршрута."
    assert "Анау" in _new(kb, text, EntityKind.PLACE)


def test_a_surname_before_a_possessive_country_is_no_place(kb: KnowledgeBase) -> None:
    text = "Ilzat Kasimov, Uzbekistan's deputy minister, agreed to sign a memorandum."
    assert "Kasimov" not in _new(kb, text, EntityKind.PLACE)


def test_the_system_countries_are_worked_out_once_per_knowledge_base(kb: KnowledgeBase) -> None:
    gazetteer = gazetteer_for(kb)
    first = system_countries(gazetteer)
    assert {"cn", "kz", "uz"} <= first
    assert system_countries(gazetteer) is first


# -- a known name's first words before another kind of line ------------------------------------


def test_a_compass_named_highway_is_not_the_held_railway(kb: KnowledgeBase) -> None:
    text = "A ceremony marked this stage of the new North-South highway project in Kyrgyzstan."
    assert "North-South highway" in _new(kb, text, EntityKind.PROJECT)


def test_the_held_railway_by_its_own_kind_is_not_new(kb: KnowledgeBase) -> None:
    text = "Work on the North-South railway project between Kazakhstan and Iran went on."
    assert _new(kb, text, EntityKind.PROJECT) == []


def test_a_russian_facility_that_will_appear_in_a_town_is_placed_there(kb: KnowledgeBase) -> None:
    text = (
        "Компания и китайская корпорация подписали контракт. Химический комплекс, который будет"
        " выпускать минеральные удобрения, появится в городе Жанатасе Жамбылской области."
    )
    projects = _new(kb, text, EntityKind.PROJECT)
    assert any(p.startswith("Химический комплекс в городе Жанатасе") for p in projects)
    assert "Жанатас" in _new(kb, text, EntityKind.PLACE)  # its region after it is no longer name


def test_a_facility_that_will_appear_with_no_partner_is_not_placed(kb: KnowledgeBase) -> None:
    text = "Детский парк появится в городе Жанатасе Жамбылской области."
    assert _new(kb, text, EntityKind.PROJECT) == []


# -- what is no place and no facility --------------------------------------------------------


def test_a_continent_is_no_new_place(kb: KnowledgeBase) -> None:
    text = "Дорога сократит расстояние от Китая до Европы на тысячу километров."
    assert _new(kb, text, EntityKind.PLACE) == []


def test_a_hub_for_a_part_of_the_world_is_a_role(kb: KnowledgeBase) -> None:
    role = "The railway will make the republic more of a transit hub for Eurasia."
    built = "A Chinese company will build a transit hub for cargo in Osh."
    assert _new(kb, role, EntityKind.PROJECT) == []
    assert _new(kb, built, EntityKind.PROJECT) != []


def test_a_language_is_no_place(kb: KnowledgeBase) -> None:
    text = 'In Mongolian the name means "camels pass"; in Kazak it means "wealth gathers".'
    assert "Kazak" not in _new(kb, text, EntityKind.PLACE)


def test_an_english_zone_by_its_place_and_abbreviation(kb: KnowledgeBase) -> None:
    tied = "The project links the Kashgar FEZ in China and Naryn in Kyrgyzstan."
    alone = "Visitors toured the Kashgar FEZ last week."
    assert "Kashgar FEZ" in _new(kb, tied, EntityKind.PROJECT)
    assert _new(kb, alone, EntityKind.PROJECT) == []


def test_two_unknown_posts_joined_by_and_are_one_crossing(kb: KnowledgeBase) -> None:
    new_pair = "Рядом с пунктами пропуска «Атамекен» и «Гулистан» достраивают центр."
    held = "Грузовики стоят у пунктов пропуска «Торугарт» и «Иркештам»."
    assert _new(kb, new_pair, EntityKind.CROSSING) == ["Атамекен – Гулистан"]
    assert not any("–" in n for n in _new(kb, held, EntityKind.CROSSING))


def test_a_russian_bridge_of_two_states_friendship(kb: KnowledgeBase) -> None:
    text = "Делегация осмотрела строительство моста кыргызско-китайской дружбы."
    assert _new(kb, text, EntityKind.PROJECT) == ["Мост кыргызско-китайской дружбы"]


def test_a_new_russian_sea_port_is_a_place(kb: KnowledgeBase) -> None:
    text = "В Актау собираются построить новый морской порт, сообщило правительство."
    assert _new(kb, text, EntityKind.PLACE) == ["Новый морской порт в Актау"]


def test_a_capitalised_name_before_project_between(kb: KnowledgeBase) -> None:
    named = "The Two Countries - Two Parks project between Kashgar and Naryn is under way."
    countries = "The Kazakhstan - China project between the two railways was discussed."
    assert "Two Countries - Two Parks" in _new(kb, named, EntityKind.PROJECT)
    assert _new(kb, countries, EntityKind.PROJECT) == []


def test_a_zone_of_china_needs_another_state_near_it(kb: KnowledgeBase) -> None:
    alone = "Its section belongs to the China (Xinjiang) Pilot Free Trade Zone, opened in 2023."
    tied = "Kazakhstan's exporters use the China (Xinjiang) Pilot Free Trade Zone, opened in 2023."
    assert _new(kb, alone, EntityKind.PROJECT) == []
    assert "China (Xinjiang) Pilot Free Trade Zone" in _new(kb, tied, EntityKind.PROJECT)
