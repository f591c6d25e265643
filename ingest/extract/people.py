"""Speakers named with their organisation: the organisation is the name, the person is not.

Event pages list speakers as "Anna Berg (Robotdalen)" or "Marc Dubois of Pôle Mer Bretagne". A
run of two or three capitalised words with no head noun, right after a speaker cue ("Speakers
included", "moderated by", "keynote by"), is a person: the organisation in brackets after it, or
after "of"/"from", takes the mention's place. Anywhere else, such a run followed in brackets by an
acronym not drawn from its letters ("Ewa Nowak (KLSK)", where "Silicon Saxony (SiSax)" is one body's
name and short name) or by a name with a body's head noun ("Ana Ruiz (Cluster CET)") is a person
named with the body in the brackets, which takes the mention's place.

>>> from clusternet.ingest.extract.mentions import Mention
>>> v = "Speakers included Anna Berg (Robotdalen) and Marc Dubois of Pole Mer Bretagne."
>>> out = [Mention(18, 27, "Anna Berg", None, "caps", 0.6), Mention(45, 77, "Marc Dubois of Pole Mer Bretagne", None, "caps", 0.6)]
>>> speaker_organisations(v, out); [(m.name, m.rule) for m in out]
[('Robotdalen', 'speaker-org'), ('Pole Mer Bretagne', 'speaker-org')]
>>> v = "Delegates: Ewa Nowak (KLSK), Jan Berg, (BIOX) and Silicon Saxony (SiSax)."
>>> out = [Mention(11, 20, "Ewa Nowak", None, "caps", 0.6), Mention(29, 37, "Jan Berg", None, "caps", 0.6),
...        Mention(50, 64, "Silicon Saxony", None, "caps", 0.6)]
>>> speaker_organisations(v, out); [m.name for m in out]
['KLSK', 'BIOX', 'Silicon Saxony']
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_right

from clusternet.ingest.extract.lexicon import load_lexicon
from clusternet.ingest.extract.literals import with_initials
from clusternet.ingest.extract.mentions import Mention, is_acronym
from clusternet.ingest.extract.rules import label_of_name
from clusternet.ingest.extract.placewords import is_place

__all__ = ["speaker_organisations"]

_CUE = re.compile(with_initials(r"(?i)\b(?:speakers?|panell?ists?|keynotes?|moderat\w+\s+by|presented\s+by|"
                               r"presentations?\s+by|welcomed\s+by|opened\s+by|chaired\s+by|interventions?\s+(?:by|from))\b"))
_PERSON = r"[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2}"
_PERSON_ANY = r"[^\W\d_a-z][^\W\d_A-Z'’-]*[a-z][^\W\d_A-Z'’-]*(?:[\s-]+[^\W\d_a-z][^\W\d_A-Z'’-]*){1,2}"    # "Luboš Komárek"
_BODIES = ("Cluster", "Organisation")
_OF_ORG = re.compile(r"(" + _PERSON + r")\s+(?:of|from)\s+(?:the\s+)?(?P<org>[A-Z].+)")
_PAREN_ORG = re.compile(r",?\s*\((?P<org>[A-Z][^()\n]{1,80})\)")


def speaker_organisations(view: str, out: list[Mention]) -> None:
    """Replace (in place) each speaker mention by the organisation named with the speaker."""
    cues = [c.end() for c in _CUE.finditer(view)]
    keep = []
    for m in out:
        i = bisect_right(cues, m.start)         # the last cue ending before the mention
        near = i and cues[i - 1] > m.start - 200 and "\n\n" not in view[cues[i - 1]:m.start]   # in its paragraph
        unlabelled = m.label is None or m.label == "Organisation"
        org = (_organisation_of(view, m) if near else _acronym_of(view, m)) if unlabelled else None
        if org is None:
            keep.append(m)
        else:
            keep.append(Mention(org[0], org[1], " ".join(view[org[0]:org[1]].split()), None, "speaker-org", 0.6))
    out[:] = keep


def _organisation_of(view: str, m: Mention) -> tuple[int, int] | None:
    """(start, end) of the organisation a mention after a speaker cue names with the speaker, else None."""
    om = _OF_ORG.fullmatch(view, m.start, m.end)      # read in the view: its offsets are the view's
    if om and label_of_name(om.group(1)) is None and not is_place(om.group("org")):
        return om.start("org"), om.end("org")
    if not _person_like(m.name):
        return None
    pm = _PAREN_ORG.match(view, m.end)
    if pm and not is_place(pm.group("org").strip()) and not is_acronym(pm.group("org").strip()):   # not "X (SiSax)"
        return pm.start("org"), pm.start("org") + len(pm.group("org").rstrip())
    return None


def _acronym_of(view: str, m: Mention) -> tuple[int, int] | None:
    """(start, end) of the body in brackets after a person-like mention: an acronym not drawn from the
    mention's letters ("Ewa Nowak (KLSK)") or a name with a body's head noun ("Ana Ruiz (Cluster CET)");
    else None."""
    at = view.find("(", m.start, m.end + 2) if m.aliases else -1     # a "Name (alias)" mention spans both
    pm = _PAREN_ORG.match(view, at if at >= 0 else m.end)       # the bracket first: most mentions have none
    org = pm.group("org").strip() if pm else ""
    if len(org) < 3 or not _person_like(m.name) or (_drawn_from(org, m.name) if is_acronym(org) else not _body_words(org)):
        return None     # two letters are more often a country or state ("Anna Berg (FI)") than a body
    return pm.start("org"), pm.start("org") + len(org)


def _body_words(name: str) -> bool:
    """Whether a name holds a cluster's or an organisation's head noun ("Cluster CET", "Agro Park").

    >>> _body_words("Cluster CET"), _body_words("Anna Berg")
    (True, False)
    """
    return any(load_lexicon().label_of_head(w) in _BODIES for w in name.split())


def _person_like(name: str) -> bool:
    """Two or three capitalised words with no head noun that are no place.

    >>> _person_like("Ewa Nowak"), _person_like("Baltic Cluster"), _person_like("Enterprise Singapore")
    (True, False, False)
    """
    lex = load_lexicon()
    return bool(re.fullmatch(_PERSON_ANY, name)) and label_of_name(name) is None and not is_place(name) \
        and not any(lex.label_of_head(w) or is_place(w) for w in name.split())      # not "Enterprise Singapore"


def _drawn_from(acronym: str, name: str) -> bool:
    """Whether the acronym's letters appear in order in the name, the first one its initial.

    >>> _drawn_from("SiSax", "Silicon Saxony"), _drawn_from("KLSK", "Kazimierz Nowak")
    (True, False)
    """
    letters, at = name.casefold(), 0
    for ch in (c for c in acronym.casefold() if c.isalnum()):
        at = letters.find(ch, at) + 1
        if at == 0:
            return False
    return acronym[:1].casefold() == letters[:1]
