"""The `gaps` objective serves a strategy team (issue 16): a gap counts when the partnership
can use it. A sector on the value chain of its own, a target market or a country next to
one come before background clusters whose only merit is a country no member is in.

The graph is hand-made: a creative-industries partnership (design in Croatia, film in
Slovenia) targets Albania, among 24 background clusters in health, construction and
aerospace spread over a dozen countries (several next to Albania or to the members).
"""
from __future__ import annotations

import re
import textwrap

import pytest

from clusternet.graph.evaluation.scenarios import load_scenario
from clusternet.graph.analytics.suggest import suggest_enlargement

SCENARIO = textwrap.dedent("""\
    partnership: creative
    noise: 24
    noise_sectors: [Health, Construction, Aerospace]
    partnerships:
      creative: {members: [zagreb_design, ljubljana_film], targets: [AL], sectors: [creative industries]}
    orgs:
      zagreb_design: [Cluster, HR, design]
      ljubljana_film: [Cluster, SI, film and audiovisual]
      zagreb_software: [Cluster, HR, software]
      lisbon_software: [Cluster, PT, software]
      tirana_media: [Cluster, AL, media]
      skopje_health: [Cluster, MK, health]
      athens_construction: [Cluster, GR, construction]
    relevance: {}
    """)
VALUE_CHAIN = {"zagreb_software", "lisbon_software"}          # digital is on the creative value chain
UNRELATED = {"skopje_health", "athens_construction"}         # next to the target market, unrelated sectors


@pytest.fixture(scope="module")
def ranked(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaps") / "creative.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    sc = load_scenario(path)
    return sc, suggest_enlargement(sc.G, sc.partnership, k=40, objective="gaps")


def test_value_chain_candidates_come_before_every_unrelated_background_cluster(ranked):
    sc, res = ranked
    order = [s.id for s in res]
    unrelated = [i for i in order if i.startswith("noise") or i in UNRELATED]
    assert len(unrelated) >= 10, order
    worst_link = max(order.index(i) for i in VALUE_CHAIN)
    assert worst_link < min(order.index(i) for i in unrelated), order[:8]


def test_a_link_in_a_member_country_beats_an_unrelated_cluster_next_to_the_target(ranked):
    _, res = ranked
    order = [s.id for s in res]
    for far in UNRELATED:
        assert order.index("zagreb_software") < order.index(far), order[:8]


def test_a_target_market_actor_in_the_partnership_sector_beats_unrelated_new_countries(ranked):
    _, res = ranked
    order = [s.id for s in res]
    assert order.index("tirana_media") < min(order.index(i) for i in order if i.startswith("noise") or i in UNRELATED)


def test_gap_reasons_name_the_link_and_the_market_in_plain_words(ranked):
    _, res = ranked
    by_id = {s.id: s for s in res}
    link = " ".join(r.text for r in by_id["lisbon_software"].reasons)
    assert "adds digital, a link on the cultural & creative industries value chain" in link
    market = " ".join(r.text for r in by_id["tirana_media"].reasons)
    assert "in target country Albania" in market and "would be the first member in Albania" in market
    assert market.count("Albania") == 2     # the market said once, not again by the gaps part
    for s in res[:5]:
        for r in s.reasons:
            assert not re.search(r"\b[a-z]+_[a-z]+\b|country:|\bnoise\d", r.text), r.text
