"""Which entity a stated count belongs to: a ranker over subject candidates (the names in the
count's sentence and the one before, the page's title names, the main partnership and main
event, and the rules' own choice), trained on the gold facts by :mod:`.learn`.

>>> from .candidates import propose
>>> p = propose("The Agri Forum in Tunis gathered 40 clusters.")
>>> [e.name for e in subject_candidates(p, p.facts[0], None)]
['Agri Forum']
"""
from __future__ import annotations

from clusternet.ingest.extract.candidates import Proposal
from clusternet.ingest.extract.features import DocFacts, _bucket
from clusternet.ingest.extract.linear import LinearModel

__all__ = ["subject_candidates", "subject_features", "decide_subjects"]

GROUPS = ("Event", "Partnership", "Agreement", "Programme")


def subject_candidates(p: Proposal, fact, d: DocFacts | None) -> list:
    """The entities a count may be about, in a fixed order, each once."""
    si = p.ctx.sent_at(fact.start)
    kept = {id(e) for e in p.ents} | {id(x) for x in p.places.values()}   # "clusters in Serbia": the country
    out = [fact.subject] if fact.subject is not None and id(fact.subject) in kept else []
    by_sent = _by_sentence(p, d)
    out += by_sent.get(si, []) + by_sent.get(si - 1, [])
    if d is not None:
        out += [e for e in p.ents if d.in_title(e)]
        out += [x for x in (d.main_part, d.main_event) if x is not None]
    return list({id(e): e for e in out}.values())


def _by_sentence(p: Proposal, d: DocFacts | None) -> dict[int, list]:
    """Sentence index -> the entities named in it, in entity order (kept on ``d`` once made)."""
    if d is not None and "by_sent" in d.memo:
        return d.memo["by_sent"]
    out: dict[int, list] = {}
    for e in p.ents:
        for si in sorted({p.ctx.sent_at(m.start) for m in e.mentions}):
            out.setdefault(si, []).append(e)
    if d is not None:
        d.memo["by_sent"] = out
    return out


def subject_features(p: Proposal, fact, e, d: DocFacts) -> dict[str, float]:
    """Features of ``e`` as the subject of ``fact``: label, where it is named, the rules' pick."""
    si = p.ctx.sent_at(fact.start)
    sents = [p.ctx.sent_at(m.start) for m in e.mentions]
    lab = e.label
    f = {"bias": 1.0, "lab=" + lab: 1.0, "rule_pick": float(e is fact.subject),
         "in_sent": float(si in sents), "prev_sent": float(si - 1 in sents and si not in sents),
         "title": float(d.in_title(e)), "main": float(e is d.main_part or e is d.main_event),
         "nment=" + _bucket(len(e.mentions), (1, 2, 4)): 1.0, "rivals=" + _bucket(d.count(lab), (1, 2, 3)): 1.0}
    f[f"lab={lab}|in_sent={f['in_sent']}"] = 1.0
    f[f"lab={lab}|title={f['title']}"] = 1.0
    f["span_rule"] = float(bool(e.props.get("span")))
    if lab in GROUPS:
        f["group"] = 1.0
    return f


def decide_subjects(p: Proposal, model: LinearModel) -> None:
    """Hang each fact on its most probable subject (that probability becomes its confidence)."""
    d = DocFacts.of(p)
    for fact in p.facts:
        cands = subject_candidates(p, fact, d)
        if not cands:
            fact.subject = None     # no kept entity to hang it on: the count is not emitted
            continue
        scored = [(model.proba(subject_features(p, fact, e, d)).get("yes", 0.0), -i, e) for i, e in enumerate(cands)]
        prob, _, best = max(scored, key=lambda x: (x[0], x[1]))
        fact.subject, fact.conf = best, round(prob, 3)
