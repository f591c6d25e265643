"""Who took part in the event a page reports on (2026-12-05, eleventh round): a report may name
up to twenty bodies, each of them there; the rule leaves a page naming more, none said to take
part, alone (a directory). Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_WORDS = ("Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Sigma Tau Upsilon Phi Chi Psi Omega "
          "Aurora Borealis Cobalt Indigo Saffron Umber Vermilion").split()


def _report(n: int) -> str:
    lines = [f"{w} Robotics Cluster presented its latest pilot line." for w in _WORDS[:n]]
    return "Robotics Matchmaking Days 2025\n\n" + "\n\n".join(lines) + "\n"


def test_a_report_naming_fifteen_bodies_has_them_all_take_part():
    _, rels, _ = text_by_name(_report(15))
    took_part = {r[0] for r in rels if r[1] == "PARTICIPATED_IN" and r[2] == "Robotics Matchmaking Days 2025"}
    assert len(took_part) == 15, sorted(rels)


def test_the_rule_leaves_a_directory_of_more_than_twenty_bodies_alone():
    from clusternet.ingest.extract.attendees import page_event_attendees
    from clusternet.ingest.extract.finders import find_mentions
    from clusternet.ingest.extract.mentions import build_context
    from clusternet.ingest.extract.resolve import resolve_mentions

    def proposed(n):
        text = _report(n)
        ctx = build_context(text)
        ents = resolve_mentions(find_mentions(text, ctx))
        event = next(e for e in ents if e.label == "Event")
        return page_event_attendees(ctx, ents, event, [])

    assert len(proposed(18)) == 18
    assert proposed(24) == []
