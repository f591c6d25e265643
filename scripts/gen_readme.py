#!/usr/bin/env python3
"""Regenerate the generated parts of README.md (between `<!-- NAME:start -->` and
`<!-- NAME:end -->` markers): the schema table, the command list, the saved queries and
the reliability figures. `--check` exits 1 when the README has drifted (run in CI).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def schema_section() -> str:
    from clusternet.graph.schema import readme_table

    return readme_table()


def commands_section() -> str:
    import typer.main

    from clusternet.cli import app

    group = typer.main.get_group(app)
    rows = ["| command | what it does |", "|---|---|"]
    for name, cmd in sorted(group.commands.items()):
        subs = getattr(cmd, "commands", None)
        for c in (sorted(subs.values(), key=lambda c: c.name) if subs else [cmd]):
            full = f"{name} {c.name}" if subs else name
            first = (c.help or "").strip().split("\n\n")[0].replace("\n", " ")
            rows.append(f"| `clusternet {full}` | {first} |")
    return "\n".join(rows)


def queries_section() -> str:
    try:
        from clusternet.graph.query.saved import list_saved
    except ImportError:
        return "_(no saved queries yet)_"
    rows = ["| saved query | parameters | what it answers |", "|---|---|---|"]
    for q in list_saved():
        params = ", ".join(f"`{p.name}`" for p in q.params) or "–"
        rows.append(f"| `{q.name}` — {q.title} | {params} | {q.description} |")
    return "\n".join(rows)


def reliability_section() -> str:
    path = ROOT / "docs" / "reliability.json"
    if not path.exists():
        return "_(not measured yet: run `python bench/bench_reliability.py`)_"
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = ["| check | figure |", "|---|---|"]
    rows += [f"| {k} | {v} |" for k, v in data.get("figures", {}).items()]
    parts = ["\n".join(rows) + f"\n\nMeasured {data.get('measured_at', '?')} by `{data.get('command', '?')}`."]
    for block, render in (("serving", _serving), ("sessions", _sessions), ("fuzzing", _fuzzing)):
        if isinstance(data.get(block), dict):
            parts.append(render(data[block]))
    return "\n\n".join(parts)


def _serving(b: dict) -> str:
    rows = [f"Serving a team: {b.get('page', 'Enlargement')} page, users opening it at once through the proxy "
            "(seconds; `clusternet serve`, docs/serving.md):", "",
            "| app processes | users at once | median | p95 | errors | sessions per process |", "|---|---|---|---|---|---|"]
    rows += [f"| {r['processes']} | {r['users']} | {r['median']:.2f} | {r['p95']:.2f} | {r['errors']} | "
             f"{' / '.join(map(str, r.get('spread', [])))} |" for r in b["rows"]]
    return "\n".join(rows) + (f"\n\nMeasured {b['measured_at']} (load average {b.get('load_average', '?')}) "
                               f"by `{b.get('command', '?')}`.")


def _sessions(b: dict) -> str:
    rows = [f"One app process over many sessions (each visits {', '.join(b.get('visits', []))}):", "",
            "| sessions | RSS (MB) | CPU s per visit | errors |", "|---|---|---|---|"]
    rows += [f"| {r['sessions']} | {r['rss_mb']} | {r['cpu_s_per_visit']:.3f} | {r['errors']} |" for r in b["rows"]]
    return "\n".join(rows) + f"\n\nMeasured {b['measured_at']} by `{b.get('command', '?')}`."


def _fuzzing(b: dict) -> str:
    rows = [f"Coverage-guided fuzzing of every reader ({b.get('tool', 'atheris')}, "
            f"{b.get('seconds_per_reader', '?')} s each):", "",
            "| reader | executions | coverage (cov / ft) | crashes found | unexplained |", "|---|---|---|---|---|"]
    for name, r in b.get("readers", {}).items():
        crashes = r.get("crashes", [])
        open_ = sum(1 for c in crashes if not str(c.get("status", "")).startswith("fixed"))
        rows.append(f"| {name} | {r['executions']:,} | {r['cov']} / {r['ft']} | {len(crashes)} | {open_} |")
    return "\n".join(rows) + f"\n\nMeasured {b.get('measured_at', '?')} by `{b.get('command', '?')}`; " \
        "every crash found is a regression test in `tests/test_fuzz_regressions.py` (`tests/fuzz/found.json` explains each)."


def evaluation_section() -> str:
    path = ROOT / "docs" / "evaluation.json"
    if not path.exists():
        return "_(not measured yet: `clusternet evaluate cordis --format json > docs/evaluation.json`)_"
    data = json.loads(path.read_text(encoding="utf-8"))
    names = {"A": "A — cross-border links", "B": "B — enlargement (consortium completion)"}
    rows = ["| task | method | Hits@10 | Hits@50 | MRR | × best baseline |", "|---|---|---|---|---|---|"]
    for task, methods in data.items():
        if not isinstance(methods, dict) or task.startswith("_"):
            continue
        best = max(v["mrr"] for m, v in methods.items() if m != "clusternet")
        for method, v in methods.items():
            ratio = f"{v['mrr'] / best:.2f}×" if method == "clusternet" else ""
            rows.append(f"| {names.get(task, task)} | {'**clusternet**' if method == 'clusternet' else method} | "
                        f"{v['hits@10']:.3f} | {v['hits@50']:.3f} | {v['mrr']:.3f} | {ratio} |")
    return "\n".join(rows) + "\n\nFrom `docs/evaluation.json`, written by `clusternet evaluate cordis --format json`."


def extraction_section() -> str:
    path = ROOT / "docs" / "extraction.json"
    if not path.exists():
        return "_(not measured yet: `clusternet evaluate extraction`)_"
    data = json.loads(path.read_text(encoding="utf-8"))
    names = {"dev_cv": "28 real pages of ../shared/corpus/dev, held-out folds, as `clusternet extract` runs "
                       "(the rules, then the learned relation decisions; {k}-fold by document)",
             "dev_rules": "the same 28 pages, the rules alone",
             "dev_rules_blind": "the 7 of those pages set aside from rule writing, the rules alone "
                                "(see docs/extraction.md)",
             "seeds": "the 3 seed documents", "own": "documents written for this project (examples/documents, "
                                                     "tests/data/press)",
             "written_rules": "pages written as a yardstick, read while writing rules (tests/data/written), "
                              "the rules alone",
             "written_rules_unread": "pages written as a yardstick that nobody writing rules has read "
                                     "(tests/data/unread), the rules alone",
             "written_unread": "the same unread pages as `clusternet extract` runs (the model never saw them)"}
    rows = ["| documents | entity F1 | found with the right label | country accuracy | relation F1 | fact recall |",
            "|---|---|---|---|---|---|"]
    k = data.get("setup", {}).get("k", "?")
    for block, label in names.items():
        r = data.get(block)
        if isinstance(r, dict):
            right = f"{r['label_accuracy']:.3f}" if "label_accuracy" in r else "–"
            rows.append(f"| {label.format(k=k)} | {r['entity_f1']:.3f} | {right} | {r['country_accuracy']:.3f} | "
                        f"{r['relation_f1']:.3f} | {r['fact_recall']:.3f} |")
    t = data.get("dev_cv", {}).get("training_folds")
    if t:
        rows.append(f"| the dev pages' training folds (for the gap) | {t['entity_f1']:.3f} | – | {t['country_accuracy']:.3f} | "
                    f"{t['relation_f1']:.3f} | {t['fact_recall']:.3f} |")
    return "\n".join(rows) + "\n\nFrom `docs/extraction.json`, written by `clusternet evaluate extraction`."


SECTIONS = {"schema": schema_section, "commands": commands_section, "queries": queries_section,
            "reliability": reliability_section, "evaluation": evaluation_section,
            "extraction": extraction_section}


def render(text: str) -> str:
    for name, fn in SECTIONS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->).*?(<!-- {name}:end -->)", re.S)
        if pattern.search(text):
            body = fn()
            text = pattern.sub(lambda m: m.group(1) + "\n" + body + "\n" + m.group(2), text)
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--check", action="store_true", help="fail if README.md differs from what would be generated")
    args = ap.parse_args()
    current = README.read_text(encoding="utf-8")
    new = render(current)
    if args.check:
        if new != current:
            print("README.md is out of date: run python scripts/gen_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
