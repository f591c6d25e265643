"""Run one load in a separate process, for kill and concurrency tests.

    python load_worker.py STORE_URI N_NODES N_RELS SEED OFFSET BATCH

Prints "ready" once imported (so a killer can time its kill into the writing), then
"done <created>" at the end. Neo4j credentials come from NEO4J_USER / NEO4J_PASSWORD.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clusternet.graph.store import open_store  # noqa: E402
from synthetic import synthetic_graph  # noqa: E402


def main() -> None:
    uri, n_nodes, n_rels, seed, offset, batch = sys.argv[1:7]
    nodes, rels = synthetic_graph(int(n_nodes), int(n_rels), int(seed), int(offset))
    store = open_store(uri)
    print("ready", flush=True)
    summary = store.upsert(nodes, rels, batch_size=int(batch))
    store.close()
    print("done", sum(summary.created.values()), flush=True)


if __name__ == "__main__":
    main()
