"""How well extraction generalises: k-fold cross-validation over documents, scored by the
shared scorer's own matching (``score_extraction.py``, passed in as a module).

A *case* is one document with its gold. Folds are made over documents, never sentences; the
model of a fold is fitted on the training folds (plus the always-training extra cases) and
scores only the held-out fold. Pure functions but for reading files and importing the scorer.

>>> make_folds(["d", "a", "c", "b", "e"], 2)
[['a', 'c', 'e'], ['b', 'd']]
"""
from __future__ import annotations

import importlib.util
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable

import yaml

from clusternet.graph.errors import ConfigError
from clusternet.ingest.sources.readers import DocumentText, read_document

__all__ = ["Case", "load_cases", "written_pages", "load_scorer", "make_folds", "blind_set", "extract_cases", "score", "cross_validate",
           "evaluate_all", "format_report"]

SUMMARY_KEYS = ("entity_f1", "country_accuracy", "relation_f1", "fact_recall")


@dataclass
class Case:
    """A document and its gold (the YAML of the annotation guide, as a dict)."""
    doc: DocumentText
    gold: dict

    @property
    def name(self) -> str:
        return self.doc.name


def load_scorer(path: str | Path) -> ModuleType:
    """The shared scorer as a module (its matching is the yardstick; it is not copied here)."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"scorer not found: {path}")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_cases(docs_dir: str | Path, gold_dir: str | Path) -> list[Case]:
    """Every gold YAML in ``gold_dir`` with its document from ``docs_dir``, sorted by name."""
    docs_dir, gold_dir = Path(docs_dir), Path(gold_dir)
    if not gold_dir.is_dir():
        raise ConfigError(f"gold directory not found: {gold_dir}")
    cases = []
    for g in sorted(gold_dir.glob("*.yaml")):
        raw = yaml.safe_load(g.read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or "document" not in raw:
            continue    # e.g. a press document's own expectations file, not a gold file
        _no_booleans(g.name, raw)
        path = docs_dir / raw["document"]
        if not path.is_file():
            raise ConfigError(f"{g.name}: document {raw['document']} not found in {docs_dir}")
        cases.append(Case(read_document(path), raw))
    return cases


def _no_booleans(name: str, raw: dict) -> None:
    """Refuse a gold file where YAML read a value as true or false: Norway's code written bare
    (``NO``) reads as false, and would silently be no country at all.

    >>> _no_booleans("g.yaml", {"entities": [{"name": "Oslo Cluster", "country": False}]})
    Traceback (most recent call last):
    ...
    clusternet.graph.errors.ConfigError: g.yaml: entity 'Oslo Cluster' has country false: quote country codes ('NO')
    """
    for e in raw.get("entities") or []:
        for k, v in e.items():
            if isinstance(v, bool):
                raise ConfigError(f"{name}: entity {e.get('name')!r} has {k} {str(v).lower()}: quote country codes ('NO')")
    for r in raw.get("relations") or []:
        if any(isinstance(x, bool) for x in r):
            raise ConfigError(f"{name}: relation {r} has a true or false end: quote country codes ('NO')")
    for f in raw.get("facts") or []:
        if isinstance(f.get("country"), bool):
            raise ConfigError(f"{name}: fact {f.get('measure')!r} has country false: quote country codes ('NO')")


def make_folds(names: Iterable[str], k: int) -> list[list[str]]:
    """Sorted names dealt round-robin into ``k`` folds (deterministic, balanced)."""
    ordered = sorted(names)
    if k < 2 or k > len(ordered):
        raise ConfigError(f"cannot make {k} folds of {len(ordered)} documents")
    return [ordered[i::k] for i in range(k)]


def extract_cases(cases: list[Case], model=None) -> dict:
    """The extraction contract for the cases' documents, each read on its own."""
    from clusternet.ingest.extract.pipeline import extract_text, merge_extractions

    return merge_extractions([extract_text(c.doc, model=model) for c in cases]).as_dict()


def score(scorer: ModuleType, pred: dict, cases: list[Case]) -> dict:
    """Summary, per-label and per-relation-type counts of ``pred`` against the cases' gold."""
    names = scorer.pred_docs(pred)
    golds = [scorer.GoldDoc(c.gold, set(scorer.SCORED_LABELS), set(scorer.SCORED_RELATIONS)) for c in cases]
    per: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for kind in ("entities", "relations", "facts"):
        for item in pred.get(kind, []):
            for d in {names.get(ev.get("document"), ev.get("document")) for ev in item.get("evidence") or []}:
                per[d][kind].append(item)
    labels, by_type, country, rel, fact = defaultdict(Counter), defaultdict(Counter), Counter(), Counter(), Counter()
    for g in golds:
        p = per[g.name]
        s = scorer.score_doc(g, p["entities"], p["relations"], set(scorer.SCORED_RELATIONS), p["facts"])
        for lab, c in s["labels"].items():
            labels[lab].update(c)
        for t, c in s["by_type"].items():
            by_type[t].update(c)
        country.update(s["country"])
        rel.update(s["relations"])
        fact.update(s["facts"])
    return _summarise(scorer, labels, by_type, country, rel, fact)


def _summarise(scorer, labels, by_type, country, rel, fact) -> dict:
    """Figures from the pooled counts (micro-averaged over documents, as the scorer does)."""
    allc = Counter()
    for c in labels.values():
        allc.update(c)
    ep, er, ef = scorer.prf(allc["pred_ok"], allc["pred"], allc["found"], allc["gold"])
    rp, rr, rf = scorer.prf(rel["ok"], rel["pred"], rel["ok"], rel["gold"])
    out = {"entity_precision": ep, "entity_recall": er, "entity_f1": ef,
           "country_accuracy": country["ok"] / country["gold"] if country["gold"] else 0.0,
           "relation_precision": rp, "relation_recall": rr, "relation_f1": rf,
           "fact_recall": fact["ok"] / fact["gold"] if fact["gold"] else 0.0}
    out["label_accuracy"] = allc["found_label"] / allc["found"] if allc["found"] else 0.0
    out = {k: round(v, 4) for k, v in out.items()}
    out["per_label"] = {lab: {**_prf_row(scorer, c["pred_ok"], c["pred"], c["found"], c["gold"]),
                              "right_label": round(c["found_label"] / c["found"], 4) if c["found"] else 0.0}
                        for lab, c in sorted(labels.items())}
    out["per_relation_type"] = {t: _prf_row(scorer, c["ok"], c["pred"], c["ok"], c["gold"])
                                for t, c in sorted(by_type.items())}
    return out


def _prf_row(scorer, ok_p, pred, ok_g, gold) -> dict:
    p, r, f = scorer.prf(ok_p, pred, ok_g, gold)
    return {"gold": gold, "pred": pred, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def cross_validate(scorer: ModuleType, dev: list[Case], extra: list[Case], k: int,
                   fit: Callable[[list[Case]], object] | None) -> dict:
    """Held-out and training-fold figures over ``k`` document folds of ``dev``.

    ``fit(cases) -> model`` is called once per fold on the training folds plus ``extra``;
    with ``fit=None`` the rules alone decide (the baseline, ``model=False``). The held-out predictions of all
    folds are pooled and scored once, so the figure is comparable with a whole-corpus score.
    """
    by_name = {c.name: c for c in dev}
    held, trained = [], []
    for fold in make_folds(by_name, k):
        test = [by_name[n] for n in fold]
        train = [c for c in dev if c.name not in fold]
        model = fit(train + extra) if fit else False
        held.append(extract_cases(test, model))
        trained.append(score(scorer, extract_cases(train, model), train))
    pooled = {kind: [x for p in held for x in p[kind]] for kind in ("documents", "entities", "relations", "facts")}
    out = score(scorer, pooled, dev)
    out["k"] = k
    out["training_folds"] = {key: round(sum(t[key] for t in trained) / len(trained), 4) for key in SUMMARY_KEYS}
    return out


def blind_set(names: Iterable[str]) -> list[str]:
    """The dev documents the hand rules are checked on but not written against: the second half
    of the second of two document folds (rule authors read the first fold from 2026-12-02 and
    the first half of the second from 2026-12-03; see docs/extraction.md).

    >>> blind_set(["a", "b", "c", "d", "e", "f", "g", "h"])
    ['d', 'h']
    """
    return make_folds(make_folds(names, 2)[1], 2)[1]


def evaluate_all(scorer: ModuleType, dev: list[Case], seeds: list[Case], own: list[Case], k: int,
                 fit: Callable[[list[Case]], object] | None, model=None, written=((), ())) -> dict:
    """The report of ``docs/extraction.json``: ``dev_cv`` (held-out), ``dev_rules`` (the hand
    rules alone on dev, the baseline), ``dev_rules_blind`` (the rules on the dev documents set
    aside from rule writing: the rules' own held-out figure), ``seeds``, ``own``, and the rules
    alone on the ``written`` pages (:func:`written_pages`): ``written_rules`` (read while writing
    rules) and ``written_rules_unread`` (never read).

    The seeds, own documents and unread written pages (``written_unread``) are scored with
    ``model`` (the shipped one when ``None``).
    """
    blind = set(blind_set([c.name for c in dev]))
    blind_cases = [c for c in dev if c.name in blind]
    report = {"dev_cv": cross_validate(scorer, dev, seeds + own, k, fit),
              "dev_rules": score(scorer, extract_cases(dev, False), dev),
              "dev_rules_blind": score(scorer, extract_cases(blind_cases, False), blind_cases),
              "seeds": score(scorer, extract_cases(seeds, model), seeds),
              "own": score(scorer, extract_cases(own, model), own)}
    for block, cases in zip(("written_rules", "written_rules_unread"), written):
        if cases:
            report[block] = score(scorer, extract_cases(list(cases), False), list(cases))
    if written[1]:      # the product's decisions on the pages no rule writer and no model has seen
        report["written_unread"] = score(scorer, extract_cases(list(written[1]), model), list(written[1]))
    return report


_SUMMARY_WORDS = {"entity_f1": "entity F1", "country_accuracy": "country", "relation_f1": "relation F1",
                  "fact_recall": "fact recall"}


def format_report(report: dict) -> str:
    """Plain-text tables, no line over 80 characters: the summary per block, then per label and
    per relation type.

    >>> r = {"entity_f1": 0.9, "country_accuracy": 0.95, "relation_f1": 0.7, "fact_recall": 0.5,
    ...      "per_label": {}, "per_relation_type": {}}
    >>> print(format_report({"dev_cv": r}).splitlines()[1])
       entity F1 0.900   country 0.950   relation F1 0.700   fact recall 0.500
    """
    lines = []
    for block, r in report.items():
        if not isinstance(r, dict) or "entity_f1" not in r:
            continue
        lines += [f"== {block}", "   " + "   ".join(f"{_SUMMARY_WORDS[k]} {r[k]:.3f}" for k in SUMMARY_KEYS)]
        if "label_accuracy" in r:
            lines.append(f"   found entities with the gold's label {r['label_accuracy']:.3f}")
        if "training_folds" in r:
            t = r["training_folds"]
            lines += ["   the training folds, for the gap:",
                      "   " + "   ".join(f"{_SUMMARY_WORDS[k]} {t[k]:.3f}" for k in SUMMARY_KEYS)]
        for title, rows in (("label", r["per_label"]), ("relation", r["per_relation_type"])):
            lines.append(f"   {title:16} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"
                         + (f" {'right':>6}" if title == "label" else ""))
            for name, c in rows.items():
                lines.append(f"   {name:16} {c['gold']:5} {c['pred']:5} {c['precision']:6.3f} {c['recall']:6.3f} "
                             f"{c['f1']:6.3f}" + (f" {c['right_label']:6.3f}" if "right_label" in c else ""))
    return "\n".join(lines)


WRITTEN, UNREAD = Path("tests/data/written"), Path("tests/data/unread")


def written_pages(root: Path) -> tuple[list[Case], list[Case]]:
    """(read, unread): pages written as a yardstick of unseen text, in the annotation guide's
    conventions by someone other than the rule writer. The first are read while writing rules, the
    second never are. The read ones teach the relation model only (``fit_model``'s
    ``relation_extra``): their annotator names events by description where the dev gold names
    them, which costs the learned entity decisions on dev; the unread ones teach nothing."""
    return tuple(load_cases(root / d, root / d) if (root / d).is_dir() else [] for d in (WRITTEN, UNREAD))


def corpora(shared: Path, root: Path) -> tuple[list[Case], list[Case], list[Case]]:
    """(dev, seeds, own) cases: ``shared``'s dev corpus and seeds with their gold, and the
    project's own documents (examples/documents with tests/data/gold, tests/data/press): what the
    model learns from besides the dev folds."""
    dev = load_cases(shared / "corpus/dev/docs", shared / "corpus/dev/gold")
    seeds = load_cases(shared / "corpus/seeds", shared / "gold")
    own = (load_cases(root / "examples/documents", root / "tests/data/gold")
           + load_cases(root / "tests/data/press", root / "tests/data/press"))
    return dev, seeds, own


def extraction_report(shared: Path, root: Path, *, k: int = 4, rules_only: bool = False) -> dict:
    """The whole report of ``docs/extraction.json``: k document folds over the dev corpus (each
    fold's model fitted on the other folds plus the seeds and own documents, its relation model
    also on the read written pages), the rules alone on dev and on the written pages, and the
    seeds, own documents and unread written pages as the product extracts them."""
    from functools import partial

    from clusternet.ingest.extract.learn import fit_model

    scorer = load_scorer(shared / "tools/score_extraction.py")
    dev, seeds, own = corpora(shared, root)
    written = written_pages(root)
    fit = None if rules_only else partial(fit_model, scorer=scorer, relation_extra=written[0])
    report = evaluate_all(scorer, dev, seeds, own, k, fit, model=False if rules_only else None, written=written)
    report["setup"] = {"k": k, "dev_documents": len(dev), "seed_documents": len(seeds),
                       "own_documents": len(own), "written_documents": [len(w) for w in written],
                       "decisions": "rules only" if rules_only else "rules propose and keep the entities, the model decides the "
                                    "relations (cross-validated)"}
    return report
