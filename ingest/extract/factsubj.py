"""What a stated count is about, when the nearest name is not it (used by :mod:`.counts`).

* attendance: a count in a sentence that speaks of taking part, meetings, a delegation or an
  audience ("over 140 bilateral meetings", "80 persons took part in this workshop") belongs to
  the event the sentence names, else the last event named before it, else the page's event;
* "There are more than 80 clusters in Serbia": the country, with its code;
* the country of a count comes only from a country word inside its measure ("Chinese cities",
  "managers from Colombia"), never from a list of countries.

>>> event_cue("The event was attended by 30 delegates.")
True
>>> measure_country("cluster managers from Colombia", "")
'CO'
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache
from types import SimpleNamespace

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon, place_country
from clusternet.ingest.extract.mainref import headline, named_for_itself, title_end

__all__ = ["agreement_count", "partnership_figure", "owner_by_measure", "event_cue", "main_event", "event_subject",
           "country_of_sentence", "measure_country",
           "with_broken_start", "is_counted", "event_with", "named_actor", "heading_owner", "bracket_owner"]


# a count done every year: "at least two joint B2B events a year", "tres delegaciones al año"
_YEARLY = re.compile(r"(?i)\b(?:a|per|each|every)\s+year\b|\bannually\b|\b(?:al|por|cada)\s+año\b|"
                     r"\bpar\s+an\b|\bchaque\s+année\b|\ball['’]anno\b|\bogni\s+anno\b")

# the count of who signs: "Six clusters from five countries signed the declaration", "4 organisations signing"
_SIGNING = re.compile(r"(?i)\s*(?:[\w-]+\s+){0,2}?(?:have\s+|has\s+)?(?:signed|signing|signatories|signataires|firmantes|"
                      r"firmatari|ont\s+signé|firmaron|hanno\s+firmato)\b")


def agreement_count(v: str, m, occ_in):
    """1b. What an agreement commits its parties to do every year ("• organise at least two joint
    B2B events a year") and who signs it ("Six clusters signed …"): (the page's one agreement,
    None) for such a count, else None.

    >>> a = SimpleNamespace(label="Agreement")
    >>> t = "The MoU was signed. They will hold 2 joint events a year."
    >>> agreement_count(t, re.search("2", t), lambda lo, hi: [(4, 7, a)])[0] is a
    True
    """
    end = re.search(r"[;.\n]", v[m.end():m.end() + 160])
    hi = m.end() + (end.start() if end else 160)
    if not (_YEARLY.search(v, m.end(), hi) or _SIGNING.match(v, m.end(), hi)):
        return None
    agreements = _named(occ_in, 0, len(v), ("Agreement",))
    return (agreements[0], None) if len(agreements) == 1 else None


# the page's partnership said again by its kind: "the project", "le partenariat", "el proyecto", "il progetto"
_PROJECT_ANAPHOR = re.compile(r"(?i)\W*(?:the|this|le|ce|el|este|il|questo)\s+(?:project|partnership|consortium|projet|"
                              r"partenariat|proyecto|consorcio|progetto|partenariato)\b")
_RELATIVE = re.compile(r"(?i),\s*(?:which|who|que|qui|che)\s+(?:has|have|had|counts|represents|brings|gathers|a|tiene|ha)\b")


_FUNDS = re.compile(r"(?i)\b(?:co-?funded|funded|co-?financed|financed|supported|under|through|financiado|finanziato|financé)\b")


def partnership_figure(subj, measure: str, sent, occ_in, main=None, before: str = ""):
    """The one partnership a sentence names, for its partners or its budget that the subject rules
    gave a cluster or organisation of the sentence ("Our cluster takes part in CASCAWOOD, a
    project of nine partners"), or for its partners they gave an event ("all five partners took
    part in the mission"); the page's partnership ``main`` for partners when the sentence names none
    (the coordinator named beside "seven partners"; a budget beside a member may be its own); ``main`` for
    any figure a cluster or organisation was given when the sentence opens with "the project" (or "le
    partenariat", "el proyecto" …: ``before`` is its text up to the count), names no partnership and
    gives the figure to no relative clause ("…, which has 280 members"); the sentence's partnership, else
    ``main``, for a budget given to the programme that funds it ("funded by X with a budget of …"); else ``subj``.

    >>> c, p = SimpleNamespace(label="Cluster"), SimpleNamespace(label="Partnership")
    >>> s = SimpleNamespace(start=0, end=50)
    >>> partnership_figure(c, "partners", s, lambda lo, hi: [(0, 5, c), (20, 29, p)]) is p
    True
    """
    if subj is not None and subj.label in ("Cluster", "Organisation") and main is not None and main.label == "Partnership" \
            and _PROJECT_ANAPHOR.match(before) and not _RELATIVE.search(before) \
            and not _named(occ_in, sent.start, sent.end, ("Partnership",)):
        return main     # "The project, which the cluster X leads, … at least 120 companies will receive vouchers"
    lex = load_lexicon()
    words = set(re.findall(r"\w+", fold(measure)))
    partners, money = words & lex.words("partnership_partners"), words & lex.words("partnership_money")
    if subj is None or subj.label not in ("Cluster", "Organisation", "Event", "Programme") \
            or not (partners if subj.label == "Event" else money if subj.label == "Programme" else partners | money):
        return subj
    named = _named(occ_in, sent.start, sent.end, ("Partnership",))
    if len(named) == 1:
        return named[0]
    if not named and subj.label == "Cluster" and not (partners - _MEMBERS_TOO) and not money:
        return subj         # "El Clúster X reúne a 93 entidades socias": a cluster's "socios" are its members
    if subj.label == "Programme":
        return subj if named or main is None or not _FUNDS.search(before) else main   # "funded by X with a budget of"
    return main if not named and main is not None and (subj.label == "Event" or partners) else subj


# the Romance words for partners that also mean a cluster's members
_MEMBERS_TOO = frozenset({"socios", "socias", "soci"})


def owner_by_measure(subj, measure: str, lo: int, hi: int, occ_in, home=None):
    """The one entity of an owner's label named in ``lo:hi`` (the count's sentence, else up to 1000
    characters before it) for a figure only such an entity has (the lexicon's ``owned_measures``: a cluster's
    members given to an event, a fair's visitors given to its organiser, a company's staff given to the
    event it met a buyer at; the owner's tiers of labels are tried in order), else the page's ``home``
    cluster when that is an owner's label; else ``subj``.

    >>> e, c = SimpleNamespace(label="Event"), SimpleNamespace(label="Cluster")
    >>> owner_by_measure(e, "new members", 0, 50, lambda lo, hi: [(0, 5, c), (20, 29, e)]) is c
    True
    >>> owner_by_measure(c, "visitors (over)", 0, 50, lambda lo, hi: [(0, 5, c), (20, 29, e)]) is e
    True
    >>> s = SimpleNamespace(label="SME")
    >>> owner_by_measure(e, "employees", 0, 50, lambda lo, hi: [(0, 5, c), (9, 12, s), (20, 29, e)]) is s
    True
    """
    words = set(re.findall(r"\w+", fold(measure)))
    owners = next((o["owner"] for o in load_lexicon()["owned_measures"] if subj is not None and subj.label in o["wrong"]
                   and words & {fold(w) for w in o["words"]}), None)
    if owners is None:
        return subj
    for a, b in ((lo, hi), (max(0, lo - 1000), lo)):
        for tier in owners:
            named = _named(occ_in, a, b, tier)
            if named:
                return named[0] if len(named) == 1 else subj
    return home if home is not None and any(home.label in tier for tier in owners) else subj


def _named(occ_in, lo: int, hi: int, labels) -> list:
    """The entities with one of ``labels`` named in ``lo:hi``, each once, in text order.

    >>> a = SimpleNamespace(label="Agreement")
    >>> len(_named(lambda lo, hi: [(0, 3, a), (9, 12, a)], 0, 20, ["Agreement"]))
    1
    """
    return list({id(x[2]): x[2] for x in occ_in(lo, hi) if x[2].label in labels}.values())


@lru_cache(maxsize=512)
def event_cue(sentence: str) -> bool:
    """Whether a sentence speaks of an event's attendance or names an event by reference.

    >>> event_cue("BioM has 40 members."), event_cue("In the mission participated seven companies.")
    (False, True)
    """
    s = fold(sentence)
    if any(c in s for c in load_lexicon().words("attendance_cues")):
        return True
    return _reference_rx().search(s) is not None


@lru_cache(maxsize=1)
def _reference_rx() -> re.Pattern:
    """ "the event", "this mission", "la primera misión" (folded): a reference to an event named elsewhere."""
    lex = load_lexicon()
    refs = "|".join(sorted(lex.words("event_references")))
    ords = "|".join(sorted({fold(w) for w in lex.words("ordinal_words")}))
    return re.compile(r"\b(?:the|this|that|la|el|le|il|lo|cette|cet|ce|esta|este|questa|questo)\s+"
                      r"(?:(?:" + ords + r")\s+)?(?:" + refs + r")\b")


def main_event(ents, ctx):
    """The page's event: one named in its first line, else the earliest described one, else the
    most mentioned event; ``None`` without events.

    >>> main_event([], None) is None
    True
    """
    events = [e for e in ents if e.label == "Event"]
    events = [e for e in events if named_for_itself(e)] or events
    if not events:
        return None
    first = min(events, key=lambda e: min(m.start for m in e.mentions))
    line0 = headline(ctx)
    if line0 is not None and min(m.start for m in first.mentions) < line0.end:
        return first
    described = [e for e in events if any(m.rule in ("event-described", "event-title") for m in e.mentions)
                 and min(m.start for m in e.mentions) < len(ctx.view) // 2]    # not one the page's end looks forward to
    if described:
        return min(described, key=lambda e: min(m.start for m in e.mentions))
    early = [e for e in events if min(m.start for m in e.mentions) < len(ctx.view) // 2] or events
    return max(early, key=lambda e: (len(e.mentions), -min(m.start for m in e.mentions)))


def event_subject(sent, occ_in, page_event, v: str = ""):
    """The event a sentence names (its first), else the last one its paragraph (in ``v``) named
    before it, else the page's, else the last one named before.

    >>> event_subject(None, lambda lo, hi: [], None) is None
    True
    """
    if sent is None:
        return page_event
    here = [x[2] for x in occ_in(max(0, sent.start - 300), sent.end) if x[2].label == "Event" and x[1] > sent.start]
    if here:
        return here[0]
    if v and (named := _event_anaphor(v, sent, occ_in)) is not None:
        return named        # "The Expo … brought together 640 exhibitors": the Expo named before
    para = v.rfind("\n\n", max(0, sent.start - 600), sent.start) if v else sent.start
    in_para = [x for x in occ_in(max(para, sent.start - 600), sent.start) if x[2].label == "Event"]
    hosts = [x for x in in_para if _HOSTING.search(v, max(0, x[0] - 40), x[0])] if v else []
    if in_para:     # "X took place as part of the Y Days": the paragraph is about X, Y only hosted it
        return ([x for x in in_para if x not in hosts] or in_para)[-1][2]
    if page_event is not None:
        return page_event
    before = [x[2] for x in occ_in(0, sent.start) if x[2].label == "Event"]
    return before[-1] if before else None


_THE_WORD = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+([A-Za-z][a-z-]+)\b")


def _event_anaphor(v: str, sent, occ_in):
    """The one event named before whose name holds the event noun a sentence refers to with "the"
    ("the Convention", "The Expo"), else None."""
    heads = load_lexicon().heads
    for am in _THE_WORD.finditer(v, sent.start, sent.end):
        word = fold(am.group(1))
        if heads.get(word) != "Event":
            continue
        named = {id(x[2]): x[2] for x in occ_in(max(0, sent.start - 3000), sent.start)
                 if x[2].label == "Event" and word in fold(x[2].name).split()}
        if len(named) == 1:
            return next(iter(named.values()))
    return None


_HOSTING = re.compile(r"\b(?:part\s+of|alongside|in\s+the\s+frame(?:work)?\s+of|on\s+the\s+sidelines\s+of)\s+(?:the\s+)?$")
_THERE_ARE_IN = re.compile(r"\W*There\s+(?:are|were|is|was)\b[^.;]*?\bin\s+(?:the\s+)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")
_PLACE_HAS = re.compile(r"\W*(?:In\s+)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)?),?\s+(?:there\s+are|has|have|had|counts|hosts|is\s+home\s+to)\s"
                        r"(?:(?:now|today|already|currently)\s+)?(?:over\s+|more\s+than\s+|about\s+|around\s+|some\s+)?\d")


def country_of_sentence(text: str, places) -> object | None:
    """The Country entity of a sentence about one country ("There are 80 clusters in Serbia …",
    "Serbia has more than 80 clusters"), from ``places`` (key ``country:XX``); else ``None``.

    >>> country_of_sentence("There are 80 clusters in Serbia.", {"country:RS": "RS entity"})
    'RS entity'
    >>> country_of_sentence("Serbia has more than 80 clusters.", {"country:RS": "RS entity"})
    'RS entity'
    """
    m = _THERE_ARE_IN.match(text) or _PLACE_HAS.match(text)
    if not m or not places:
        return None
    code = country_code(m.group(1))
    return places.get("country:" + code) if code else None


# a nationality after its noun, as French, Spanish and Italian write it ("empresas danesas", "aziende italiane")
_ROMANCE_NATIONALITY = re.compile(r"(?<=[^\W\d_]\s)([a-zà-ÿ]{3,}(?:as|os|es|e|i|a))\b(?=[^\s\w]*\s*$|\s)")


def measure_country(measure: str, after: str) -> str | None:
    """The one country a measure's own words name (a demonym or a country name); ``None`` when
    it names none or several, or when a list of countries goes on after it (``after``).

    >>> measure_country("Chinese cities", ""), measure_country("EU and US clusters", "")
    ('CN', None)
    >>> measure_country("clusters from South East Serbia", ""), measure_country("clusters of French excellence", "")
    (None, None)
    >>> measure_country("cluster associations from Spain", ", France, Poland and Romania")
    >>> measure_country("Ghanaian SMEs", ""), measure_country("B2B meetings in Tokyo", "")
    ('GH', 'JP')
    >>> measure_country("B2B meetings in Lima held by the delegation", "")
    'PE'
    >>> measure_country("empresas danesas", ""), measure_country("empresas de la región", "")
    ('DK', None)
    """
    codes = set()
    head = re.split(r"\sof\s", measure)[0]     # "clusters of French excellence": French qualifies excellence
    for pm in re.finditer(r"\b([A-Z][a-z]+)\b", head):
        w = pm.group(1)     # a word of a longer place name ("South East Serbia") is not the country
        inside = re.search(r"[A-Z][\w-]*\s$", head[:pm.start()]) or re.match(r"\s[A-Z][a-z]", head[pm.end():])
        c = country_code(w) if len(w) > 3 and not inside else None
        if c:
            codes.add(c)
    codes |= {c for pm in _ROMANCE_NATIONALITY.finditer(head) if (c := country_code(pm.group(1)))}   # "empresas danesas"
    city = re.search(r"\sin\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)(?:$|\s(?=[a-z]))", head)  # "… in Lima held by …"
    if not codes and city and (load_lexicon().city(city.group(1)) or load_lexicon().region(city.group(1))):
        codes.add(place_country(city.group(1)))     # "B2B meetings in Tokyo": held in Japan
    if len(codes) != 1 or None in codes:
        return None
    if re.match(r"\s*(?:,|and)\s+[A-Z][a-z]+", after) and country_code(re.match(r"\s*(?:,|and)\s+([A-Z][a-z]+)",
                                                                                after).group(1)):
        return None
    return codes.pop()


def with_broken_start(ctx, si: int):
    """The sentence, joined to those before when it starts mid-sentence ("ca. 100 strong
    audience" is cut after "ca.", a list of places at its ";"): a span with ``start`` and ``end``."""
    sent, j = ctx.sents[si], si
    while j and ctx.sents[j - 1].line == sent.line and (not ctx.view[ctx.sents[j].start:ctx.sents[j].start + 1].isupper()
                                                        or ctx.view[:ctx.sents[j].start].rstrip().endswith(";")):
        j -= 1      # a sentence cut after "ca." or at a ";" goes on from the one before
    return sent if j == si else SimpleNamespace(start=ctx.sents[j].start, end=sent.end)


# what may stand between a name and a count in the bracket after it: "X (45 companies)",
# "X (Bilbao, about 120 members)"
_BRACKET_LEAD = re.compile(r"\s*\((?:[^()\d]{1,40}?[,;]\s+)?(?:(?:more\s+than|over|about|around|some|nearly|almost|"
                           r"approx\.|ca\.|plus\s+de|m[aá]s\s+de|circa|oltre)\s+)?")
_NOT_OWNERS = ("Country", "Region", "City", "Programme")     # a programme's bracket holds the grant it gave
_COUNTED_NOUN = re.compile(r"\s+[^\W\d_]{3,}")      # a count of something named, not "(48 m²)" or money


def bracket_owner(v: str, m, occ_in, ok):
    """1c. "Polo Norte (45 companies)": (the name the count's bracket follows, None), or None;
    not a place ("from Spain (12 companies)" is a share of something else) nor a programme.

    >>> a, b = SimpleNamespace(label="Cluster"), SimpleNamespace(label="Cluster")
    >>> t = "A (120 members) and B (45 companies) met."
    >>> bracket_owner(t, re.search("45", t), lambda lo, hi: [(0, 1, a), (20, 21, b)], ("Cluster",))[0] is b
    True
    """
    left = [x for x in occ_in(max(0, m.start() - 60), m.start()) if x[1] <= m.start()]
    if left and left[-1][2].label in ok and left[-1][2].label not in _NOT_OWNERS \
            and _BRACKET_LEAD.fullmatch(v[left[-1][1]:m.start()]) and _COUNTED_NOUN.match(v, m.end()):
        return left[-1][2], None
    return None


def is_counted(v: str, occ) -> bool:
    """Whether a name right after a number is itself what is counted ("two European Strategic
    Cluster Partnerships": a plural name), not the owner of the count ("the 4 CLUSTEM partners")."""
    text = v[occ[0]:occ[1]]
    return bool(re.search(r"[a-z]s$", text)) and not re.match(r"\s+[a-z]", v[occ[1]:occ[1] + 3])


def event_with(v: str, lo: int, pos: int) -> bool:
    """Whether the count is what an event noun is "with" ("a strategic mission with 22 clusters").

    >>> event_with("led a strategic mission with 22 clusters", 0, 29)
    True
    """
    refs = "|".join(load_lexicon().words("event_references"))
    return re.search(r"(?i)\b(?:" + refs + r")s?\s+(?:with|of)\s+(?:over\s+|more\s+than\s+|some\s+|about\s+)?$",
                     v[max(lo, pos - 60):pos]) is not None


# what may stand between a name and its verb: an alias in brackets, "created in 2021" between commas
AFTER_NAME = r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:created|founded|established|launched|set\s+up)\s[^,;.()]{1,40},\s*)?"


def named_actor(v: str, before, ok, verbs) -> bool:
    """Whether a name before the count is its clause's subject ("BioM has since taken 8 …", "the
    Clustem Delegation visited two clusters").

    >>> named_actor("BioM has taken 8 missions", [(0, 4, _Named("Cluster"))], ("Cluster",), {"has"})
    True
    """
    for s, e, ent in before:
        vm = re.match(AFTER_NAME + r"(?:(?i:delegation|team|members|partners)\s+)?"
                      r"(?:also\s+|now\s+|already\s+|since\s+)?([a-z]+)", v[e:e + 100])
        if ent.label in ok and ent.label not in ("Event", "Region") and vm and vm.group(1) in verbs:
            return True
    return False


class _Named:
    """A stand-in entity for the examples: a label only."""
    def __init__(self, label: str):
        self.label = label


def heading_owner(ctx, si, occ_in, ok):
    """The one body a heading is the name of when the sentences from it to sentence ``si`` name none
    (a partner's profile: "### Alpha Cluster (France)" then "Annual budget of EUR 1.5 million."); None
    when it is farther than three sentences, names no body or several, or says more than the name
    ("Lead partner: Alpha Cluster" is a field, not a profile)."""
    for j in range(si - 1, max(-1, si - 4), -1):
        sj = ctx.sents[j]
        named = {x[2] for x in occ_in(sj.start, sj.end) if x[2].label in ok}
        if ctx.lines[sj.line].heading and sj.start >= title_end(ctx):
            bodies = [e for e in named if e.label in ("Cluster", "Organisation", "SME")]
            if len(bodies) != 1 or len(named) != 1:
                return None
            rest = re.sub(r"\([^()]*\)", " ", ctx.view[sj.start:sj.end])
            for x in occ_in(sj.start, sj.end):
                rest = rest.replace(x[2].name, " ")
            return bodies[0] if ":" not in rest and len(re.findall(r"\w+", rest)) <= 2 else None
        if named:
            return None
    return None
