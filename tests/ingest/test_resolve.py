"""Entity resolution (ingest/resolve.py) and `clusternet dedupe` decisions."""

from clusternet.graph.model import Node
from clusternet.graph.curation import apply_candidate, list_candidates, reject_candidate, undo_merge
from clusternet.ingest.loader import load_files
from clusternet.ingest.resolve.matching import resolve


def org(id_, name, country=None, label="Organisation", **props):
    return Node(id_, (label,), {"name": name, **({"country": country} if country else {}), **props})


def ids(res):
    return sorted(n.id for n in res.nodes)


def test_long_name_acronym_and_accents_are_one_node():
    recs = [org("org:accio-agencia-per-la-competitivitat-de-l-empresa-es",
                "ACCIÓ Agència per la Competitivitat de l'Empresa", "ES", aliases=["ACCIO"]),
            org("org:accio-es", "ACCIO", "ES"),
            org("org:accio-agencia-per-la-competitivitat-de-l-empresa-es-2",
                "Accio agencia per la competitivitat de l empresa", "ES")]
    res = resolve(recs, [])
    assert ids(res) == ["org:accio-agencia-per-la-competitivitat-de-l-empresa-es"]
    assert "ACCIO" in res.nodes[0].props["aliases"]


def test_shared_acronym_in_two_countries_stays_two():
    res = resolve([org("cluster:csm-fr", "CSM", "FR", "Cluster"), org("cluster:csm-it", "CSM", "IT", "Cluster")], [])
    assert ids(res) == ["cluster:csm-fr", "cluster:csm-it"]


def test_acronym_without_country_evidence_is_only_a_candidate():
    long = org("org:european-foundation-for-cluster-excellence-be", "European Foundation for Cluster Excellence", "BE")
    short = org("org:efce", "EFCE")
    res = resolve([long, short], [])
    assert len(res.nodes) == 2
    assert [(c.a, c.b) for c in res.candidates] == [("org:efce", long.id)]


def test_legal_form_and_case_do_not_split_an_organisation():
    res = resolve([org("org:nordtex-weaving-de", "Nordtex Weaving GmbH", "DE"),
                   org("org:nordtex-weaving-de-2", "NORDTEX WEAVING", "DE")], [])
    assert ids(res) == ["org:nordtex-weaving-de"]


def test_different_external_keys_are_never_merged():
    a = org("org:pic-1", "UNIVERSITY OF NOWHERE", "FR", pic="1")
    b = org("org:pic-2", "UNIVERSITY OF NOWHERE", "FR", pic="2")
    assert ids(resolve([a, b], [])) == ["org:pic-1", "org:pic-2"]


def test_similar_names_in_the_same_country_merge_and_borderline_ones_are_candidates():
    res = resolve([org("org:textile-innovation-network-pt", "Textile Innovation Network", "PT"),
                   org("org:textil-innovation-network-pt", "Textil Innovation Network", "PT"),
                   org("org:textile-innovation-hub-pt", "Textile Innovation Hub", "PT")], [])
    assert "org:textil-innovation-network-pt" not in ids(res)
    assert len(res.nodes) == 2


def test_resolution_uses_the_store_and_decisions_persist(store, tmp_path):
    a = tmp_path / "clusters.csv"
    a.write_text("name,country\nEuropean Foundation for Cluster Excellence,BE\nTextile Valley,FR\n", encoding="utf-8")
    b = tmp_path / "more_clusters.csv"
    b.write_text("name,country\nEFCE,BE\nTextil Valey,FR\nEFCE,\n", encoding="utf-8")
    load_files(store, [a], progress=False)
    rep = load_files(store, [b], progress=False)
    assert rep.files[0].written
    names = sorted(n.props["name"] for n in store.find_nodes("Cluster"))
    # EFCE (BE) is the foundation; the country-less EFCE stays apart, as a candidate
    assert names == ["EFCE", "European Foundation for Cluster Excellence", "Textil Valey", "Textile Valley"]
    efce = store.get_node("cluster:european-foundation-for-cluster-excellence-be")
    assert "EFCE" in efce.props["aliases"]
    cands = list_candidates(store)
    assert [(c["a"], c["b"]) for c in cands] == [
        ("cluster:efce", "cluster:european-foundation-for-cluster-excellence-be"),
        ("cluster:textil-valey-fr", "cluster:textile-valley-fr")]
    first = cands[0]
    merge_id = apply_candidate(store, str(first["n"]))
    gone = {first["a"], first["b"]} - {n.id for n in store.iter_nodes()}
    assert len(gone) == 1
    assert list_candidates(store, include_decided=True)[0]["status"] == "applied"
    undo_merge(store, merge_id)
    assert store.get_node(first["a"]) and store.get_node(first["b"])
    reject_candidate(store, "1")
    assert all(c["key"] != first["key"] for c in list_candidates(store))
    # re-ingesting does not propose a rejected pair again
    load_files(store, [b], progress=False)
    assert all(c["key"] != first["key"] for c in list_candidates(store))


def test_repeated_row_and_reingest_add_nothing(store, tmp_path):
    p = tmp_path / "clusters.csv"
    p.write_text("name,country\nAlpha,FR\nAlpha,FR\n", encoding="utf-8")
    load_files(store, [p], progress=False)
    before = store.content_hash()
    load_files(store, [p], progress=False)
    assert store.content_hash() == before
