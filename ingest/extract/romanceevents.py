"""Events a French, Spanish or Italian text describes rather than names, in the Romance order:
the event noun first, its qualifiers after it, then whose it is and where ("une mission collective
à Dakar", "la misión empresarial de CACNA a Colombia", "il terzo incontro dei partner di
BIKEWAY-4i"). A description needs an owner or a place after it to be one event; a heading may
give it without a determiner ("Mission collective au Japon").

>>> from clusternet.ingest.extract.mentions import build_context
>>> [(m.name, m.country) for m in romance_events(build_context("SANTEBRIDGE organisera une mission collective à Dakar."))]
[('mission collective à Dakar', 'SN')]
"""
from __future__ import annotations

from functools import lru_cache

import clusternet.ingest.extract.fastre as re
from clusternet.ingest.extract.lexicon import fold, load_lexicon, place_country, town
from clusternet.ingest.extract.literals import alternation
from clusternet.ingest.extract.mentions import Context, Mention
from clusternet.ingest.extract.placewords import continues_place, leading_place

__all__ = ["romance_events"]

_DETERMINER = r"(?:(?<![\w’'])(?:la|le|les|una|une|un|uno|el|il|lo|sa|su|notre|nuestra|nostra|nuestro|nostro|leur|" \
              r"cette|esta|questa|du|al|alla|au|del|della)\s+|(?<![\w])l['’]|^[ \t]*)"
# a qualifying word: lower case or capitalised ("Empresarial", "franco-belge"), not an acronym ("de ASIAMAR-4i" is an owner)
_WORD = r"(?-i:[A-Za-zÀ-Ýà-ÿ][a-zà-ÿ]{3,}(?:-[a-zà-ÿ]{4,}|–[A-ZÀ-Ý][a-zà-ÿ]{3,})?)"
# a word that qualifies the noun: "collective", "d'étude", "de negocios", "dei partner"
_QUALIFIER = r"(?:\s+(?:d['’](?-i:[a-zà-ÿ]+)|d[ei]\s+(?:la\s+|las\s+|los\s+|les\s+|l['’])?(?-i:[a-zà-ÿ]{4,})|dei\s+partner|" \
             r"des\s+partenaires|(?!(?:avec|pour|para|con|sur|dans|entre|chez|presso|nel|negli|organis|organiz|prévue|prevista|" \
             r"celebrada|tenue)[a-zà-ÿ]*\b)(?:" + _WORD + r"|(?-i:[A-Z][A-Z0-9]{2,}(?:-\w+)?))))"   # "Misión Empresarial MANUBRIDGE"
_OWNER = r"\s+(?:de|di|du|del|della|des)\s+(?:l['’]|la\s+|el\s+|il\s+)?" \
         r"((?-i:[A-Z][\w’'-]*)(?:[ \t]+(?:(?:de|des|du|del|della|di)[ \t]+)?(?-i:[A-Z0-9][\w’'-]*)){0,4})"
_PLACE = r"\s+(?:à|a|au|aux|en|in|nel|nella|nelle|negli|nei|al)\s+(?:la\s+|el\s+|le\s+|l['’])?" \
         r"((?-i:[A-ZÀ-Ý][\w’'-]+)(?:[ \t](?:(?:de|do|da|del|di)[ \t])?(?-i:[A-ZÀ-Ý][\w’'-]+)){0,2}" \
         r"(?:\s+(?:y|e|et|and)\s+(?-i:[A-ZÀ-Ý][\w’'-]+))?)"      # "a Vietnam y Tailandia"


_UNPLACED = re.compile(r"\s+(?:à|a|au|aux|en|in|nel|nella|nelle|negli|nei|al)\s+(?:la\s+|el\s+|le\s+|l['’])?$")


@lru_cache(maxsize=1)
def _rx() -> re.Pattern:
    """The Romance description: determiner, ordinal, event noun, qualifiers, owner, place."""
    lex = load_lexicon()
    heads = alternation(sorted(lex["romance_event_heads"] + lex["romance_meeting_heads"], key=len, reverse=True), True)
    ordinals = alternation(lex["ordinal_words"], True)
    return re.compile(r"(?im)" + _DETERMINER + r"((?:(?:" + ordinals + r"|(?-i:[IVX]{1,4}))\s+)?(?:" + heads + r")\b" + _QUALIFIER
                      + r"{0,2}(?:" + _OWNER + r")?(?:" + _PLACE + r")?)")


def _place(name: str | None) -> tuple[str | None, str | None]:
    """(place, country) of the place words after a description, else (None, None)."""
    if not name:
        return None, None
    place = leading_place(name)
    if place:
        return place, place_country(place)
    found = town(name.split()[0]) if name.split() and not continues_place(name.split()[1:]) else None
    return (found[0], found[1]) if found else (None, None)


def _bare_line(ctx: Context, v: str, m) -> bool | None:
    """None when a description has its determiner; else whether it is a whole line of its own
    with no bullet before it in the text ("Mission collective au Japon" as a heading), not the
    start of a list item or a sentence."""
    if not v[m.start():m.start(1)].isspace() and m.start(1) > m.start():
        return None
    nl = v.find("\n", m.end(1))
    rest = v[m.end(1):nl if nl >= 0 else len(v)]
    lead = ctx.text[v.rfind("\n", 0, m.start(1)) + 1:m.start(1)]
    return bool(v[m.start(1)].isupper() and not rest.strip() and not re.search(r"[-•*+]|\d[.)]", lead))


def romance_events(ctx: Context) -> list[Mention]:
    """Event mentions a Romance description with an owner or a place names (see the module)."""
    v = ctx.view
    if not re.search(r"[àâçéèêîôûùñóíú]|\b(?:la|el|il|une|una)\b", v):
        return []
    out = []
    for m in _rx().finditer(v):
        owner, (place, country) = m.group(2), _place(m.group(3))
        if not owner and not place and not _own_meeting(v, m) or _bare_line(ctx, v, m) is False:
            continue
        end = m.end(1)
        if m.group(3) and not place:        # words after a preposition that name no place: not the event's
            end = m.start(1) + _UNPLACED.search(v, m.start(1), m.start(3)).start() - m.start(1)
        end = m.start(1) + len(v[m.start(1):end].rstrip(" ,"))
        name = " ".join(v[m.start(1):end].split())
        if len(name.split()) < 2:
            continue
        ev = Mention(m.start(1), end, name, "Event", "event-romance", 0.6, country=country)
        if place:
            ev.props["place"] = place
        out.append(ev)
    return out


def _own_meeting(v: str, m) -> bool:
    """Whether a description with neither owner nor place is a network's own meeting after a definite
    article, one event by itself ("la reunión de lanzamiento", "l'assemblée générale").

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> [x.name for x in romance_events(build_context("El consorcio celebró la reunión de lanzamiento del proyecto."))]
    ['reunión de lanzamiento']
    """
    article = fold(v[m.start():m.start(1)].strip())
    return article in _DEFINITE and fold(" ".join(m.group(1).split())) in load_lexicon().words("meetings_of_their_own")


_DEFINITE = frozenset({"la", "le", "el", "il", "l'", "l’"})
