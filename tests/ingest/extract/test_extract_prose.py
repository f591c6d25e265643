"""Extraction of what press releases and newsletters write out in sentences.

Each test is a sentence or two of the kind partnership news is made of, and checks what a
strategy team would look for in the result: who is in the partnership, who leads it,
who signed, and that descriptions ("the Irish cluster") never pass for names. The last
test scores six documents of that kind (tests/data/press, one in French, one in Spanish) with the
shared scorer.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path

from clusternet.ingest.extract import extract_documents, extract_text
from clusternet.ingest.sources.readers import document_from_text
from extracted import by_name
from prerequisites import needs
from paths import ROOT  # noqa: E402

PRESS = ROOT / "tests" / "data" / "press"
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"


def _ex(text):
    ex = extract_text(document_from_text(text, name="news.txt"))
    ents, rels, _ = by_name(ex)
    return ents, rels, ex


def _partners(rels, partnership):
    return {s for s, t, o in rels if t == "PARTNER_IN" and o == partnership}


def test_a_place_and_a_descriptor_introduce_the_name_after_them():
    ents, _, _ = _ex("The alliance signed an agreement with the Moroccan cluster Cluster Solaire. "
                     "It is led by the Irish cluster BioConnect Ireland.")
    assert ents["Cluster Solaire"].label == "Cluster" and ents["Cluster Solaire"].country == "MA"
    assert ents["BioConnect Ireland"].country == "IE"
    assert not any("cluster" in n.split()[-1:] for n in ents if n.startswith(("Moroccan", "Irish")))


def test_a_name_opening_with_a_demonym_is_found_again_without_it():
    ents, _, _ = _ex("The Hungarian Pannon Agri Cluster joined in June. Pannon Agri Cluster brings 95 food companies.")
    pannon = [e for e in ents.values() if "Pannon" in e.name]
    assert len(pannon) == 1 and pannon[0].country == "HU"
    assert "Pannon Agri Cluster" in {pannon[0].name, *pannon[0].aliases}


def test_members_written_in_prose_are_partners_of_the_partnership():
    _, rels, _ = _ex("The Blue Bridge partnership was launched in 2024 under COSME. The partnership brings together "
                     "three cluster organisations: Alpha Marine Cluster (Spain), Beta Port Cluster (Italy) and "
                     "Gamma Sea Cluster (Greece). In May the Delta Ocean Cluster joined Blue Bridge as its fourth "
                     "partner.")
    assert _partners(rels, "Blue Bridge") == {"Alpha Marine Cluster", "Beta Port Cluster", "Gamma Sea Cluster",
                                              "Delta Ocean Cluster"}


def test_the_lead_partner_coordinates_and_a_host_is_not_an_organiser():
    text = ("The Nordic Wood Link partnership was launched in 2023. It is coordinated by Alpha Timber Cluster. "
            "Its partners are Alpha Timber Cluster, the Finnish Beta Forest Cluster hosted by Gamma Agency, "
            "and Delta Wood Cluster.\n\nThe partners met at the Timber Days in Helsinki in May 2024.")
    ents, rels, _ = _ex(text)
    assert ("Alpha Timber Cluster", "COORDINATES", "Nordic Wood Link") in rels
    assert not any(t == "COORDINATES" and s == "Gamma Agency" for s, t, o in rels)
    assert ("Gamma Agency", "PARTNER_IN", "Nordic Wood Link") not in rels
    assert ents["Timber Days"].label == "Event" and ents["Timber Days"].region == "Helsinki"


def test_signatories_of_an_agreement_and_where_they_signed():
    _, rels, _ = _ex("At the Mediterranean Food Forum, Alpha Food Cluster and Beta Agri Cluster signed a memorandum "
                     "of understanding with the Gamma Export Agency. Alpha Food Cluster is a member of the "
                     "Delta Network.")
    parties = {s for s, t, o in rels if t == "PARTY_TO"}
    assert parties == {"Alpha Food Cluster", "Beta Agri Cluster", "Gamma Export Agency"}
    assert ("Alpha Food Cluster", "MEMBER_OF", "Delta Network") in rels
    assert ("Beta Agri Cluster", "PARTICIPATED_IN", "Mediterranean Food Forum") in rels


def test_word_numbers_are_whole_words():
    _, _, ex = _ex("In May 2023 the partners organised a business mission in Boston (May 2023). "
                   "Eighteen SMEs took part in the mission.")
    assert [f.value for f in ex.facts if "SMEs" in f.measure] == [18]


def test_two_countries_joined_by_and_are_not_an_organisation():
    ents, rels, _ = _ex("The TimberLink partnership targets third markets: the partners aim at Vietnam and Canada.")
    assert "Vietnam and Canada" not in ents
    assert {("TimberLink", "TARGETS", "Vietnam"), ("TimberLink", "TARGETS", "Canada")} <= rels


def test_a_compound_cluster_name_is_a_cluster():
    ents, _, _ = _ex("The partners are Holzcluster Steiermark from Austria and Alpha Wood Cluster (Slovenia).")
    assert ents["Holzcluster Steiermark"].label == "Cluster" and ents["Holzcluster Steiermark"].country == "AT"


def test_french_news_in_the_descriptor_first_order():
    ents, rels, ex = _ex("Le partenariat Alpha Link réunit le pôle de compétitivité Beta Valley (France) et le cluster "
                         "espagnol Gamma. Le partenariat est coordonné par Beta Valley. Lors du salon Deltaexpo à "
                         "Casablanca, Alpha Link a signé une convention de partenariat avec l'Agence Epsilon. "
                         "Douze PME européennes ont participé au salon.")
    assert ents["Gamma"].label == "Cluster" and ents["Gamma"].country == "ES"
    assert _partners(rels, "Alpha Link") >= {"Beta Valley", "Gamma"}
    assert ("Beta Valley", "COORDINATES", "Alpha Link") in rels
    assert ("Alpha Link", "PARTY_TO", "convention de partenariat") in rels
    assert ents["Deltaexpo"].label == "Event" and ents["Deltaexpo"].country == "MA"
    assert [f.value for f in ex.facts if "PME" in f.measure] == [12]


def test_a_partner_table_and_its_lead_partner():
    ents, rels, _ = _ex("The GridLink partnership was set up in 2023.\n\n## The consortium\n\n"
                        "| Partner | Country | Members |\n|---|---|---|\n| Alpha Valley | Netherlands | 140 |\n"
                        "| Beta Power Network (BPN) | Denmark | 95 |\n\n"
                        "Alpha Valley, the Dutch energy cluster, is the lead partner.")
    assert ents["Alpha Valley"].country == "NL" and ents["Beta Power Network"].country == "DK"
    assert "BPN" in ents["Beta Power Network"].aliases
    assert _partners(rels, "GridLink") == {"Alpha Valley", "Beta Power Network"}
    assert ("Alpha Valley", "COORDINATES", "GridLink") in rels


def test_an_event_place_is_the_place_and_a_dateline_is_not_the_event_date():
    ents, _, _ = _ex("Nairobi, 3 May 2024 – In April 2024 the GridLink partnership organised a matchmaking event "
                     "in Nairobi with the Kenya Association of Manufacturers.")
    events = [e for e in ents.values() if e.label == "Event"]
    # named in the text's words; its date (the sentence's, not the dateline's) is kept beside the name
    assert [(e.name, e.country) for e in events] == [("matchmaking event in Nairobi", "KE")]
    assert "matchmaking event in Nairobi (April 2024)" in events[0].aliases


def test_two_described_events_of_one_name_keep_their_dates():
    ents, _, _ = _ex("In May 2024 the GridLink partnership held a brokerage event in Nairobi. "
                     "In October 2024 it held a brokerage event in Nairobi again.")
    assert {e.name for e in ents.values() if e.label == "Event"} == {
        "brokerage event in Nairobi (May 2024)", "brokerage event in Nairobi (October 2024)"}


@needs(SCORER.exists(), "shared scorer not beside the repo")
def test_press_documents_score(tmp_path):
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pred = tmp_path / "press.json"
    docs = sorted(p for p in PRESS.iterdir() if p.suffix != ".yaml")
    pred.write_text(json.dumps(extract_documents(docs)), encoding="utf-8")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        scorer.main(["--gold", str(PRESS), "--pred", str(pred), "--json"])
    s = json.JSONDecoder().raw_decode(buf.getvalue())[0]["summary"]
    assert s["entity_f1"] >= 0.90 and s["relation_f1"] >= 0.80 and s["fact_recall"] >= 0.7, s
