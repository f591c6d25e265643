"""The CORDIS protocol harness: a hand-made file checked by hand, then the real data."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from clusternet.graph.errors import InputError
from clusternet.graph.evaluation.cordis import (EXPECTED, build_split, default_data_path,
    load_participations, rank_task_a, rank_task_b, summarise)
from prerequisites import needs

HEADER = ("project_id,project_acronym,start_date,end_date,framework,programme_or_topic,funding_scheme,"
          "org_id,org_name,org_short_name,country,activity_type,sme,role\n")
ROWS = [  # project, start, org, country
    ("1", "2016-01-01", "o1", "FR"), ("1", "2016-01-01", "o2", "DE"),
    ("2", "2016-06-01", "o2", "DE"), ("2", "2016-06-01", "o3", "FR"),
    ("3", "2015-01-01", "o4", "ES"), ("3", "2015-01-01", "o5", "ES"),
    ("4", "2018-05-01", "o1", "FR"), ("4", "2018-05-01", "o3", "FR"),
    ("4", "2018-05-01", "o4", "ES"), ("4", "2018-05-01", "o2", "DE"),
    ("5", "2019-01-01", "o1", "FR"), ("5", "2019-01-01", "o9", "IT"),     # o9 not in train
    ("6", "2017-01-01", "o6", "NA"),                                       # one organisation: dropped
    ("7", "", "o7", "FR"), ("7", "", "o8", "FR"),                          # no start date: dropped
]


@pytest.fixture
def tiny(tmp_path) -> Path:
    p = tmp_path / "p.csv.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(HEADER)
        for proj, start, org, c in ROWS:
            fh.write(f"{proj},,{start},,H2020,SC1,,{org},,,{c},PRC,,participant\n")
    return p


def test_tiny_split_by_hand(tiny):
    s = build_split(load_participations(tiny))
    # train: projects 1-3, organisations o1-o5, edges o1-o2, o2-o3, o4-o5
    assert s.counts["organisations"] == 5 and s.counts["edges"] == 3 and s.counts["projects"] == 3
    # project 4: cross-border, non-adjacent pairs o1-o4, o3-o4, o2-o4 (o1-o3 same country,
    # o1-o2 and o2-o3 already adjacent)
    assert s.counts["task_a_pairs"] == 3 and s.counts["task_a_queries"] == 4
    pos = {s.idx.ids[u]: sorted(s.idx.ids[v] for v in vs) for u, vs in s.task_a}
    assert pos == {"o1": ["o4"], "o2": ["o4"], "o3": ["o4"], "o4": ["o1", "o2", "o3"]}
    assert s.counts["task_b_projects"] == 1 and s.counts["task_b_queries"] == 4


def test_tiny_baseline_ranks_by_hand(tiny):
    s = build_split(load_participations(tiny))
    ra = rank_task_a(s)
    q = [s.idx.ids[u] for u, _ in s.task_a]
    cn = dict(zip(q, ra["common neighbours"]))
    # o1 (FR): candidates o4, o5 (ES), both with 0 common neighbours -> the tie counts: rank 2
    assert cn["o1"] == 2
    # o4 (ES): candidates o1, o2, o3 (all positives) -> rank 1 whatever the scores
    assert cn["o4"] == 1
    rb = rank_task_b(s)
    # leave o4 out: members o1, o2, o3; candidates o4, o5; sum of CN with members is 0 for both
    left = [s.idx.ids[lo] for _, lo in s.task_b]
    assert dict(zip(left, rb["sum of common neighbours with members"]))["o4"] == 2


def test_summarise():
    assert summarise([1, 10, 11, 100]) == {"hits@10": 0.5, "hits@50": 0.75,
                                           "mrr": round((1 + 0.1 + 1 / 11 + 0.01) / 4, 4)}


def test_bad_files_are_named(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_participations(tmp_path / "missing.csv.gz")
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="missing column"):
        load_participations(bad)


# in CI the data must be there: no skip, the tests fail if it is missing
needs_data = needs(default_data_path().is_file(), "../shared CORDIS data not present")


@needs_data
def test_real_sizes_match_the_protocol():
    s = build_split(load_participations(default_data_path()))
    assert s.counts == EXPECTED


@needs_data
@pytest.mark.slow
def test_real_baselines_reproduce_the_published_figures():
    s = build_split(load_participations(default_data_path()))
    published_a = {"preferential attachment": 0.292, "common neighbours": 0.290, "Adamic–Adar": 0.324,
                   "resource allocation": 0.298, "random": 0.010}
    ra = rank_task_a(s)
    for m, mrr in published_a.items():
        assert abs(summarise(ra[m])["mrr"] - mrr) <= 0.005, m
    assert abs(summarise(ra["Adamic–Adar"])["hits@10"] - 0.567) <= 0.005
    published_b = {"popularity (degree)": 0.031, "sum of common neighbours with members": 0.092,
                   "sum of Adamic–Adar with members": 0.121, "sum of resource allocation with members": 0.158}
    rb = rank_task_b(s)
    for m, mrr in published_b.items():
        assert abs(summarise(rb[m])["mrr"] - mrr) <= 0.005, m
