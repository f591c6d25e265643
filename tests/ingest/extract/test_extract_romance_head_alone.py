"""A cluster named again by its kind alone in French, Spanish or Italian (issue 15, thirty-third round):
"Il Distretto conta 180 aziende", "Le Pôle compte 180 adhérents", "El Clúster reúne a 80 socios" speak of
the cluster named before, not of a new body called "Distretto" or "Pôle compte". All names are invented.
"""
from __future__ import annotations

import pytest

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


@pytest.mark.parametrize("text, cluster, value", [
    ("Il Distretto Meccatronico del Carso ha guidato una delegazione. Il Distretto conta 180 aziende associate.",
     "Distretto Meccatronico del Carso", 180),
    ("Le Pôle Mécanique Vosges a guidé une délégation. Le Pôle compte 180 adhérents.", "Pôle Mécanique Vosges", 180),
    ("El Clúster Agro Moncayo organizó la misión. El Clúster reúne a 80 socios.", "Clúster Agro Moncayo", 80),
])
def test_the_kind_word_alone_is_the_cluster_named_before(text, cluster, value):
    ex = extract_text(document_from_text("# News\n\n" + text + "\n", name="news.md"))
    clusters = [e.name for e in ex.entities if e.label == "Cluster"]
    names = {e.id: e.name for e in ex.entities}
    assert clusters == [cluster], clusters
    assert (cluster, value) in {(names[f.subject], f.value) for f in ex.facts}
