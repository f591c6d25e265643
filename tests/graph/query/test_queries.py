"""Saved queries: the same hand-checked answers from Cypher on a real Neo4j and from the
Python equivalents on the embedded store; parameters, the console, injection payloads.

The sample graph below is small enough to work every expected row out by hand (the
working is in the comments); no expected value is produced by the code under test.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusternet.graph.query.guard import refusal_reason
from clusternet.graph.errors import ClusternetError, NotFound, QueryError, QueryRefused
from clusternet.graph.model import Evidence, Node, Rel
from clusternet.graph.query.saved import (EMBEDDED_CONSOLE_MESSAGE, coerce_params, get_saved, list_saved,
    load_query_file, parse_param_args, parse_saved, run_console, run_saved)
from clusternet.graph.query.embedded import FUNCTIONS
from clusternet.graph.store import open_store
from paths import TEST_DATA  # noqa: E402

DATA = TEST_DATA / "cypher"
DOC_A, DOC_B = "doc:aaaaaaaaaaaaaaaa", "doc:bbbbbbbbbbbbbbbb"
EV_B = Evidence(DOC_B, 0, 10, "Casablanca")

MOVE, CLUSTEM, NEXT = "partnership:move", "partnership:clustem", "partnership:next-society"
TECHTERA, ATEVAL, LOMBARDY = "cluster:techtera-fr", "cluster:ateval-es", "cluster:lombardy-mobility-it"
BIZERTE, CASA, TUNIS, OSLO = ("cluster:bizerte-pole-tn", "cluster:casablanca-textile-ma",
                              "cluster:tunisian-automotive", "cluster:oslo-no")
ACCIO, CGEM, ACME = "org:accio-es", "org:cgem-ma", "org:acme-textiles-ma"
BROKERAGE, VISIT, FAIR, SEMINAR = ("event:brokerage-casablanca-2017", "event:visit-barcelona-2018",
                                   "event:textile-fair-madrid-2018", "event:seminar-rabat")
MOU, DECL, ORPHAN = "agreement:mou-move-morocco", "agreement:declaration-tunisia", "agreement:unsigned"
TEXTILE, MOBILITY, AGRIFOOD = "sector:textile", "sector:mobility", "sector:agri-food"


def sample():
    def country(iso, name, group):
        return Node(f"country:{iso}", ("Country",), {"name": name, "iso2": iso, "country": iso, "groups": [group]})

    def cluster(id_, name, country_=None, sectors=(), conf=1.0, ev=()):
        props = {"name": name, "sectors": list(sectors)}
        if country_:
            props["country"] = country_
        return Node(id_, ("Cluster",), props, list(ev), conf)

    nodes = [
        country("FR", "France", "EU27"), country("ES", "Spain", "EU27"), country("IT", "Italy", "EU27"),
        country("MA", "Morocco", "South-Med"), country("TN", "Tunisia", "South-Med"),
        country("NO", "Norway", "EEA/EFTA"),
        Node(TEXTILE, ("Sector",), {"name": "Textile"}), Node(MOBILITY, ("Sector",), {"name": "Mobility"}),
        Node(AGRIFOOD, ("Sector",), {"name": "Agri-food"}),
        Node("programme:cosme", ("Programme",), {"name": "COSME", "code": "COSME"}),
        Node("programme:horizon-2020", ("Programme",), {"name": "Horizon 2020", "code": "H2020"}),
        Node(MOVE, ("Partnership",), {"name": "MOVE Partnership", "acronym": "MOVE",
                                      "sectors": ["Textile", "Mobility"]}),
        Node(CLUSTEM, ("Partnership",), {"name": "CLUSTEM", "acronym": "CLUSTEM", "sectors": ["Agri-food"]}),
        Node(NEXT, ("Partnership",), {"name": "Next Society"}),
        cluster(TECHTERA, "Techtera", "FR", ["Textile"]),
        cluster(ATEVAL, "ATEVAL", "ES", ["Textile"]),
        cluster(LOMBARDY, "Lombardy Mobility Cluster", "IT", ["Mobility"]),
        cluster(BIZERTE, "Bizerte Pole", "TN", ["Agri-food"]),
        cluster(CASA, "Casablanca Textile Cluster", "MA", ["Textile", "Agri-food"], 0.5, [EV_B]),
        cluster(TUNIS, "Tunisian Automotive Cluster", None, ["Mobility"]),  # only LOCATED_IN says TN
        cluster(OSLO, "Oslo Cluster", "NO", [], 0.6),
        Node(ACCIO, ("Organisation",), {"name": "ACCIÓ", "country": "ES"}),
        Node(CGEM, ("Organisation",), {"name": "CGEM", "country": "MA"}),
        Node(ACME, ("Organisation", "SME"), {"name": "Acme Textiles", "country": "MA"}, [], 0.55),
        Node("region:catalonia-es", ("Region",), {"name": "Catalonia", "country": "ES"}),
        Node(BROKERAGE, ("Event",), {"name": "Brokerage Casablanca 2017", "country": "MA", "start_date": "2017-11-20"}),
        Node(VISIT, ("Event",), {"name": "Visit Barcelona 2018", "country": "ES", "start_date": "2018-03"}),
        Node(FAIR, ("Event",), {"name": "Textile Fair Madrid 2018", "country": "ES", "start_date": "2018-02-01"}),
        Node(SEMINAR, ("Event",), {"name": "Seminar Rabat", "country": "MA"}),
        Node(MOU, ("Agreement",), {"name": "MoU MOVE Morocco", "kind": "MoU", "signed_date": "2018-05-10"}),
        Node(DECL, ("Agreement",), {"name": "Declaration of interest Tunisia", "kind": "declaration of interest"}),
        Node(ORPHAN, ("Agreement",), {"name": "Unsigned convention", "kind": "convention"}),
        Node(DOC_A, ("Document",), {"name": "report.pdf", "sha256": "a" * 64}),
        Node(DOC_B, ("Document",), {"name": "newsletter.html", "sha256": "b" * 64}),
    ]
    R = Rel
    rels = [
        R(TECHTERA, "PARTNER_IN", MOVE, {"role": "coordinator"}), R(TECHTERA, "PARTNER_IN", CLUSTEM, {"role": "partner"}),
        R(ATEVAL, "PARTNER_IN", MOVE, {"role": "partner"}), R(LOMBARDY, "PARTNER_IN", MOVE, {"role": "partner"}),
        R(LOMBARDY, "PARTNER_IN", NEXT, {"role": "partner"}), R(BIZERTE, "PARTNER_IN", CLUSTEM, {"role": "partner"}),
        R(ACCIO, "PARTNER_IN", CLUSTEM, {"role": "coordinator"}), R(ACCIO, "PARTNER_IN", NEXT, {"role": "partner"}),
        R(CGEM, "PARTNER_IN", NEXT, {"role": "coordinator"}),
        R(ACCIO, "COORDINATES", VISIT),
        R(MOVE, "FUNDED_BY", "programme:cosme"), R(CLUSTEM, "FUNDED_BY", "programme:cosme"),
        R(NEXT, "FUNDED_BY", "programme:horizon-2020"),
        R(MOVE, "TARGETS", "country:MA"), R(MOVE, "TARGETS", "country:TN"), R(CLUSTEM, "TARGETS", "country:MA"),
        R(TECHTERA, "ACTIVE_IN", TEXTILE), R(ATEVAL, "ACTIVE_IN", TEXTILE), R(LOMBARDY, "ACTIVE_IN", MOBILITY),
        R(BIZERTE, "ACTIVE_IN", AGRIFOOD), R(CASA, "ACTIVE_IN", TEXTILE), R(CASA, "ACTIVE_IN", AGRIFOOD),
        R(ACME, "ACTIVE_IN", TEXTILE), R(TUNIS, "ACTIVE_IN", MOBILITY), R(MOVE, "ACTIVE_IN", TEXTILE),
        R(MOVE, "ACTIVE_IN", MOBILITY), R(CLUSTEM, "ACTIVE_IN", AGRIFOOD),
        R(TECHTERA, "PARTICIPATED_IN", BROKERAGE), R(ATEVAL, "PARTICIPATED_IN", BROKERAGE),
        R(CGEM, "PARTICIPATED_IN", BROKERAGE), R(BIZERTE, "PARTICIPATED_IN", VISIT),
        R(TECHTERA, "PARTICIPATED_IN", VISIT, {}, [Evidence(DOC_B, 20, 30, "visit")], 0.4),
        R(ATEVAL, "PARTICIPATED_IN", FAIR, {}, [], 0.7), R(CGEM, "PARTICIPATED_IN", SEMINAR),
        R(MOVE, "PARTY_TO", MOU), R(CGEM, "PARTY_TO", MOU), R("country:MA", "PARTY_TO", MOU),
        R(BIZERTE, "PARTY_TO", DECL), R(TECHTERA, "PARTY_TO", DECL),
        R(TECHTERA, "VISITED", ATEVAL, {"date": "2018-03"}), R(ACME, "MEMBER_OF", CASA),
        R(TECHTERA, "LOCATED_IN", "country:FR"), R(ATEVAL, "LOCATED_IN", "country:ES"),
        R(BIZERTE, "LOCATED_IN", "country:TN"), R(CGEM, "LOCATED_IN", "country:MA"),
        R(TUNIS, "LOCATED_IN", "country:TN"), R(ACCIO, "LOCATED_IN", "region:catalonia-es"),
        R(LOMBARDY, "LOCATED_IN", "country:IT"), R("region:catalonia-es", "PART_OF", "country:ES"),
        R(DOC_A, "MENTIONS", TECHTERA), R(DOC_A, "MENTIONS", MOVE), R(DOC_A, "MENTIONS", "country:MA"),
        R(DOC_A, "MENTIONS", BROKERAGE), R(DOC_B, "MENTIONS", BIZERTE), R(DOC_B, "MENTIONS", CLUSTEM),
        R(DOC_B, "MENTIONS", ACME),
    ]
    return nodes, rels


T, F = True, False
# (query, params, expected rows) — worked out by hand from sample()
EXPECTED = [
    # MOVE matched by acronym; partners sorted by country ES, FR, IT
    ("partnership_partners", {"partnership": "move"}, [
        ["MOVE Partnership", ATEVAL, "ATEVAL", "Cluster", "partner", "ES", "Spain"],
        ["MOVE Partnership", TECHTERA, "Techtera", "Cluster", "coordinator", "FR", "France"],
        ["MOVE Partnership", LOMBARDY, "Lombardy Mobility Cluster", "Cluster", "partner", "IT", "Italy"]]),
    ("partnership_partners", {"partnership": "Next Society"}, [
        ["Next Society", ACCIO, "ACCIÓ", "Organisation", "partner", "ES", "Spain"],
        ["Next Society", LOMBARDY, "Lombardy Mobility Cluster", "Cluster", "partner", "IT", "Italy"],
        ["Next Society", CGEM, "CGEM", "Organisation", "coordinator", "MA", "Morocco"]]),
    # MOVE targets MA and TN; Tunisian Automotive has no country, only LOCATED_IN TN
    ("target_country_candidates", {"partnership": MOVE}, [
        ["MOVE Partnership", "MA", "Morocco", CASA, "Casablanca Textile Cluster", "Cluster", ["Textile"]],
        ["MOVE Partnership", "TN", "Tunisia", BIZERTE, "Bizerte Pole", "Cluster", []],
        ["MOVE Partnership", "TN", "Tunisia", TUNIS, "Tunisian Automotive Cluster", "Cluster", ["Mobility"]]]),
    # with organisations: 'CGEM' sorts before 'Casablanca' (G < a by code point)
    ("target_country_candidates", {"partnership": "CLUSTEM", "include_organisations": "true"}, [
        ["CLUSTEM", "MA", "Morocco", ACME, "Acme Textiles", "SME", []],
        ["CLUSTEM", "MA", "Morocco", CGEM, "CGEM", "Organisation", []],
        ["CLUSTEM", "MA", "Morocco", CASA, "Casablanca Textile Cluster", "Cluster", ["Agri-food"]]]),
    # the unsigned convention has no party: no row; 'MOVE Partnership' < 'Morocco' (V < r)
    ("agreement_parties", {}, [
        [DECL, "Declaration of interest Tunisia", "declaration of interest", None, BIZERTE, "Bizerte Pole", "Cluster", "TN"],
        [DECL, "Declaration of interest Tunisia", "declaration of interest", None, TECHTERA, "Techtera", "Cluster", "FR"],
        [MOU, "MoU MOVE Morocco", "MoU", "2018-05-10", CGEM, "CGEM", "Organisation", "MA"],
        [MOU, "MoU MOVE Morocco", "MoU", "2018-05-10", MOVE, "MOVE Partnership", "Partnership", None],
        [MOU, "MoU MOVE Morocco", "MoU", "2018-05-10", "country:MA", "Morocco", "Country", "MA"]]),
    ("agreement_parties", {"name_contains": "TUNISIA"}, [
        [DECL, "Declaration of interest Tunisia", "declaration of interest", None, BIZERTE, "Bizerte Pole", "Cluster", "TN"],
        [DECL, "Declaration of interest Tunisia", "declaration of interest", None, TECHTERA, "Techtera", "Cluster", "FR"]]),
    # ES 2018: visit + fair, participants Bizerte, Techtera, ATEVAL; MA 2017: brokerage with 3; seminar undated
    ("events_by_country_year", {}, [["ES", 2018, 2, 3], ["MA", 2017, 1, 3]]),
    ("events_by_country_year", {"country": "ma"}, [["MA", 2017, 1, 3]]),
    ("events_by_country_year", {"from_year": "2018"}, [["ES", 2018, 2, 3]]),
    # co-partners: Techtera {ATEVAL, Lombardy, ACCIÓ | Bizerte}, Lombardy {Techtera, ATEVAL, ACCIÓ | CGEM},
    # ACCIÓ {Techtera, Lombardy | Bizerte, CGEM}; the others have no South-Med co-partner
    ("brokers_between_groups", {}, [
        [ACCIO, "ACCIÓ", "Organisation", "ES", 2, 2, 4],
        [LOMBARDY, "Lombardy Mobility Cluster", "Cluster", "IT", 3, 1, 4],
        [TECHTERA, "Techtera", "Cluster", "FR", 3, 1, 4]]),
    ("brokers_between_groups", {"min_contacts": "2"}, [[ACCIO, "ACCIÓ", "Organisation", "ES", 2, 2, 4]]),
    ("shortest_path", {"source": "techtera", "target": CGEM}, [
        [2, "Techtera → Brokerage Casablanca 2017 → CGEM", [TECHTERA, BROKERAGE, CGEM]]]),
    # without hubs the shortest are 4 hops, six of them
    ("shortest_path", {"source": "Bizerte Pole", "target": "Lombardy Mobility Cluster"}, [
        [4, "Bizerte Pole → CLUSTEM → ACCIÓ → Next Society → Lombardy Mobility Cluster",
         [BIZERTE, CLUSTEM, ACCIO, NEXT, LOMBARDY]],
        [4, "Bizerte Pole → CLUSTEM → COSME → MOVE Partnership → Lombardy Mobility Cluster",
         [BIZERTE, CLUSTEM, "programme:cosme", MOVE, LOMBARDY]],
        [4, "Bizerte Pole → CLUSTEM → Techtera → MOVE Partnership → Lombardy Mobility Cluster",
         [BIZERTE, CLUSTEM, TECHTERA, MOVE, LOMBARDY]],
        [4, "Bizerte Pole → Declaration of interest Tunisia → Techtera → MOVE Partnership → Lombardy Mobility Cluster",
         [BIZERTE, DECL, TECHTERA, MOVE, LOMBARDY]],
        [4, "Bizerte Pole → Visit Barcelona 2018 → ACCIÓ → Next Society → Lombardy Mobility Cluster",
         [BIZERTE, VISIT, ACCIO, NEXT, LOMBARDY]],
        [4, "Bizerte Pole → Visit Barcelona 2018 → Techtera → MOVE Partnership → Lombardy Mobility Cluster",
         [BIZERTE, VISIT, TECHTERA, MOVE, LOMBARDY]]]),
    # through hubs: Bizerte -LOCATED_IN- Tunisia -TARGETS- MOVE - Lombardy (documents never)
    ("shortest_path", {"source": BIZERTE, "target": LOMBARDY, "through_hubs": "yes"}, [
        [3, "Bizerte Pole → Tunisia → MOVE Partnership → Lombardy Mobility Cluster",
         [BIZERTE, "country:TN", MOVE, LOMBARDY]]]),
    ("shortest_path", {"source": "Bizerte Pole", "target": "Lombardy Mobility Cluster", "limit": "1"}, [
        [4, "Bizerte Pole → CLUSTEM → ACCIÓ → Next Society → Lombardy Mobility Cluster",
         [BIZERTE, CLUSTEM, ACCIO, NEXT, LOMBARDY]]]),
    ("shortest_path", {"source": "Oslo Cluster", "target": "Techtera"}, []),
    ("multi_partnership_organisations", {}, [
        [ACCIO, "ACCIÓ", "Organisation", "ES", 2, ["CLUSTEM", "Next Society"]],
        [LOMBARDY, "Lombardy Mobility Cluster", "Cluster", "IT", 2, ["MOVE Partnership", "Next Society"]],
        [TECHTERA, "Techtera", "Cluster", "FR", 2, ["CLUSTEM", "MOVE Partnership"]]]),
    ("multi_partnership_organisations", {"min_partnerships": 3}, []),
    # Textile actors: Techtera FR and ATEVAL ES are partners; Casablanca and Acme (MA) are not
    ("countries_without_sector_partner", {"sector": "textile"}, [
        ["Textile", "MA", "Morocco", 2], ["Textile", "IT", "Italy", 0], ["Textile", "NO", "Norway", 0],
        ["Textile", "TN", "Tunisia", 0]]),
    ("countries_without_sector_partner", {"sector": MOBILITY, "group": "EU27"}, [
        ["Mobility", "ES", "Spain", 0], ["Mobility", "FR", "France", 0]]),
    ("partnerships_by_programme", {}, [
        ["programme:cosme", "COSME", 2, ["CLUSTEM", "MOVE Partnership"], 5],
        ["programme:horizon-2020", "Horizon 2020", 1, ["Next Society"], 3]]),
    ("partnerships_by_programme", {"programme": "h2020"}, [
        ["programme:horizon-2020", "Horizon 2020", 1, ["Next Society"], 3]]),
    # Tunisian Automotive has no country property: not listed
    ("organisations_by_country_group", {}, [
        ["MA", "Morocco", ACME, "Acme Textiles", "SME", 0],
        ["MA", "Morocco", CGEM, "CGEM", "Organisation", 1],
        ["MA", "Morocco", CASA, "Casablanca Textile Cluster", "Cluster", 0],
        ["TN", "Tunisia", BIZERTE, "Bizerte Pole", "Cluster", 1]]),
    ("organisations_by_country_group", {"kind": "Organisation"}, [
        ["MA", "Morocco", ACME, "Acme Textiles", "SME", 0],
        ["MA", "Morocco", CGEM, "CGEM", "Organisation", 1]]),
    # Techtera VISITED ATEVAL: the only direct link
    ("cross_border_pairs", {"partnership": "MOVE"}, [
        ["MOVE Partnership", ATEVAL, "ATEVAL", "ES", TECHTERA, "Techtera", "FR", T],
        ["MOVE Partnership", ATEVAL, "ATEVAL", "ES", LOMBARDY, "Lombardy Mobility Cluster", "IT", F],
        ["MOVE Partnership", LOMBARDY, "Lombardy Mobility Cluster", "IT", TECHTERA, "Techtera", "FR", F]]),
    ("cross_border_pairs", {"partnership": CLUSTEM}, [
        ["CLUSTEM", TECHTERA, "Techtera", "FR", ACCIO, "ACCIÓ", "ES", F],
        ["CLUSTEM", BIZERTE, "Bizerte Pole", "TN", ACCIO, "ACCIÓ", "ES", F],
        ["CLUSTEM", BIZERTE, "Bizerte Pole", "TN", TECHTERA, "Techtera", "FR", F]]),
    ("document_mentions", {}, [
        [DOC_B, "newsletter.html", "Cluster", BIZERTE, "Bizerte Pole"],
        [DOC_B, "newsletter.html", "Partnership", CLUSTEM, "CLUSTEM"],
        [DOC_B, "newsletter.html", "SME", ACME, "Acme Textiles"],
        [DOC_A, "report.pdf", "Cluster", TECHTERA, "Techtera"],
        [DOC_A, "report.pdf", "Country", "country:MA", "Morocco"],
        [DOC_A, "report.pdf", "Event", BROKERAGE, "Brokerage Casablanca 2017"],
        [DOC_A, "report.pdf", "Partnership", MOVE, "MOVE Partnership"]]),
    ("document_mentions", {"label": "Organisation"}, [[DOC_B, "newsletter.html", "SME", ACME, "Acme Textiles"]]),
    ("document_mentions", {"document": "REPORT.PDF", "label": "Cluster"}, [
        [DOC_A, "report.pdf", "Cluster", TECHTERA, "Techtera"]]),
    # Oslo's 0.6 is not under 0.6; ATEVAL's fair link (0.7) neither
    ("low_confidence_facts", {}, [
        ["relationship", f"{TECHTERA}|PARTICIPATED_IN|{VISIT}", "PARTICIPATED_IN", "Techtera → Visit Barcelona 2018",
         0.4, [DOC_B]],
        ["node", CASA, "Cluster", "Casablanca Textile Cluster", 0.5, [DOC_B]],
        ["node", ACME, "SME", "Acme Textiles", 0.55, []]]),
    ("low_confidence_facts", {"threshold": "0.45"}, [
        ["relationship", f"{TECHTERA}|PARTICIPATED_IN|{VISIT}", "PARTICIPATED_IN", "Techtera → Visit Barcelona 2018",
         0.4, [DOC_B]]]),
    ("sector_coverage", {"partnership": "MOVE"}, [
        ["MOVE Partnership", "Textile", T, 2, 2], ["MOVE Partnership", "Mobility", T, 1, 1]]),
    ("sector_coverage", {"partnership": "clustem"}, [
        ["CLUSTEM", "Agri-food", T, 1, 1], ["CLUSTEM", "Textile", F, 1, 1]]),
    ("partnership_partners", {"partnership": "no such partnership"}, []),
]


COLUMNS = {
    "partnership_partners": ["partnership", "partner_id", "partner", "kind", "role", "country", "country_name"],
    "target_country_candidates": ["partnership", "country", "country_name", "candidate_id", "candidate", "kind",
                                  "shared_sectors"],
    "agreement_parties": ["agreement_id", "agreement", "agreement_kind", "signed_date", "party_id", "party",
                          "party_kind", "party_country"],
    "events_by_country_year": ["country", "year", "events", "participants"],
    "brokers_between_groups": ["broker_id", "broker", "kind", "country", "contacts_a", "contacts_b", "contacts"],
    "shortest_path": ["hops", "path", "path_ids"],
    "multi_partnership_organisations": ["id", "name", "kind", "country", "partnerships", "partnership_names"],
    "countries_without_sector_partner": ["sector", "country", "country_name", "actors_in_sector"],
    "partnerships_by_programme": ["programme_id", "programme", "partnerships", "partnership_names", "organisations"],
    "organisations_by_country_group": ["country", "country_name", "id", "name", "kind", "partnerships"],
    "cross_border_pairs": ["partnership", "a_id", "org_a", "country_a", "b_id", "org_b", "country_b", "direct_link"],
    "document_mentions": ["document_id", "document", "kind", "entity_id", "entity"],
    "low_confidence_facts": ["fact", "id", "type", "name", "confidence", "sources"],
    "sector_coverage": ["partnership", "sector", "partnership_sector", "partners", "countries"],
}


@pytest.fixture
def emb(tmp_path):
    store = open_store(str(tmp_path / "q.db"), ensure_schema=True)
    store.upsert(*sample())
    yield store
    store.close()


@pytest.fixture
def neo(neo4j_store):
    neo4j_store.upsert(*sample())
    return neo4j_store


def _ids(case):
    return f"{case[0]}-{'-'.join(f'{k}={v}' for k, v in case[1].items())}"


# -- the saved queries themselves ---------------------------------------------------------
def test_at_least_twelve_saved_queries_each_with_header_and_embedded_function():
    saved = list_saved()
    assert len(saved) >= 12
    for q in saved:
        assert q.title and q.title != q.name and q.description, q.name
        assert q.embedded in FUNCTIONS, q.name
        assert refusal_reason(q.cypher) is None, q.name
        for p in q.params:  # values only through parameters, each declared and used
            assert f"${p.name}" in q.cypher, (q.name, p.name)
        assert {f"${p.name}" for p in q.params} >= set(_params_in(q.cypher)), q.name


def _params_in(cypher):
    import re
    return {"$" + m for m in re.findall(r"\$(\w+)", cypher)}


def test_every_saved_query_is_covered_by_expected_rows():
    assert {q.name for q in list_saved()} == {c[0] for c in EXPECTED} == set(COLUMNS)


@pytest.mark.parametrize("case", EXPECTED, ids=_ids)
def test_saved_query_on_embedded_store(emb, case):
    name, params, expected = case
    result = run_saved(emb, name, params)
    assert result.rows == expected
    assert result.columns == COLUMNS[name] and not result.truncated


@pytest.mark.neo4j
@pytest.mark.parametrize("case", EXPECTED, ids=_ids)
def test_saved_query_on_neo4j(neo, case):
    name, params, expected = case
    result = run_saved(neo, name, params)
    assert [_approx(r) for r in result.rows] == [_approx(r) for r in expected]
    assert result.columns == COLUMNS[name]


def _approx(row):
    return [round(v, 9) if isinstance(v, float) else v for v in row]


def test_row_cap_says_truncated(emb):
    result = run_saved(emb, "document_mentions", {}, max_rows=3)
    assert result.truncated
    assert [r[3] for r in result.rows] == [BIZERTE, CLUSTEM, ACME]  # the newsletter's three, in order
    assert not run_saved(emb, "document_mentions", {}, max_rows=7).truncated


@pytest.mark.neo4j
def test_row_cap_on_neo4j(neo):
    result = run_console(neo, "MATCH (n:Country) RETURN n.iso2 AS iso ORDER BY iso", max_rows=4)
    assert result.rows == [["ES"], ["FR"], ["IT"], ["MA"]] and result.truncated


# -- parameters -------------------------------------------------------------------------
def test_params_are_typed_and_checked():
    spec = get_saved("shortest_path").params
    assert coerce_params(spec, {"source": "a", "target": "b", "through_hubs": "no", "limit": "3"}) == \
        {"source": "a", "target": "b", "through_hubs": False, "limit": 3}
    with pytest.raises(QueryError, match="limit: expected a whole number"):
        coerce_params(spec, {"source": "a", "target": "b", "limit": "three"})
    with pytest.raises(QueryError, match="source .* is required"):
        coerce_params(spec, {"target": "b"})
    with pytest.raises(QueryError, match="unknown parameter 'sauce'"):
        coerce_params(spec, {"source": "a", "target": "b", "sauce": "x"})
    with pytest.raises(NotFound, match="no saved query 'nope'"):
        run_saved(None, "nope", {})


def test_header_parsing_and_bad_headers(tmp_path):
    q = parse_saved("// title: T\n// description: D\n// param: xs (list[str], \"a,b\") - some\n"
                    "// param: k (float) - need\n// embedded: f\nRETURN $xs, $k", "t")
    assert (q.title, q.description, q.embedded, q.cypher) == ("T", "D", "f", "RETURN $xs, $k")
    assert q.params[0].default == ["a", "b"] and not q.params[0].required
    assert q.params[1].required and q.params[1].type == "float"
    with pytest.raises(QueryError, match="bad param line"):
        parse_saved("// param: k float\nRETURN 1", "t")
    with pytest.raises(QueryError, match="no query after the header"):
        parse_saved("// title: x\n", "t")
    bad = tmp_path / "bad.cypher"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ClusternetError, match="bad.cypher"):
        load_query_file(bad)


def test_console_params_inferred_or_typed():
    assert parse_param_args(["a=1", "b=1.5", "c=MA", "d:str=7", "e=[\"x\"]", "f:list[str]=x,y"]) == \
        {"a": 1, "b": 1.5, "c": "MA", "d": "7", "e": ["x"], "f": ["x", "y"]}
    with pytest.raises(QueryError, match="name=value"):
        parse_param_args(["oops"])


# -- the console ------------------------------------------------------------------------
def test_console_on_embedded_store_says_saved_queries_work(emb):
    with pytest.raises(QueryError) as err:
        run_console(emb, "MATCH (n) RETURN n")
    assert str(err.value) == EMBEDDED_CONSOLE_MESSAGE
    with pytest.raises(QueryRefused):  # a write is refused before anything else
        run_console(emb, "MATCH (n) DETACH DELETE n")


@pytest.mark.neo4j
def test_console_reads_and_returns_graph_elements(neo):
    result = run_console(neo, "MATCH (c:Cluster)-[r:PARTNER_IN]->(p:Partnership {id: $p}) "
                              "RETURN c, r, p.name AS name ORDER BY c.id", {"p": MOVE})
    assert result.columns == ["c", "r", "name"]
    assert [row[0]["id"] for row in result.rows] == [ATEVAL, LOMBARDY, TECHTERA]
    assert result.rows[0][1]["type"] == "PARTNER_IN" and result.rows[0][1]["source"] == ATEVAL
    assert result.rows[0][1]["target"] == MOVE  # an end the query did not return, by its id
    assert {n["id"] for n in result.graph_nodes} == {ATEVAL, LOMBARDY, TECHTERA, MOVE}
    assert len(result.graph_rels) == 3


@pytest.mark.neo4j
def test_console_refuses_writes_at_every_layer(neo, monkeypatch):
    before = neo.content_hash()
    with pytest.raises(QueryRefused, match="DETACH"):
        run_console(neo, "MATCH (n) DETACH DELETE n")
    # layers 2 and 3 on their own: a write that skips the static check still fails
    from clusternet.graph.query import console as neo4j_console

    monkeypatch.setattr(neo4j_console, "check_read_only", lambda q: q)
    with pytest.raises(QueryRefused, match="Neo4j's plan: the query writes"):  # layer 2: EXPLAIN
        neo4j_console.run_read_query(neo, "MATCH (n:Cluster) SET n.name = 'x'", {}, timeout=10, max_rows=10)
    monkeypatch.setattr(neo4j_console, "_plan_type", lambda *a: "r")
    with pytest.raises(QueryRefused, match="read-only"):  # layer 3: the READ transaction
        neo4j_console.run_read_query(neo, "MATCH (n:Cluster) SET n.name = 'x'", {}, timeout=10, max_rows=10)
    assert neo.content_hash() == before


@pytest.mark.neo4j
def test_console_syntax_error_and_timeout_are_clear(neo):
    with pytest.raises(QueryError, match="rejected"):
        run_console(neo, "MATCH (n RETURN n")
    with pytest.raises(QueryError, match="longer than 0.5 s"):
        run_console(neo, "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)", timeout=0.5)


@pytest.mark.neo4j
def test_console_uses_read_only_credentials_when_set(neo):
    wrong = {"NEO4J_READONLY_USER": "cn_reader", "NEO4J_READONLY_PASSWORD": "wrong-password"}
    with pytest.raises(ClusternetError, match="refused the credentials of user 'cn_reader'"):
        run_console(neo, "RETURN 1 AS x", env=wrong)
    # Community has users but no roles: a second user shows the console logs in as it
    with neo.driver.session(database="system") as session:
        session.run("CREATE USER cn_reader IF NOT EXISTS SET PASSWORD 'reader-pass-1' CHANGE NOT REQUIRED").consume()
    right = {"NEO4J_READONLY_USER": "cn_reader", "NEO4J_READONLY_PASSWORD": "reader-pass-1"}
    assert run_console(neo, "MATCH (c:Cluster {id: $id}) RETURN c.name AS name", {"id": TECHTERA},
                       env=right).rows == [["Techtera"]]


# -- injection ----------------------------------------------------------------------------
def _payloads():
    lines = (DATA / "injection_payloads.txt").read_text(encoding="utf-8").splitlines()
    return [line.replace("{NL}", "\n") for line in lines if line and not line.startswith("#")]


def _injection_calls():
    """Every string parameter of every saved query, each fed a payload, the others valid."""
    valid = {"partnership": "MOVE", "source": "Techtera", "target": "CGEM", "sector": "Textile"}
    for q in list_saved():
        for p in q.params:
            if p.type != "str":
                continue
            params = {o.name: valid[o.name] for o in q.params if o.required and o.name != p.name}
            yield q.name, p.name, params


def _check_injection(store):
    before = store.content_hash()
    calls = list(_injection_calls())
    assert len(calls) >= 15
    for payload in _payloads():
        for name, pname, params in calls:
            result = run_saved(store, name, {**params, pname: payload})
            assert result.rows == [], (name, pname, payload)
    assert store.content_hash() == before


def test_injection_payloads_change_and_leak_nothing_embedded(emb):
    assert len(_payloads()) >= 25
    _check_injection(emb)


@pytest.mark.neo4j
def test_injection_payloads_change_and_leak_nothing_neo4j(neo):
    _check_injection(neo)
    before = neo.content_hash()
    for payload in _payloads():
        result = run_console(neo, "MATCH (n:Entity) WHERE n.name = $x OR n.id = $x RETURN n.id", {"x": payload})
        assert result.rows == []
    assert neo.content_hash() == before


# -- the CLI ---------------------------------------------------------------------------
def test_cli_saved_query_and_listing(tmp_path):
    from clusternet.cli import app

    path = str(tmp_path / "cli.db")
    with open_store(path, ensure_schema=True) as s:
        s.upsert(*sample())
    runner = CliRunner()
    out = runner.invoke(app, ["query", "--saved", "partnership_partners", "-p", "partnership=MOVE",
                              "--store", path, "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert [r["partner"] for r in rows] == ["ATEVAL", "Techtera", "Lombardy Mobility Cluster"]
    out = runner.invoke(app, ["queries", "--format", "csv"])
    assert out.exit_code == 0 and "shortest_path" in out.stdout and "partnership (str, required)" in out.stdout
    out = runner.invoke(app, ["query", "MATCH (n) RETURN n", "--store", path])
    assert out.exit_code != 0 and "ad-hoc Cypher needs a Neo4j store" in str(out.exception)
    qfile = tmp_path / "mine.cypher"
    qfile.write_text("// title: Mine\n// param: partnership (str)\n// embedded: cross_border_pairs\n"
                     "MATCH (p:Partnership {id: $partnership}) RETURN p", encoding="utf-8")
    out = runner.invoke(app, ["query", str(qfile), "-p", f"partnership={MOVE}", "--store", path, "-f", "csv"])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines()[0].startswith("partnership,a_id,org_a") and len(out.stdout.splitlines()) == 4
