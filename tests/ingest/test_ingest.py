"""`clusternet ingest`: files -> records -> store, all-or-nothing, on both stores."""
import csv
import gzip
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from clusternet.graph.errors import InputError
from clusternet.graph.store.sqlite import EmbeddedStore
from clusternet.ingest import loader
from clusternet.ingest.loader import load_files, load_records
from clusternet.ingest.rows.mapping import load_mapping
from prerequisites import missing
from paths import ROOT  # noqa: E402

TEMPLATES = ROOT / "examples" / "templates"
SAMPLE = ROOT / "examples" / "sample"
CORDIS = ROOT.parent / "shared" / "data" / "cordis" / "participations.csv.gz"
ORDER = ["programmes", "clusters", "organisations", "smes", "partnerships", "agreements", "events",
         "memberships", "relationships"]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(loader, "_now", lambda: "2024-01-01T00:00:00+00:00")


def load(store, *paths, **kw):
    kw.setdefault("progress", False)
    return load_files(store, [Path(p) for p in paths], **kw)


def nodes_named(store, label):
    return sorted(n.props["name"] for n in store.find_nodes(label))


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_templates_load_into_both_stores_with_identical_results(store, tmp_path):
    files = [TEMPLATES / f"{k}.csv" for k in ORDER]
    rep = load(store, *files)
    assert all(f.written and not f.problems for f in rep.files), [str(p) for f in rep.files for p in f.problems]
    with EmbeddedStore(tmp_path / "ref.db") as ref:
        ref.ensure_schema()
        load(ref, *files)
        assert store.content_hash() == ref.content_hash()
    assert nodes_named(store, "Cluster") == ["Loire Smart Textiles Cluster", "Valencian Footwear Innovation Cluster"]
    # the partnership named in clusters.csv and the row of partnerships.csv are one node
    assert len(store.find_nodes("Partnership")) == 1
    emtb = store.find_nodes("Partnership")[0]
    members = sorted(r.source for r in store.rels_of(emtb.id, "PARTNER_IN", "in"))
    assert members == ["cluster:loire-smart-textiles-cluster-fr", "cluster:valencian-footwear-innovation-cluster-es",
                       "org:atlas-regional-development-agency-ma", "org:tissages-du-cap-bon-tn"]
    assert {r.target for r in store.rels_of(emtb.id, "TARGETS", "out")} == {"country:MA", "country:TN"}
    nordtex = store.get_node("org:nordtex-weaving-de")
    assert set(nordtex.labels) == {"Organisation", "SME"} and nordtex.props["legal_form"] == "GmbH"
    # re-ingesting changes nothing
    again = load(store, *files)
    assert again.summary.changed == 0


def test_sample_dataset_loads(store):
    files = sorted(SAMPLE.glob("*.csv"))
    assert files
    rep = load(store, *files)
    assert all(f.written for f in rep.files), [str(p) for f in rep.files for p in f.problems][:5]
    countries = {n.props.get("country") for n in store.find_nodes("Cluster") + store.find_nodes("Organisation")}
    assert len(countries - {None}) >= 12 and {"TN", "MA", "EG"} <= countries
    assert len(store.find_nodes("Partnership")) >= 4


def test_row_problems_are_all_reported_and_nothing_is_written(store, tmp_path):
    p = write(tmp_path, "clusters.csv", "name,country,website,members\nGood,France,www.good.example.org,10\n"
              ",Spain,,\nBad land,Atlantis,,\nBad web,Italy,javascript:alert(1),many\n")
    before = store.counts()
    rep = load(store, p)
    f = rep.files[0]
    got = sorted((q.row, q.field) for q in f.problems)
    assert got == [(3, "name"), (4, "country"), (5, "members"), (5, "website")]
    assert all(q.file == str(p) for q in f.problems)
    assert not f.written and store.counts() == before


def test_skip_invalid_loads_good_rows_and_writes_a_report(store, tmp_path):
    p = write(tmp_path, "clusters.csv", "name,country\nGood,France\nBad,Atlantis\n")
    rep = load(store, p, skip_invalid=True)
    assert nodes_named(store, "Cluster") == ["Good"]
    with open(rep.files[0].report_path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["row"] == "3" and rows[0]["column"] == "country" and rows[0]["value"] == "Atlantis"


def test_dry_run_counts_without_writing(store, tmp_path):
    p = write(tmp_path, "clusters.csv", "name,country\nAlpha,France\nBeta,Spain\n")
    before = store.content_hash()
    dry = load(store, p, dry_run=True).summary
    assert dry.created["Cluster"] == 2 and store.content_hash() == before
    load(store, p)
    dry = load(store, p, dry_run=True).summary
    assert dry.unchanged["Cluster"] == 2 and dry.changed == 0
    q = write(tmp_path, "more_clusters.csv", "name,country,members\nAlpha,France,5\nGamma,Italy,\n")
    dry = load(store, q, dry_run=True).summary
    assert dry.updated["Cluster"] == 1 and dry.created["Cluster"] == 1 and store.content_hash() != before
    assert store.find_nodes("Cluster", {"name": "Gamma"}) == []


@pytest.mark.parametrize("name,text,match", [
    ("clusters.csv", "", "empty"),
    ("clusters.csv", "name,country\n", "no rows"),
    ("clusters.csv", "city,region\nLyon,ARA\n", "required column missing"),
    ("clusters.csv", "name|country\n" + "Techtera;France\n", "required column missing|delimiter"),
])
def test_bad_files_change_nothing(store, tmp_path, name, text, match):
    p = write(tmp_path, name, text)
    before = store.counts()
    try:
        rep = load(store, p)
        msg = "; ".join(str(q) for f in rep.files for q in f.problems)
        assert not rep.files[0].written
    except InputError as err:
        msg = str(err)
    assert __import__("re").search(match, msg), msg
    assert str(p.name) in msg
    assert store.counts() == before


def test_wrong_delimiter_hint(store, tmp_path):
    p = write(tmp_path, "clusters.csv", "name;country\nTechtera;France\n".replace(";", "#"))
    rep = load(store, p)
    assert "delimiter" in str(rep.files[0].problems[0])


def test_duplicate_keys_with_different_values_are_problems(store, tmp_path):
    p = write(tmp_path, "clusters.csv", "name,country,members\nAlpha,FR,10\nAlpha,France,12\nBeta,ES,1\nBeta,ES,1\n")
    f = load(store, p).files[0]
    assert [(q.row, q.field) for q in f.problems] == [(3, "members")]
    assert "row 2" in f.problems[0].reason


def test_repeated_rows_add_nothing(store, tmp_path):
    p = write(tmp_path, "clusters.csv", "name,country\nBeta,ES\nBeta,Spain\n")
    load(store, p)
    assert nodes_named(store, "Cluster") == ["Beta"]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_legacy_encodings_load(store, tmp_path, encoding):
    p = write(tmp_path, "clusters.csv", "name;country\nPôle Céramique Sud;France\n", encoding)
    load(store, p)
    assert nodes_named(store, "Cluster") == ["Pôle Céramique Sud"]


def test_unknown_columns_warn_or_fail_when_strict(store, tmp_path):
    p = write(tmp_path, "clusters.csv", "name,country,colour\nAlpha,FR,blue\n")
    rep = load(store, p)
    assert rep.files[0].written and "colour" in rep.files[0].notes[-1]
    q = write(tmp_path, "clusters2.csv", "name,country,colour\nGamma,FR,blue\n")
    rep = load(store, q, strict=True)
    assert not rep.files[0].written and rep.files[0].problems[0].field == "colour"


def test_xlsx_formula_cell_is_a_problem(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["name", "country", "website"])
    ws.append(["Alpha", "FR", '=HYPERLINK("http://evil.example","x")'])
    p = tmp_path / "clusters.xlsx"
    wb.save(p)
    before = store.counts()
    f = load(store, p).files[0]
    assert f.problems[0].row == 2 and f.problems[0].field == "website" and "formula" in f.problems[0].reason
    assert store.counts() == before


def test_user_mapping_renames_columns(store, tmp_path):
    m = write(tmp_path, "map.yaml", 'kind: clusters\ncolumns:\n  Cluster name: name\n  Pays: country\n'
                                    '  Membres: {field: member_of, split: "/"}\n')
    p = write(tmp_path, "export.csv", "Cluster name,Pays,Membres\nPôle Alpha,Maroc,Réseau Beta / Gamma Hub\n")
    rep = load(store, p, mapping=load_mapping(m))
    assert rep.files[0].written
    alpha = store.find_nodes("Cluster", {"name": "Pôle Alpha"})[0]
    assert alpha.props["country"] == "MA"
    assert len(store.rels_of(alpha.id, "MEMBER_OF", "out")) == 2


def test_interchange_jsonl_loads(store, tmp_path):
    p = write(tmp_path, "g.jsonl",
              '{"kind": "node", "id": "cluster:x-fr", "labels": ["Cluster"], "props": {"name": "X", "country": "FR"}}\n'
              '{"kind": "node", "id": "country:FR", "labels": ["Country"], "props": {"name": "France", "iso2": "FR"}}\n'
              '{"kind": "rel", "source": "cluster:x-fr", "type": "LOCATED_IN", "target": "country:FR"}\n')
    assert load(store, p).files[0].written
    assert store.rels_of("cluster:x-fr", "LOCATED_IN")


def test_load_records_for_document_ingest(store):
    from clusternet.graph.model import Evidence, Node

    doc = Node("doc:0123456789abcdef", ("Document",), {"name": "news.txt", "sha256": "0123456789abcdef" * 4})
    n = Node("cluster:techtera-fr", ("Cluster",), {"name": "Techtera", "country": "FR"},
             [Evidence(doc.id, 0, 8, "Techtera")])
    s = load_records(store, [n], [], source_doc=doc)
    assert s.created["Cluster"] == 1 and store.get_node(doc.id)
    assert store.get_node(n.id).props["sources"] == [doc.id]


def test_cordis_mapping_on_a_slice(store, tmp_path):
    if not CORDIS.is_file():
        missing(f"CORDIS data missing at {CORDIS}")
    p = tmp_path / "cordis.csv.gz"
    with gzip.open(CORDIS, "rt", encoding="utf-8") as src, gzip.open(p, "wt", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i > 300:
                break
            dst.write(line)
    rep = load(store, p, mapping=load_mapping(ROOT / "examples" / "mappings" / "cordis.yaml"))
    assert rep.files[0].written and rep.files[0].rows == 300
    rels = store.counts()["relationships"]
    assert rels["PARTNER_IN"] == 300  # no duplicate (project, org) pairs in the source
    org = store.find_nodes("Organisation")[0]
    assert org.id.startswith("org:pic-") and org.props["pic"]
    assert store.find_nodes("Programme") and rels["FUNDED_BY"] >= 1


def test_cli_ingest_and_exit_codes(tmp_path):
    from clusternet.cli import app

    good = write(tmp_path, "clusters.csv", "name,country\nAlpha,FR\n")
    bad = write(tmp_path, "events.csv", "name,country\nFair,Atlantis\n")
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    r = runner.invoke(app, ["ingest", str(good), "--store", db, "--no-progress", "--format", "csv"])
    assert r.exit_code == 0 and "Cluster,1,0,0,0" in r.stdout
    r = runner.invoke(app, ["ingest", str(bad), "--store", db, "--no-progress"])
    assert r.exit_code == 1 and "Atlantis" in r.output and "Traceback" not in r.output
