"""A web page's fact box (2026-12-05, thirteenth round): a sidebar of project facts is content, read
after the main text, and a definition list reads as "Term: description" lines; a sidebar of links
stays out. Every page is written here for the check; no corpus page is copied."""
from __future__ import annotations

from pathlib import Path

from clusternet.ingest.sources.readers import read_document
from tests.helpers.extracted import text_by_name

_PAGE = """<html><head><title>TIDEHEAT</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><h1>TIDEHEAT</h1><p>TIDEHEAT brings together six partners from five countries to share waste heat in
ports. It is coordinated by the Gdańsk Energy Cluster.</p></main>
<aside class="sidebar"><h2>Project facts</h2><dl>
<dt>Programme</dt><dd>Interreg Baltic Sea Region</dd>
<dt>Total budget</dt><dd>EUR 3,150,000</dd>
<dt>Duration</dt><dd>36 months</dd></dl></aside>
<aside class="related"><h2>Latest news</h2><ul><li><a href="/n/1">Kick-off in Gdańsk</a></li>
<li><a href="/n/2">Study visit to Aarhus port</a></li></ul></aside>
<footer>© TIDEHEAT</footer></body></html>"""


def _read(tmp_path: Path, markup: str) -> str:
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    return read_document(path).text


def test_a_sidebar_of_facts_is_read_as_term_and_value_lines(tmp_path):
    text = _read(tmp_path, _PAGE)
    assert "Total budget: EUR 3,150,000" in text.splitlines(), text
    assert text.index("TIDEHEAT brings together") < text.index("Total budget"), text


def test_a_sidebar_of_links_and_the_menu_stay_out(tmp_path):
    text = _read(tmp_path, _PAGE)
    assert "Latest news" not in text and "Study visit to Aarhus" not in text and "Home" not in text, text


def test_the_fact_boxs_budget_is_the_projects_figure():
    _, _, facts = text_by_name(_PAGE, "page.html")
    assert [f for f in facts if f[0] == "TIDEHEAT" and f[2] == 3150000], sorted(facts)


_STORY = """<html><body><nav><a href="/">Home</a></nav>
<article><h1>Rota 2025: twelve companies in Brazil</h1><p>Twelve member companies of AgroTorino travelled
to Paraná in March.</p></article>
<section class="about"><h4>About AgroTorino</h4><p>AgroTorino is the farm machinery cluster of Piedmont.
Founded in 2009 and based in Turin, it gathers 148 members.</p></section>
<div class="more"><a href="/n/1">Our mission to Kenya</a> <a href="/n/2">Our mission to Chile</a></div>
</body></html>"""


def test_an_about_section_set_beside_the_one_article_is_read_after_it(tmp_path):
    """(Eighteenth round.) Before, only the article was read: the cluster's members were lost."""
    text = _read(tmp_path, _STORY)
    assert "gathers 148 members" in text and text.index("Twelve member") < text.index("About AgroTorino")
    assert "mission to Kenya" not in text
    path = tmp_path / "story.html"
    path.write_text(_STORY, encoding="utf-8")
    from clusternet.ingest.extract import extract_text
    from tests.helpers.extracted import by_name
    _, _, facts = by_name(extract_text(read_document(path)))
    assert any(f[0] == "AgroTorino" and f[2] == 148 for f in facts), facts


_FOOTED = """<html><body><main><h1>KILNLOOP</h1><p>KILNLOOP brings eleven partners together to electrify
ceramic kilns. It is coordinated by the Castellón Ceramics Institute (Spain).</p></main>
<footer class="site-footer"><img src="/eu.png" alt="Funded by the European Union">
<p>Funded by the European Union. Views and opinions expressed are however those of the author(s) only.</p>
<p><a href="/privacy">Privacy policy</a> · <a href="/legal">Legal notice</a></p></footer></body></html>"""


def test_a_footers_funding_statement_is_kept_without_its_disclaimer_or_links(tmp_path):
    text = _read(tmp_path, _FOOTED)
    assert text.rstrip().endswith("Funded by the European Union."), text
    assert "Views and opinions" not in text and "Privacy" not in text, text
    ents, _, _ = text_by_name(_FOOTED, "kilnloop.html")
    assert ents["European Union"].label == "Organisation", {n: e.label for n, e in ents.items()}
