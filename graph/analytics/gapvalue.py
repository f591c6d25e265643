"""What a candidate adds to a partnership, valued as a strategy team would (the ``gaps`` part).

A gap is worth filling when the partnership can use it:

* a missing sector counts by how close it sits to the partnership's own sectors on the
  value chain (``value_chain`` in ``graph/data/ecosystems.yaml``): an ecosystem that
  supplies or serves the partnership's core ecosystems and that no member works in is a
  link it lacks (:data:`LINK_VALUE`); a sector far from its own adds nothing it can use;
* a missing country counts by where it is: a target market no member is in counts fully,
  a country next to a target market or to a member's country counts less, any other new
  country little (:data:`COUNTRY_VALUE`);
* a new country is worth its full value only to a candidate whose sector is relevant (it
  fits the partnership's sectors or adds a value-chain link); to one in an unrelated
  sector it is worth :data:`UNRELATED_SHARE` of it, so a background cluster that only
  adds a country does not come before one that brings a link or a market the
  partnership works towards.

The part is ``SECTOR_SHARE x link + (1 - SECTOR_SHARE) x country x relevance factor``,
between 0 and 1. Functions here are pure: they take profiles, country codes and sets.

>>> gap_value(link=1.0, country=0.2, relevance=0.25)
0.635
>>> gap_value(link=0.0, country=0.2, relevance=0.0)       # a far country, unrelated sector
0.02
"""
from __future__ import annotations

__all__ = ["COUNTRY_VALUE", "LINK_VALUE", "SECTOR_SHARE", "UNRELATED_SHARE", "country_gap", "link_gap",
           "gap_value"]

# how much a country no member is in adds, by where it lies
COUNTRY_VALUE = {"target": 1.0, "next to target": 0.6, "next to member": 0.4, "new": 0.2}
LINK_VALUE = 1.0            # an ecosystem on the value chain of the core that no member covers
SECTOR_SHARE = 0.6          # share of the gaps part that value-chain links carry
UNRELATED_SHARE = 0.25      # what a new country is worth to a candidate of an unrelated sector


def country_gap(cc: str | None, member_countries: set, targets: set, neighbours) -> tuple[float, str, str]:
    """(value 0..1, kind, the country it lies next to) of a candidate's country for the gaps
    objective; ``neighbours`` maps a country code to the codes next to it.

    >>> nb = {"SE": {"NO", "DK"}, "NO": {"SE"}, "DE": {"PL", "DK"}, "PL": {"DE"}}.get
    >>> country_gap("NO", {"DE"}, {"NO"}, lambda c: nb(c, set()))
    (1.0, 'target', 'NO')
    >>> country_gap("SE", {"DE"}, {"NO"}, lambda c: nb(c, set()))
    (0.6, 'next to target', 'NO')
    >>> country_gap("PL", {"DE"}, {"NO"}, lambda c: nb(c, set()))
    (0.4, 'next to member', 'DE')
    >>> country_gap("DE", {"DE"}, {"NO"}, lambda c: nb(c, set()))
    (0.0, '', '')
    """
    if not cc or cc in member_countries:
        return 0.0, "", ""
    if cc in targets:
        return COUNTRY_VALUE["target"], "target", cc
    near = neighbours(cc)
    for kind, pool in (("next to target", targets), ("next to member", member_countries)):
        hit = sorted(near & set(pool))
        if hit:
            return COUNTRY_VALUE[kind], kind, hit[0]
    return COUNTRY_VALUE["new"], "new", ""


def link_gap(cand_ecosystems, core: set, held: set, chain: dict) -> tuple[float, list[tuple[str, str]]]:
    """(value 0..1, [(added ecosystem, the core ecosystem whose value chain it is on)]): the
    ecosystems of the candidate that supply or serve the partnership's core ecosystems and
    that no member covers. Keys are folded ecosystem names; ``chain`` maps one to the
    ecosystems on its value chain.

    >>> chain = {"textile": {"retail", "energy intensive industries"}, "retail": {"textile"}}
    >>> link_gap({"retail"}, {"textile"}, {"textile"}, chain)
    (1.0, [('retail', 'textile')])
    >>> link_gap({"digital"}, {"textile"}, {"textile"}, chain)       # not on the textile value chain
    (0.0, [])
    >>> link_gap({"retail"}, {"textile"}, {"textile", "retail"}, chain)   # a member already covers it
    (0.0, [])
    """
    links = []
    for e in sorted(set(cand_ecosystems) - set(held) - set(core)):
        on = sorted(c for c in core if e in chain.get(c, ()))
        if on:
            links.append((e, on[0]))
    return (LINK_VALUE if links else 0.0), links


def gap_value(link: float, country: float, relevance: float) -> float:
    """The gaps part, 0..1, from the value-chain link, the country value and the candidate's
    sector relevance (0..1: its sector fit or the link it adds).

    >>> gap_value(link=0.0, country=1.0, relevance=1.0)     # a target market, same sector
    0.4
    >>> gap_value(link=0.0, country=1.0, relevance=0.0)     # a target market, unrelated sector
    0.1
    """
    rel = max(0.0, min(1.0, relevance))
    factor = UNRELATED_SHARE + (1.0 - UNRELATED_SHARE) * rel
    return round(SECTOR_SHARE * link + (1.0 - SECTOR_SHARE) * country * factor, 4)


def gap_words(kind: str, country: str, near: str, links) -> str:
    """The gaps reason in plain words: the value-chain links and the market a candidate adds
    (``country``, ``near``: country names; ``links``: (added, core) ecosystem names).

    >>> gap_words("next to target", "Sweden", "Norway", [])     # the market reason names Norway
    'would be the first member in Sweden'
    >>> gap_words("new", "Poland", "", [("retail", "textile")])
    'adds retail, a link on the textile value chain no member covers; adds country Poland (no member there yet)'
    """
    said = [f"adds {added}, a link on the {core} value chain no member covers" for added, core in links[:2]]
    if kind in ("target", "next to target"):      # the market reason already says where it lies
        said.append(f"would be the first member in {country}")
    elif kind == "next to member":
        said.append(f"adds {country}, next to member country {near} (no member there yet)")
    elif kind == "new":
        said.append(f"adds country {country} (no member there yet)")
    return "; ".join(said)
