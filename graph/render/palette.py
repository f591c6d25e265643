"""Colours and stroke widths shared by the map and its legend.

>>> link_width(1, 1), link_width(4, 16)
(5.0, 2.9)
"""
from __future__ import annotations

import math

__all__ = ["PALETTE", "EMPTY", "BORDER", "SEA", "MEMBER_STROKE", "TARGET_STROKE", "LINK_STROKE", "MARK_FILL", "link_width",
           "BRIEF_MAP_WIDTH", "BRIEF_MAP_ASPECT"]

# ColorBrewer "Blues", light to dark: one colour per class of actors per country
PALETTE = ("#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
EMPTY, BORDER, SEA = "#eeeeee", "#ffffff", "#f7fbff"
MEMBER_STROKE, TARGET_STROKE, LINK_STROKE = "#b2182b", "#e66101", "#762a83"
MARK_FILL = "#1b7837"     # marked countries (a brief's shortlisted candidates)
# the brief's map: about the A4 text width at 96 dpi, a wide strip (height / width)
BRIEF_MAP_WIDTH, BRIEF_MAP_ASPECT = 700.0, 0.34


def link_width(n: int, top: int) -> float:
    """Stroke width of an arc carrying ``n`` of at most ``top`` links (square root, like area)."""
    return round(0.8 + 4.2 * math.sqrt(n / max(top, 1)), 1)
