"""Rosters (2026-12-05, fourteenth round): "Woodlink: Timber Valley Cluster (Carinthia, AT), …"
names a group before the colon and its partners after it, even when the group's name is one word
no head noun marks. A field's label ("Partners:", "Socios:") is no group. Every text here is written
for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("Partnerships\n\nThe programme selected three partnerships in 2021: Woodlink, Aquatrans and Medlink.\n\n"
         "Woodlink: Timber Valley Cluster (Carinthia, AT), Holz Innovation Netzwerk (DE), Bois Avenir "
         "Cluster (Grand Est, FR).\n\n"
         "Aquatrans: Blue Water Cluster (PT), Hydro Tech Alliance (Aragon, ES), Cluster Acqua Lombardia (IT).\n")


def test_the_name_before_a_roster_is_a_partnership():
    ents, _, _ = text_by_name(_PAGE)
    assert ents["Woodlink"].label == "Partnership", ents.get("Woodlink")
    assert ents["Aquatrans"].label == "Partnership", ents.get("Aquatrans")


def test_the_bodies_of_a_roster_are_partners_of_its_group():
    _, rels, _ = text_by_name(_PAGE)
    for body in ("Timber Valley Cluster", "Holz Innovation Netzwerk", "Bois Avenir Cluster"):
        assert (body, "PARTNER_IN", "Woodlink") in rels, (body, sorted(rels))
    assert ("Hydro Tech Alliance", "PARTNER_IN", "Aquatrans") in rels, sorted(rels)
    assert ("Blue Water Cluster", "PARTNER_IN", "Woodlink") not in rels, sorted(rels)


def test_a_field_label_before_a_list_is_no_group():
    text = ("Proyecto\n\nSocios: Cluster del Mueble (Valencia, España), Klaster Drzewny (Polonia), "
            "Holz Netzwerk Tirol (Austria).\n")
    ents, _, _ = text_by_name(text)
    assert "Socios" not in ents, sorted(ents)
