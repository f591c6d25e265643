"""Extraction on small texts written for these tests: what a user would check in the output."""
from __future__ import annotations

import json
from pathlib import Path

from clusternet.graph.model import validate
from clusternet.ingest.extract import extract_documents, extract_text, extraction_to_records
from clusternet.ingest.sources.readers import document_from_text
from prerequisites import needs
from paths import ROOT  # noqa: E402

EXAMPLES = ROOT / "examples" / "documents"
GOLD = ROOT / "tests" / "data" / "gold"
SHARED = ROOT.parent / "shared"

TEXT = ("Partners:\n"
        "- OLIVA – Olive Oil Cluster of Andalusia (ES)\n"
        "- Sfax Agri Pole (Tunisia)\n\n"
        "The AGRIMED partnership signed a cooperation agreement and targets third countries (Japan and Canada).\n"
        "The Sfax Agri Pole is a Tunisian cluster with around 80 members.\n")


def _ex(text, name="t.txt"):
    doc = document_from_text(text, name=name)
    return doc, extract_text(doc)


def test_every_span_is_exact_and_every_record_has_evidence():
    doc, ex = _ex(TEXT)
    for item in [*ex.entities, *ex.relations, *ex.facts]:
        assert item.evidence, item
        for ev in item.evidence:
            assert doc.text[ev.start:ev.end] == ev.text
    for item in [*ex.entities, *ex.relations]:
        assert 0.0 <= item.confidence <= 1.0


def test_acronym_definition_list_and_country_suffix():
    _, ex = _ex(TEXT)
    by_name = {e.name: e for e in ex.entities}
    oliva = by_name["Olive Oil Cluster of Andalusia"]
    assert "OLIVA" in oliva.aliases and oliva.country == "ES" and oliva.label == "Cluster"
    assert by_name["Sfax Agri Pole"].country == "TN"
    assert {"country:ES", "country:TN", "country:JP", "country:CA"} <= {e.id for e in ex.entities}


def test_repeated_list_entry_is_one_entity_and_shared_acronyms_stay_apart():
    text = ("Members: Cluster of Smart Water (CSW), Cluster of Smart Wine (CSW), Cluster of Smart Water (CSW).\n"
            "We thank CSW for the help.\n")
    _, ex = _ex(text)
    names = [e.name for e in ex.entities if e.label == "Cluster"]
    assert sorted(names) == ["Cluster of Smart Water", "Cluster of Smart Wine"]


def test_same_entity_in_two_documents_is_one_entity_with_evidence_from_both(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The Sfax Agri Pole (Tunisia) joined the consortium in spring.", encoding="utf-8")
    b.write_text("A visit to the Sfax Agri Pole was organised by the partners.", encoding="utf-8")
    out = extract_documents([a, b])
    pole = [e for e in out["entities"] if e["name"] == "Sfax Agri Pole"]
    assert len(pole) == 1
    assert len({ev["document"] for ev in pole[0]["evidence"]}) == 2


def test_relations_partner_target_located():
    _, ex = _ex(TEXT)
    rels = {(r.source, r.type, r.target) for r in ex.relations}
    oliva = next(e.id for e in ex.entities if e.name == "Olive Oil Cluster of Andalusia")
    assert (oliva, "LOCATED_IN", "country:ES") in rels
    agrimed = next(e.id for e in ex.entities if e.name == "AGRIMED")
    assert (agrimed, "TARGETS", "country:JP") in rels and (agrimed, "TARGETS", "country:CA") in rels
    assert (oliva, "PARTNER_IN", agrimed) in rels
    # a region named only inside a name is where it is, not a Region of the document's own
    assert next(e for e in ex.entities if e.id == oliva).region == "Andalusia"
    assert not any(e.label == "Region" for e in ex.entities)


def test_table_rows_and_counts_become_facts():
    text = ("The AGRIMED partnership met in May.\n\nCountry\tMissions\tB2B meetings\nJapan\t2\t41\nCanada\t1\t17\n\n"
            "The Sfax Agri Pole (Tunisia) has around 80 members.\n")
    _, ex = _ex(text)
    facts = {(f.measure, f.country, f.value) for f in ex.facts}
    assert ("B2B meetings", "JP", 41) in facts and ("Missions", "CA", 1) in facts
    assert ("members (around)", None, 80) in facts


def test_ids_are_stable_across_runs():
    assert json.dumps(_ex(TEXT)[1].as_dict(), sort_keys=True) == json.dumps(_ex(TEXT)[1].as_dict(), sort_keys=True)


def test_records_validate_against_the_schema():
    _, ex = _ex(TEXT)
    nodes, rels = extraction_to_records(ex)
    (ok_nodes, ok_rels), problems = validate(nodes, rels)
    assert problems == []
    doc = next(n for n in ok_nodes if n.labels == ("Document",))
    assert doc.props["text"] == TEXT
    facts = [json.loads(f) for f in doc.props["facts"]]
    members = next(f for f in facts if f["value"] == 80)
    assert members["measure"] == "members (around)" and members["subject"].startswith("cluster:sfax-agri-pole")
    ev = members["evidence"][0]
    assert TEXT[ev["start"]:ev["end"]] == ev["text"]
    assert {r.type for r in ok_rels} >= {"MENTIONS", "LOCATED_IN"}


def test_places_implied_by_cues_and_tables():
    text = ("The Foundation for Loom Excellence was established in Catalonia in 2004.\n\n"
            "| Partner | Country | Members |\n|---|---|---|\n| Nordic Wool Cluster | Finland | 70 |\n\n"
            "Work and Textile Machinery Cluster (WTM) is a Turkish association located in Bursa.\n")
    _, ex = _ex(text)
    by_name = {e.name: e for e in ex.entities}
    assert by_name["Foundation for Loom Excellence"].country == "ES"
    assert by_name["Nordic Wool Cluster"].country == "FI"
    assert by_name["Work and Textile Machinery Cluster"].country == "TR"
    facts = {(f.subject, f.measure, f.value) for f in ex.facts}
    assert (by_name["Nordic Wool Cluster"].id, "Members", 70) in facts


def test_sectors_from_names_and_cues():
    text = "The Olive Oil Cluster (Tunisia) is active in the packaging sector. It has 40 members.\n"
    _, ex = _ex(text)
    sectors = {e.id: e for e in ex.entities if e.label == "Sector"}
    assert {e.name for e in sectors.values()} == {"olive oil", "packaging"}
    oil = next(e for e in ex.entities if e.name == "Olive Oil Cluster")
    active = {(r.source, sectors[r.target].name) for r in ex.relations if r.type == "ACTIVE_IN"}
    assert active == {(oil.id, "olive oil"), (oil.id, "packaging")}
    assert sectors["sector:olive-oil"].props["ecosystems"] == ["Agri-food"]


def test_a_one_word_brand_before_cluster_is_no_sector():
    """"Forestia Cluster" works in forestry, not in "forestia"; "Dates & Palm Cluster" names its trade."""
    _, ex = _ex("Forestia Cluster, Delta Cluster and the Dates & Palm Cluster met in Tunis.\n")
    assert {e.name for e in ex.entities if e.label == "Sector"} == {"dates & palm"}


def test_apposition_names_the_cluster_it_describes():
    _, ex = _ex("The pole signed an agreement with Techtera, the French textile cluster, in Lyon. "
                "It also met Mov'eo, a Normandy automotive cluster based in Rouen, and MEDICEN, the Paris "
                "health cluster.\nMeanwhile, the Spanish food cluster grew. On Monday, the Italian cluster met.\n")
    found = {(e.label, e.name, e.country) for e in ex.entities if e.label in ("Cluster", "Organisation")}
    assert {("Cluster", "Techtera", "FR"), ("Cluster", "Mov'eo", "FR"), ("Cluster", "MEDICEN", "FR")} <= found
    names = {n for _, n, _ in found}
    # the description is the named cluster, not a second one; openers and days name nothing
    assert "French textile cluster" not in names and "Paris health cluster" not in names
    assert not names & {"Meanwhile", "Monday", "On Monday"}


def test_the_words_describing_an_actor_name_its_sector_and_place():
    _, ex = _ex("Alpha Pole is a French automotive cluster based in Lyon. We met Clutex, the textile cluster "
                "of the Czech Republic, in Brno.\nBeta Lab is a leading national company.\n")
    by_id = {e.id: e for e in ex.entities}
    active = {(by_id[r.source].name, by_id[r.target].name) for r in ex.relations if r.type == "ACTIVE_IN"}
    assert {("Alpha Pole", "automotive"), ("Clutex", "textile")} <= active
    assert not any(a == "Beta Lab" for a, _ in active)          # "leading national" names no sector
    assert next(e for e in ex.entities if e.name == "Clutex").country == "CZ"


def test_a_sector_worded_like_an_ecosystem_keeps_the_reference_name(tmp_path):
    # "textile" is also the id of the Textile ecosystem node `clusternet init` loads: the
    # document's wording must not rename it
    from clusternet.graph.reference import reference_records
    from clusternet.graph.store.sqlite import EmbeddedStore

    doc, ex = _ex("The Pole Textile Tanger (Morocco) is a cluster working in the textile sector.\n")
    nodes, rels = extraction_to_records(ex)
    sector = next(n for n in nodes if n.id == "sector:textile")
    assert sector.props["name"] == "Textile" and sector.props["aliases"] == ["textile"]
    store = EmbeddedStore(tmp_path / "s.db")
    store.ensure_schema()
    store.upsert(*reference_records())
    store.upsert(nodes, rels)
    stored = store.get_node("sector:textile")
    assert stored.props["name"] == "Textile" and stored.props["ecosystem"] == "Textile"
    assert "textile" in stored.props["aliases"]
    store.close()


def test_contract_shape_of_extract_documents():
    out = extract_documents(sorted(EXAMPLES.iterdir()))
    assert set(out) >= {"documents", "entities", "relations", "facts"}
    d = out["documents"][0]
    assert {"id", "name", "sha256", "chars"} <= set(d)
    e = out["entities"][0]
    assert {"id", "label", "name", "aliases", "country", "region", "props", "confidence", "evidence"} <= set(e)


@needs((SHARED / "tools" / "score_extraction.py").exists(), "shared scorer not beside the repo")
def test_own_documents_score(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "tools" / "score_extraction.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pred = tmp_path / "own.json"
    pred.write_text(json.dumps(extract_documents(sorted(EXAMPLES.iterdir()))), encoding="utf-8")
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        scorer.main(["--gold", str(GOLD), "--pred", str(pred), "--json"])
    s = json.JSONDecoder().raw_decode(buf.getvalue())[0]["summary"]
    assert s["entity_f1"] >= 0.90 and s["relation_f1"] >= 0.70 and s["fact_recall"] >= 0.6
