"""`clusternet suggest`, `clusternet insights` and `clusternet evaluate`: suggestions with
their reasons, network insights, and the CORDIS benchmark.
"""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from clusternet.cli.options import (DatabaseOpt, FormatOpt, PasswordOpt, StoreOpt, UserOpt, console,
    print_rows, progress_bar, store_from_options)
from clusternet import api
from clusternet.api import ConfigError

__all__ = ["register", "suggestion_rows"]


def suggestion_rows(suggestions) -> list[dict]:
    """One row per suggestion; every row carries its reasons and their evidence."""
    rows = []
    for rank, s in enumerate(suggestions, 1):
        row = {"rank": rank}
        if s.source:
            row.update(source=s.source, source_name=s.source_name)
        readable = s.score_100 is not None   # enlargement: 0-100; cross-border: the pair model's log-odds
        row.update(id=s.id, name=s.name, label=s.label, country=s.country or "",
                   score=round(s.score_100, 1) if readable else None,
                   model_score=None if readable else round(s.score, 3),
                   mode=s.mode, basis=s.basis, reasons=[r.text for r in s.reasons],
                   evidence=sorted({e for r in s.reasons for e in r.evidence})[:12],
                   sources=sorted({d for r in s.reasons for d in r.sources}))
        rows.append(row)
    return rows


def _print_suggestions(rows: list[dict], fmt: str, title: str) -> None:
    if fmt == "table":
        _print_blocks(rows, title)
    elif fmt == "json":
        print_rows(rows, "json")
    else:
        print_rows(rows, fmt)


def _print_blocks(rows: list[dict], title: str) -> None:
    """One block per suggestion (the reasons need the width a table column cannot give them),
    wrapped to the terminal with hanging indents; a basis every row shares is said once on top
    and each such row is tagged, so no line is lost and nothing is repeated ten times."""
    from rich.text import Text

    console.print(Text(title, style="bold"))
    if not rows:
        console.print("no suggestions")
    bases = {r.get("basis") or "" for r in rows}
    shared = bases.pop() if len(bases) == 1 else ""
    if shared:
        console.print(_hanging(f"All below: {shared}.", "  ", "  "), style="dim")
    for r in rows:
        pair = f"{r['source_name']} → " if r.get("source_name") and "source" in r and \
            r.get("source_name") not in title else ""
        head = Text(f"{r['rank']:>3}. ", style="bold")
        head.append(f"{pair}{r['name']}", style="bold")
        head.append(f"  [{r['label']}, {r.get('country') or '?'}]"
                    + (f"  {r['score']:.0f}/100" if r.get("score") is not None else ""))
        if shared and r.get("mode") == "content":
            head.append("  profile match", style="dim")
        console.print(head)
        if r.get("basis") and not shared:
            console.print(_hanging(f"({r['basis']})", "       ", "        "), style="dim")
        for reason in r["reasons"]:
            console.print(_hanging(reason, "       • ", "         "))


def _hanging(text: str, first: str, rest: str, width: int | None = None) -> "Text":
    """``text`` wrapped to the terminal, its first line after ``first``, the others after ``rest``.

    >>> print(_hanging("one two three four five six", "  • ", "    ", width=22).plain)
      • one two three
        four five six
    """
    import textwrap

    from rich.text import Text

    lines = textwrap.wrap(text, width=max(20, (width or console.width) - 1), initial_indent=first,
                          subsequent_indent=rest, break_on_hyphens=False) or [first.rstrip()]
    return Text("\n".join(lines))


def _graph(store, user, password, database):
    with store_from_options(store, user, password, database, read_only=True, must_exist=True) as s:
        return api.snapshot(s)


def _split(value: str | None) -> list[str] | None:
    return [x.strip() for x in value.split(",") if x.strip()] if value else None


K_OPT = typer.Option(20, "--k", "-k", help="How many suggestions.")


def enlargement_cmd(partnership: str = typer.Argument(..., help="Partnership id, name, acronym or part of its name."),
                    k: int = K_OPT,
                    targets: Optional[str] = typer.Option(None, "--targets", help="Target countries (ISO2, "
                                                          "comma-separated) instead of the partnership's own."),
                    sectors: Optional[str] = typer.Option(None, "--sectors", help="Sectors, comma-separated."),
                    only: Optional[str] = typer.Option(None, "--only", help="Only these kinds: Cluster, "
                                                       "Organisation, SME (comma-separated)."),
                    countries: Optional[str] = typer.Option(None, "--countries", help="Only candidates in these "
                                                            "countries (ISO2, comma-separated)."),
                    per_country: Optional[int] = typer.Option(None, "--per-country", min=1,
                                                              help="At most this many per country."),
                    objective: str = typer.Option("balanced", "--objective", help="What the partnership wants: "
                                                  "markets (target countries and neighbours first), core (sector "
                                                  "fit, close to several members), gaps (countries, sectors, "
                                                  "value-chain links it lacks) or balanced."),
                    any_kind: bool = typer.Option(False, "--any-kind", help="One list by score; by default "
                                                  "candidates of the members' kind (cluster-like) come first."),
                    store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt,
                    database: str = DatabaseOpt, format: str = FormatOpt):
    """Who should PARTNERSHIP invite next: candidates with reasons and evidence.

    Scored 0-100 for the chosen --objective (a point is 1/100 of what it asks for).

    Examples:
      clusternet suggest enlargement MTB --k 10
      clusternet suggest enlargement MTB --objective markets --format json
      clusternet suggest enlargement "Mediterranean Textile" --only Cluster --countries TN,MA --per-country 2
    """
    G = _graph(store, user, password, database)
    res = api.suggest_enlargement(G, partnership, k, target_countries=_split(targets), sectors=_split(sectors),
                                  only=_split(only), countries=_split(countries), per_country=per_country,
                                  objective=objective, kinds="any" if any_kind else "members")
    name = G.nodes[api.find_node(G, partnership, api.PARTNERSHIP)].get("name", partnership)
    _print_suggestions(suggestion_rows(res), format.lower(), f"Enlargement of {name}")


def cross_border_cmd(organisation: Optional[str] = typer.Argument(None, help="Organisation id or name."),
                     countries: Optional[str] = typer.Option(None, "--countries", help="Two ISO2 codes A,B: "
                                                             "missing links between their organisations."),
                     k: int = K_OPT,
                     sector: Optional[str] = typer.Option(None, "--sector", help="Only candidates in this sector."),
                     targets: Optional[str] = typer.Option(None, "--targets", help="Only candidates in these "
                                                           "countries (ISO2, comma-separated)."),
                     org_type: Optional[str] = typer.Option(None, "--org-type", help="Only this organisation "
                                                            "type (or label, e.g. Cluster)."),
                     sme_only: bool = typer.Option(False, "--sme-only", help="Only SMEs."),
                     store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt,
                     database: str = DatabaseOpt, format: str = FormatOpt):
    """Missing cross-border links for ORG, or between two countries (--countries A,B).

    Examples:
      clusternet suggest cross-border "Lyon Technical University"
      clusternet suggest cross-border --countries FR,MA --format csv
    """
    G = _graph(store, user, password, database)
    pair = _split(countries)
    res = api.suggest_cross_border(G, organisation, countries=tuple(pair) if pair is not None else None, k=k,
                                   sector=sector, target_countries=_split(targets), org_type=org_type,
                                   sme_only=sme_only)
    title = (f"Cross-border links for {G.nodes[api.find_node(G, organisation)].get('name', organisation)}"
             if organisation else f"Missing links {countries}")
    _print_suggestions(suggestion_rows(res), format.lower(), title)


def _print_bridges(res: dict, groups: tuple[str, str], fmt: str) -> None:
    a, b = groups
    if fmt == "json":
        sys.stdout.write(json.dumps(res, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "table":
        console.print(f"{res['links']} links between {a} and {b}")
    print_rows(res["bridges"], fmt, title=f"Organisations bridging {a} and {b}")


def _print_insight(what: str, res, fmt: str, *, k: int, groups: tuple[str, str]) -> None:
    """Print one insight's answer as the table, JSON or CSV the user asked for."""
    if what == "bridges":
        _print_bridges(res, groups, fmt)
    elif what == "communities":
        rows = [dict(c, members=len(c["members"])) if fmt == "table" else c for c in res]
        print_rows(rows[:k] if fmt == "table" else rows, fmt, title="Communities (Louvain)")
    elif what == "what-if":
        rows = [{"": key, **res[key]} for key in ("before", "after", "gained")]
        print_rows(rows, fmt, title=f"What if {res['candidate_name']} joins")
    else:
        titles = {"brokers": "Brokers", "countries": "Collaborating organisation pairs by country",
                  "coverage": "Coverage"}
        print_rows([res] if what == "coverage" else res, fmt, title=titles[what])


def insights_cmd(what: str = typer.Argument("brokers", help="brokers, bridges, communities, countries, "
                                            "coverage or what-if."),
                 partnership: Optional[str] = typer.Option(None, "--partnership", "-p"),
                 candidate: Optional[str] = typer.Option(None, "--candidate", "-c"),
                 groups: str = typer.Option("EU27,South-Med", "--groups", help="Two country groups (bridges)."),
                 k: int = typer.Option(20, "--k", "-k"), seed: int = typer.Option(0, "--seed"),
                 store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt,
                 database: str = DatabaseOpt, format: str = FormatOpt):
    """Network insights: brokers, bridges between country groups, communities, the
    country collaboration matrix, a partnership's coverage, and a what-if.

    Examples:
      clusternet insights brokers --k 10
      clusternet insights bridges --groups EU27,South-Med
      clusternet insights what-if -p MTB -c "Monastir Textile Pole"
    """
    a, _, b = groups.partition(",")
    pair = (a.strip(), b.strip())
    G = _graph(store, user, password, database)
    res = api.insight(G, what, partnership=partnership, candidate=candidate, groups=pair, k=k, seed=seed)
    _print_insight(what, res, format.lower(), k=k, groups=pair)


def cordis_cmd(data: Optional[str] = typer.Option(None, "--data", help="participations.csv.gz "
                                                  "(default: ../shared/data/cordis/ beside the repository)."),
               format: str = typer.Option("table", "--format", "-f", help="table or json."),
               save_model: Optional[str] = typer.Option(None, "--save-model", help="Also write the model "
                                                        "fitted on train to this .npz file.")):
    """Hits@10, Hits@50 and MRR of clusternet and every baseline on the CORDIS
    benchmark (design/recommendation-benchmark.md), in one run.

    Example: clusternet evaluate cordis --format json
    """
    fmt = format.lower()
    total = api.cordis_query_count()
    with progress_bar("fitting on train, then ranking every query", total, enabled=fmt == "table") as advance:
        res = api.evaluate_cordis(data, progress=lambda task, n, _total: advance(n), save_model=save_model)
    if fmt == "json":
        sys.stdout.write(json.dumps(res["results"], ensure_ascii=False, indent=2) + "\n")
        return
    rows = [{"task": t, "method": m, **fig} for t, per in res["results"].items() for m, fig in per.items()]
    print_rows(rows, "table", title="CORDIS benchmark (Hits@10, Hits@50, MRR)")
    console.print(f"sizes: {res['counts']}\ntimings (s): {res['timings']}")


def extraction_cmd(k: int = typer.Option(4, "--k", help="Folds over the dev documents."),
                   quick: bool = typer.Option(False, "--quick", help="2 folds, nothing written (as CI runs it)."),
                   rules_only: bool = typer.Option(False, "--rules-only", help="The hand rules alone (the baseline)."),
                   out: Optional[str] = typer.Option(None, "--out", help="Where to write the report "
                                                     "(default docs/extraction.json, not with --quick)."),
                   format: str = typer.Option("table", "--format", "-f", help="table or json.")):
    """Extraction measured on documents it was not fitted on: k folds over ../shared/corpus/dev
    (held-out figures), the seeds and the project's own documents, per label and relation type.

    Example: clusternet evaluate extraction --quick
    """
    from pathlib import Path

    k = 2 if quick else k
    with console.status(f"{k} document folds: fitting and extracting"):
        report = api.evaluate_extraction(k=k, rules_only=rules_only)
    target = Path(out) if out else (None if quick or rules_only else Path(api.__file__).parent / "docs" / "extraction.json")
    if target:
        target.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if format.lower() == "json":
        sys.stdout.write(json.dumps(report, indent=2, sort_keys=True) + "\n")
        return
    console.print(api.extraction_report_text(report), highlight=False, markup=False)
    s = report["dev_cv"]
    console.print(f"dev held out: entity F1 {s['entity_f1']:.3f} country {s['country_accuracy']:.3f} "
                  f"relation F1 {s['relation_f1']:.3f} fact recall {s['fact_recall']:.3f}", highlight=False)
    if target:
        console.print(f"wrote {target}", highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    """Add `suggest enlargement`, `suggest cross-border`, `insights` and `evaluate cordis`."""
    suggest = typer.Typer(help="Ranked suggestions, each with its reasons and evidence.", no_args_is_help=True)
    app.add_typer(suggest, name="suggest")
    suggest.command("enlargement")(enlargement_cmd)
    suggest.command("cross-border")(cross_border_cmd)
    app.command("insights")(insights_cmd)
    evaluate = typer.Typer(help="Benchmarks on real history.", no_args_is_help=True)
    app.add_typer(evaluate, name="evaluate")
    evaluate.command("cordis")(cordis_cmd)
    evaluate.command("extraction")(extraction_cmd)
