"""The partnership brief: members and target markets by name, coverage, brokers, shortlist,
no internal ids or relationship codes, nothing fetched, and a PDF that reads back.

Runs on the demo store built from examples/ (as ``clusternet demo`` builds it), the hostile
sample store and graphs small enough to check by hand."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import networkx as nx
import pytest
from pypdf import PdfReader

from app_sample import XSS_IMG, XSS_SCRIPT, build_sample_store
from clusternet.ingest.demo import build_demo
from clusternet.graph.errors import InputError, NotFound
from clusternet.graph.render.brief import partnership_brief
from clusternet.graph.schema import load_schema
from clusternet.graph.store.sqlite import EmbeddedStore
from paths import ROOT  # noqa: E402

MTB = "partnership:mediterranean-textile-bridge"


def id_pattern() -> re.Pattern:
    prefixes = sorted({nt.id_prefix for nt in load_schema().nodes.values() if nt.id_prefix})
    return re.compile(r"\b(?:%s):[A-Za-z0-9]" % "|".join(prefixes))


def rel_codes(text: str) -> list[str]:
    return [t for t in load_schema().rel_types if re.search(rf"\b{t}\b", text)]


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("brief") / "demo.db"
    with EmbeddedStore(path) as store:
        build_demo(store, ROOT / "examples", echo=lambda _: None)
        return store.snapshot()


@pytest.fixture(scope="module")
def mtb(demo):
    return partnership_brief(demo, MTB)


def sample_row(name: str) -> dict:
    with open(ROOT / "examples" / "sample" / "partnerships.csv", encoding="utf-8") as fh:
        return next(r for r in csv.DictReader(fh) if r["name"] == name)


def test_brief_names_members_and_target_markets(mtb):
    row = sample_row("Mediterranean Textile Bridge")
    assert mtb.name == "Mediterranean Textile Bridge (MTB)"
    for member in row["members"].split("; "):
        assert member in mtb.html
        assert member in {m.name for m in mtb.members}
    assert mtb.members[0].name == row["coordinator"] and mtb.members[0].role == "coordinator"
    assert {t.country for t in mtb.targets} == set(row["targets"].split("; "))
    assert "Single Market Programme" in mtb.subtitle
    for country in row["targets"].split("; "):
        assert country in mtb.html


def test_target_coverage_counts_members_and_candidates(mtb):
    by_country = {t.country: t for t in mtb.targets}
    # the sample lists the Alexandria Textile Cluster (Egypt) as a partner of MTB
    assert "Alexandria Textile Cluster" in by_country["Egypt"].members
    assert not by_country["Morocco"].members and not by_country["Tunisia"].members
    shortlisted = {c.name: c.country for c in mtb.shortlist}
    for t in ("Morocco", "Tunisia"):
        assert set(by_country[t].candidates) == {n for n, c in shortlisted.items() if c == t}
    assert "Textile" in {s.sector for s in mtb.sectors if s.declared}


def test_no_internal_ids_relationship_codes_or_urls(mtb):
    assert not id_pattern().search(mtb.html), id_pattern().search(mtb.html)
    assert rel_codes(mtb.html) == []
    assert not re.search(r"https?://", mtb.html)
    assert not re.search(r"""\b(?:src|href)\s*=\s*["'](?!#)""", mtb.html)
    assert "<svg" in mtb.html and 'class="member"' in mtb.html and 'class="target"' in mtb.html


def test_default_shortlist_has_scores_reasons_and_evidence(mtb):
    assert len(mtb.shortlist) == 5
    assert all(0 <= c.score <= 100 for c in mtb.shortlist)
    assert [c.score for c in mtb.shortlist] == sorted((c.score for c in mtb.shortlist), reverse=True)
    assert all(c.reasons for c in mtb.shortlist)
    assert any(e.startswith("source: ") for c in mtb.shortlist for e in c.evidence)
    # every candidate's country is marked on the map, and no other
    marked = set(re.findall(r'class="mark" data-iso="([A-Z]{2})"', mtb.html))
    assert marked == {c.country_code for c in mtb.shortlist} and None not in marked
    for c in mtb.shortlist:
        assert c.name in mtb.html
        assert not {m.name for m in mtb.members} & {c.name}


def test_pdf_reads_back(mtb):
    data = mtb.pdf_bytes()
    assert data.startswith(b"%PDF-")
    pages, text = pdf_text(data)
    assert pages == 1
    flat = " ".join(text.split())
    assert "Mediterranean Textile Bridge (MTB)" in flat
    assert "Rhône Alpine Textile Cluster" in flat and "Tunisia" in flat
    assert not id_pattern().search(text) and rel_codes(text) == []
    assert data == mtb.pdf_bytes()


def test_callers_shortlist_is_checked_and_humanised(demo):
    picks = [{"name": "Tangier Textile Cluster", "country": "MA", "score": 88,
              "reasons": ["PARTNER_IN partnership:mediterranean-textile-bridge before"],
              "evidence": "cluster:tangier-textile-cluster LOCATED_IN country:MA"}]
    b = partnership_brief(demo, MTB, shortlist=picks)
    (c,) = b.shortlist
    assert (c.country, c.score) == ("Morocco", 88.0)
    assert c.reasons == ("partner in Mediterranean Textile Bridge before",)
    assert not id_pattern().search(b.html) and rel_codes(b.html) == []
    assert {t.country: t.candidates for t in b.targets}["Morocco"] == ("Tangier Textile Cluster",)
    assert re.findall(r'class="mark" data-iso="([A-Z]{2})"', b.html) == ["MA"]
    assert partnership_brief(demo, MTB, shortlist=[]).shortlist == ()
    with pytest.raises(InputError, match="0 to 100"):
        partnership_brief(demo, MTB, shortlist=[{"name": "X", "score": 140}])
    with pytest.raises(InputError, match="no name"):
        partnership_brief(demo, MTB, shortlist=[{"score": 40}])


def test_unknown_or_wrong_node_is_refused(demo):
    with pytest.raises(NotFound):
        partnership_brief(demo, "partnership:nope")
    with pytest.raises(InputError, match="not a Partnership"):
        partnership_brief(demo, "country:FR")


def broker_graph() -> nx.MultiDiGraph:
    """P = {m1, m2}; m1 also worked with x in Q; x with y in R (y is two steps out)."""
    G = nx.MultiDiGraph()
    for n, c in [("m1", "FR"), ("m2", "ES"), ("x", "MA"), ("y", "TN")]:
        G.add_node(f"cluster:{n}", label="Cluster", labels=("Cluster",), name=n.upper(), country=c)
    G.add_node("country:TN", label="Country", labels=("Country",), name="Tunisia", country="TN")
    for p, ms in [("p", ("m1", "m2")), ("q", ("m1", "x")), ("r", ("x", "y"))]:
        G.add_node(f"partnership:{p}", label="Partnership", labels=("Partnership",), name=p.upper())
        for m in ms:
            G.add_edge(f"cluster:{m}", f"partnership:{p}", key="PARTNER_IN", type="PARTNER_IN")
    G.add_edge("partnership:p", "country:TN", key="TARGETS", type="TARGETS")
    return G


def test_brokers_and_an_uncovered_target_on_a_graph_checked_by_hand():
    b = partnership_brief(broker_graph(), "partnership:p", shortlist=[])
    # around P: m1, m2 and m1's partner x; m1 is on the only path between m2 and x
    assert [(r.name, r.betweenness, r.members_linked, r.is_member) for r in b.brokers] == [("M1", 1.0, 1, True)]
    assert [(t.country, t.members, t.candidates) for t in b.targets] == [("Tunisia", (), ())]
    assert "no member, no candidate" in b.html
    assert "programme: not recorded" in b.html


def test_hostile_names_are_text(tmp_path):
    with EmbeddedStore(build_sample_store(tmp_path / "s.db")) as store:
        G = store.snapshot()
    b = partnership_brief(G, "partnership:medtex", shortlist=[{"name": XSS_IMG, "score": 50, "reasons": [XSS_SCRIPT]}])
    assert "<script" not in b.html and "<img" not in b.html
    assert "&lt;script&gt;" in b.html
    assert XSS_SCRIPT in {m.name for m in b.members}
    pages, text = pdf_text(b.pdf_bytes())
    assert "Med Textile Partnership" in " ".join(text.split())


@pytest.mark.browser
def test_brief_prints_on_one_a4_page_in_a_browser_with_nothing_fetched(mtb, demo):
    from streamlit_server import chromium

    hostile = partnership_brief(demo, MTB, shortlist=[{"name": XSS_IMG, "country": "TN", "score": 50,
                                                       "reasons": [XSS_SCRIPT]}])
    with chromium() as browser:
        for brief in (mtb, hostile):
            page = browser.new_page()
            requests, dialogs, errors = [], [], []
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.set_content(brief.html, wait_until="load")
            assert page.evaluate("() => window.__xss") is None
            assert page.locator("svg.clusternet-map path.country").count() > 20
            pages, text = pdf_text(page.pdf(format="A4", print_background=True))
            assert pages == 1, f"{brief.name}: {pages} pages"
            assert brief.name.split(" (")[0] in " ".join(text.split())
            assert (requests, dialogs, errors) == ([], [], [])
            page.close()
