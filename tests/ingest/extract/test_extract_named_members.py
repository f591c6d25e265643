"""Members named beside the word "member" (2026-12-05, fourteenth round): "X, an MVAC member",
"– lasers, also MVAC member", "X and Y travelled as members of NMTC", "the MVAC members X and Y",
"X, which is member of SCDA"; and two companies joined by "and", each with its legal form, are two.
Every text here is written for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("News\n\nThe Rhodope Agritech Cluster (RAC) took part. Among the companies was Soilwise Bulgaria "
         "OOD, an RAC member from Plovdiv. Ferrometrix AB and Sonarline Oy travelled as members of the "
         "Nordic Mining Tech Cluster (NMTC). The RAC members AquaDosing B.V. and Agrolink OOD joined.\n\n"
         "- **Kristal Optika UAB** (Kaunas) – nonlinear crystals, also RAC member;\n")


def test_two_companies_joined_by_and_are_two():
    ents, _, _ = text_by_name(_PAGE, "page.md")
    assert "Ferrometrix AB" in ents and "Sonarline Oy" in ents, sorted(ents)
    assert "AquaDosing B.V." in ents and "Agrolink OOD" in ents, sorted(ents)


def test_an_apposed_member_belongs_to_the_group_named_before_member():
    _, rels, _ = text_by_name(_PAGE, "page.md")
    assert ("Soilwise Bulgaria OOD", "MEMBER_OF", "Rhodope Agritech Cluster") in rels, sorted(rels)
    assert ("Kristal Optika UAB", "MEMBER_OF", "Rhodope Agritech Cluster") in rels, sorted(rels)


def test_members_after_as_members_of_and_after_the_group_members():
    _, rels, _ = text_by_name(_PAGE, "page.md")
    for body in ("Ferrometrix AB", "Sonarline Oy"):
        assert (body, "MEMBER_OF", "Nordic Mining Tech Cluster") in rels, (body, sorted(rels))
    for body in ("AquaDosing B.V.", "Agrolink OOD"):
        assert (body, "MEMBER_OF", "Rhodope Agritech Cluster") in rels, (body, sorted(rels))


def test_a_relative_clause_names_the_member():
    text = ("News\n\nThe Danube Cluster Network (DCN) met in Ruse. The panel brought together Ruse Mechatronics "
            "Cluster, which is member of DCN, and the Vidin Logistics Cluster.\n")
    _, rels, _ = text_by_name(text)
    assert ("Ruse Mechatronics Cluster", "MEMBER_OF", "Danube Cluster Network") in rels, sorted(rels)
