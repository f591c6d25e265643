"""A newsletter's stories: the sections under marked headings of one level when each tells its
own news ("## 1. Nordic care tech meets Kyoto", "## 2. Georgian managers on a study visit …").

A figure in a story belongs to what that story is about, not to the partnership the page names
most: :func:`story_focus` gives each story its own partnership and event, and
:func:`.counts.count_facts` asks it for every sentence. A page whose title names a partnership or
event, or whose sections all speak of one (an "About" page's "## Objectives", "## Partners"), is
about that one throughout; so is one whose lead paragraph, before the first section, names one.
:func:`page_default` gives the owner of a count no rule of its sentence finds, in order: a figure
list's event, the event the page opens with, the partnership, the cluster the page speaks for
(:func:`home_cluster`), the page's event, the cluster its title names.

>>> from clusternet.ingest.extract.mentions import build_context
>>> ctx = build_context("# News\\n\\n## One\\n\\n" + "Text of the story. " * 12 + "\\n\\n## Two\\n\\n" + "More. " * 40)
>>> [ctx.text[a:b].split("\\n")[0] for a, b in story_spans(ctx)]
['## One', '## Two']
"""
from __future__ import annotations

from bisect import bisect_right

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.factsubj import event_cue, main_event
from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.measures import CURRENCIES
from clusternet.ingest.extract.mainref import named_for_itself, named_in_title, title_end, titled_main

__all__ = ["heading_level", "story_spans", "story_focus", "home_cluster", "Focus", "page_default"]

_MIN_PROSE = 180        # characters of running text under a heading for it to open a story


def heading_level(text: str) -> int:
    """A marked heading's level ("### Austria": 3), 0 for a line with no "#" marks.

    >>> heading_level("### Austria"), heading_level("  ## Partners"), heading_level("Partners")
    (3, 2, 0)
    """
    text = text.lstrip()
    return len(text) - len(text.lstrip("#")) if text.startswith("#") else 0


def _prose(ctx, lo: int, hi: int) -> int:
    """Characters of running text (not headings, not list items) between two offsets."""
    return sum(ln.end - ln.start for ln in ctx.lines if lo <= ln.start < hi and not ln.bullet
               and not ln.heading and not heading_level(ctx.text[ln.start:ln.end]))


def story_spans(ctx) -> list[tuple[int, int]]:
    """The stories of a page: the spans under the first heading level below the title that has two
    or more headings, each with running text under it; [] when fewer than two such spans."""
    marked = [(heading_level(ctx.text[ln.start:ln.end]), ln.start) for ln in ctx.lines]
    marked = [(lv, s) for lv, s in marked if lv >= 2]
    for level in sorted({lv for lv, _ in marked}):
        starts = [s for lv, s in marked if lv == level]
        if len(starts) < 2:
            continue
        ends = [next((s for lv, s in marked if lv <= level and s > a), len(ctx.text)) for a in starts]
        spans = [(a, b) for a, b in zip(starts, ends) if _prose(ctx, a, b) >= _MIN_PROSE]
        return spans if len(spans) >= 2 else []
    return []


def _own(ents, label: str, lo: int, hi: int, head_end: int):
    """The entity of ``label`` a story is about: one its heading names, else the most named in it."""
    here = [(e, [m.start for m in e.mentions if lo <= m.start < hi]) for e in ents if e.label == label]
    here = [(e, s) for e, s in here if s]
    if label == "Event":
        here = [(e, s) for e, s in here if named_for_itself(e)] or here
    if not here:
        return None
    return max(here, key=lambda x: (x[1][0] < head_end, len(x[1]), -x[1][0]))[0]


def _lead_names(ctx, ents, first: int) -> bool:
    """Whether the running text before the first story names a partnership or event (a report on
    one event whose sections are its programme and results), not a list of contents."""
    prose = [(ln.start, ln.end) for ln in ctx.lines if ln.start < first and not ln.bullet and not ln.heading]
    return any(lo <= m.start < hi for e in ents if e.label in ("Partnership", "Event")
               for m in e.mentions for lo, hi in prose)


def story_focus(ctx, ents, span):
    """(partnership, event) a story is about, or None when it names neither (then the page's hold)."""
    lo, hi = span
    head_end = ctx.text.find("\n", lo)
    part, event = _own(ents, "Partnership", lo, hi, head_end), _own(ents, "Event", lo, hi, head_end)
    return None if part is None and event is None else (part, event)


def home_cluster(ents, title: int, reach: int = 400):
    """The cluster a page speaks for: the first body its text names after the title, within ``reach``
    characters of it, when that is a cluster named before any partnership or event ("Ten years after
    its creation, the MedTech Sardegna Cluster brings together 94 members …"); else None.

    >>> M = lambda s: type("M", (), {"start": s})
    >>> E = lambda lab, s: type("E", (), {"label": lab, "mentions": [M(s)]})
    >>> c = E("Cluster", 50)
    >>> home_cluster([c, E("Event", 300)], 10) is c, home_cluster([c, E("Event", 30)], 10)
    (True, None)
    """
    firsts = sorted(((min(m.start for m in e.mentions), e) for e in ents if e.label in _BODIES_AND_GROUPS
                     and any(m.start >= title for m in e.mentions)), key=lambda x: x[0])
    lead = [(s, e) for s, e in firsts if s >= title]
    if not lead or lead[0][1].label != "Cluster" or lead[0][0] > title + reach:
        return None
    first = lead[0][0]
    return lead[0][1] if not any(s <= first for s, e in firsts if e.label in ("Partnership", "Event")) else None


_BODIES_AND_GROUPS = ("Cluster", "Organisation", "SME", "Partnership", "Event")


class Focus:
    """What a sentence's figures are about by default: ``at(pos)`` gives (partnership, event, own
    cluster, home cluster) for a position: the story's partnership and event inside a newsletter's
    story that names one, else the page's ``main`` partnership, its :func:`.factsubj.main_event` and,
    on a page with neither, the cluster its title names; and the :func:`home_cluster`."""

    def __init__(self, ctx, ents, main):
        title = title_end(ctx)
        event = main_event(ents, ctx)
        own = titled_main(ents, "Cluster", title) if main is None and event is None else None
        self.page = (main, event, own, home_cluster(ents, title))
        titled = any(named_in_title(e, title) for e in ents if e.label in ("Partnership", "Event"))
        spans = [] if titled else story_spans(ctx)
        if spans and _lead_names(ctx, ents, spans[0][0]):
            spans = []
        focus = [story_focus(ctx, ents, s) for s in spans]
        distinct = {(id(f[0]), id(f[1])) for f in focus if f is not None}
        # one partnership or event over every section: the page's own sections, not stories
        self.spans, self.focus = (spans, focus) if len(distinct) >= 2 else ([], [])
        self.starts = [a for a, _ in self.spans]

    def at(self, pos: int):
        i = bisect_right(self.starts, pos) - 1
        story = self.focus[i] if i >= 0 and pos < self.spans[i][1] else None
        return self.page if story is None else (*story, *self.page[2:])


def page_default(ctx, sent, doc):
    """The owner of a count that no rule of its sentence finds (``doc``: a :class:`Focus` tuple and the
    count's unit): a figure list's event, the event a page opens with, the partnership, the cluster the
    page speaks for, the page's event, the cluster its title names; None without any."""
    main, event, own, home, unit = doc
    title = title_end(ctx)      # a partnership's page (not a page about its event): the partnership's figures
    titled = main is not None and named_in_title(main, title) and not _event_title(ctx.view[:title])
    return (_figures_owner(ctx, sent, event, unit) or (None if titled else _leading_event(ctx, sent, event, unit)) or main
            or _home(home, ctx, sent) or _page_event(event, unit) or own)


def _figures_owner(ctx, sent, page_event, unit):
    """The event an event page's title names, for a bare list item of figures ("- 186
    participants" under "Results in figures"); money goes to the partnership. None otherwise."""
    if page_event is None or unit in CURRENCIES or not ctx.lines[sent.line].bullet:
        return None
    return page_event if min(m.start for m in page_event.mentions) < title_end(ctx) else None


def _leading_event(ctx, sent, page_event, unit, reach: int = 300):
    """The page's event before its partnership, for a count no sentence rule owns (money excepted),
    when the page opens with that event (named within ``reach`` characters of the headline) or the
    sentence speaks of attendance: "Twenty-eight people from 19 companies travelled …" on a mission's page."""
    if page_event is None or unit in CURRENCIES:
        return None
    opens = min(m.start for m in page_event.mentions) < title_end(ctx) + reach
    return page_event if opens or event_cue(ctx.view[sent.start:sent.end]) else None


def _home(home, ctx, sent):
    """The cluster the page speaks for (:func:`.stories.home_cluster`), for a count the sentences
    name no owner of and that is no attendance figure ("13 collaborative projects running in 2023")."""
    return home if home is not None and not event_cue(ctx.view[sent.start:sent.end]) else None


def _page_event(page_event, unit):
    """The page's event, for a count the sentences name no owner of on a page about no
    partnership (money excepted): "Up to 120 participants can register." None otherwise."""
    return page_event if unit not in CURRENCIES else None


def _event_title(title: str) -> bool:
    """Whether a page's title speaks of an event ("Business mission of X to Chile"), not of a partnership alone.

    >>> _event_title("# Business mission of TIDELINE-4i to Chile"), _event_title("# CircuBuild: circular construction")
    (True, False)
    """
    words = set(re.findall(r"\w+", fold(title)))
    return bool(words & load_lexicon().words("event_references"))
