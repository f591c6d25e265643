"""Extraction on documents the decision model never saw (issue 15).

Two folds over the documents of ../shared/corpus/dev: a model fitted on one half (plus the
seeds and the project's own gold documents) extracts the other half, and the shared scorer
scores it. The floors sit a little under what was measured (docs/extraction.json holds the
4-fold figures); they fail when the learned decisions stop generalising.
"""
from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path

import pytest

from clusternet.ingest.extract.decide import DecisionModel, load_model
from clusternet.ingest.extract.evaluate import cross_validate, extract_cases, load_scorer, make_folds
from clusternet.ingest.extract.learn import fit_model
from clusternet.ingest.extract.linear import LinearModel
from prerequisites import missing  # tests/helpers (conftest puts it on sys.path)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "scripts"))

# measured 2-fold held-out on dev (see the commit): entity F1, country accuracy, relation F1
FLOORS = {"entity_f1": 0.70, "country_accuracy": 0.74, "relation_f1": 0.22}


@pytest.fixture(scope="module")
def material():
    if not (SHARED / "corpus" / "dev" / "gold").is_dir():
        missing(f"shared material missing at {SHARED} (CI must clone it beside the repo)")
    from eval_extraction import corpora

    scorer = load_scorer(SHARED / "tools" / "score_extraction.py")
    return scorer, *corpora()


@pytest.fixture(scope="module")
def quick_cv(material):
    scorer, dev, seeds, own = material
    return cross_validate(scorer, dev, seeds + own, 2, partial(fit_model, scorer=scorer))


def test_held_out_figures_stay_above_the_floors(quick_cv):
    got = {k: quick_cv[k] for k in FLOORS}
    assert all(got[k] >= v for k, v in FLOORS.items()), got


def test_held_out_relations_beat_the_hand_rules_on_the_same_folds(material, quick_cv):
    scorer, dev, seeds, own = material
    rules = cross_validate(scorer, dev, seeds + own, 2, None)
    assert quick_cv["relation_f1"] > rules["relation_f1"], (quick_cv["relation_f1"], rules["relation_f1"])


def test_folds_split_documents_and_never_score_a_training_document(material):
    _, dev, _, _ = material
    folds = make_folds([c.name for c in dev], 4)
    names = [n for f in folds for n in f]
    assert sorted(names) == sorted(c.name for c in dev) and len(set(names)) == len(names)


def test_shipped_model_is_plain_json_and_decides(material):
    model = load_model()
    assert isinstance(model, DecisionModel)
    path = ROOT / "ingest" / "data" / "extract" / "model.json"
    again = DecisionModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
    assert again.relation.classes == model.relation.classes and "none" in model.relation.classes
    assert set(model.info["documents"]) >= {"g1_02_eu_us_hannover_messe_2016.txt"}


def test_confidence_is_the_models_probability_and_evidence_matches_the_text(material):
    _, dev, _, _ = material
    case = dev[0]
    out = extract_cases([case], None)
    confs = {r["confidence"] for r in out["relations"]}
    assert len(confs) > 3    # probabilities, not the rules' few fixed confidences
    for item in out["entities"] + out["relations"]:
        assert 0.0 <= item["confidence"] <= 1.0
        for ev in item["evidence"]:
            assert case.doc.text[ev["start"]:ev["end"]] == ev["text"]


def test_rules_alone_still_decide_without_a_model(material):
    _, dev, _, _ = material
    out = extract_cases(dev[:1], False)
    assert out["entities"] and all(not e["id"].startswith("span:") for e in out["entities"])


def test_linear_model_round_trips_through_json():
    m = LinearModel(["none", "A"], {"x": 0, "y": 1}, [[0.0, 0.0], [1.5, -2.0]], [0.0, 0.25])
    back = LinearModel.from_dict(json.loads(json.dumps(m.as_dict())))
    assert back.proba({"x": 1.0}) == m.proba({"x": 1.0})
    assert back.best({"y": 1.0})[0] == "none" and back.best({"x": 1.0})[0] == "A"
