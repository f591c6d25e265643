"""HTML: the main text only (scripts, navigation, headers, footers, forms dropped), and the fact
boxes beside it (an ``aside`` or sidebar that is mostly text, not links: "Project facts",
"Key figures"), read after the main text, then the funding statement a footer or banner gives
("Co-funded by the European Union"), without its disclaimer.

Block elements become paragraphs (a list item written "- item", a heading "## Heading", as in
Markdown, so list and heading rules read a page as they read a Markdown file), a definition
list's terms and descriptions become "Term: description" lines, tables become tab-separated rows
listed in ``tables``.
The node count is checked on the raw bytes before the parser builds a tree.
"""
from __future__ import annotations

import re
from pathlib import Path

from clusternet.graph.errors import InputError, InputTooLarge
from clusternet.ingest.sources.readers.base import (DocumentText, Limits, check_size, decode_bytes,
    document_from_text, tables_to_text)

__all__ = ["read_html", "html_to_parts", "html_depth"]

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe",
         "template", "button", "select")
# a side box whose text is at most this share links is a fact box, kept
_LINK_SHARE = 0.5
_BOILER = re.compile(r"\b(nav|menu|breadcrumb|cookie|footer|header|sidebar|share|social|banner)\b", re.I)
_BLOCKS = {"p", "div", "section", "article", "main", "li", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "pre", "dd", "dt", "figcaption", "caption", "address", "br", "tr"}
_TAG = re.compile(rb"<[A-Za-z]")
# what a list item and a heading are written with in the text, as in Markdown ("- A", "## Members")
_MARKS = {"li": "- ", **{f"h{k}": "#" * k + " " for k in range(1, 7)}}


def html_to_parts(markup: str) -> list:
    """Text blocks and tables (lists of rows) of the main content, in document order.

    >>> html_to_parts("<nav>Home</nav><main><h1>Title</h1><p>Body <b>text</b>:</p><ul><li>A</li><li><p>B</p></li></ul></main>")
    ['# Title', 'Body text:', '- A', '- B']
    """
    boxes: list = []
    notes: list[str] = []
    parts = _collect_parts(_main_content(markup, boxes, notes))
    for box in boxes:
        parts += _collect_parts(box)
    return parts + [n for n in notes if n not in parts]


# a footer's or banner's funding statement, kept though the footer is dropped: who pays is news
_FUNDING = re.compile(r"(?i)\b(?:co-?funded|funded|financed|co-?financed|cofinanciad[oa]|financiad[oa]|cofinancé|financé|"
                      r"cofinanziat[oa]|finanziat[oa]|supported)\s+(?:by|under|through|par|por|da|dal|dalla)\b")


def _funding_notes(soup) -> list[str]:
    """The sentences of dropped page furniture (footer, banner) that say who funds the work
    ("HEATSHARE is co-funded by the European Union through Interreg CENTRAL EUROPE"), each once,
    without the disclaimer that often follows.

    >>> from bs4 import BeautifulSoup
    >>> _funding_notes(BeautifulSoup("<footer><p>Funded by the European Union. Views expressed are the author's.</p>"
    ...                               "<p><a href='/p'>Privacy</a></p></footer>", "lxml"))
    ['Funded by the European Union.']
    """
    out: list[str] = []
    furniture = soup.find_all(("footer", "header")) + soup.find_all(class_=_BOILER)
    inside = {id(t) for f in furniture for t in (f, *f.find_all(("p", "span", "div")))}
    for tag in soup.find_all(("p", "span", "div")):
        if id(tag) not in inside or tag.find(("p", "div")) is not None:
            continue
        text = " ".join(tag.get_text(" ", strip=True).split())
        first = next((s for s in re.split(r"(?<=[.!])\s+", text) if _FUNDING.search(s)), None)
        if first and first not in out and len(first) <= 300:
            out.append(first)
    return out


def _fact_box(tag) -> bool:
    """Whether a side box holds text of its own rather than links ("Project facts: Total budget
    EUR 2.4 million" against "Latest news" teasers and menus).

    >>> from bs4 import BeautifulSoup
    >>> _fact_box(BeautifulSoup("<aside><dl><dt>Budget</dt><dd>EUR 2 million</dd></dl></aside>", "lxml").aside)
    True
    >>> _fact_box(BeautifulSoup("<aside><a href='/a'>Latest news on the fair</a></aside>", "lxml").aside)
    False
    """
    text = len(tag.get_text(" ", strip=True))
    links = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
    return text >= 20 and links <= _LINK_SHARE * text


def _main_content(markup: str, boxes: list | None = None, notes: list | None = None):
    """The parsed page's main element (``main``, its one ``article``, ``body``, or the whole
    page) with scripts, forms, navigation and other boilerplate removed; a news list of several
    articles keeps them all, a story with teasers of others keeps the story.

    >>> html_to_parts("<body><article><p>First item.</p></article><article><p>Second item.</p></article></body>")
    ['First item.', 'Second item.']
    """
    from bs4 import BeautifulSoup, Tag

    import warnings

    from bs4 import MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():  # XHTML read as HTML, a page that is one word: what we want
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "lxml")
    if notes is not None:
        notes += _funding_notes(soup)
    kept = [t for t in soup.find_all("aside") if t.find_parent(_DROP) is None and _fact_box(t)]
    inside = {id(t) for k in kept for t in (k, *k.descendants)}     # by identity: equal-looking boxes are two
    for tag in soup.find_all(_DROP):
        if id(tag) not in inside and not vars(tag).get("_decomposed"):
            tag.decompose()
    for tag in soup.find_all(True):
        # vars(): bs4 reads an unknown attribute as a subtree search, quadratic on big pages
        if vars(tag).get("_decomposed") or not isinstance(tag, Tag) or tag.attrs is None:
            continue
        marks = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "") + " " + (tag.get("role") or "")
        if tag.name not in ("body", "html", "main", "article") and _BOILER.search(marks) \
                and not (id(tag) in inside or "sidebar" in marks.lower() and _fact_box(tag)):
            tag.decompose()
    main = soup.find("main")
    articles = [a for a in soup.find_all("article") if a.find_parent("article") is None]
    if main is None and len(articles) > 1:
        chosen = _article_or_list(soup, articles)
    else:
        chosen = main or (articles[0] if articles else None) or soup.body or soup
    if boxes is not None:       # a fact box beside the main text is read after it
        within = {id(t) for t in chosen.descendants} | {id(chosen)}
        boxes += [k for k in kept if not vars(k).get("_decomposed") and id(k) not in within
                  and not any(p is k for p in chosen.parents)]      # nor a box holding the main text
        if main is None and len(articles) == 1 and chosen is articles[0]:
            boxes += _after_article(chosen)
    return chosen


def _after_article(article) -> list:
    """The text blocks right after a page's one article, outside it, that hold text rather than
    links: a press release's "About X" section set beside the story.

    >>> html_to_parts("<body><article><p>Story.</p></article><section><h4>About X</h4><p>X has 40 members.</p>"
    ...               "</section><div><a href='/n'>More news from the cluster</a></div></body>")
    ['Story.', '#### About X', 'X has 40 members.']
    """
    from bs4 import Tag

    return [t for t in article.find_next_siblings() if isinstance(t, Tag) and not vars(t).get("_decomposed")
            and t.name in ("section", "div", "p") and _fact_box(t)]


def _article_or_list(soup, articles):
    """Of a page with several articles: the one holding the page's heading (a story with teasers
    of others), else, when they are items of one list, their container (a news list), else the
    longest."""
    h1 = soup.find("h1")
    holder = next((a for a in articles if h1 is not None and h1 in a.descendants), None)
    if holder is not None:
        return holder
    if len({id(a.parent) for a in articles}) == 1:
        return articles[0].parent
    return max(articles, key=lambda a: len(a.get_text()))


def _collect_parts(root) -> list:
    """Text blocks and tables (lists of rows) under ``root``, in document order."""
    from bs4 import NavigableString, Tag

    parts: list = []
    buf: list[str] = []

    def flush(ending: bool = True):
        """End the current paragraph: its whitespace-collapsed text becomes one part, if not empty;
        a list item's or heading's mark with no text yet waits for it unless its block is ``ending``
        ("<li><p>A</p></li>" is "- A")."""
        line = re.sub(r"\s+", " ", "".join(buf)).strip()
        if line.strip("#") in ("", "-"):
            if ending:
                buf.clear()
            return
        parts.append(line)
        buf.clear()

    def walk(node):
        """Collect the text under ``node``: tables as row lists, block elements as their own paragraphs."""
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                    continue
                buf.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "table":
                    flush()
                    rows = []
                    for tr in child.find_all("tr"):
                        cells = [c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])]
                        if any(cells):
                            rows.append(cells)
                    if rows:
                        parts.append(rows)
                    continue
                if child.name == "dl":
                    flush()
                    parts.extend(_definitions(child))
                    continue
                block = child.name in _BLOCKS
                if block:
                    flush(ending=False)
                    buf.append(_MARKS.get(child.name, ""))     # a list item and a heading stay one
                walk(child)
                if block:
                    flush()

    walk(root)
    flush()
    return parts


def _definitions(dl) -> list[str]:
    """A definition list as "Term: description" lines, one a description.

    >>> from bs4 import BeautifulSoup
    >>> _definitions(BeautifulSoup("<dl><dt>Total budget</dt><dd>EUR 2,480,600</dd><dt>Lead</dt><dd>A</dd></dl>", "lxml").dl)
    ['Total budget: EUR 2,480,600', 'Lead: A']
    """
    out, term = [], ""
    for item in dl.find_all(["dt", "dd"]):
        text = re.sub(r"\s+", " ", item.get_text(" ", strip=True)).strip()
        if item.name == "dt":
            term = text.rstrip(" :")
        elif text:
            out.append(f"{term}: {text}" if term else text)
    return out


def html_depth(markup: str) -> int:
    """Deepest element nesting, as libxml2's HTML parser builds the tree (which stops
    descending at 256 levels, so 256 means "256 or more"). Iterative and fast.

    >>> html_depth("<html><body><div><p>x</p></div></body></html>")
    4
    """
    from lxml import etree

    root = etree.fromstring(markup.encode("utf-8", "replace"), etree.HTMLParser(encoding="utf-8"))
    if root is None:
        return 0  # nothing to nest; the main parser reports what is wrong
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def read_html(path: Path, limits: Limits) -> DocumentText:
    """The main text of an HTML page, tables kept, after checks on size, element count and depth.

    Raises :class:`InputTooLarge` past ``limits``, :class:`InputError` if no readable text
    is left once scripts and navigation are dropped.
    """
    size = check_size(path, limits)
    data = path.read_bytes()
    nodes = len(_TAG.findall(data))
    if nodes > limits.max_html_nodes:
        raise InputTooLarge(path, f"HTML has about {nodes} elements, over the {limits.max_html_nodes} limit")
    markup, warnings = decode_bytes(data, path)
    depth = html_depth(markup)
    if depth > limits.max_html_depth:
        raise InputTooLarge(path, f"HTML nests elements over {limits.max_html_depth} levels deep "
                                  f"(at least {depth}); refused")
    parts = html_to_parts(markup)
    text, tables = tables_to_text(parts)
    if not text.strip():
        raise InputError(path, "no readable text in this HTML page (only markup, scripts or navigation)")
    doc = document_from_text(text, name=path.name, source=str(path), media_type="text/html", raw=data)
    doc.tables = tables
    doc.warnings.extend(warnings)
    if size > 2000 and len(text) < size / 100:
        doc.warnings.append(f"mostly markup: only {len(text)} characters of text in {size} bytes of HTML")
    return doc
