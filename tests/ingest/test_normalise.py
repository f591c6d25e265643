"""Country, name, web and sector normalisation (ingest/normalise.py, graph/countries.py)."""
import pytest

from clusternet.graph.reference.countries import country_records, groups_of
from clusternet.graph.errors import NotFound
from clusternet.graph.reference import ecosystems as reference_ecosystems
from clusternet.ingest.resolve.normalise import (country_code, country_name, demonym_country, ecosystems,
    name_key, normalise_email, normalise_website, sector_ecosystems, split_acronym, split_legal_form)


@pytest.mark.parametrize("text,code", [
    ("Tunisia", "TN"), ("Tunisie", "TN"), ("Túnez", "TN"), ("Tunesien", "TN"),
    ("Morocco", "MA"), ("Maroc", "MA"), ("Marruecos", "MA"), ("Marocco", "MA"), ("Marokko", "MA"),
    ("Germany", "DE"), ("Allemagne", "DE"), ("Alemania", "DE"), ("Germania", "DE"), ("Deutschland", "DE"),
    ("the Netherlands", "NL"), ("Pays-Bas", "NL"), ("Holland", "NL"),
    ("Czech Republic", "CZ"), ("Czechia", "CZ"), ("Türkiye", "TR"), ("Turkey", "TR"),
    ("Palestine", "PS"), ("State of Palestine", "PS"), ("Kosovo", "XK"),
    ("UK", "GB"), ("United Kingdom", "GB"), ("EL", "GR"), ("GRC", "GR"), ("FRA", "FR"), ("FR", "FR"),
    ("Côte d'Ivoire", "CI"), ("Ivory Coast", "CI"), ("South Korea", "KR"), ("Russia", "RU"),
    ("  brazil ", "BR"), ("BRASIL", "BR"), ("Brésil", "BR"), ("NA", "NA"), ("Namibia", "NA"),
    ("Tunisian", "TN"), ("Moroccan", "MA"), ("Brazilian", "BR"), ("Egyptian", "EG"), ("Lebanese", "LB"),
    ("marocaine", "MA"), ("tunisiens", "TN"), ("española", "ES"), ("italiani", "IT"), ("deutschen", "DE"),
])
def test_country_code_known(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text, code", [("Korea", "KR"), ("Korean", "KR"), ("Republic of Korea", "KR"),
                                        ("North Korea", "KP"), ("DPRK", "KP")])
def test_korea_is_the_republic_unless_north_is_said(text, code):
    """Business and EU texts say "Korea" for the Republic of Korea (the EU-Korea trade agreement);
    the other Korea is always written as North Korea or the DPRK."""
    assert (demonym_country(text) if text == "Korean" else country_code(text)) == code


@pytest.mark.parametrize("text", ["Atlantis", "", "   ", "Congolese", "it", "no", "Pole",
                                  "Europe", "ZZ", "Mediterranean", None, 42])
def test_country_code_unknown_is_none_never_a_guess(text):
    assert country_code(text) is None


def test_demonyms_and_names():
    assert demonym_country("Jordanian") == "JO"
    assert demonym_country("Tunisia") is None  # a name, not an adjective
    assert country_name("PS") == "Palestine"
    assert country_name("uk") == "United Kingdom"
    with pytest.raises(NotFound):
        country_name("ZZ")


def test_country_records_cover_iso_and_kosovo_with_groups():
    recs = {n.id: n for n in country_records()}
    assert len(recs) >= 250
    assert recs["country:XK"].props["name"] == "Kosovo"
    assert recs["country:FR"].props["groups"] == ["EU27"]
    assert recs["country:NO"].props["groups"] == ["EEA/EFTA", "Third country"]
    assert recs["country:UA"].props["groups"] == ["EU candidate", "Third country"]
    assert recs["country:BR"].props["groups"] == ["Third country"]
    south_med = sorted(n.props["iso2"] for n in recs.values() if "South-Med" in n.props["groups"])
    assert south_med == ["DZ", "EG", "IL", "JO", "LB", "LY", "MA", "PS", "SY", "TN"]
    eu = [n for n in recs.values() if "EU27" in n.props["groups"]]
    assert len(eu) == 27
    assert all(n.props["country"] == n.props["iso2"] and len(n.props["iso3"]) == 3 for n in recs.values())
    assert groups_of("GB") == ["Third country"]


@pytest.mark.parametrize("name,base,form", [
    ("Acme Robotics GmbH", "Acme Robotics", "GmbH"), ("Textiles del Sur, S.L.", "Textiles del Sur", "S.L."),
    ("Moda Bella S.p.A.", "Moda Bella", "S.p.A."), ("Nordic Tools Ltd", "Nordic Tools", "Ltd"),
    ("Cluster Verein e.V.", "Cluster Verein", "e.V."), ("Réseau Textile ASBL", "Réseau Textile", "ASBL"),
    ("Atelier Martin SARL", "Atelier Martin", "SARL"), ("Bois et Forêt SAS", "Bois et Forêt", "SAS"),
    ("Polska Firma Sp. z o.o.", "Polska Firma", "Sp. z o.o."), ("Techtera", "Techtera", None),
])
def test_legal_forms_split_off(name, base, form):
    assert split_legal_form(name) == (base, form)


def test_name_key_folds_case_accents_and_legal_form():
    assert name_key("ACCIÓ  Catalonia Trade & Investment") == name_key("Accio catalonia trade and investment")
    assert name_key("Acme Robotics GmbH") == name_key("ACME ROBOTICS")
    assert name_key("Techtera") != name_key("Techtera Lyon")
    assert split_acronym("Agency for Business Competitiveness (ACCIÓ)") == ("Agency for Business Competitiveness", "ACCIÓ")


@pytest.mark.parametrize("raw,expected", [
    ("www.techtera.org", "https://www.techtera.org"), ("HTTP://Example.COM/a/b/", "http://example.com/a/b"),
    ("https://cluster.example.es:8443/x", "https://cluster.example.es:8443/x"),
])
def test_good_websites(raw, expected):
    assert normalise_website(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["javascript:alert(1)", "not a site", "http://", "ftp://files.example.com",
                                 "https://user@evil.example.com", "localhost", "www.exa mple.com"])
def test_bad_websites_are_problems(raw):
    url, reason = normalise_website(raw)
    assert url is None and reason


def test_emails():
    assert normalise_email("Contact@Example.ORG") == ("Contact@example.org", None)
    for bad in ["contact", "a@b", "a b@example.com", "x@@example.com", "x@example..com"]:
        assert normalise_email(bad)[0] is None


def test_ecosystems_match_the_reference_sector_nodes():
    assert ecosystems() == list(reference_ecosystems())


@pytest.mark.parametrize("text,expected", [
    ("Textile", ["Textile"]), ("textiles techniques et fonctionnels", ["Textile"]),
    ("Moda y calzado", ["Textile"]), ("Agroalimentaire", ["Agri-food"]), ("agri-food", ["Agri-food"]),
    ("ICT; software", ["Digital"]), ("Automotive and logistics", ["Mobility–transport–automotive"]),
    ("Aeronautics", ["Aerospace & defence"]), ("énergies renouvelables", ["Renewable energy"]),
    ("energy-intensive industries", ["Energy-intensive industries"]), ("Salud y biotecnología", ["Health"]),
    ("Turismo", ["Tourism"]), ("Gesundheitswirtschaft", ["Health"]),
    ("Textile machinery", ["Energy-intensive industries", "Textile"]),
    ("basket weaving under water", []), ("", []),
])
def test_sector_ecosystems(text, expected):
    assert sector_ecosystems(text) == expected
