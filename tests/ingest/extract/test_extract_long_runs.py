"""A page with a long run of whitespace (a table copied as text, a PDF's padding, a pasted form) is
read in time linear in its length. Several patterns used to start a match at every position of the
run and crawl it again (a 39 KB page took 215 s, 40 000 non-breaking spaces 61 s); each shape here
took 18 s or more. The timeout is a guard against a hang, not a speed target (bench/ measures speed)."""
from __future__ import annotations

import pytest

from tests.helpers.extracted import text_by_name

RUN = 40_000
SHAPES = {
    "spaces in a sentence": "Alpha Cluster (ES) is a partner of{w}the Beta Partnership: 40 members, organised by Gamma (FR).\n",
    "tabs between list items": "Alpha news\n\nAlpha Cluster (ES){w}Beta Cluster (FR) and Gamma (IT) signed the agreement.\n",
    "non-breaking spaces in a field": "Alpha news\n\nPartners: Alpha Cluster,{w}Beta Cluster (FR), 40 members.\n",
    "blank lines in a list": "Alpha news\n\nPartners:\n- Alpha Cluster (ES)\n{w}- Beta Cluster (FR)\n",
    "a padded title": "{w}Alpha Matchmaking Event 2025 - report{w}\n\nParticipants:{w}Alpha Cluster (ES), Beta (FR)\n",
}
FILL = {"spaces in a sentence": " ", "tabs between list items": "\t", "non-breaking spaces in a field": "\u00a0",
        "blank lines in a list": " \n", "a padded title": "\u2003"}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_long_whitespace_run_is_read_in_linear_time(shape):
    fill = FILL[shape]
    ents, _, _ = text_by_name(SHAPES[shape].format(w=fill * (RUN // len(fill))))
    assert any(name.startswith(("Alpha", "Beta")) for name in ents)
