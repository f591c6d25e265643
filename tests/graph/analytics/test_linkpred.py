"""Link scores, the co-participation index and the protocol's rank, on tiny graphs."""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from clusternet.graph.analytics.features import (GROUP_FEATURES, PAIR_FEATURES, group_features, pair_block,
    pair_features)
from clusternet.graph.analytics.linkpred import (adamic_adar, common_neighbours, generate_candidates,
    index_from_graph, index_from_groups, org_topics, preferential_attachment, protocol_rank,
    resource_allocation, sector_words)
from clusternet.graph.analytics.recommender import TreeEnsemble, linear_terms


@pytest.fixture
def idx():
    # edges a-b, b-c, c-d, a-c; degrees a 2, b 2, c 3, d 1
    return index_from_groups(list("abcd"), [["a", "b"], ["b", "c"], ["c", "d"], ["a", "c"]],
                             country=["FR", "IT", "IT", "ES"])


def test_classical_scores_by_hand(idx):
    a, d = idx.pos["a"], idx.pos["d"]
    assert common_neighbours(idx, [a])[0, d] == 1                       # via c
    assert adamic_adar(idx, [a])[0, d] == pytest.approx(1 / math.log(3))
    assert resource_allocation(idx, [a])[0, d] == pytest.approx(1 / 3)
    assert adamic_adar(idx, [a])[0, idx.pos["c"]] == pytest.approx(1 / math.log(2))   # via b
    assert preferential_attachment(idx, [a])[0, d] == 2 * 1


def test_scores_agree_with_networkx_on_a_random_graph():
    H = nx.gnm_random_graph(40, 90, seed=3)
    idx = index_from_groups([str(n) for n in H], [[str(u), str(v)] for u, v in H.edges()])
    aa, ra = adamic_adar(idx, [0])[0], resource_allocation(idx, [0])[0]
    pairs = [(0, v) for v in H if v != 0 and not H.has_edge(0, v)]
    for (u, v, s) in nx.adamic_adar_index(H, pairs):
        assert aa[idx.pos[str(v)]] == pytest.approx(s)
    for (u, v, s) in nx.resource_allocation_index(H, pairs):
        assert ra[idx.pos[str(v)]] == pytest.approx(s)


def test_repeated_and_recent_co_participation():
    idx = index_from_groups(["x", "y", "z"], [["x", "y"], ["x", "y"], ["y", "z"]], group_time=[2018.0, 2014.0, np.nan])
    assert idx.W[0, 1] == 2
    # recency weight exp(-age / 2): 1 for the newest group, exp(-2) four years earlier
    assert idx.R[0, 1] == pytest.approx(1 + math.exp(-2))
    assert idx.R[1, 2] == pytest.approx(0.5)                              # undated group


def test_index_from_graph_reads_groups_and_direct_links():
    G = nx.MultiDiGraph()
    G.add_node("p", label="Partnership", name="P", start_date="2018-03-01")
    G.add_node("e", label="Event", name="E")
    for o, c in [("x", "FR"), ("y", "MA"), ("z", "ES")]:
        G.add_node(o, label="Cluster", name=o, country=c)
    G.add_edge("x", "p", key="PARTNER_IN")
    G.add_edge("y", "p", key="PARTNER_IN")
    G.add_edge("y", "e", key="PARTICIPATED_IN")
    G.add_edge("z", "e", key="PARTICIPATED_IN")
    G.add_edge("x", "y", key="MEMBER_OF")
    G.add_edge("p", "z", key="VISITED")                 # a visit by a partnership is not a tie
    idx = index_from_graph(G)
    assert idx.ids == ["x", "y", "z"]
    assert idx.W.toarray().tolist() == [[0, 2, 0], [2, 0, 1], [0, 1, 0]]
    assert sorted(idx.group_ids) == ["e", "p", "x|MEMBER_OF|y"]


def test_index_keeps_each_organisations_topic_words():
    # suggestions read an organisation's sector/programme words from the index instead of
    # walking the graph again: they must be what org_topics reads from the graph
    G = nx.MultiDiGraph()
    G.add_node("p", label="Partnership", name="P")
    G.add_node("prog:h2020", label="Programme", name="H2020")
    G.add_node("sector:fashion", label="Sector", name="fashion", ecosystem="Textile")
    G.add_node("x", label="Cluster", name="X", country="FR", sectors=["home textiles"])
    G.add_node("y", label="SME", name="Y", country="MA")
    G.add_node("z", label="Organisation", name="Z", country="ES")
    G.add_edge("x", "p", key="PARTNER_IN")
    G.add_edge("y", "p", key="COORDINATES")
    G.add_edge("p", "prog:h2020", key="FUNDED_BY")
    G.add_edge("y", "sector:fashion", key="ACTIVE_IN")
    idx = index_from_graph(G)
    assert [idx.topics_of(idx.pos[o]) for o in "xyz"] == [org_topics(G, o) for o in "xyz"]
    assert "programme:prog:h2020" in idx.topics_of(idx.pos["y"]) and idx.topics_of(idx.pos["z"]) == []


def test_sector_words_meet_on_the_ecosystem():
    assert "ecosystem:textile" in sector_words("fashion")
    assert "ecosystem:textile" in sector_words("Home textiles")
    assert not set(sector_words("pisco")) & set(sector_words("textile"))


def test_protocol_rank_counts_ties_against_the_model():
    s = np.array([0.9, 0.5, 0.5, 0.5, 0.1])
    assert protocol_rank(s, [1]) == 4          # 1 higher + 2 tied negatives + itself
    assert protocol_rank(s, [1, 2]) == 3       # the other positive is not held against it
    assert protocol_rank(s, [4, 0]) == 1
    assert protocol_rank(np.full(10, -np.inf), [3]) == 10      # never generated: last


def test_candidates_keep_valid_two_hop_and_popular(idx):
    a = idx.pos["a"]
    valid = np.array([False, False, False, True])            # only d allowed
    gen = generate_candidates(idx, common_neighbours(idx, [a])[0], np.zeros(4), valid)
    assert gen.tolist() == [3]
    gen = generate_candidates(idx, np.zeros(4), np.zeros(4), np.ones(4, bool), n_popular=1)
    assert gen.tolist() == [idx.pos["c"]]                    # the best-connected one


def test_pair_and_group_features_by_hand(idx):
    a = idx.pos["a"]
    block = pair_block(idx, [a])
    X = pair_features(idx, block, 0, np.array([idx.pos["d"]]))
    f = dict(zip(PAIR_FEATURES, X[0]))
    assert f["cn"] == 1 and f["ra"] == pytest.approx(1 / 3)
    assert f["deg_u"] == pytest.approx(math.log(3)) and f["deg_v"] == pytest.approx(math.log(2))
    assert f["same_country"] == 0
    # c (IT) has 3 partners: b (IT), a (FR), d (ES): 2 of 3 abroad
    assert idx.xb_rate[idx.pos["c"]] == pytest.approx(2 / 3)
    G = group_features(idx, [idx.pos["a"], idx.pos["b"]], np.array([idx.pos["c"], idx.pos["d"]]))
    g = [dict(zip(GROUP_FEATURES, row)) for row in G]
    assert g[0]["frac_adjacent"] == 1.0 and g[1]["frac_adjacent"] == 0.0
    assert g[1]["sum_cn"] == 2                               # d shares c with a and with b
    assert g[0]["frac_same_country"] == 0.5                  # c is IT like b


def test_tree_export_matches_sklearn():
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    X = rng.random((400, 3))
    y = (X[:, 0] + X[:, 1] ** 2 > 0.9).astype(int)
    est = HistGradientBoostingClassifier(max_iter=20, random_state=0).fit(X, y)
    assert np.allclose(TreeEnsemble.from_sklearn(est).decision(X), est.decision_function(X))


def test_activity_features_by_hand():
    # now = 2017.0 (the latest start); g1 ends 2020.5 (runs 3.5 more years), g2 ended 2016
    idx = index_from_groups(["x", "y", "z"], [["x", "y"], ["y", "z"], ["x", "z"]],
                            group_time=[2017.0, 2014.0, 2015.5], group_end=[2020.5, 2016.0, np.nan],
                            coordinators=[["x"], ["y"], []], country=["FR", "IT", "ES"])
    x, y, z = (idx.pos[k] for k in "xyz")
    assert idx.coord.tolist() == [1.0, 1.0, 0.0]
    assert idx.running[[x, y, z]].tolist() == [1.0, 1.0, 0.0]      # only g1 runs a year past now
    assert idx.runs_until[x] == pytest.approx(3.5) and idx.runs_until[z] == 0.0
    assert idx.last_start[z] == pytest.approx(-1.5)                  # g3 started 1.5 years before now
    X = pair_features(idx, pair_block(idx, [x]), 0, np.array([z]))
    f = dict(zip(PAIR_FEATURES, X[0]))
    assert f["coord_u"] == pytest.approx(math.log(2)) and f["coord_v"] == 0.0
    assert f["runs_until_v"] == 0.0 and f["last_v"] == pytest.approx(-1.5)


def test_index_from_graph_reads_coordinators_and_end_dates():
    G = nx.MultiDiGraph()
    G.add_node("p", label="Partnership", name="P", start_date="2018-01-01", end_date="2021-01-01")
    G.add_node("q", label="Partnership", name="Q", start_date="2020-01-01")
    for o in "xyz":
        G.add_node(o, label="Cluster", name=o, country="FR")
    G.add_edge("x", "p", key="COORDINATES")
    G.add_edge("y", "p", key="PARTNER_IN")
    G.add_edge("y", "q", key="PARTNER_IN", role="coordinator", end_date="2024-01-01")
    G.add_edge("z", "q", key="PARTNER_IN")
    idx = index_from_graph(G)
    assert idx.coord[[idx.pos[o] for o in "xyz"]].tolist() == [1.0, 1.0, 0.0]
    # now = 2020.0: p ends in a year (counts as running), q runs four more years
    assert idx.running[idx.pos["y"]] == 2.0 and idx.runs_until[idx.pos["z"]] == pytest.approx(4.0)


def _lists(rng, n_queries, size=30):
    """Candidate lists where the positive is the candidate with most shared partners (plus
    noise), and the source's own degree differs between lists."""
    X = rng.random((n_queries * size, len(PAIR_FEATURES))) * 3
    query = np.repeat(np.arange(n_queries), size)
    X[:, PAIR_FEATURES.index("deg_u")] = np.repeat(rng.random(n_queries) * 5, size)
    signal = X[:, PAIR_FEATURES.index("cn")] + rng.normal(0, 0.1, len(X))
    y = np.zeros(len(X), dtype=int)
    for q in range(n_queries):
        rows = np.flatnonzero(query == q)
        y[rows[np.argmax(signal[rows])]] = 1
    return X, y, query


def test_listwise_pair_scorer_learns_the_order_within_each_list():
    from scipy.optimize import check_grad

    from clusternet.graph.analytics.recommender import LinearScorer, _listwise_loss

    rng = np.random.default_rng(0)
    X, y, query = _lists(rng, 400)
    lin = LinearScorer.fit(X, y, query)
    # on held-out lists the positive comes first about as often as when sorting by the true
    # signal's visible part, shared partners (the noise hides the rest), and far above chance (1 in 30)
    Xt, yt, qt = _lists(np.random.default_rng(1), 200)

    def first(score):
        return np.mean([yt[qt == q][np.argmax(score[qt == q])] for q in range(200)])

    oracle = first(Xt[:, PAIR_FEATURES.index("cn")])
    assert first(lin.decision(Xt)) >= oracle - 0.06 and first(lin.decision(Xt)) > 0.5
    # the source's own degree is constant within each list: it cannot change an order
    assert lin.coef[PAIR_FEATURES.index("deg_u")] == pytest.approx(0.0, abs=1e-6)
    assert lin.coef[PAIR_FEATURES.index("cn")] > 0
    # the gradient the optimiser follows is the loss's gradient
    Z = LinearScorer._standard(linear_terms(X), lin.mean, lin.scale)
    w0 = np.random.default_rng(2).normal(0, 0.1, Z.shape[1])
    args = (Z, y.astype(bool), query, 400, 0.01)
    err = check_grad(lambda w: _listwise_loss(w, *args)[0], lambda w: _listwise_loss(w, *args)[1], w0)
    assert err < 1e-5


def test_pair_scorer_extrapolates_handles_gaps_and_survives_save_and_load(tmp_path):
    from clusternet.graph.analytics.recommender import LinearScorer, LinkModel, load_model, save_model

    X, y, query = _lists(np.random.default_rng(0), 60)
    lin = LinearScorer.fit(X, y, query)
    # beyond the values it was fitted on, it keeps growing with shared partners (trees would stop)
    far = X[:2].copy()
    far[:, PAIR_FEATURES.index("cn")] = [30.0, 300.0]
    assert lin.decision(far)[1] > lin.decision(far)[0]
    # an unknown value (a project without dates) scores as an average one, never as NaN
    gap = X[:1].copy()
    gap[0, PAIR_FEATURES.index("last_v")] = np.nan
    assert np.isfinite(lin.decision(gap)).all()
    # lists without a positive teach nothing and are dropped, not a crash
    none = LinearScorer.fit(X[:30], np.zeros(30, dtype=int), query[:30])
    assert not none.coef.any()
    leaf = TreeEnsemble(np.array([-1]), np.zeros(1), np.zeros(1, int), np.zeros(1, int), np.zeros(1, bool),
                        np.array([0.5]), np.array([0]), 0.0, 0)
    model = LinkModel(lin, leaf, {"pair_features": PAIR_FEATURES, "group_features": GROUP_FEATURES})
    assert np.allclose(model.score_pairs(X[:5]), lin.decision(X[:5]))
    back = load_model(save_model(model, tmp_path / "m.npz"))
    assert np.allclose(back.score_pairs(X[:5]), model.score_pairs(X[:5]))
    assert np.allclose(back.score_group(X[:5, :len(GROUP_FEATURES)]), 0.5)


def test_a_snapshot_index_is_built_once_and_a_changed_graph_gets_a_new_one():
    from clusternet.graph.model import Node, Rel
    from clusternet.graph.store.base import snapshot_from_records
    from clusternet.graph.analytics.suggest import prepare

    nodes = [Node(o, ("Cluster",), {"name": o, "country": c}) for o, c in (("a", "FR"), ("b", "ES"), ("c", "IT"))]
    nodes.append(Node("p", ("Partnership",), {"name": "P"}))
    rels = [Rel("a", "PARTNER_IN", "p"), Rel("b", "PARTNER_IN", "p")]
    G = snapshot_from_records(nodes, rels)
    assert prepare(G) is prepare(G)
    H = G.copy()                              # not a snapshot: a user may change it
    before = prepare(H)
    H.add_edge("c", "p", key="PARTNER_IN", type="PARTNER_IN")
    assert prepare(H) is not before and prepare(H).A.nnz > before.A.nnz


def test_an_organisation_in_no_group_has_unknown_activity_not_none():
    from clusternet.graph.analytics.recommender import load_model

    # d is named (in a document, say) but in no partnership, project, event or agreement
    idx = index_from_groups(list("abcd"), [["a", "b"], ["b", "c"]], country=["FR", "IT", "IT", "ES"])
    X = pair_features(idx, pair_block(idx, [idx.pos["a"]]), 0, np.array([idx.pos["c"], idx.pos["d"]]))
    col = PAIR_FEATURES.index
    assert X[0, col("deg_v")] == pytest.approx(math.log(2))           # c has one partner
    for name in ("deg_v", "nproj_v", "recent_v", "xb_v", "new_v", "coord_v"):
        assert math.isnan(X[1, col(name)]), name
    assert X[1, col("cn")] == 0 and X[1, col("deg_u")] == pytest.approx(math.log(2))   # paths and a: known
    # the shipped scorer reads unknown activity as average activity, not as none
    model = load_model()
    idle = X[1:].copy()
    for name in ("deg_v", "nproj_v", "recent_v", "xb_v", "new_v", "coord_v", "running_v", "runs_until_v"):
        idle[0, col(name)] = 0.0
    assert np.isfinite(model.score_pairs(X)).all()
    assert model.score_pairs(X[1:])[0] > model.score_pairs(idle)[0]
