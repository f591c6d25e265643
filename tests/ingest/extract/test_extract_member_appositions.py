"""Who is a member of what, who was where, and who organised what, as news and recaps say it in
passing (2026-12-05, thirteenth round). Every text is written here for the check; no corpus page
is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_a_member_cue_after_a_description_gives_membership():
    _, rels, _ = text_by_name("News\n\nWe visited Kaarre Energy Oy, a young SME from Vaasa and member of the "
                              "Bothnia Grid Cluster (BGC), and the port of Vaasa.\n")
    assert ("Kaarre Energy Oy", "MEMBER_OF", "Bothnia Grid Cluster") in rels, sorted(rels)


def test_a_list_items_description_ending_in_a_member_cue_gives_membership():
    text = ("News\n\nThe Amber Laser Cluster (ALC) organised the pavilion.\n\n"
            "- Lazera UAB – maker of industrial femtosecond lasers, member of ALC;\n"
            "- Optikos Kristalai UAB (Kaunas) – nonlinear crystals, also ALC member.\n")
    _, rels, _ = text_by_name(text, "page.md")
    assert ("Lazera UAB", "MEMBER_OF", "Amber Laser Cluster") in rels, sorted(rels)


def test_a_member_company_of_a_cluster_is_its_member():
    _, rels, _ = text_by_name("News\n\nThe delegation visited Cerámica Levante S.A., a member company of the "
                              "Valencian Tile Cluster.\n")
    assert ("Cerámica Levante S.A.", "MEMBER_OF", "Valencian Tile Cluster") in rels, sorted(rels)


def test_the_whole_delegation_at_a_fair_takes_part_in_it_too():
    text = ("# Eight SMEs returned from trade mission to Uzbekistan\n\n"
            "The companies were selected in an open call. Participants were:\n\n"
            "- Kora Foods Sp. z o.o.\n- Mazur Pack Sp. z o.o.\n\n"
            "All eight companies presented their offer at Tashkent Agro Expo 2026, the biggest fair of the region.\n")
    _, rels, _ = text_by_name(text, "page.md")
    assert ("Kora Foods Sp. z o.o.", "PARTICIPATED_IN", "Tashkent Agro Expo 2026") in rels, sorted(rels)
    assert ("Kora Foods Sp. z o.o.", "PARTICIPATED_IN", "trade mission to Uzbekistan") in rels, sorted(rels)


def test_an_active_organiser_before_on_the_stage_coordinates_the_event():
    text = ("News\n\nThe pavilion was organised by the Amber Laser Cluster (ALC).\n\n"
            "On 15 April ALC organised on the pavilion stage the Baltic–Korea Photonics Day, in collaboration "
            "with the Busan Optics Association (BOA).\n")
    _, rels, _ = text_by_name(text)
    assert ("Amber Laser Cluster", "COORDINATES", "Baltic–Korea Photonics Day") in rels, sorted(rels)


def test_a_passive_organised_in_a_place_still_names_no_organiser_before_it():
    _, rels, _ = text_by_name("News\n\nThe Amber Laser Cluster presented its members at the Riga Photonics Forum "
                              "2026, organised in Riga by the Latvian Optics Association.\n")
    assert ("Amber Laser Cluster", "COORDINATES", "Riga Photonics Forum 2026") not in rels, sorted(rels)


def test_an_organiser_after_a_frequency_and_a_moderator_coordinate():
    _, rels, _ = text_by_name("News\n\nThe Poznań Agro Fair 2026 took place in Poznań. The fair is organised every "
                              "two years by Targi Poznańskie Sp. z o.o. and welcomed 600 exhibitors.\n")
    assert ("Targi Poznańskie Sp. z o.o.", "COORDINATES", "Poznań Agro Fair 2026") in rels, sorted(rels)


def test_a_cluster_coordinating_or_coordinator_of_the_partnership_leads_it():
    text = ("SOLEX-MED partnership\n\nThe partnership gathers six organisations. The Distretto Tecnologico Solare "
            "(DiTS) is coordinating the partnership.\n\nThe cluster Agua y Sol Sur (ASS) from Almería, which is "
            "coordinator of the partnership, joins forces in SOLEX-MED with the Westland Water Cluster.\n")
    _, rels, _ = text_by_name(text)
    assert ("Distretto Tecnologico Solare", "COORDINATES", "SOLEX-MED") in rels, sorted(rels)
    assert ("Agua y Sol Sur", "COORDINATES", "SOLEX-MED") in rels, sorted(rels)


def test_an_institute_called_the_project_coordinator_stays_an_institute_and_the_project_has_the_partners():
    text = ("# TILEZERO kicks off: partners set out to electrify kilns\n\n"
            "The Horizon Europe innovation action TILEZERO (Zero-Emission Tile Firing) started on 1 January 2026. "
            "The kick-off was organised by the project coordinator, the Instituto Cerámico del Levante (ICL).\n\n"
            "\u201cWe change the sector,\u201d said the ICL project coordinator.\n\n"
            "## Partners\n\n- Instituto Cerámico del Levante (Spain)\n- Kilnworks GmbH (Germany)\n- Fornace Nord S.p.A. (Italy)\n")
    ents, rels, _ = text_by_name(text, "page.md")
    assert ents["Instituto Cerámico del Levante"].label == "Organisation", ents["Instituto Cerámico del Levante"]
    assert not [r for r in rels if r[1] == "PARTNER_IN" and r[2] == "Instituto Cerámico del Levante"], sorted(rels)


def test_a_place_is_no_partnership_a_sentence_calls_a_project():
    ents, _, _ = text_by_name("# Who we are\n\n**AGRISOL-MED – Solar Farming in the Mediterranean** is a project of "
                              "the Interreg NEXT MED Programme.\n", "page.md")
    assert "Mediterranean" not in ents or ents["Mediterranean"].label != "Partnership", sorted(ents)
    assert [e for e in ents.values() if e.label == "Partnership" and "AGRISOL-MED" in (e.name, *e.aliases)], sorted(ents)


def test_its_member_after_a_cluster_and_a_member_cue_after_a_town_give_membership():
    _, rels, _ = text_by_name("News\n\nThe Oulu Sensor Cluster travelled together with its member Arktika Anturi Oy. "
                              "Lumetra Optiks Oy from Tampere, member of the Pirkanmaa Embedded Cluster, got a voucher.\n")
    assert ("Arktika Anturi Oy", "MEMBER_OF", "Oulu Sensor Cluster") in rels, sorted(rels)
    assert ("Lumetra Optiks Oy", "MEMBER_OF", "Pirkanmaa Embedded Cluster") in rels, sorted(rels)
