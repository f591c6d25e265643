"""A cluster's newsletter lists its new members (issue 15, thirty-third round): "the board approved four
new members: A, B, C and D" makes each a member of the cluster the page speaks for, and the four are the
cluster's new members, not the first company's; "X is one of 8 partners of P" makes X a partner. All names are
invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text

PAGE = ("# Newsletter 3/2026 - Silesian Plastics Cluster\n\n## New members\n\nIn March the board approved four new "
        "members: Polyforma s.r.o., Recyklo Morava a.s., the Institute of Polymer Engineering Opava and the "
        "start-up Biopack Labs.\n")


def _extract(text: str):
    ex = extract_text(document_from_text(text, name="newsletter.md"))
    names = {e.id: e.name for e in ex.entities}
    rels = {(names.get(r.source, r.source), r.type, names.get(r.target, r.target)) for r in ex.relations}
    facts = {(names.get(f.subject, f.subject), f.value) for f in ex.facts}
    return rels, facts


def test_the_boards_new_members_are_members_of_the_pages_cluster():
    rels, _ = _extract(PAGE)
    members = {s for s, t, o in rels if t == "MEMBER_OF" and o == "Silesian Plastics Cluster"}
    assert {"Polyforma s.r.o.", "Recyklo Morava a.s.", "Biopack Labs"} <= members, rels


def test_the_count_of_new_members_is_the_clusters_not_the_first_listed():
    _, facts = _extract(PAGE)
    assert ("Silesian Plastics Cluster", 4) in facts, facts


def test_one_of_eight_partners_is_a_partner():
    rels, _ = _extract("# Newsletter - Silesian Plastics Cluster\n\nThe Silesian Plastics Cluster is one of 8 partners "
                       "of the Interreg Central Europe project POLYLOOP.\n")
    assert ("Silesian Plastics Cluster", "PARTNER_IN", "POLYLOOP") in rels, rels
