"""Speakers named with their organisation: the organisation is the name, the person is not.

Event pages list speakers as "Anna Berg (Robotdalen)" or "Marc Dubois of Pôle Mer Bretagne". A
run of two or three capitalised words with no head noun, right after a speaker cue ("Speakers
included", "moderated by", "keynote by"), is a person: the organisation in brackets after it, or
after "of"/"from", takes the mention's place.

>>> from clusternet.ingest.extract.mentions import Mention
>>> v = "Speakers included Anna Berg (Robotdalen) and Marc Dubois of Pole Mer Bretagne."
>>> out = [Mention(18, 27, "Anna Berg", None, "caps", 0.6), Mention(45, 77, "Marc Dubois of Pole Mer Bretagne", None, "caps", 0.6)]
>>> speaker_organisations(v, out); [(m.name, m.rule) for m in out]
[('Robotdalen', 'speaker-org'), ('Pole Mer Bretagne', 'speaker-org')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_right

from clusternet.ingest.extract.literals import with_initials
from clusternet.ingest.extract.mentions import Mention, is_acronym
from clusternet.ingest.extract.rules import label_of_name
from clusternet.ingest.extract.placewords import is_place

__all__ = ["speaker_organisations"]

_CUE = re.compile(with_initials(r"(?i)\b(?:speakers?|panell?ists?|keynotes?|moderat\w+\s+by|presented\s+by|"
                               r"presentations?\s+by|welcomed\s+by|opened\s+by|chaired\s+by|interventions?\s+(?:by|from))\b"))
_PERSON = r"[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2}"
_OF_ORG = re.compile(r"(" + _PERSON + r")\s+(?:of|from)\s+(?:the\s+)?(?P<org>[A-Z].+)")
_PAREN_ORG = re.compile(r"\s*\((?P<org>[A-Z][^()\n]{1,80})\)")


def speaker_organisations(view: str, out: list[Mention]) -> None:
    """Replace (in place) each speaker mention by the organisation named with the speaker."""
    cues = [c.end() for c in _CUE.finditer(view)]
    if not cues:
        return
    keep = []
    for m in out:
        i = bisect_right(cues, m.start)         # the last cue ending before the mention
        near = i and cues[i - 1] > m.start - 200 and "\n\n" not in view[cues[i - 1]:m.start]   # in its paragraph
        org = _organisation_of(view, m) if near and (m.label is None or m.label == "Organisation") else None
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
    if not re.fullmatch(_PERSON, m.name) or label_of_name(m.name) is not None or is_place(m.name):
        return None
    pm = _PAREN_ORG.match(view, m.end)
    if pm and not is_place(pm.group("org").strip()) and not is_acronym(pm.group("org").strip()):   # not "X (SiSax)"
        return pm.start("org"), pm.start("org") + len(pm.group("org").rstrip())
    return None
