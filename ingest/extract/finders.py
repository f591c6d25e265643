"""Every mention rule, run in order over one text: structured contexts first (country lists,
"Name (ACR)", "ACR – Name", table rows), then cue lists, copulas, quotes, head nouns,
appositions, acronyms, described names, places, events, agreements and institutions.

>>> ms = find_mentions("The Olive Cluster (OC) met Agence Alpha (Tunisia), Beta (Morocco) and the Gamma Pole.")
>>> sorted({(m.name, m.label, m.country) for m in ms if m.rule == "country-list"})
[('Agence Alpha', 'Organisation', 'TN'), ('Beta', None, 'MA')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold, is_programme_name, load_lexicon
from clusternet.ingest.extract.contexts import (acronym_mentions, appositions, copulas, cue_lists,
    described_names, head_chunks, quoted)
from clusternet.ingest.extract.events import agreement_mentions, event_mentions, institution_mentions
from clusternet.ingest.extract.placenames import place_mentions
from clusternet.ingest.extract.nameedges import edges_of_names
from clusternet.ingest.extract.rosters import roster_mentions
from clusternet.ingest.extract.eventnames import agreement_named, agreement_topics, held_events, titled_agreement_named, titled_event_again, \
    with_destination, without_taking_part
from clusternet.ingest.extract.generic import drop_people
from clusternet.ingest.extract.lists import (adjective_country, bullet_places, described_items, placed_acronyms,
    role_objects)
from clusternet.ingest.extract.items import country_list_items, dashed_country_items
from clusternet.ingest.extract.companydesc import described_list, without_descriptor
from clusternet.ingest.extract.dashdefs import dash_definitions
from clusternet.ingest.extract.rules import label_of_name, legal_form, paren_aliases
from clusternet.ingest.extract.appositives import stated_after
from clusternet.ingest.extract.romancenames import romance_names
from clusternet.ingest.extract.tablenames import table_rows
from clusternet.ingest.extract.mentions import Context, Mention, build_context, is_acronym
from clusternet.ingest.extract.parens import bracketed_programme, described_in_brackets
from clusternet.ingest.extract.titles import field_definition, section_definitions, title_acronym, title_definition, \
    title_described
from clusternet.ingest.extract.listitems import list_item_names
from clusternet.ingest.extract.legalnames import legal_form_names
from clusternet.ingest.extract.people import speaker_organisations
from clusternet.ingest.extract.typed import based_names, drop_descriptions, gathering_names, kind_before_name, typed_after, \
    typed_before

__all__ = ["find_mentions"]


def find_mentions(text: str, ctx: Context | None = None) -> list[Mention]:
    """Every mention the rules find, places included, sorted by position."""
    ctx = ctx or build_context(text)
    out: list[Mention] = []
    gid = [0]
    title_definition(ctx, out)
    section_definitions(ctx, out)
    title_acronym(ctx, out)
    title_described(ctx, out)
    field_definition(ctx, out)
    country_list_items(ctx, out, gid)
    dashed_country_items(ctx, out, gid)
    paren_aliases(ctx, out)
    dash_definitions(ctx, out)
    table_rows(ctx, out)
    bullet_places(ctx, out, gid)
    described_items(ctx, out, gid)
    role_objects(ctx, out)
    placed_acronyms(ctx, out)
    cue_lists(ctx, out, gid)
    roster_mentions(ctx, out)
    list_item_names(ctx, out)
    copulas(ctx, out)
    quoted(ctx, out)
    head_chunks(ctx, out)
    romance_names(ctx, out)
    legal_form_names(ctx, out)
    appositions(ctx, out)
    acronym_mentions(ctx, out)
    described_names(ctx, out)
    described_in_brackets(ctx, out)
    typed_before(ctx, out)
    typed_after(ctx, out)
    gathering_names(ctx, out)
    kind_before_name(ctx, out)
    based_names(ctx, out)
    place_mentions(ctx, out)
    event_mentions(ctx, out)
    agreement_mentions(ctx, out)
    institution_mentions(ctx, out)
    bracketed_programme(ctx.view, out)
    drop_people(ctx.view, out)
    speaker_organisations(ctx.view, out)
    drop_descriptions(out)
    _trimmed(ctx, out)
    described_list(ctx.view, out)
    stated_after(ctx.view, out)
    out.extend(held_events(ctx.view, out))
    titled_event_again(ctx, out)
    agreement_named(ctx.view, out)
    agreement_topics(ctx.view, out)
    titled_agreement_named(ctx, out)
    edges_of_names(ctx.view, out)
    return sorted(out, key=lambda m: (m.start, -m.end))


def _trimmed(ctx: Context, out: list[Mention]) -> None:
    """Each mention with its sentence, its destination, year and legal form taken in, and without
    the owner, role, descriptor, field label, dashed description or programme words around its name."""
    for m in out:
        m.sent = ctx.sent_at(m.start)
        without_taking_part(m)
        with_destination(ctx.view, m)
        _with_year(ctx.view, m)
        _with_period(ctx.view, m)
        _with_legal_form(ctx.view, m)
        _without_owner(m)
        _without_role(m)
        without_descriptor(ctx.view, m)
        _without_field_label(m)
        _without_dashed_description(m)
        _without_programme(m)


_FIELD_LABEL = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){0,5}:[*_]{0,2} (?=[A-Z])")     # "Associated partner:* X" (bold marks)


def _without_field_label(m: Mention) -> None:
    """A name without the fact-sheet field it was written after ("Lead partner: Alpha Cluster").

    >>> m = Mention(0, 36, "Lead partner: Alpha Cluster", "Cluster", "head"); _without_field_label(m); m.name, m.start
    ('Alpha Cluster', 14)
    """
    f = _FIELD_LABEL.match(m.name)
    if f and m.label != "Event":
        m.name, m.start = m.name[f.end():], m.start + f.end()


def _without_dashed_description(m: Mention) -> None:
    """A name without the description a dash adds in lower case ("Floresta Viva – cluster of forest
    and wood products").

    >>> m = Mention(0, 46, "Floresta Viva – cluster of forest products", None, "list-item"); _without_dashed_description(m)
    >>> m.name, m.end
    ('Floresta Viva', 13)
    """
    d = _DASHED_DESCRIPTION.search(m.name)
    if d and m.label != "Event":
        m.name, m.end = m.name[:d.start()], m.start + d.start()


_DASHED_DESCRIPTION = re.compile(r"\s+[–—-]\s+(?=[a-z])")


def _without_programme(m: Mention) -> None:
    """A project's name without the programme written before it ("le projet Interreg TRANSATLANTIC"):
    the acronym is the project, the programme its funder.

    >>> m = Mention(10, 32, "Interreg TRANSATLANTIC", "Partnership", "head"); _without_programme(m); m.name, m.start
    ('TRANSATLANTIC', 19)
    """
    head, _, rest = m.name.rpartition(" ")
    if m.label == "Partnership" and head and is_acronym(rest) and is_programme_name(head):
        m.name, m.start = rest, m.end - len(rest)


_YEAR = re.compile(r" ((?:19|20)\d\d)\b(?![-/.,]\d)")
_YEAR_OF_DOCUMENT = re.compile(r"\s+(?:budget|report|strategy|plan|call|programme|accounts|minutes)\b")
_OWNER = " of the European Union"


def _with_year(v: str, m: Mention) -> None:
    """An event's name takes the year written right after it ("Tech Summit 2024").

    >>> m = Mention(0, 11, "Tech Summit", "Event", "head", 0.7); _with_year("Tech Summit 2024 opens", m); m.name
    'Tech Summit 2024'
    """
    words = m.name.split()
    dated_head = m.label in (None, "Organisation") and bool(words) and fold(words[-1]) in load_lexicon().words("dated_event_heads")
    if m.label == "Event" or dated_head:
        y = _YEAR.match(v, m.end)
        if y and dated_head and _YEAR_OF_DOCUMENT.match(v, y.end()):
            return          # "the Regional Forum 2024 report": the year of a document, no edition
        if y and not m.name.endswith(y.group(1)):
            m.end, m.name = y.end(), f"{m.name} {y.group(1)}"
            m.label = label_of_name(m.name) or m.label      # "Alpine Hydrogen Forum" + " 2025": an edition, an event
    if m.label == "Event" and _YEAR_END.search(m.name) and _NEXT_EDITION.search(v, max(0, m.start - 40), m.start):
        m.props["next_edition"] = True      # "… will host the Forum 2026": not the edition the page reports


def _with_period(v: str, m: Mention) -> None:
    """A programme's name takes the programming period written right after it, its name without
    the period an alias ("Interreg Slovakia–Austria 2021-2027").

    >>> m = Mention(0, 25, "Interreg Slovakia–Austria", "Programme", "head"); _with_period("Interreg Slovakia–Austria 2021-2027.", m)
    >>> m.name, m.aliases
    ('Interreg Slovakia–Austria 2021-2027', ['Interreg Slovakia–Austria'])
    """
    p = _PERIOD.match(v, m.end) if m.label == "Programme" else None
    if p:
        m.aliases.append(m.name)
        m.end, m.name = p.end(), f"{m.name} {p.group(1)}"


_PERIOD = re.compile(r" ((?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d)\b")
_YEAR_END = re.compile(r"\s(?:19|20)\d\d$")
_NEXT_EDITION = re.compile(r"(?i)\b(?:will\s+(?:host|hold|organi[sz]e)|next|upcoming|forthcoming)\b[^.\n]{0,25}$")


_ROLE = re.compile(r"(?i)^(?:\w+[- ])?(?:president|director|manager|ceo|chair|chairman|secretary|coordinator|head|founder|"
                   r"representative|member|newsletter|bulletin|magazine)s?\s+of\s+(?:the\s+)?(?=[A-Z])")


def _without_role(m: Mention) -> None:
    """A body's name without the role of a person in it ("Director of the European Bureau of X"), or
    without the publication it is named in ("Newsletter of the Alpine Cluster Alliance").

    >>> m = Mention(0, 41, "CEO of Alpha Consulting Ltd", "Organisation", "head", 0.7); _without_role(m); m.name, m.start
    ('Alpha Consulting Ltd', 7)
    """
    r = _ROLE.match(m.name) if "of" in m.name.lower() else None     # _ROLE needs "of"
    if r and m.label != "Event" and len(m.name) > r.end() + 2:
        m.name, m.start = m.name[r.end():], m.start + r.end()
        first, _, rest = m.name.partition(" ")
        code = adjective_country(first)
        if code and rest and not all(load_lexicon().label_of_head(w) for w in rest.split()):
            m.name, m.start = rest, m.start + len(first) + 1      # "Hungarian Alfa Klaszter": Alfa Klaszter, in HU
            m.country = m.country or code


_NEXT_WORDS = re.compile(r"(?:[ \t]+[^\s,;:()]+){1,4}")
_WORD_AT = re.compile(r"[^\s,;:()]+")


def _with_legal_form(v: str, m: Mention) -> None:
    """A company's name takes the legal form written right after it ("Ostrava Drives s.r.o.").

    >>> m = Mention(0, 14, "Ostrava Drives", None, "head", 0.7); _with_legal_form("Ostrava Drives s.r.o. joined", m); m.name
    'Ostrava Drives s.r.o.'
    """
    if m.label not in (None, "Organisation", "SME", "Cluster"):
        return
    nxt = _NEXT_WORDS.match(v, m.end)
    words = list(_WORD_AT.finditer(v, m.end, nxt.end())) if nxt else []
    end = _form_end(words, lambda w, form: ("." in form or form != form.upper() or len(form) >= 3)    # not "AB", "SE",
                    and form not in _LOWER_WORD_FORMS)                                                # nor "with LKF as partner"
    if end is None and v[m.end:m.end + 1] == ".":       # "Klaster X Sp" + ". z o.o.": a form cut at its stop
        last = v.rfind(" ", m.start, m.end) + 1
        tail = _NEXT_WORDS.match(v, m.end)
        words = list(_WORD_AT.finditer(v, last, tail.end())) if last > m.start and tail else []
        end = _form_end(words, lambda w, form: "." in form and w.end() > m.end + 1)
    if end is None:
        _legal_form_cut(v, m)
    else:
        m.end = end
        m.name = " ".join(v[m.start:m.end].split())


# legal forms that, written in lower case, are ordinary words ("AS" is Norwegian, "as" is English)
_LOWER_WORD_FORMS = frozenset({"as", "sa", "se", "ab", "ad", "ag", "spa"})


def _form_end(words: list, ok) -> int | None:
    """Where the longest run of ``words`` (matches) that is a legal form and passes ``ok(last word,
    form)`` ends, or None.

    >>> import re; _form_end(list(re.finditer(r"\\S+", "sp. z o.o. joined")), lambda w, form: True)
    10
    """
    for n in range(len(words), 0, -1):
        form = " ".join(w.group(0) for w in words[:n])
        if ok(words[n - 1], form) and legal_form(form):
            return words[n - 1].end()
    return None


_LAST_WORD = re.compile(r"\S+$")
_FORM_AHEAD = re.compile(r"[^\s,;:()]+(?:[ \t]+[^\s,;:()]+){0,3}")


_SENTENCE_NEXT = re.compile(r"\s+[A-Z]|\s*$")


def _legal_form_cut(v: str, m: Mention) -> None:
    """A legal form the name's chunk cut at its first stop ("Vistula Towers Sp" + ". z o.o.",
    "Nordvind Blades A" + "/S") is taken whole.

    >>> m = Mention(0, 20, "Nordvind Blades A", None, "head", 0.7); m.end = 17; _legal_form_cut("Nordvind Blades A/S joined", m); m.name
    'Nordvind Blades A/S'
    """
    last = _LAST_WORD.search(v, m.start, m.end)
    if last is None or last.start() == m.start or v[m.end:m.end + 1] not in ("." , "/"):
        return
    ahead = _FORM_AHEAD.match(v, last.start())
    words = list(_WORD_AT.finditer(v, last.start(), ahead.end())) if ahead else []
    end = _form_end(words, lambda w, form: w.end() > m.end + 1 or not _SENTENCE_NEXT.match(v, m.end + 1))
    if end is not None:         # not "AS" + the sentence's full stop
        m.end = end
        m.name = " ".join(v[m.start:m.end].split())


def _without_owner(m: Mention) -> None:
    """A programme's name stops before "of the European Union" (whose programme it is).

    >>> m = Mention(0, 37, "COSME Programme of the European Union", "Programme", "head", 0.7); _without_owner(m); m.name
    'COSME Programme'
    """
    if m.label == "Programme" and m.name.endswith(_OWNER):
        m.name, m.end = m.name[:-len(_OWNER)], m.end - len(_OWNER)
