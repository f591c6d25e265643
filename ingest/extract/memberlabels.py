"""Labels a page's usage corrects after the names are resolved.

A body called "… Partnership" whose members are companies ("the CWP members", "seven companies
that are part of the CWP", "the CWP member companies") is a cluster organisation, not a
partnership of clusters: its members are MEMBER_OF it, not PARTNER_IN it.

>>> from types import SimpleNamespace as E
>>> e = E(label="Partnership", name="Alpine Wood Partnership", aliases=["AWP"], mentions=[])
>>> has_members("Two companies that are part of the AWP joined.", e)
True
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.appositives import stated_kind
from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.lists import joined_runs
from clusternet.ingest.extract.rules import label_of_name, name_words, split_legal_form
from clusternet.ingest.resolve.normalise import legal_key

__all__ = ["has_members", "relabel_member_bodies", "relabel_projects", "relabel_partners", "relabel_grouped", "relabel_alliances"]

# a head that makes a partnership of clusters or a project, whatever its members
_PARTNERSHIP_WORDS = re.compile(r"(?i)\b(?:cluster|clusters|strategic|project|european|escp|consortium)\b")
_MEMBER_NOUNS = r"(?:member companies|members|member firms|companies|firms)"


def has_members(view: str, e) -> bool:
    """Whether the page speaks of ``e``'s member companies: "<name> members", "<name> companies",
    "members of (the) <name>", "companies … part of (the) <name>"."""
    for n in sorted({e.name, *e.aliases}):
        at = view.find(n) if len(n) >= 2 else -1
        while at >= 0:      # read around each place the name is written, not the whole text per pattern
            if _owns(view, at, at + len(n)):
                return True
            at = view.find(n, at + 1)
    return False


_AFTER_NAME = re.compile(r"(?:'s|’s)?\s+" + _MEMBER_NOUNS + r"\b")
_MEMBERS_OF = re.compile(r"\b(?:members|member companies) of (?:the )?$")
_PART_OF = re.compile(r"\bcompanies\b[^.;]{0,60}\b(?:are|is) part of (?:the )?$")


def _word_char(c: str) -> bool:
    """Whether a character (or "") continues a word."""
    return bool(c) and (c.isalnum() or c in "_-")


def _owns(view: str, s: int, e: int) -> bool:
    """Whether the name written at ``view[s:e]`` is said to have member companies there."""
    if _word_char(view[s - 1:s]) or _word_char(view[e:e + 1]):
        return False        # part of a longer word
    return bool(_AFTER_NAME.match(view, e) or _MEMBERS_OF.search(view, max(0, s - 30), s)
                or _PART_OF.search(view, max(0, s - 120), s))


# a heading of members (not of partners): "Members", "Our members", "Member clusters"
_MEMBERS_HEADING = re.compile(r"(?im)^[ \t#*]*(?:our\s+|full\s+)?members?(?:\s+(?:clusters|organi[sz]ations|list))?[ \t:*]*$")
_PARTNERS_HEADING = re.compile(r"(?im)^[ \t#*]*(?:our\s+|the\s+|project\s+)?(?:partners?|consortium)(?:\s+\w+)?[ \t:*]*$")
# heads a partnership and a network share: which one it is, the page's words tell
_NETWORK_HEADS = ("alliance", "network")


def _members_page_network(view: str, e) -> bool:
    """Whether ``e`` (a "… Alliance") is the network a page lists the members of: the page has a
    members heading and no partners heading, and names ``e`` in its first lines.

    >>> from types import SimpleNamespace as E
    >>> page = "Danube Wood Alliance\\n\\nThe alliance brings together clusters.\\n\\n## Members\\n\\n- Alpha Cluster\\n"
    >>> _members_page_network(page, E(name="Danube Wood Alliance", aliases=[], mentions=[E(start=0)]))
    True
    """
    if e.name.split()[-1].lower() not in _NETWORK_HEADS:
        return False
    return (_MEMBERS_HEADING.search(view) is not None and min(m.start for m in e.mentions) < 300
            and not _PARTNERS_HEADING.search(view)) or has_members(view, e)


def relabel_member_bodies(view: str, ents) -> None:
    """Relabel (in place) a "… Partnership" whose members are companies as a Cluster, and an
    "… Alliance" a page lists the members of as an organisation (a network of members)."""
    for e in ents:
        if e.label == "Partnership" and _members_page_network(view, e):
            e.label = "Organisation"
            for m in e.mentions:
                m.label = "Organisation" if m.label == "Partnership" else m.label
            continue
        if e.label == "Partnership" and e.name.split()[-1].lower().startswith("partner") \
                and not _PARTNERSHIP_WORDS.search(e.name) and has_members(view, e):
            e.label = "Cluster"
            for m in e.mentions:
                m.label = "Cluster" if m.label == "Partnership" else m.label


# a sentence that speaks of the one named before as a project: "The project is funded by …"
_LIST_ITEM = re.compile(r"\s*(?:[-•–]|\*(?!\*)|\d{1,2}[.)])\s")
_PROJECT_ANAPHOR = re.compile(r"\s*(?:The|This)\s+(?:project|partnership|consortium|alliance|initiative)\b")


def relabel_projects(ctx, ents) -> None:
    """An organisation with no head noun that a sentence opens with is a partnership when the next
    sentence calls it "the project" ("COOLNAT – Vocational Excellence for … brings together …. The
    project is funded by Erasmus+"); in place."""
    v, sents = ctx.view, ctx.sents
    opening = {}
    for e in ents:
        for m in e.mentions:
            opening.setdefault(m.start, e)
    for prev, sent in zip(sents, sents[1:]):
        if not _PROJECT_ANAPHOR.match(v, sent.start, sent.end) or _LIST_ITEM.match(ctx.text, prev.start, prev.end):
            continue        # not a list's last item: "- ZINNAE (Spain) – WP4 leader" then "The project …"
        lead = len(v[prev.start:prev.end]) - len(v[prev.start:prev.end].lstrip(" *#"))
        e = opening.get(prev.start + lead)
        if e is None or e.label != "Organisation" or label_of_name(e.name) is not None:
            continue
        if not any(x.label == "Partnership" and any(prev.start <= m.start < prev.end for m in x.mentions) for x in ents):
            e.label = "Partnership"     # not when the sentence names a partnership: "A coordinates P. The project …"


def relabel_partners(view: str, rels) -> None:
    """On a page about a partnership of clusters (lexicon ``cluster_partnership_cues``: "ESCP-4i",
    "partner clusters", "Euroclusters"), a partner that the rules called an organisation only for want
    of a head noun ("Lignum Botnia", "Batteria Piemonte": no "University", "Agency" or legal form says
    what it is) is a cluster (in place, on the relations' ends).

    >>> from types import SimpleNamespace as E
    >>> p, a = E(label="Partnership", name="WOODLINK"), E(label="Organisation", name="Lignum Botnia")
    >>> b = E(label="Organisation", name="University of Vaasa")
    >>> rels = [E(source=a, type="PARTNER_IN", target=p), E(source=b, type="PARTNER_IN", target=p)]
    >>> relabel_partners("An Interreg project.", rels); a.label
    'Organisation'
    >>> relabel_partners("WOODLINK, an ESCP-4i of five partner clusters.", rels); a.label, b.label
    ('Cluster', 'Organisation')
    """
    if not _cluster_partnership_rx().search(view):
        return
    for r in rels:
        src = r.source
        if r.type == "PARTNER_IN" and getattr(r.target, "label", None) == "Partnership" and src.label == "Organisation" \
                and _may_be_cluster(src.name):
            src.label = "Cluster"


def _may_be_cluster(name: str) -> bool:
    """Whether nothing in a name says it is no cluster: no head noun but one clusters share ("Network",
    "Hub"), no company's legal form ("Oy", "GmbH"; an association's "e.V.", "ry" may be a cluster's).

    >>> [_may_be_cluster(n) for n in ("Lignum Botnia", "Baltic AgriTech Hub", "University of Vaasa", "Timber Trade Oy")]
    [True, True, False, False]
    """
    if _company(name):
        return False
    lex, label = load_lexicon(), label_of_name(name)
    return label is None or label == "Organisation" and all(
        fold(w) in lex.words("cluster_like_heads") for w in name_words(name) if lex.label_of_head(w))


def _company(name: str) -> bool:
    """Whether a name ends in a company's legal form ("Timber Trade Oy"): a company, whatever a list
    says; an association's form (lexicon ``association_forms``: "e.V.", "ry", "vzw") is none.

    >>> _company("Timber Trade Oy"), _company("Photonics Netzwerk e.V."), _company("Alpha d.o.o.")
    (True, False, True)
    """
    form = split_legal_form(name)[1] if " " in name else None
    return form is not None and legal_key(form) not in _association_keys()


@lru_cache(maxsize=1)
def _association_keys() -> frozenset[str]:
    """The lexicon's ``association_forms`` as legal forms are compared ("e. V." and "e.V." are one)."""
    return frozenset(legal_key(f) for f in load_lexicon()["association_forms"])


@lru_cache(maxsize=1)
def _cluster_partnership_rx():
    """The words of a page about a partnership of clusters (lexicon ``cluster_partnership_cues``)."""
    return re.compile(r"(?i)\b(?:" + "|".join(load_lexicon()["cluster_partnership_cues"]) + r")\b")


# a group of clusters a list follows: "two partner clusters, A and B", "the member clusters are A, B and C"
_CLUSTER_GROUP = re.compile(r"(?i)\b(?:clusters|cluster\s+organi[sz]ations|cl[uú]steres|p[oô]les|clusters\s+partenaires)"
                            r"\s*(?:,|:|\s(?:such\s+as|including|namely|are|were))\s*(?:the\s+)?$")
# what joins the names of a list: a comma or "and", after a bracket ("A (DE) and B (SI)")
_JOIN = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+|\s*;\s*)(?:the\s+)?")


def relabel_grouped(view: str, ents) -> None:
    """The organisations of a list that a group of clusters opens ("two partner clusters, Bayern
    Photonik Netzwerk (DE) and Ljubljana Sensor Hub (SI)") are clusters, unless a legal form makes
    them companies (in place).

    >>> from types import SimpleNamespace as E
    >>> v = "We work with two partner clusters, Alpha Netzwerk (DE) and Beta Hub (SI), on sensors."
    >>> a, b = E(label="Organisation", name="Alpha Netzwerk", mentions=[E(start=35, end=49)]), \\
    ...     E(label="Organisation", name="Beta Hub", mentions=[E(start=59, end=67)])
    >>> relabel_grouped(v, [a, b]); a.label, b.label
    ('Cluster', 'Cluster')
    """
    occ = sorted(((m.start, m.end, e) for e in ents if e.label in ("Organisation", "Cluster", "SME") for m in e.mentions),
                 key=lambda x: x[:2])
    for k, j in joined_runs(view, occ, _JOIN):      # occ[k..j]: names joined by commas or "and"
        if _CLUSTER_GROUP.search(view, max(0, occ[k][0] - 80), occ[k][0]):
            for _, _, e in occ[k:j + 1]:
                if e.label == "Organisation" and not _company(e.name):
                    e.label = "Cluster"


_ALLIANCE = re.compile(r"(?i)(?:^(?:alliance|alianza|alleanza)\b|\b(?:alliance|alianza|alleanza)$)")


def relabel_alliances(view: str, ents, rels) -> None:
    """An "… Alliance" no body is a partner in, and that the text does not call a partnership ("X is a
    partnership"), is the network of its members, an organisation ("the Lithuanian Cluster Alliance",
    "Alliance Jeu Vidéo Montréal"; in place).

    >>> from types import SimpleNamespace as E
    >>> a, b = E(label="Partnership", name="Slovak Cluster Alliance", mentions=[E(end=23)]), \\
    ...     E(label="Partnership", name="Wood Alliance", mentions=[E(end=13)])
    >>> relabel_alliances("Slovak Cluster Alliance", [a, b], [E(source=E(label="Cluster"), type="PARTNER_IN", target=b)])
    >>> a.label, b.label
    ('Organisation', 'Partnership')
    >>> c = E(label="Partnership", name="Green Alliance", mentions=[E(end=14)])
    >>> relabel_alliances("Green Alliance is a partnership.", [c], []); c.label
    'Partnership'
    """
    joined = {id(r.target) for r in rels if r.type == "PARTNER_IN"}
    for e in ents:
        if e.label == "Partnership" and _ALLIANCE.search(e.name) and id(e) not in joined \
                and not any(stated_kind(view, m.end) == "Partnership" for m in e.mentions[:8]):
            e.label = "Organisation"
