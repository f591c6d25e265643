"""Events named without an event noun (used by :mod:`.events`): an edition year after a name where
a body is ("at Food Expo Asia 2024"), and a trade show a cluster exhibits at or sends a
delegation to in a city ("exhibited at Oceanology International in London").
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold, is_programme_name, load_lexicon
from clusternet.ingest.extract.mentions import Mention
from clusternet.ingest.extract.rules import label_of_name
from clusternet.ingest.extract.placewords import is_place

__all__ = ["year_events", "fair_events"]


_YEAR_EVENT = re.compile(r"\b(?:[Aa]t|[Dd]uring|[Aa]longside|on the occasion of|in the framework of|visited|visit to|took part in|"
                         r"participated in|attended|attending|side event of|edition of|delegation to|mission to|"
                         r"[Pp]artecipazione a|[Pp]articipación en|[Pp]articipation (?:à|au)|durante el|durante la|"
                         r"lors d[eu]|en el|al|for\s+the|of)\s+(?:the\s+(?:fair\s+|trade\s+fair\s+|exhibition\s+)?|la\s+|el\s+|"
                         r"le\s+|il\s+)?"
                         r"((?:[A-Z][\w&'’.–-]*[ \u00a0]+(?:(?:&|and|y|e|et|de|del|di|des|du|of)[ \u00a0]+)?){1,5}(?:19|20)\d\d)"
                         r"(?![\w/-])")      # the name's words on one line, in one cell ("Understanding\t2019" is two)


def year_events(v: str, sent, out: list[Mention]) -> None:
    """An edition year after a capitalised name, after "at", "during", "alongside", "for the" or
    "of", names an event (not a programme: "during Horizon 2020" is none); the name may hold a
    connector ("Seminario Internacional de Postcosecha 2025", "Jewels & Gems Week 2026").

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> ctx = build_context("The cluster met buyers at Food Expo Asia 2024 in Singapore."); out = []
    >>> year_events(ctx.view, ctx.sents[0], out); [m.name for m in out]
    ['Food Expo Asia 2024']
    """
    if "19" not in sent.text and "20" not in sent.text:
        return
    lex = load_lexicon()
    for m in _YEAR_EVENT.finditer(v, sent.start, sent.end):
        name = " ".join(m.group(1).split())
        first = fold(name.split()[0])
        if first in lex.words("months") or not name.split()[0].isalpha() or is_place(name.rsplit(" ", 1)[0]) \
                or is_programme_name(name) or is_programme_name(name.rsplit(" ", 1)[0]):
            continue
        out.append(Mention(m.start(1), m.end(1), name, "Event", "event-edition", 0.6))


# where a cluster exhibits or sends a delegation: "exhibited at Oceanology International in London"
_AT_FAIR = re.compile(r"\b(?:exhibit(?:ed|ing|s)?|stand|booth|pavilion|delegation\b[^.;]{0,40}?)\s+(?:at|to)\s+(?:the\s+)?"
                      r"((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*)(?=\s+in\s+[A-Z])")


def fair_events(v: str, sent, out: list[Mention]) -> None:
    """A name without a head noun that a cluster exhibits at or sends a delegation to, in a place,
    is an event (a trade show): "a delegation of six members to Oceanology International in London".

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> ctx = build_context("Six members exhibited at Oceanology International in London."); out = []
    >>> fair_events(ctx.view, ctx.sents[0], out); [m.name for m in out]
    ['Oceanology International']
    """
    for m in _AT_FAIR.finditer(v, sent.start, sent.end):
        name = " ".join(m.group(1).split())
        if label_of_name(name) is None and not is_place(name) and not is_programme_name(name):
            out.append(Mention(m.start(1), m.end(1), name, "Event", "event-fair", 0.6))
