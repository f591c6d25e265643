"""Events and partnerships a French, Spanish or Italian page describes (2026-12-05, thirteenth
round): the event noun first, what qualifies it, whose it is and where ("une mission collective à
Dakar"); a partnership by the translated name of its EU action. Every text is written here for the
check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_a_french_described_mission_with_its_place_is_an_event_there():
    ents, _, _ = text_by_name("Actualités\n\nLa prochaine étape : le réseau organisera une mission collective à "
                              "Abidjan du 8 au 11 juin 2026, ouverte à 10 PME.\n")
    assert ents["mission collective à Abidjan"].label == "Event", sorted(ents)
    assert ents["mission collective à Abidjan"].country == "CI"


def test_a_spanish_mission_with_its_owner_and_place_is_an_event():
    ents, _, _ = text_by_name("Noticias\n\nLa firma tuvo lugar durante la misión empresarial de ACOSMA a Perú, "
                              "celebrada del 3 al 7 de marzo.\n")
    assert ents["misión empresarial de ACOSMA a Perú"].country == "PE", sorted(ents)


def test_an_italian_partners_meeting_of_a_project_is_an_event():
    ents, _, _ = text_by_name("Notizie\n\nIl 21 e 22 maggio 2026 Padova ha ospitato il terzo incontro dei partner "
                              "di RIDELINK-4i, il progetto europeo dei cluster della bicicletta.\n")
    assert "terzo incontro dei partner di RIDELINK-4i" in ents, sorted(ents)


def test_a_heading_that_describes_a_mission_is_an_event_but_a_list_item_is_not():
    ents, _, _ = text_by_name("# Nos actions\n\n## Mission collective au Brésil\n\nDu 6 au 10 octobre, douze "
                              "entreprises ont participé.\n\nParticipants :\n\n- Ateliers Métalliques du Nord SAS\n",
                              "page.md")
    assert ents["Mission collective au Brésil"].country == "BR", sorted(ents)
    assert ents["Ateliers Métalliques du Nord SAS"].label != "Event"


def test_rencontres_and_encuentro_head_an_events_name():
    ents, _, facts = text_by_name("Bilan\n\nLes Rencontres Santé Europe–Afrique 2026 ont réuni 190 participants "
                                  "en ligne.\n")
    assert ents["Rencontres Santé Europe–Afrique 2026"].label == "Event", sorted(ents)


def test_a_company_called_after_a_wheel_stays_a_company():
    ents, _, _ = text_by_name("News\n\nRueda Smart SL, VoltaDrive GmbH and Kinetik Oy joined the mission.\n")
    assert ents["Rueda Smart SL"].label in ("Organisation", "SME"), ents["Rueda Smart SL"]


def test_the_spanish_name_of_the_eu_action_makes_a_partnership_and_names_nothing_itself():
    ents, _, _ = text_by_name("Noticias\n\nLa misión la organiza el clúster en el marco de ANDESBRIDGE, una "
                              "Asociación Estratégica Europea de Clústeres para la internacionalización.\n\n"
                              "El Clúster Textil de Aragón se incorpora a la alianza europea TEXWAY-4i.\n")
    assert ents["ANDESBRIDGE"].label == "Partnership", sorted(ents)
    assert ents["TEXWAY-4i"].label == "Partnership", sorted(ents)
    assert not [n for n in ents if n.startswith("Asociación Estratégica")], sorted(ents)


def test_a_call_for_participants_in_spanish_has_no_participants_yet():
    text = ("[Inicio](/) · [Noticias](/n) · [Convocatorias](/c)\n\n"
            "# Convocatoria para pymes: Misión Empresarial ANDESBRIDGE a Chile 2026\n\n"
            "El Clúster de Maquinaria de Navarra abre la convocatoria para que pymes se unan a la misión, que "
            "tendrá lugar en Santiago. Colaboran la Cámara Chileno-Española de Comercio y el Polo Mecânico do "
            "Minho.\n")
    _, rels, _ = text_by_name(text, "page.md")
    assert not [r for r in rels if r[1] == "PARTICIPATED_IN"], sorted(rels)
