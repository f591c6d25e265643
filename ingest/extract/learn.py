"""Fit the decision models (:mod:`.decide`) on gold documents.

The rules propose (:mod:`.candidates`); each proposed entity is aligned to the gold by the
shared scorer's own matching (so a training label means what the score means); an entity's
class is its gold label or ``none``, a candidate pair's class the gold relation type between
the two aligned ends or ``none``. Regularised logistic regression (scikit-learn, imported only
here) fits both; features seen in fewer than ``min_docs`` training documents are dropped, so a
word of one document's names cannot become a rule. Deterministic: sorted inputs, lbfgs.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from types import ModuleType

from clusternet.ingest.extract.candidates import pair_candidates, propose
from clusternet.ingest.extract.decide import DecisionModel
from clusternet.ingest.extract.features import DocFacts, entity_features, pair_features
from clusternet.ingest.extract.linear import LinearModel
from clusternet.ingest.extract.spans import widen
from clusternet.ingest.extract.subjects import subject_candidates, subject_features

__all__ = ["fit_model", "align", "training_rows", "candidate_recall", "DocRows"]

MIN_DOCS = 5          # a feature must occur in this many training documents
C_ENTITY = 0.3        # inverse regularisation strengths
C_RELATION = 0.3
# What the shipped model decides (decide.decide): "relations" (the rules keep deciding the entities
# and the facts' subjects) or "all". Held out, the learned entity and subject decisions trail the
# rules' (docs/extraction.md), the learned relation decisions lead them on pages nobody tuned on.
DECIDES = "relations"


def align(scorer: ModuleType, gdoc, nodes: list) -> dict[int, str]:
    """id(entity) -> gold key: the scorer's one-to-one matching (best score first)."""
    preds = [{"name": e.name, "aliases": sorted(e.aliases), "label": e.label, "country": e.country} for e in nodes]
    pairs = []
    for i, pd in enumerate(preds):
        for j, g in enumerate(gdoc.entities):
            s = scorer.match_score(pd, g, gdoc)
            if s > 0:
                pairs.append((s, -i, -j))
    pairs.sort(reverse=True)
    taken_p, taken_g, out = set(), set(), {}
    for _, i, j in pairs:
        if -i in taken_p or -j in taken_g:
            continue
        taken_p.add(-i)
        taken_g.add(-j)
        out[id(nodes[-i])] = gdoc.key(gdoc.entities[-j])
    return out


@dataclass
class DocRows:
    """One gold document's training rows, (features, class) each, and what no row can find
    (gold entities and relations no proposal covers: they count as misses whatever is decided)."""
    entities: list[tuple[dict, str]]
    pairs: list[tuple[dict, str]]
    entity_missed: int
    pair_missed: int
    subjects: list[tuple[dict, str]]


_ROWS: dict[tuple[str, str], DocRows] = {}


def training_rows(scorer: ModuleType, case) -> DocRows:
    """The rows of one gold document (cached by document hash: folds share documents)."""
    key = (case.doc.sha256, repr(sorted(case.gold.get("relations") or [])))
    if key not in _ROWS:
        _ROWS[key] = _rows(scorer, case)
    return _ROWS[key]


def _rows(scorer: ModuleType, case) -> DocRows:
    gdoc = scorer.GoldDoc(case.gold, set(scorer.SCORED_LABELS), set(scorer.SCORED_RELATIONS))
    p = propose(case.doc.text, case.doc.tables)
    widen(p)
    keys = align(scorer, gdoc, list(p.ents) + list(p.places.values()))
    gold_label = {gdoc.key(g): g["label"] for g in gdoc.entities}
    d = DocFacts.of(p)
    ents = [(entity_features(p, e, d), gold_label.get(keys.get(id(e)), "none")) for e in p.ents]
    place_keys = {keys[id(e)] for e in p.places.values() if id(e) in keys}
    ent_gold = sum(1 for g in gdoc.entities if g["label"] in scorer.SCORED_LABELS and gdoc.key(g) not in place_keys)
    rels = {}
    for a, t, b in sorted(gdoc.relations):
        rels.setdefault((a, b), t)
    pairs, hit = [], set()
    for c in pair_candidates(p):
        ends = (keys.get(id(c.source)), _target_key(c, keys))
        label = rels.get(ends, "none") if None not in ends else "none"
        if label != "none":
            hit.add(ends)
        pairs.append((pair_features(p, c, d), label))
    n_ok = sum(1 for _, lab in ents if lab != "none")
    return DocRows(ents, pairs, max(0, ent_gold - n_ok), len(gdoc.relations) - len(hit),
                   _subject_rows(p, d, gdoc, keys))


def _subject_rows(p, d, gdoc, keys) -> list[tuple[dict, str]]:
    """For each proposed fact whose value a gold fact states: its candidates, ``yes`` for the
    gold subject (facts whose gold subject is no candidate teach nothing and are left out)."""
    out = []
    for fact in p.facts:
        subjects = {gdoc.resolve(g["subject"]) for g in gdoc.facts
                    if isinstance(g.get("value"), (int, float)) and abs(float(g["value"]) - float(fact.value)) < 1e-9}
        cands = subject_candidates(p, fact, d)
        labels = ["yes" if keys.get(id(e)) in subjects else "no" for e in cands]
        if "yes" in labels:
            out += [(subject_features(p, fact, e, d), lab) for e, lab in zip(cands, labels)]
    return out


def _fit(rows_by_doc: list[list[tuple[dict, str]]], c: float, min_docs: int) -> LinearModel:
    """Multinomial logistic regression on the rows, features kept when seen in ``min_docs`` docs."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    df = Counter(f for rows in rows_by_doc for f in {k for feats, _ in rows for k in feats})
    keep = {f for f, n in df.items() if n >= min_docs}
    X = [{k: v for k, v in feats.items() if k in keep} for rows in rows_by_doc for feats, _ in rows]
    y = [label for rows in rows_by_doc for _, label in rows]
    vec = DictVectorizer(sort=True)
    M = vec.fit_transform(X)
    if len(set(y)) == 1:
        return LinearModel([y[0]], {}, [[]], [0.0])
    clf = LogisticRegression(C=c, max_iter=3000, solver="lbfgs")
    with threadpool_limits(limits=1):       # one BLAS thread: the same sums in the same order on any machine
        clf.fit(M, y)
    names = list(vec.get_feature_names_out())
    coef, intercept = clf.coef_.tolist(), clf.intercept_.tolist()
    if len(clf.classes_) == 2:   # sklearn keeps one row for two classes: the second class's
        coef, intercept = [[0.0] * len(names), coef[0]], [0.0, intercept[0]]
    return LinearModel([str(x) for x in clf.classes_], {n: i for i, n in enumerate(names)}, coef, intercept)


def _best_threshold(scored: list[tuple[float, str, str]], missed: int, typed: bool) -> float:
    """The keep threshold on 1 - P(none) that maximises F1 over held-out rows.

    ``scored``: (1 - P(none), predicted class, gold class); ``missed``: gold no row can find;
    ``typed``: a kept row is right only with the right class (relations), else when the gold
    class is not ``none`` (entities: the score ignores the label).
    """
    gold = sum(1 for _, _, g in scored if g != "none") + missed
    best, best_f = 0.5, -1.0
    for t in [x / 20 for x in range(2, 19)]:
        kept = [(p, g) for s, p, g in scored if s >= t]
        ok = sum(1 for p, g in kept if g != "none" and (p == g or not typed))
        f = 2 * ok / (len(kept) + gold) if kept or gold else 0.0
        if f > best_f + 1e-9:
            best, best_f = t, f
    return best


def _held_out_scores(rows: list[list[tuple[dict, str]]], c: float, min_docs: int) -> list[tuple[float, str, str]]:
    """Each row scored by a model fitted on the other half of the documents (two halves)."""
    out = []
    for half in (0, 1):
        train = [r for i, r in enumerate(rows) if i % 2 != half]
        test = [r for i, r in enumerate(rows) if i % 2 == half]
        model = _fit(train, c, min_docs)
        for doc in test:
            for feats, gold in doc:
                pr = model.proba(feats)
                pred = max((k for k in pr if k != "none"), key=lambda k: pr[k], default="none")
                out.append((1.0 - pr.get("none", 0.0), pred, gold))
    return out


def fit_model(cases, scorer: ModuleType, min_docs: int = MIN_DOCS, c_entity: float | None = None,
              c_relation: float | None = None, relation_extra=()) -> DecisionModel:
    """The decision models fitted on ``cases`` (documents with gold), in name order; the keep
    thresholds chosen on held-out halves of these same training documents. ``relation_extra``
    (the project's own written pages) teach the relation model only: their annotator names
    events by description where the dev gold names them, which costs the entity decisions on dev
    (2026-12-06, 4 folds: entity F1 0.901 -> 0.880, fact recall 0.597 -> 0.561), while the
    relation decisions gain (relation F1 0.753 -> 0.763, the model deciding everything)."""
    c_entity, c_relation = c_entity or C_ENTITY, c_relation or C_RELATION
    rows = [training_rows(scorer, c) for c in sorted(cases, key=lambda c: c.name)]
    wide = rows + [training_rows(scorer, c) for c in sorted(relation_extra, key=lambda c: c.name)]
    ent_rows, pair_rows = [r.entities for r in rows], [r.pairs for r in wide]
    t_ent = _best_threshold(_held_out_scores(ent_rows, c_entity, min_docs), sum(r.entity_missed for r in rows), False)
    t_rel = _best_threshold(_held_out_scores(pair_rows, c_relation, min_docs), sum(r.pair_missed for r in wide), True)
    info = {"documents": sorted(c.name for c in cases), "relation_documents": sorted(c.name for c in relation_extra),
            "entity_rows": sum(map(len, ent_rows)), "pair_rows": sum(map(len, pair_rows)), "min_docs": min_docs,
            "entity_threshold": t_ent, "relation_threshold": t_rel, "decides": DECIDES}
    subject = _fit([r.subjects for r in rows], c_entity, min_docs)
    return DecisionModel(_fit(ent_rows, c_entity, min_docs), _fit(pair_rows, c_relation, min_docs), subject, info)


def candidate_recall(cases, scorer: ModuleType) -> dict:
    """What the proposals cover, before any decision: the share of gold entities aligned to a
    proposed entity and of gold relations whose two ends are a candidate pair (a ceiling)."""
    ents, rels, types = Counter(), Counter(), Counter()
    for case in sorted(cases, key=lambda c: c.name):
        gdoc = scorer.GoldDoc(case.gold, set(scorer.SCORED_LABELS), set(scorer.SCORED_RELATIONS))
        p = propose(case.doc.text, case.doc.tables)
        widen(p)
        keys = align(scorer, gdoc, list(p.ents) + list(p.places.values()))
        ents["gold"] += sum(1 for g in gdoc.entities if g["label"] in scorer.SCORED_LABELS)
        ents["found"] += len(keys)
        covered = {(keys.get(id(c.source)), _target_key(c, keys)) for c in pair_candidates(p)}
        for a, t, b in gdoc.relations:
            rels["gold"] += 1
            types[t + ":gold"] += 1
            if (a, b) in covered:
                rels["covered"] += 1
                types[t + ":covered"] += 1
    return {"entities": ents["found"] / max(1, ents["gold"]), "relations": rels["covered"] / max(1, rels["gold"]),
            "per_type": {t: types[t + ":covered"] / types[t + ":gold"] for t in sorted({k.split(":")[0] for k in types})}}


def _target_key(c, keys) -> str | None:
    """The gold key of a pair's target (countries by their code)."""
    if isinstance(c.target, str):
        return c.target
    if c.target.label == "Country":
        return "country:" + c.target.country
    return keys.get(id(c.target))
