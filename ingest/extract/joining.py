"""Memberships a clause states with a joining or belonging verb: "A joined P", "A and B are partners
in P", "A is a member of B and of C", "X es miembro de la red europea Y", "adhérente du Z". The
target is the partnership or group named right after the verb (a programme and a type noun, or a
network noun, may stand before its name); the members are the bodies of the clause before it, the
clause's unnamed network, or "it" for the previous sentence's subject. Run by :mod:`.prose`.

>>> bool(_NETWORK_GAP.fullmatch(" the national cluster network ")), bool(_AND_OF.match(" and of the "))
(True, True)
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.mainref import membership_type
from clusternet.ingest.extract.prosectx import ACTORS, Sentences
from clusternet.ingest.extract.raw import RawRel

__all__ = ["joined", "network_subject", "TYPED_GAP"]

# "is a partner in the Interreg project RIVERLINK": a programme and a type noun before the name
TYPED_GAP = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w-]*\s+){0,5}(?:project|partnership|ESCP|consortium)\s+")


def network_subject(s: Sentences, lo, hi) -> list:
    """The network a clause's unnamed subject refers to ("The alliance coordinates …"), as a list."""
    net = s.network_named(lo, hi) if not s.within(lo, hi, ACTORS + ("Partnership",)) else None
    return [net] if net is not None else []


_SPACES = re.compile(r"\s+")    # a run of spaces, as masked bold marks leave them ("joined the **X**")
_IT = re.compile(r"\W*(?:In\s+\d{4},?\s+)?(?-i:[Ii]t)\s")     # "In 2024 it joined …", "It is a member of …"
_THE_CLUSTER = re.compile(r"\s*(?:the|our)\s+cluster\b(?!\s+[A-Z])")


def joined(s: Sentences, si, lo, hi, out) -> None:
    """PARTNER_IN or MEMBER_OF for "A joined P", "A and B are partners in P", "A is a member of B"."""
    v, cue = s.v, s.cue
    if not s.has(lo, hi, ACTORS + ("Partnership",)):
        return
    for m in cue["joined"].finditer(v, lo, hi):
        tail = v[m.end():hi]
        named = s.within(m.end(), min(hi, m.end() + 80), ("Partnership",) + ACTORS)
        target = named[0][2] if named and (len(_SPACES.sub(" ", v[m.end():named[0][0]])) <= 6 or TYPED_GAP.fullmatch(v, m.end(), named[0][0])
                                           or _NETWORK_GAP.fullmatch(v, m.end(), named[0][0])) else None
        if target is None:      # "joined the network", "… the cluster", "… the partnership"
            ana = cue["anaphor"].match(tail.lstrip()) or cue["group"].match(tail)
            target = s.network_named(m.end(), min(hi, m.end() + 30)) or (s.main if ana else None)
            if target is None and (_THE_CLUSTER.match(tail) or _NEW_MEMBERS.search(v, lo, m.start())):
                target = s.own_cluster()        # "Three new members joined this quarter: A, B and C"
        if target is None:
            continue
        who = s.coordinated(s.within(lo, m.start(), ACTORS)) or s.the_actor(lo, m.start()) \
            or network_subject(s, lo, m.start()) or (s.previous_subject(si) if _IT.match(v, lo, m.start()) else [])
        after = named[0][1] if named and named[0][2] is target else m.end()
        listed = _LIST_OPENS.search(v, after, hi) if not who else None
        if listed:      # "Three companies joined X this quarter: A, B and C", "… this quarter – A, B and C –"
            who = s.objects(listed.end(), hi)
        member_word = bool(_MEMBER_WORD.search(m.group(0)))
        for group in [target] + (_and_of(s, named[0][1], hi) if named and named[0][2] is target else []):
            kind = membership_type(group, member_word)
            for a in who:
                if a is not group:
                    out.append(RawRel(a, kind, group, lo, hi, 0.7))


# "is member of the national cluster network X", "de la red europea X": a network noun before the name
_NETWORK_GAP = re.compile(r"\s*(?:the\s+|la\s+|le\s+|el\s+|l[’']\s*)?(?:[a-zà-ü][\w-]*\s+){0,3}?"
                          r"(?:network|association|federation|alliance|platform|red|réseau|rete|asociación|fédération)"
                          r"(?:\s+[a-zà-ü][\w-]*){0,2}\s+")
# "member of A and of B", "miembro de A y de la red B": the next group of the same clause
_AND_OF = re.compile(r"\s*(?:\([^()]{1,20}\))?\s*,?\s*(?:and|y|et|e|und)\s+(?:also\s+)?(?:of|de|du|des|di|del|della|in|to|a)\s+")


def _and_of(s: Sentences, end: int, hi: int) -> list:
    """The groups coordinated after the first one a membership names ("… of A and of B"), each
    right after "and of" (a network noun may stand before its name)."""
    out = []
    while (m := _AND_OF.match(s.v, end, hi)) is not None:
        nxt = s.within(m.end(), min(hi, m.end() + 60), ("Partnership",) + ACTORS)
        if not nxt or not (nxt[0][0] - m.end() <= 4 or _NETWORK_GAP.fullmatch(s.v, m.end(), nxt[0][0])):
            break
        out.append(nxt[0][2])
        end = nxt[0][1]
    return out


_NEW_MEMBERS = re.compile(r"(?i)\bnew\s+(?:members?|companies|partners)\s+(?:have\s+)?$")
_LIST_OPENS = re.compile(r":\s|\s[–—]\s")
_MEMBER_WORD = re.compile(r"(?i)\b(?:members?|membres?|miembros?|membr[oi]|socios?)\b")
