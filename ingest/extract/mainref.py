"""The group a document is about: the partnership, event or agreement a list or a cue
refers to when it does not name one ("the partners", "the delegation", "signed by:").

A page's title names what the page is about, so a group named in the first line wins;
otherwise the most mentioned one (ties: the first named).
"""
from __future__ import annotations

import itertools

import clusternet.ingest.extract.fastre as re

__all__ = ["named_for_itself", "main_of", "defined_subject", "title_end", "headline", "furniture", "named_in_title", "titled_main", "membership_type", "own_body",
           "OWN_KINDS"]


def named_in_title(e, title_end: int) -> bool:
    """Whether ``e`` is named before ``title_end`` (in the page's first line).

    >>> named_in_title(type("E", (), {"mentions": [type("M", (), {"start": 3})]})(), 10)
    True
    """
    return any(m.start < title_end for m in e.mentions)


def titled_main(ents, label: str, title_end: int):
    """The document's main entity of ``label`` when the page's first line names it, else None."""
    e = main_of(ents, label, title_end)
    return e if e is not None and named_in_title(e, title_end) else None


def named_for_itself(e) -> bool:
    """Whether an entity is named other than as another event's venue ("… Matchmaking at
    Techtextil 2023" names the fair only as where the matchmaking was): a page's event, the event
    "the event" means and the event organisers organised are never such a venue when another is named.

    >>> M = lambda rule: type("M", (), {"rule": rule, "start": 0})
    >>> named_for_itself(type("E", (), {"mentions": [M("event-edition")]})), named_for_itself(type("E", (), {"mentions": [M("head")]}))
    (False, True)
    """
    return any(getattr(m, "rule", None) != "event-edition" for m in e.mentions)


def defined_subject(ents, labels=None):
    """The entity a page's title or fact-sheet field defines ("ACR: Long Name", "Organisation
    name: …"), among ``labels`` when given, else None.

    >>> M = lambda rule: type("M", (), {"rule": rule})
    >>> E = lambda label, rule: type("E", (), {"label": label, "mentions": [M(rule)]})
    >>> defined_subject([E("Cluster", "head"), E("Cluster", "title-def")]).mentions[0].rule
    'title-def'
    >>> defined_subject([E("Partnership", "title-def")], ("Cluster",)) is None
    True
    """
    return next((e for e in ents if (labels is None or e.label in labels)
                 and any(m.rule == "title-def" for m in e.mentions)), None)


def main_of(ents, label: str, title_end: int = 0):
    """The document's main entity of ``label``; one named before ``title_end`` comes first.

    >>> class E:
    ...     def __init__(self, n, starts): self.label, self.name, self.mentions = "Event", n, [type("M", (), {"start": s}) for s in starts]
    >>> main_of([E("Fair", [50, 90, 120]), E("Forum", [3, 200])], "Event", title_end=40).name
    'Forum'
    >>> main_of([E("Fair", [50, 90, 120]), E("Forum", [3, 200])], "Event").name
    'Fair'
    """
    cands = [e for e in ents if e.label == label]
    return max(cands, key=lambda e: (named_for_itself(e), named_in_title(e, title_end), len(e.mentions),
                                     -min(m.start for m in e.mentions)), default=None)


# a row of links or labels: three or more short cells between "|", "·" or "•" ("News | Events | 22.10.2025")
_MENU_ROW = re.compile(r"[^|·•\n]{1,60}(?:[|·•][^|·•\n]{0,60}){2,}")
# a kicker above a headline, alone or with its dateline ("PRESS RELEASE · Coimbra, 18 November 2025")
_KICKER = re.compile(r"(?i)\W*(?:joint\s+)?(?:press\s+release|news(?:room)?|latest\s+news|communiqu[ée]\s+de\s+presse|"
                     r"comunicado\s+de\s+prensa|comunicato\s+stampa|actualit[ée]s?|actualidad|noticias|notizie|"
                     r"pressemitteilung|aktuelles)\b(?:\W+(?:for\s+immediate\s+(?:release|distribution)\b.*|"
                     r"[^\n]{0,50}\d{4}\W*)|\W*)")
# a dateline or a post's meta line ("Published 27 April 2026 · Category: Fairs", "28 May 2026 · News")
_DATELINE = re.compile(r"(?i)\W*(?:(?:published|posted|updated|publicado|publié|pubblicato|date)\b[^\n]{0,90}|"
                       r"\d{1,2}(?:\.|\s+|/)(?:\d{1,2}|[^\W\d]+)(?:\.|\s+|/)\d{4}\b[^\n]{0,60})")
# a kicker of categories in capitals ("BUSINESS MISSION | BRAZIL")
_CATEGORY_ROW = re.compile(r"[^|·•\n]{1,40}(?:[|·•][^|·•\n]{1,40})+")
# how many lines of furniture a headline may stand under
_MAX_FURNITURE = 3


def furniture(line: str) -> bool:
    """Whether a line above a page's headline is page furniture: a menu or category row, or a
    kicker such as "PRESS RELEASE" with its dateline.

    >>> [furniture(t) for t in ("NEWS | Events | 22.10.2025", "PRESS RELEASE · Coimbra, 18 November 2025",
    ...                         "ACTUALIDAD", "Published 27 April 2026 · Category: Fairs", "28 May 2026 · News",
    ...                         "Blue Forum 2024", "Cluster news: three new members", "BUSINESS MISSION | BRAZIL")]
    [True, True, True, True, True, False, False, True]
    """
    text = line.strip()
    return bool(_MENU_ROW.fullmatch(text) or _KICKER.fullmatch(text) or _DATELINE.fullmatch(text)
                or _CATEGORY_ROW.fullmatch(text) and not any(c.islower() for c in text))


def headline(ctx):
    """The line that heads the document (a :class:`~.view.Line`, None when the document is
    empty): its first line with text, below up to three lines of furniture (see :func:`furniture`).

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> headline(build_context("PRESS RELEASE\\n\\nBlue Cluster joins Green Bridge\\n\\nText.")).text.strip()
    'Blue Cluster joins Green Bridge'
    """
    known = ctx.__dict__.get("_headline")
    if known is not None and known[0] is ctx.lines:
        return known[1]        # rules ask once per sentence: read it once per document
    lines = list(itertools.islice((ln for ln in ctx.lines if ctx.view[ln.start:ln.end].strip()), _MAX_FURNITURE + 2))
    found = next((ln for k, ln in enumerate(lines[:_MAX_FURNITURE + 1])
                  if k + 1 == len(lines) or not furniture(ctx.view[ln.start:ln.end])), lines[0] if lines else None)
    ctx.__dict__["_headline"] = (ctx.lines, found)
    return found


def title_end(ctx) -> int:
    """Where the document's headline (:func:`headline`) ends, 0 for an empty document; what
    stands before it is the page's title and its furniture.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> title_end(build_context("Blue Forum 2024\\n\\nThe forum met."))
    15
    """
    line = headline(ctx)
    return 0 if line is None else line.end


# a standing body of members rather than a project consortium: its members are MEMBER_OF it
NETWORK_NAME = re.compile(r"(?i)\b(?:alliance|network|association|federation|forum|réseau|red|rete|alianza)\b")


def membership_type(group, member_word: bool = False) -> str:
    """The relation of a member to ``group``: PARTNER_IN a partnership (the consortium),
    MEMBER_OF a cluster or an organisation (a network), and MEMBER_OF a body whose name says it
    is a network when the text calls the body a ``member`` of it ("a member of the X Alliance").

    >>> class G: label, name = "Partnership", "Blue Bridge Alliance"
    >>> membership_type(G()), membership_type(G(), member_word=True)
    ('PARTNER_IN', 'MEMBER_OF')
    >>> G.label = "Organisation"; membership_type(G())
    'MEMBER_OF'
    """
    if group.label == "Partnership" and not (member_word and NETWORK_NAME.search(group.name)):
        return "PARTNER_IN"
    return "MEMBER_OF"


OWN_KINDS = ("network", "cluster", "association", "partnership", "alliance")


def own_body(ents, word: str, title: int = 0):
    """The body a page speaks for when it says "our network" or "joined the cluster": the entity
    whose name holds that word (the one the title names, else the most mentioned), else the page's main cluster (for
    "cluster") or partnership (for "partnership", "alliance"), else None.

    >>> class E:
    ...     def __init__(self, n, lab): self.name, self.label, self.mentions = n, lab, [type("M", (), {"start": 0})]
    >>> own_body([E("Danube Food Network", "Organisation"), E("Alpha Cluster", "Cluster")], "network").name
    'Danube Food Network'
    """
    word = word.lower()
    named = [e for e in ents if word in e.name.lower().split() and e.label in ("Organisation", "Cluster", "Partnership")]
    if named:       # the one the page's title names first ("Newsletter of the X Network")
        return max(named, key=lambda e: (named_in_title(e, title), len(e.mentions)))
    label = {"cluster": "Cluster", "partnership": "Partnership", "alliance": "Partnership"}.get(word)
    return main_of(ents, label, title) if label else None

