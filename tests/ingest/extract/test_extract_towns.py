"""Towns of the general reference (2026-12-05, thirteenth round): where a text says a body is in a
town the gazetteer does not know ("(Mrągowo)", "from Narayanganj", a table's town column), the
town's country is the body's. The towns come from GeoNames (ingest/data/extract/towns.tsv, built by
scripts/build_towns.py); every text here is written for the check, no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_LIST = ("News\n\nNine SMEs from the region travelled to Almaty. Participants were:\n\n"
         "- **Jezioro Foods Sp. z o.o.** (Mrągowo) – smoked fish\n"
         "- **Lasowe Meble Sp. z o.o.** (Ostróda) – garden furniture\n")


def test_a_town_in_brackets_after_a_company_gives_its_country():
    ents, rels, _ = text_by_name(_LIST, "page.md")
    assert ents["Jezioro Foods Sp. z o.o."].country == "PL", ents["Jezioro Foods Sp. z o.o."]
    assert ("Lasowe Meble Sp. z o.o.", "LOCATED_IN", "Poland") in rels, sorted(rels)


def test_a_town_after_from_places_the_company_before_it():
    ents, _, _ = text_by_name("News\n\nThe guests included the export manager of Padma Knit Ltd from Narayanganj.\n")
    assert ents["Padma Knit Ltd"].country == "BD", ents["Padma Knit Ltd"]


def test_a_town_alone_is_a_place_not_an_organisation():
    ents, _, _ = text_by_name("News\n\nThe kick-off took place in Novelda, where the partners met at the "
                              "Mármoles Segura S.A. plant.\n")
    assert "Novelda" not in ents or ents["Novelda"].label not in ("Organisation", "Cluster"), ents.get("Novelda")


def test_a_kind_of_body_after_a_town_names_nothing():
    ents, _, _ = text_by_name("News\n\n- Lazer Optika UAB – Vilnius SME making femtosecond lasers;\n", "page.md")
    assert "Vilnius SME" not in ents, sorted(ents)
    assert "Lazer Optika UAB" in ents, sorted(ents)


def test_a_town_and_a_company_are_not_one_name():
    ents, _, _ = text_by_name("News\n\nAmong the exhibitors were Vetra Marine UAB from Klaipėda and "
                              "Sild Robotics OÜ from Tallinn.\n")
    assert not [n for n in ents if n.startswith("Klaipėda")], sorted(ents)
    assert ents["Vetra Marine UAB"].country == "LT" and ents["Sild Robotics OÜ"].country == "EE"


def test_a_town_name_two_countries_share_gives_neither():
    from clusternet.ingest.extract.lexicon import town

    assert town("Kinna") is None            # a Swedish and a Kenyan town of that name
    assert town("Prešov") == ("Prešov", "SK")


def test_no_town_shadows_a_month_or_a_word_the_rules_read():
    from clusternet.ingest.extract.lexicon import town

    assert town("March") is None and town("Mission") is None and town("Industry") is None
