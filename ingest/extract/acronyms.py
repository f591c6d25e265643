"""A lone acronym or all-caps word ("MASCIR", "SOILDATA-4i"): whether the words around it make it
a body, the country they state, and the label a coined partnership name carries.

>>> [(m.name, m.label) for m in lone_acronym("TIDELINE-4i brings together five clusters.", 0, 10, "TIDELINE-4i")]
[('TIDELINE-4i', 'Partnership')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import country_code, is_programme_name, place_country
from clusternet.ingest.extract.measures import CURRENCIES
from clusternet.ingest.extract.mentions import Mention, is_strand_name
from clusternet.ingest.extract.placewords import is_place

__all__ = ["lone_acronym"]


def lone_acronym(v: str, s: int, e: int, w: str) -> list[Mention]:
    """The mention of the lone acronym ``w`` at ``v[s:e]`` (label None when nothing around it says what
    it is; resolution links it to a defined name or keeps it when repeated), [] for no name: a place,
    a number, a programme's own name.

    >>> lone_acronym("hosted by MASCIR in Rabat", 10, 16, "MASCIR")[0].label, lone_acronym("in ESCP-4i", 3, 10, "ESCP-4i")
    ('Organisation', [])
    """
    if is_place(w) or re.fullmatch(r"\d[\w-]*", w) or (is_strand_name(w) and is_programme_name(w)) \
            or w in CURRENCIES and re.match(r"\s*\d", v[e:e + 4]):
        return []       # "with NOK 1.5 million": a currency, no body
    body, code = _acting_body(v, s, e)
    lab = "Partnership" if is_strand_name(w) or _project_said(v, s, e) else "Organisation" if body else None
    return [Mention(s, e, w, lab, "acronym", 0.5, country=None if lab == "Partnership" else code)]


# what the text says around a lone acronym that makes it a body: "hosted by X", "on the premises of X",
# "the Moroccan X", "X from Asturias", "X (Portugal)"
_BODY_BEFORE = re.compile(r"(?:\b(?:by|with|premises\s+of|headquarters\s+of)\s+(?:the\s+)?|\b[Tt]he\s+"
                          r"(?P<dem>[A-Z][a-z]+(?:an|ish|ese|ian|ic))\s+)$")
_BODY_AFTER = re.compile(r"\s+from\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+(?:\s(?:do\s|de\s|del\s)?[A-Z][\w'’-]+)?)"
                         r"|\s+\((?P<country>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2})\)")


def _acting_body(v: str, s: int, e: int) -> tuple[bool, str | None]:
    """Whether the text around a lone acronym at ``v[s:e]`` makes it a body (see ``_BODY_BEFORE``),
    and the country it states.

    >>> _acting_body("hosted by MASCIR in Rabat", 10, 16), _acting_body("the Moroccan MESRSFC", 13, 20)
    ((True, None), (True, 'MA'))
    >>> _acting_body("ADRAVE from Lisbon", 0, 6), _acting_body("under COSME", 6, 11)
    ((True, 'PT'), (False, None))
    """
    before = _BODY_BEFORE.search(v, max(0, s - 30), s)
    if before:
        return True, country_code(before.group("dem")) if before.group("dem") else None
    after = _BODY_AFTER.match(v, e)
    if after is None:
        return False, None
    if after.group("country"):
        code = country_code(after.group("country"))
        return code is not None, code
    return True, place_country(after.group("place")) if is_place(after.group("place")) else None


# what makes a lone all-caps word a project: "partner in X", "coordinates X", "Project: X", "the X project",
# "X, funded by …", "X (Interreg Euro-MED, 2023–2026)", "X (2018–2020)"
_PROJECT_BEFORE = re.compile(r"(?:\b(?:partners?\s+in|coordinat(?:es|ed|or\s+of|ing)|leads|led|participates\s+in|"
                             r"takes\s+part\s+in|took\s+part\s+in|[Pp]roje[ck]t(?:o)?:?)\s+)$")
_PROJECT_AFTER = re.compile(r"(?:\s+(?:project|projects|partnership|consortium)\b|,?\s+(?:co-)?funded\s+(?:by|under|through)\b|"
                            r"\s+\((?:[^()]{0,40},\s*)?(?:19|20)\d\d\s*[–-]\s*(?:19|20)?\d\d\)|\s+\((?:Interreg|COSME|Horizon|"
                            r"Erasmus|LIFE|SMP|Single\s+Market)[^()]{0,60}\))")


def _project_said(v: str, s: int, e: int) -> bool:
    """Whether the words around a lone all-caps name make it a project or partnership.

    >>> t = "Our cluster is partner in CLUSTAIDE, funded by the Single Market Programme."
    >>> _project_said(t, 26, 35), _project_said("the FIRA project", 4, 8), _project_said("met MASCIR there", 4, 10)
    (True, True, False)
    """
    return bool(_PROJECT_BEFORE.search(v, max(0, s - 30), s) and (v[s:e].isupper() or "-" in v[s:e])
                or _PROJECT_AFTER.match(v, e))
