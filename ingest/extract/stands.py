"""PARTICIPATED_IN from a stand at a fair: "At Plastex 2025, PLASTNET hosted a joint stand for 22 SMEs",
"the fair Nile Pump Expo 2024, where AQUAFLOW-4i had a European stand", "… in which the
partners took part with a joint stand". Whoever has, hosts or runs a stand, a pavilion or a booth,
or sends a delegation ("a PackLink delegation to the fair …", "où le pôle conduisait une délégation"),
takes part in the event the sentence names. Run by :mod:`.relations` sentence by sentence.

>>> import clusternet.ingest.extract.fastre as re
>>> bool(_STAND.search("where AQUAFLOW-4i had a European stand")), bool(_STAND.search("the stand was busy"))
(True, False)
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.raw import RawRel

__all__ = ["stand_holders"]

# the verb that gives a body its stand, and the stand: "had a joint stand", "ran the Italian pavilion"
_STAND = re.compile(r"(?i)\b(?:had|has|hosted|hosts|ran|runs|organi[sz]ed|set\s+up|presented\s+(?:itself|themselves)\s+on|"
                    r"exhibited\s+(?:on|at|with)|with)\s+(?:a|an|its|their|the|our)\s+(?:[\w-]+\s+){0,2}"
                    r"(?:stand|pavilion|booth)s?\b")
# a Romance text's leader of a delegation: "où H2VL conduisait une délégation de sept entreprises"
_LEADS = re.compile(r"(?i)\b(?:conduisait|conduit|menait|mène|guidait|llevó|lideró|encabezó|guidava|guida|"
                    r"(?:a|ha)\s+(?:conduit|mené|guidato|portato|llevado))\s+(?:une|un|una)\s+(?:[\w-]+\s+){0,2}"
                    r"(?:délégation|delegación|delegazione)\b")
# "a PackLink delegation to the fair …": the body the delegation is of, right before the word
_DELEGATION_TO = re.compile(r"\s+delegation\s+(?:to|at)\b")
_HOLDERS = ("Cluster", "Organisation", "SME", "Partnership")


def stand_holders(doc, si: int, sent, here) -> list[RawRel]:
    """PARTICIPATED_IN: the body named last before a stand or delegation cue, in the event the
    sentence names (the first after the cue, else its first)."""
    sm = _STAND.search(doc.v, sent.start, sent.end) or _LEADS.search(doc.v, sent.start, sent.end) \
        or next((dm for x in here if x[2].label in _HOLDERS and (dm := _DELEGATION_TO.match(doc.v, x[1]))), None)
    if sm is None:
        return []
    events = [x[2] for x in here if x[2].label == "Event"]
    holders = [x[2] for x in here if x[1] <= sm.start() and x[2].label in _HOLDERS]
    if not events or not holders:
        return []
    event = next((x[2] for x in here if x[2].label == "Event" and x[0] > sm.end()), events[0])
    return [RawRel(holders[-1], "PARTICIPATED_IN", event, sent.start, sent.end, 0.6)]
