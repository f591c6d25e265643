"""The front of clusternet: what the CLI, the app and a Python user call, and nothing deeper.

Flow is one way: ``cli``/``app`` -> ``api`` -> ingest | analytics | query | render -> store
-> graph core. Every function here is one step a person takes (open a store, load files,
ask for candidates, run a saved query, export); errors are the :mod:`clusternet.graph.errors`
family, re-exported here.

>>> import tempfile, os
>>> store = open_store(os.path.join(tempfile.mkdtemp(), "demo.db"))
>>> counts = build_demo(store, echo=lambda line: None)
>>> G = snapshot(store)
>>> find_node(G, "MTB") == find_node(G, "mediterranean textile", ["Partnership"])
True
>>> [s.name for s in suggest_enlargement(G, "BLUEPORT", k=3)] != []
True
>>> store.close()
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from clusternet.graph.analytics.insights import INSIGHTS
from clusternet.graph.analytics.lookup import find_node, fold, search_nodes
from clusternet.graph.curation import (DECISIONS, apply_candidate as apply_merge, apply_decision,
    decisions as review_decisions, list_candidates as merge_candidates, parse_assignments, pending_reviews,
    record_decision, reject_candidate as reject_merge, undo_merge)
from clusternet.graph.errors import (ClusternetError, ConfigError, InputError, NotFound, QueryError,
    StoreUnavailable, ValidationError)
from clusternet.graph.analytics.overview import stated_facts
from clusternet.graph.curation import decode_all as decode_evidence
from clusternet.graph.query.saved import EMBEDDED_CONSOLE_MESSAGE
from clusternet.graph.reference.countries import GROUPS as COUNTRY_GROUPS
from clusternet.graph.render.evidence import evidence_snippet, snippet_markdown
from clusternet.graph.render.export import neutralise_cell  # the one rule for spreadsheet-safe cells
from clusternet.graph.render.viz import COLOUR_BY, SIZE_BY
from clusternet.graph.render.viz import DEFAULT_CAP as MAP_CAP
from clusternet.graph.render.viz import markdown_escape
from clusternet.graph.render.brief_data import place_name  # a country code -> its name
from clusternet.graph.render.pageviews import (actor_counts, brief_candidates, csv_bytes, export_suffix,
    figure_tables, is_actor, mode_words, network_map, overview_tables, readable_score, reference_labels,
    relation_rows, relation_words, shortlist_rows, user_labels, what_if_rows, xlsx_bytes)
from clusternet.graph.schema import group, load_schema
from clusternet.graph.settings import StoreConfig
from clusternet.graph.store import GraphStore
from clusternet.graph.store import open_store as _open_store

__all__ = [
    # stores
    "open_store", "init_store", "store_counts", "snapshot", "GraphStore", "StoreConfig",
    # loading
    "ingest", "load_records", "record_count", "DEMO_STORE", "extract", "build_demo", "EXAMPLES_DIR",
    # finding things
    "find_node", "search_nodes", "fold",
    # words and helpers for pages
    "relation_words", "is_actor", "csv_bytes", "ACTOR_LABELS", "EMBEDDED_CONSOLE_MESSAGE",
    "overview_tables", "network_map", "export_suffix", "stated_facts", "decode_evidence", "evidence_snippet",
    "snippet_markdown", "markdown_escape", "load_schema", "COUNTRY_GROUPS", "COLOUR_BY", "SIZE_BY",
    # answers
    "suggest_enlargement", "suggest_cross_border", "insight", "INSIGHTS", "objective_choices",
    # queries and exports
    "saved_queries", "saved_query", "parse_params", "run_saved_query", "run_cypher", "export",
    "EXPORT_FORMATS", "MAP_CAP", "export_left_out",
    # the analyst's decisions
    "pending_reviews", "record_decision", "apply_decision", "review_decisions", "parse_assignments",
    "DECISIONS", "merge_candidates", "apply_merge", "reject_merge", "undo_merge",
    # benchmarks
    "evaluate_cordis", "cordis_query_count", "evaluate_extraction", "extraction_report_text", "PARTNERSHIP",
    # errors
    "ClusternetError", "ConfigError", "InputError", "NotFound", "QueryError", "StoreUnavailable",
    "ValidationError",
]

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"
DEMO_STORE = "data/clusternet-demo.db"  # relative to where the demo is built; data/ is git-ignored
EXPORT_FORMATS = ("graphml", "gexf", "csv", "json", "html", "png", "svg")

PARTNERSHIP = ("Partnership",)
ACTOR_LABELS = tuple(sorted(group("organisations")))  # the schema's organisation-like labels


# --- stores ---------------------------------------------------------------------------------

def open_store(uri: str | None = None, *, user: str | None = None, password: str | None = None,
               database: str | None = None, read_only: bool = False, ensure_schema: bool = True,
               must_exist: bool = False) -> GraphStore:
    """Open the store ``uri`` names: an embedded file path (default ``clusternet.db``) or a
    ``neo4j://``/``bolt://`` server.

    ``must_exist`` refuses an embedded path where no store file is (instead of creating an
    empty one), with a message that says how to make one.

    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "g.db")
    >>> open_store(path, must_exist=True)
    Traceback (most recent call last):
    ...
    clusternet.graph.errors.NotFound: no store at ...g.db; run `clusternet init` (or `clusternet demo`) to create one
    >>> s = open_store(path); s.kind
    'embedded'
    >>> s.close()
    """
    if must_exist and not _is_server(uri) and not Path(uri or "clusternet.db").exists():
        raise NotFound(f"no store at {uri or 'clusternet.db'}; run `clusternet init` (or `clusternet demo`) "
                       "to create one")
    return _open_store(uri, user=user, password=password, database=database, read_only=read_only,
                       ensure_schema=ensure_schema and not read_only)


def _is_server(uri: str | None) -> bool:
    return bool(uri) and "://" in str(uri)


def init_store(store: GraphStore):
    """Create the schema and load the reference data (countries with groupings, the 14 EU
    industrial ecosystems); returns the write summary (created / unchanged by label).

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> summary = init_store(s)
    >>> summary.created["Country"] > 200, sum(init_store(s).created.values())
    (True, 0)
    >>> s.close()
    """
    from clusternet.graph.reference import reference_records

    store.ensure_schema()
    nodes, rels = reference_records()
    return store.upsert(nodes, rels)


def store_counts(store: GraphStore) -> dict:
    """Counts of nodes by label and relationships by type: ``{"nodes": {...}, "relationships": {...}}``.

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> store_counts(s)
    {'nodes': {}, 'relationships': {}}
    >>> s.close()
    """
    return store.counts()


def snapshot(store: GraphStore):
    """The whole graph as a :class:`networkx.MultiDiGraph` (node attributes: label, labels, name,
    country, ...; edges keyed by relationship type), for the analytics and renderers.

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> snapshot(s).number_of_nodes()
    0
    >>> s.close()
    """
    return store.snapshot()


# --- loading --------------------------------------------------------------------------------

def ingest(store: GraphStore, paths: Iterable[str | Path], *, mapping: str | Path | None = None,
           kind: str | None = None, dry_run: bool = False, skip_invalid: bool = False, strict: bool = False,
           progress: Callable | None = None):
    """Load spreadsheets and documents into ``store``, each file all-or-nothing (unless
    ``skip_invalid``); returns the load report (per file: kind, rows, problems, notes; summary).
    ``progress(stage, done, total)`` is called as rows are read and written.

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> report = ingest(s, [EXAMPLES_DIR / "sample" / "clusters.csv"], dry_run=True)
    >>> report.files[0].kind, report.summary.created.get("Cluster", 0) > 0, store_counts(s)["nodes"]
    ('clusters', True, {})
    >>> s.close()
    """
    from clusternet.ingest.loader import load_files
    from clusternet.ingest.rows.mapping import KINDS, load_mapping

    if kind and kind not in KINDS:
        raise ConfigError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
    loaded_mapping = load_mapping(mapping) if mapping else None
    return load_files(store, paths, mapping=loaded_mapping, kind=kind, dry_run=dry_run,
                      skip_invalid=skip_invalid, strict=strict, progress=progress)


def load_records(store: GraphStore, path: str | Path, *, batch_size: int = 5000,
                 progress: Callable[[int], None] | None = None):
    """Load a file of the interchange format (what ``export(G, "json")`` writes): validated
    against the schema first; a file with any problem changes nothing. Returns the write summary;
    ``progress`` is called with the number of records written after each batch.
    
    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> s = open_store(os.path.join(folder, "a.db")); _ = build_demo(s, echo=lambda line: None)
    >>> _ = export(snapshot(s), "json", os.path.join(folder, "graph.json"))
    >>> t = open_store(os.path.join(folder, "b.db"))
    >>> summary = load_records(t, os.path.join(folder, "graph.json"))
    >>> store_counts(t) == store_counts(s)
    True
    >>> s.close(); t.close()
    """
    from clusternet.graph.model import validate_or_raise
    from clusternet.graph.store.interchange import read_interchange

    nodes, rels = read_interchange(path)
    ends = {r.source for r in rels} | {r.target for r in rels}
    nodes, rels = validate_or_raise(nodes, rels, store.schema, known_labels=store.labels_of(ends),
                                    context=str(path))
    return store.upsert(nodes, rels, batch_size=batch_size, progress=progress)


def record_count(path: str | Path) -> int:
    """How many records (nodes and relationships) an interchange file holds, for a progress bar.

    >>> import tempfile, os, json
    >>> path = os.path.join(tempfile.mkdtemp(), "g.jsonl")
    >>> _ = open(path, "w").write(json.dumps({"kind": "node", "id": "org:a", "labels": ["Organisation"],
    ...                                        "properties": {"name": "A"}}) + "\\n")
    >>> record_count(path)
    1
    """
    from clusternet.graph.store.interchange import read_interchange

    nodes, rels = read_interchange(path)
    return len(nodes) + len(rels)


def extract(paths: Iterable[str | Path], *, max_mb: int = 25, progress: Callable | None = None):
    """Read documents (text, Markdown, HTML, PDF, DOCX) and extract entities, relations and stated
    figures with their evidence spans; nothing is written. Returns the typed extraction
    (``.as_dict()`` is the extraction contract).

    >>> ex = extract([EXAMPLES_DIR / "documents" / "blueport_newsletter.md"])
    >>> any(e.label == "Partnership" for e in ex.entities)
    True
    """
    from clusternet.ingest.extract import extract_paths
    from clusternet.ingest.sources.readers import Limits

    return extract_paths(list(paths), Limits(max_bytes=max_mb * 1024 * 1024), progress=progress)


def build_demo(store: GraphStore, examples: str | Path | None = None,
               echo: Callable[[str], None] = print, progress: Callable | None = None) -> dict:
    """Load the reference data and every sample file of ``examples/`` into ``store``; says what
    was loaded (and which file failed, and why) through ``echo``; returns the store's counts.
    ``progress(stage, done, total)`` is called as files are read and written.

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> _ = build_demo(s, echo=lambda line: None)
    >>> store_counts(s)["nodes"]["Partnership"]
    7
    >>> s.close()
    """
    from clusternet.ingest.demo import build_demo as _build

    return _build(store, Path(examples) if examples else EXAMPLES_DIR, echo=echo, progress=progress)


# --- answers ----------------------------------------------------------------------------------

def suggest_enlargement(G, partnership: str, k: int = 20, **options) -> list:
    """Who ``partnership`` (id, name, acronym or part of its name) should invite next: ranked
    :class:`~clusternet.graph.analytics.explain.Suggestion` objects with reasons and evidence.

    ``options`` are those of :func:`clusternet.graph.analytics.suggest.suggest_enlargement`
    (target_countries, sectors, only, countries, per_country, ...).
    

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> _ = build_demo(s, echo=lambda line: None)
    >>> top = suggest_enlargement(snapshot(s), "MTB", k=3)
    >>> [x.country for x in top][:1], 0 <= top[0].score_100 <= 100
    (['TN'], True)
    >>> s.close()
    """
    from clusternet.graph.analytics.suggest import suggest_enlargement as _suggest

    return _suggest(G, find_node(G, partnership, PARTNERSHIP), k, **options)


def objective_choices() -> dict[str, str]:
    """What a partnership may want from its enlargement: objective name -> what it asks for, in words.

    >>> list(objective_choices())
    ['balanced', 'markets', 'core', 'gaps']
    """
    from clusternet.graph.analytics.objectives import OBJECTIVES, objective

    return {name: f"{name.capitalize()}: {objective(name).summary}" for name in OBJECTIVES}


def suggest_cross_border(G, organisation: str | None = None, *, countries: tuple[str, str] | None = None,
                         k: int = 20, **options) -> list:
    """Missing cross-border links for ``organisation`` (id or name), or between the organisations
    of two countries (``countries=("FR", "MA")``); ranked suggestions with reasons and evidence.

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> _ = build_demo(s, echo=lambda line: None)
    >>> res = suggest_cross_border(snapshot(s), "Lyon Technical University", k=3)
    >>> len(res), all(x.country != "FR" for x in res)
    (3, True)
    >>> s.close()
    """
    from clusternet.graph.analytics.suggest import suggest_cross_border as _suggest

    if bool(organisation) == bool(countries):
        raise ConfigError("give either an organisation or two countries")
    if countries is not None and len(countries) != 2:
        raise ConfigError(f"two ISO2 country codes are needed, like FR,MA; got {','.join(countries)!r}")
    org = find_node(G, organisation) if organisation else None
    pair = tuple(c.upper() for c in countries) if countries else None
    return _suggest(G, org, countries=pair, k=k, **options)


def insight(G, what: str, *, partnership: str | None = None, candidate: str | None = None,
            groups: tuple[str, str] = ("EU27", "South-Med"), k: int = 20, seed: int = 0):
    """One network insight (see :data:`INSIGHTS`): ``brokers`` (rows), ``bridges`` (dict with links
    and bridges), ``communities`` (rows), ``countries`` (matrix rows), ``coverage`` (one row for a
    partnership), ``what-if`` (before/after/gained for a partnership and a candidate); the
    partnership and candidate are found by the one name policy (:func:`find_node`).

    >>> import networkx as nx
    >>> insight(nx.MultiDiGraph(), "gaps")
    Traceback (most recent call last):
    ...
    clusternet.graph.errors.ConfigError: unknown insight 'gaps': use brokers, bridges, communities, countries, coverage or what-if
    """
    from clusternet.graph.analytics.insights import insight as _insight

    pid = find_node(G, partnership, PARTNERSHIP) if partnership else None
    cid = find_node(G, candidate) if candidate else None
    return _insight(G, what, partnership=pid, candidate=cid, groups=groups, k=k, seed=seed)


# --- queries and exports ------------------------------------------------------------------------

def saved_queries() -> list:
    """The saved analyst queries (``queries/*.cypher``): name, title, description, parameters.

    >>> "partnership_partners" in [q.name for q in saved_queries()]
    True
    """
    from clusternet.graph.query.saved import list_saved

    return list_saved()


def saved_query(name_or_path: str | Path):
    """A saved query by name, or read from a ``.cypher`` file (its header types the parameters).

    >>> saved_query("partnership_partners").params[0].name
    'partnership'
    """
    from clusternet.graph.query.saved import get_saved, load_query_file

    return load_query_file(name_or_path) if str(name_or_path).endswith(".cypher") else get_saved(name_or_path)


def parse_params(args: list[str] | None, spec: list | None = None) -> dict[str, Any]:
    """``name=value`` strings as query parameters, typed by the query's header when given.

    >>> parse_params(["cc=MA", "n:int=5"])
    {'cc': 'MA', 'n': 5}
    """
    from clusternet.graph.query.saved import parse_param_args

    return parse_param_args(args, spec)


# a saved query's parameter that names a graph thing, and the labels it may name
_PARAM_LABELS = {"partnership": PARTNERSHIP, "source": None, "target": None}


def run_saved_query(store: GraphStore, query, params: Mapping[str, Any] | None = None, *,
                    G=None, **limits):
    """Run a saved query (a name, a ``.cypher`` path or a :func:`saved_query`) on either store;
    parameters that name graph things (a partnership, the ends of a path) are found by the one
    name policy (:func:`find_node`: id, name, acronym, alias, unique part of a name) first.
    ``limits``: ``timeout`` (seconds) and ``max_rows``.

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> _ = build_demo(s, echo=lambda line: None)
    >>> res = run_saved_query(s, "partnership_partners", {"partnership": "mediterranean textile"})
    >>> sorted({row["partnership"] for row in res.records()})
    ['Mediterranean Textile Bridge']
    >>> s.close()
    """
    from clusternet.graph.query.saved import run_query

    query = saved_query(query) if isinstance(query, (str, Path)) else query
    given = dict(params or {})
    named = [p for p in given if p in _PARAM_LABELS and isinstance(given[p], str) and given[p]]
    if named:
        G = G if G is not None else store.snapshot()
        for p in named:
            given[p] = find_node(G, given[p], _PARAM_LABELS[p])
    return run_query(store, query, given, **limits)


def run_cypher(store: GraphStore, cypher: str, params: Mapping[str, Any] | None = None, **limits):
    """Run read-only Cypher on a Neo4j store (refused on the embedded store and for any write);
    ``limits``: ``timeout`` (seconds) and ``max_rows``.

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> run_cypher(s, "MATCH (n) RETURN count(n)")
    Traceback (most recent call last):
    ...
    clusternet.graph.errors.QueryError: ad-hoc Cypher needs a Neo4j store; ...
    >>> s.close()
    """
    from clusternet.graph.query.saved import run_console

    return run_console(store, cypher, params or {}, **limits)


def export(G, fmt: str, path: str | Path | None = None, **options):
    """The graph in ``fmt`` (one of :data:`EXPORT_FORMATS`): the bytes, or, given ``path``, the
    list of files written. The same graph always gives the same file (seeded layouts).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("org:a", label="Organisation", labels=["Organisation"], name="Acme")
    >>> export(G, "graphml") == export(G, "graphml")
    True
    """
    from clusternet.graph.render.export import export_bytes, write_export

    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if path is None:
        return export_bytes(G, fmt, **options)
    return write_export(G, fmt, path, **options)


def export_left_out(G) -> int:
    """How many nodes a Gephi export (GEXF, GraphML) leaves out by default: reference countries,
    sectors and source documents that no relationship touches (``with_reference=True`` keeps them).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("country:MA", label="Country", labels=["Country"], name="Morocco")
    >>> export_left_out(G)
    1
    """
    from clusternet.graph.render.gephi import isolated_background

    return len(isolated_background(G))


def evaluate_cordis(data: str | Path | None = None, *, progress: Callable | None = None,
                    save_model: str | Path | None = None) -> dict:
    """The CORDIS recommendation benchmark (Hits@10, Hits@50, MRR of clusternet and every baseline,
    one run); ``data`` defaults to ``../shared/data/cordis/participations.csv.gz``.

    >>> evaluate_cordis("no-such-file.csv.gz")
    Traceback (most recent call last):
    ...
    clusternet.graph.errors.InputError: ...
    """
    from clusternet.graph.evaluation.cordis import evaluate_cordis as _evaluate

    return _evaluate(data, progress=progress, save_model_path=save_model)


def evaluate_extraction(*, k: int = 4, rules_only: bool = False, shared: str | Path | None = None) -> dict:
    """Extraction measured on documents it was not fitted on: ``k`` folds over the documents of
    ``../shared/corpus/dev`` (held-out figures, and the training folds' for comparison), the
    rules alone, the seeds and the project's own documents; the report ``docs/extraction.json`` holds.
    

    >>> evaluate_extraction(shared="/no/shared/here")
    Traceback (most recent call last):
    ...
    clusternet.graph.errors.ConfigError: ...
    """
    from clusternet.ingest.extract.evaluate import extraction_report

    root = Path(__file__).resolve().parent
    return extraction_report(Path(shared) if shared else root.parent / "shared", root, k=k, rules_only=rules_only)


def extraction_report_text(report: dict) -> str:
    """An extraction report as plain-text tables (per label and per relation type).

    >>> row = {"gold": 2, "pred": 2, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    >>> r = {"entity_f1": 1.0, "country_accuracy": 1.0, "relation_f1": 1.0, "fact_recall": 1.0,
    ...      "per_label": {"Cluster": row}, "per_relation_type": {}}
    >>> extraction_report_text({"own": r}).splitlines()[:2]
    ['== own', '   entity F1 1.000   country 1.000   relation F1 1.000   fact recall 1.000']
    """
    from clusternet.ingest.extract.evaluate import format_report

    return format_report(report)


def cordis_query_count() -> int:
    """How many queries the CORDIS benchmark ranks (task A and task B together), for progress bars.

    >>> cordis_query_count()
    15018
    """
    from clusternet.graph.evaluation.cordis import EXPECTED

    return EXPECTED["task_a_queries"] + EXPECTED["task_b_queries"]


# --- the app's pages: maps, briefs and tables in words (issue 17) ------------------------------
# Pages call only this module; the logic lives in graph/render/pageviews.py, worldmap.py, brief.py.


__all__ += ["neutralise_cell", "place_name", "actor_counts", "brief_candidates", "figure_tables", "mode_words", "readable_score",
            "reference_labels", "relation_rows", "shortlist_rows", "user_labels", "what_if_rows", "xlsx_bytes",
            "world_map_svg", "partnership_brief", "what_if"]


def world_map_svg(G, partnership: str | None = None, *, marks: Iterable[str] = (), mark_label: str = "",
                  width: float = 960.0, title: str = "") -> str:
    """The world map of a snapshot as inline SVG (nothing fetched): actors per country shaded,
    cross-border links as arcs; with ``partnership`` (id, name or acronym) its member countries
    outlined and target markets hatched; ``marks`` (ISO codes) drawn as diamonds named
    ``mark_label`` in the legend (e.g. the countries a candidate would add).

    One path per country and one arc per country pair, however many actors the graph holds.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("org:a", label="Organisation", labels=["Organisation"], country="FR")
    >>> svg = world_map_svg(G, marks=["MA"], mark_label="countries gained")
    >>> svg.startswith("<svg") and "countries gained" in svg
    True
    """
    from clusternet.graph.render.worldmap import world_map_svg as _svg

    pid = find_node(G, partnership, PARTNERSHIP) if partnership else None
    return _svg(G, pid, marks=marks, mark_label=mark_label, width=width, standalone=False, title=title)


def partnership_brief(G, partnership: str, shortlist: list | None = None):
    """The one-page brief of ``partnership`` (id, name or acronym): ``.html`` (prints on A4),
    ``.pdf_bytes()``; ``shortlist`` is the candidates the team picked (dicts with name,
    country, score 0-100, reasons, evidence), else the top five suggestions.

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> _ = build_demo(s, echo=lambda line: None)
    >>> b = partnership_brief(snapshot(s), "MTB")
    >>> b.name.startswith("Mediterranean Textile Bridge") and "<html" in b.html
    True
    >>> s.close()
    """
    from clusternet.graph.render.brief import partnership_brief as _brief

    return _brief(G, find_node(G, partnership, PARTNERSHIP), shortlist)


def what_if(G, partnership: str, candidate: str) -> dict:
    """What changes if ``candidate`` joins ``partnership``: ``rows`` of before/after figures in
    words and ``gained`` (ISO codes of the countries the partnership would add).

    >>> import tempfile, os
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> _ = build_demo(s, echo=lambda line: None)
    >>> G = snapshot(s)
    >>> res = what_if(G, "MTB", suggest_enlargement(G, "MTB", k=1)[0].id)
    >>> res["gained"], [r["figure"] for r in res["rows"]][:1]
    (['TN'], ['members'])
    >>> s.close()
    """
    result = insight(G, "what-if", partnership=partnership, candidate=candidate)
    return {"rows": what_if_rows(G, result), "gained": list(result["gained"]["countries"])}
