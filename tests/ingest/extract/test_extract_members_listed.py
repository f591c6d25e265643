"""Members named after a count of members (issue 15, thirty-first round): "X, founded in 2015,
gathers 48 members, among them A and B", "X emmènera six de ses membres, parmi lesquels A et B" and
"El X es también miembro de Y" make MEMBER_OF relations, where before the group had to stand right
before the word "members". A count of companies that are not said to be members names none.
All names are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _members(text: str, name: str = "page.txt") -> set[tuple[str, str]]:
    """(member, group) of each MEMBER_OF the extractor gives for one text."""
    ex = extract_text(document_from_text(text, name=name))
    names = {e.id: e.name for e in ex.entities}
    return {(names.get(r.source, r.source), names.get(r.target, r.target))
            for r in ex.relations if r.type == "MEMBER_OF"}


def test_members_named_after_among_them_belong_to_the_group_counted_before():
    got = _members("The Baltic Marine Cluster, founded in 2015 in Gdynia, gathers 48 members, among them the "
                   "sensor maker SeaSense Sp. z o.o. and the crane builder Nordkran Sp. z o.o.")
    assert ("SeaSense Sp. z o.o.", "Baltic Marine Cluster") in got, got
    assert ("Nordkran Sp. z o.o.", "Baltic Marine Cluster") in got, got


def test_french_parmi_lesquels_after_ses_membres():
    got = _members("Le pôle Alsace Textile Innovation emmènera six de ses membres, parmi lesquels Tissage Vogel "
                   "SARL, à Mulhouse, et Filature du Rhin SAS.")
    groups = {g for _, g in got}
    assert any(m.startswith("Tissage Vogel") for m, _ in got) and any(g.startswith("Alsace Textile") for g in groups), got


def test_spanish_es_tambien_miembro_de():
    got = _members("El Clúster Naval de Cantabria (CNC) tiene 52 socios. El CNC es también miembro de la "
                   "Asociación Española de Clústeres Marítimos.")
    assert ("Clúster Naval de Cantabria", "Asociación Española de Clústeres Marítimos") in got, got


def test_companies_not_said_to_be_members_are_no_members():
    got = _members("The Baltic Marine Cluster led a mission to Oslo with 12 companies, among them the sensor maker "
                   "SeaSense Sp. z o.o. and Nordkran Sp. z o.o.")
    assert not any(m.startswith("SeaSense") for m, _ in got), got
