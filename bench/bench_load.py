"""Load benchmark: batched upserts into Neo4j and the embedded store, against per-row MERGE.

    python bench/bench_load.py [--nodes 100000] [--rels 200000] [--sample 2000] [--seed 7]

Loads a seeded synthetic graph through ``Neo4jStore.upsert`` (UNWIND batches in managed
transactions, after a warm-up load of other ids so that both Neo4j figures come from a
warm JVM) and ``EmbeddedStore.upsert``, then writes a sample of the same rows, with the
same properties, the naive way (one auto-commit transaction per MERGE) and prints rows/s,
the batched/per-row ratio (target >= 100x), the same rows through the plainest batched
MERGE (the machine's ceiling for any MERGE-based upsert; ``--no-ceiling`` skips it), the
published figure for batched UNWIND loads on a laptop (~40,000 nodes/s, ~65,000
relationships/s), and peak memory (this
process and the Neo4j JVM). Neo4j: ``NEO4J_URI`` (+ NEO4J_USER/NEO4J_PASSWORD) if set --
its database is cleared, so that needs ``--clear-existing`` -- else a local server from
scripts/neo4j_local.py. Figures, never assertions.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "helpers"))

from clusternet.graph.model import Evidence, Node, Rel  # noqa: E402
from clusternet.graph.store import cypher as C  # noqa: E402
from clusternet.graph.store.base import DEFAULT_BATCH  # noqa: E402
from clusternet.graph.store.records import prepare_nodes, prepare_rels  # noqa: E402
from clusternet.graph.store.neo4j import Neo4jStore  # noqa: E402
from clusternet.graph.store.sqlite import EmbeddedStore  # noqa: E402
from peak_rss import PeakRSS  # noqa: E402

PUBLISHED = {"nodes": 40_000, "rels": 65_000}  # batched UNWIND on a laptop (Neo4j blog/docs figures)
COUNTRIES = ["FR", "ES", "IT", "DE", "MA", "TN", "BR", "PT", "BE", "EG", "PL", "NL"]


def synthetic(n_nodes: int, n_rels: int, seed: int) -> tuple[list[Node], list[Rel]]:
    """Organisations (1 in 7 an SME), clusters and partnerships with provenance, and
    MEMBER_OF / PARTNER_IN / VISITED relationships between them (no duplicates)."""
    rnd = random.Random(seed)
    nodes, orgs, clusters, parts = [], [], [], []
    for i in range(n_nodes):
        country = COUNTRIES[i % len(COUNTRIES)]
        ev = [Evidence(f"doc:{i % 500:016x}", i % 1000, i % 1000 + 12, f"Entity {i}")]
        if i % 20 == 0:
            nid, labels, bucket = f"partnership:b{i}", ("Partnership",), parts
            props = {"name": f"Partnership {i}", "kind": "project", "start_date": "2020-01-01"}
        elif i % 6 == 0:
            nid, labels, bucket = f"cluster:b{i}", ("Cluster",), clusters
            props = {"name": f"Cluster {i}", "country": country, "members": i % 300, "sectors": ["textile"]}
        else:
            nid, bucket = f"org:b{i}", orgs
            labels = ("Organisation", "SME") if i % 7 == 0 else ("Organisation",)
            props = {"name": f"Organisation {i}", "country": country, "org_type": "company"}
        props["aliases"] = [f"E{i}"]
        nodes.append(Node(nid, labels, props, ev, 0.5 + (i % 50) / 100))
        bucket.append(nid)
    members = orgs + clusters
    rels, seen = [], set()
    plan = [("MEMBER_OF", orgs, clusters), ("PARTNER_IN", members, parts), ("VISITED", members, members)]
    while len(rels) < n_rels:
        t, src, dst = plan[rnd.randrange(3)]
        a, b = src[rnd.randrange(len(src))], dst[rnd.randrange(len(dst))]
        if a == b or (a, t, b) in seen:
            continue
        seen.add((a, t, b))
        props = {"since": 2000 + len(rels) % 20} if t == "MEMBER_OF" else (
            {"role": "partner"} if t == "PARTNER_IN" else {})
        rels.append(Rel(a, t, b, props, [Evidence("doc:0000000000000001", 0, 5, "x")], 1.0))
    return nodes, rels


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def per_row(store: Neo4jStore, nodes: list[Node], rels: list[Rel]) -> tuple[float, float]:
    """The naive way: one auto-commit MERGE per row (same rows, fresh ids), writing the same
    properties as the batched path -- provenance (``sources``, ``evidence``) and confidence
    included; their preparation is done before the clock starts."""
    node_rows = [("row:" + nid, labels, props, conf)
                 for nid, (labels, props, conf) in prepare_nodes(nodes, store.schema).items()]
    rel_rows = [("row:" + s, t, "row:" + d, props, conf)
                for (s, t, d), (props, conf) in prepare_rels(rels, store.schema).items()]
    with store.driver.session(database=store.database) as s:
        t0 = time.perf_counter()
        for nid, labels, props, conf in node_rows:
            s.run(C.merge_one_node(labels), id=nid, props=props, c=conf).consume()
        t_nodes = time.perf_counter() - t0
        t0 = time.perf_counter()
        for a, t, b, props, conf in rel_rows:
            s.run(f"MATCH (a:{C.ENTITY} {{id: $s}}) MATCH (b:{C.ENTITY} {{id: $t}}) "
                  f"MERGE (a)-[r:{C.ident(t)}]->(b) SET r += $props "
                  "SET r.confidence = CASE WHEN r.confidence >= $c THEN r.confidence ELSE $c END",
                  s=a, t=b, props=props, c=conf).consume()
        t_rels = time.perf_counter() - t0
    return len(node_rows) / t_nodes, len(rel_rows) / t_rels


def plain_merge(store: Neo4jStore, nodes: list[Node], rels: list[Rel], batch: int) -> tuple[float, float]:
    """The machine's ceiling for any MERGE-based upsert: the same rows (fresh ids) in the
    same batches through the simplest UNWIND MERGE + SET, without the store's write rule
    (no old state read back, no confidence or list merging, no counts). Rows are built
    before the clock starts, so this is server time only."""
    node_rows: dict[tuple, list] = {}
    for nid, (labels, props, conf) in prepare_nodes(nodes, store.schema).items():
        node_rows.setdefault(labels, []).append({"id": "plain:" + nid, "p": props, "c": conf})
    rel_rows: dict[str, list] = {}
    for (s, t, d), (props, conf) in prepare_rels(rels, store.schema).items():
        rel_rows.setdefault(t, []).append({"s": "plain:" + s, "t": "plain:" + d, "p": props, "c": conf})

    def run(queries_rows):
        t0 = time.perf_counter()
        for q, rows in queries_rows:
            for i in range(0, len(rows), batch):
                chunk = rows[i:i + batch]
                store._write(lambda tx, chunk=chunk, q=q: tx.run(q, rows=chunk).consume())
        return time.perf_counter() - t0

    t_nodes = run([(f"UNWIND $rows AS row MERGE (n:{C.ENTITY} {{id: row.id}}) "
                    f"SET n{''.join(':' + C.ident(lab) for lab in labels)}, n += row.p, n.confidence = row.c", rows)
                   for labels, rows in sorted(node_rows.items())])
    t_rels = run([(f"UNWIND $rows AS row MATCH (s:{C.ENTITY} {{id: row.s}}) MATCH (t:{C.ENTITY} {{id: row.t}}) "
                   f"MERGE (s)-[r:{C.ident(t)}]->(t) SET r += row.p, r.confidence = row.c", rows)
                  for t, rows in sorted(rel_rows.items())])
    return sum(map(len, node_rows.values())) / t_nodes, sum(map(len, rel_rows.values())) / t_rels


def warm_up(store: Neo4jStore, n_nodes: int, batch: int, rounds: int = 6) -> list[float]:
    """Load rounds of ``n_nodes`` nodes (and twice as many relationships) of other ids until
    the rate settles (within 10% of the round before), then clear them: the batched loads,
    like the per-row loop after them, then run on a warm JVM (compiled code, query plans),
    as on a server in use. On a fresh JVM on a busy 2-core machine the first ~50,000
    nodes load at a third to a half of the settled rate. Returns each round's records/s."""
    rates: list[float] = []
    for k in range(rounds):
        nodes, rels = synthetic(n_nodes, 2 * n_nodes, 99 + k)
        nodes = [Node(f"warm{k}:" + n.id, n.labels, n.props, n.evidence, n.confidence) for n in nodes]
        rels = [Rel(f"warm{k}:" + r.source, r.type, f"warm{k}:" + r.target, r.props, r.evidence, r.confidence)
                for r in rels]
        _, t = timed(lambda: (store.upsert(nodes, [], batch_size=batch), store.upsert([], rels, batch_size=batch)))
        rates.append((len(nodes) + len(rels)) / t)
        if k and rates[-1] < 1.1 * rates[-2]:
            break
    store.clear()
    store.ensure_schema()
    return rates


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--rels", type=int, default=200_000)
    ap.add_argument("--sample", type=int, default=2_000, help="rows written one transaction each")
    ap.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="rows per transaction (the store's default)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--warm-up", type=int, default=20_000,
                    help="nodes (and twice as many relationships) per warm-up round; 0: no warm-up")
    ap.add_argument("--no-ceiling", dest="ceiling", action="store_false",
                    help="skip the plain-MERGE ceiling (the same rows without the store's write rule)")
    ap.add_argument("--clear-existing", action="store_true", help="allow clearing the NEO4J_URI database")
    args = ap.parse_args(argv)

    nodes, rels = synthetic(args.nodes, args.rels, args.seed)
    print(f"synthetic graph: {len(nodes):,} nodes, {len(rels):,} relationships (seed {args.seed})")
    stop = None
    if os.environ.get("NEO4J_URI"):
        if not args.clear_existing:
            print("NEO4J_URI is set: its database would be cleared; pass --clear-existing", file=sys.stderr)
            return 2
        uri, user, password = os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"), os.environ.get(
            "NEO4J_PASSWORD", "")
    else:
        from neo4j_local import start_neo4j

        (uri, user, password, stop), t_start = timed(start_neo4j)
        print(f"local Neo4j started in {t_start:.1f}s at {uri}")
    try:
        from neo4j_local import jvm_pid_of

        jvm = jvm_pid_of(uri) if "127.0.0.1" in uri or "localhost" in uri else None
        results = {}
        with PeakRSS({"python": os.getpid(), "neo4j_jvm": jvm}, interval=0.2) as mem:
            store = Neo4jStore(uri, user, password)
            store.clear()
            store.ensure_schema()
            if args.warm_up > 0:
                rates, t = timed(lambda: warm_up(store, args.warm_up, args.batch))
                print(f"neo4j warm-up, rounds of {args.warm_up:,} nodes + {2 * args.warm_up:,} relationships, "
                      f"records/s: {', '.join(f'{r:,.0f}' for r in rates)} ({t:.0f}s, then cleared)")
            _, t = timed(lambda: store.upsert(nodes, [], batch_size=args.batch))
            results["neo4j nodes"] = len(nodes) / t
            _, t = timed(lambda: store.upsert([], rels, batch_size=args.batch))
            results["neo4j rels"] = len(rels) / t
            again, t = timed(lambda: store.upsert(nodes, rels, batch_size=args.batch))
            print(f"neo4j re-load of everything: {t:.1f}s, changed {again.changed} (idempotent)")

            sample_nodes = nodes[: args.sample]
            ids = {n.id for n in sample_nodes}
            sample_rels = [r for r in rels if r.source in ids and r.target in ids][: args.sample]
            if len(sample_rels) < args.sample:  # few rels fall inside a small sample: add chain links
                extra = [Rel(a.id, "VISITED", b.id, {}, [Evidence("doc:0000000000000001", 0, 5, "x")], 1.0)
                         for a, b in zip(sample_nodes, sample_nodes[1:])
                         if a.id.startswith(("org:", "cluster:")) and b.id.startswith(("org:", "cluster:"))]
                keys = {r.key for r in sample_rels}
                sample_rels += [r for r in extra if r.key not in keys][: args.sample - len(sample_rels)]
            results["per-row nodes"], results["per-row rels"] = per_row(store, sample_nodes, sample_rels)
            if args.ceiling:
                results["plain nodes"], results["plain rels"] = plain_merge(store, nodes, rels, args.batch)
            counts = store.counts()
            store.clear()
            store.close()

            with tempfile.TemporaryDirectory() as tmp:
                emb = EmbeddedStore(Path(tmp) / "bench.db")
                emb.ensure_schema()
                _, t = timed(lambda: emb.upsert(nodes, [], batch_size=args.batch))
                results["embedded nodes"] = len(nodes) / t
                _, t = timed(lambda: emb.upsert([], rels, batch_size=args.batch))
                results["embedded rels"] = len(rels) / t
                emb.close()
        print(f"neo4j counts after load: {sum(counts['relationships'].values()):,} relationships, "
              f"{counts['nodes']}")
        print()
        print(f"{'':22}{'nodes/s':>12}{'rels/s':>12}")
        labels = {"neo4j": "neo4j batched", "embedded": "embedded batched", "plain": "plain MERGE (neo4j)",
                  "per-row": "per-row (neo4j)"}
        for name, text in labels.items():
            if name + " nodes" in results:
                print(f"{text:22}{results[name + ' nodes']:>12,.0f}{results[name + ' rels']:>12,.0f}")
        print(f"{'published (laptop)':22}{PUBLISHED['nodes']:>12,}{PUBLISHED['rels']:>12,}")
        rn = results["neo4j nodes"] / results["per-row nodes"]
        rr = results["neo4j rels"] / results["per-row rels"]
        print(f"\nbatched / per-row on neo4j: nodes {rn:,.0f}x, rels {rr:,.0f}x (target >= 100x)")
        if "plain nodes" in results:
            cn = results["plain nodes"] / results["per-row nodes"]
            cr = results["plain rels"] / results["per-row rels"]
            print(f"ceiling on this machine, plain MERGE / per-row: nodes {cn:,.0f}x, rels {cr:,.0f}x; "
                  f"the store's upsert reaches {results['neo4j nodes'] / results['plain nodes']:.2f} / "
                  f"{results['neo4j rels'] / results['plain rels']:.2f} of it")
        print(f"neo4j batched / published: nodes {results['neo4j nodes'] / PUBLISHED['nodes']:.2f}, "
              f"rels {results['neo4j rels'] / PUBLISHED['rels']:.2f}")
        mb = {k: v / 2**20 for k, v in mem.peaks.items()}
        print("peak RSS: " + ", ".join(f"{k} {v:,.0f} MB" for k, v in mb.items()))
        print(f"machine: {psutil.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    finally:
        if stop:
            stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
