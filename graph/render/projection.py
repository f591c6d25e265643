"""The map's projection and frame: an equirectangular projection whose horizontal scale is the
cosine of the frame's middle latitude (so Europe is not stretched sideways), cropped to the
countries in view.

>>> v = frame_for([(46.0, 2.0), (32.0, -6.0)], width=800)
>>> v.lon0 < -6 < 2 < v.lon1 and v.lat0 < 32 < 46 < v.lat1
True
>>> x, y = v.project(v.lon0, v.lat1)
>>> (x, y)
(0.0, 0.0)
>>> round(v.project(v.lon1, v.lat0)[0], 6) == v.width
True
"""
from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Frame", "frame_for", "DEFAULT_BOUNDS", "path_data", "ring_bounds"]

# Europe and the Mediterranean, shown when nothing on the map has a place
DEFAULT_BOUNDS = (-25.0, 45.0, 27.0, 71.0)   # lon0, lon1, lat0, lat1
_PAD_LON, _PAD_LAT = 7.0, 5.0                 # degrees around the outermost centres
_MIN_LON, _MIN_LAT = 40.0, 24.0               # the smallest frame, in degrees
_LAT_LIMITS = (-58.0, 80.0)                   # no Antarctica, no polar stretch


@dataclass(frozen=True)
class Frame:
    """A window on the world in degrees and the pixel size it is drawn at."""

    lon0: float
    lon1: float
    lat0: float
    lat1: float
    width: float

    @property
    def kx(self) -> float:
        """Horizontal scale: cosine of the middle latitude."""
        return math.cos(math.radians((self.lat0 + self.lat1) / 2))

    @property
    def scale(self) -> float:
        """Pixels per degree of latitude."""
        return self.width / ((self.lon1 - self.lon0) * self.kx)

    @property
    def height(self) -> float:
        return (self.lat1 - self.lat0) * self.scale

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """(x, y) pixels of a point, origin top left."""
        return ((lon - self.lon0) * self.kx * self.scale, (self.lat1 - lat) * self.scale)

    def overlaps(self, bounds: tuple[float, float, float, float]) -> bool:
        """Whether a (lon0, lon1, lat0, lat1) box touches the frame."""
        lo0, lo1, la0, la1 = bounds
        return lo1 >= self.lon0 and lo0 <= self.lon1 and la1 >= self.lat0 and la0 <= self.lat1


def _widen(lo: float, hi: float, least: float) -> tuple[float, float]:
    if hi - lo >= least:
        return lo, hi
    mid = (lo + hi) / 2
    return mid - least / 2, mid + least / 2


def frame_for(points: list[tuple[float, float]], width: float = 960.0) -> Frame:
    """The frame around (lat, lon) centres, padded, at least ``_MIN_LON`` x ``_MIN_LAT`` degrees.

    >>> frame_for([], 500).lon0 == DEFAULT_BOUNDS[0]
    True
    """
    if not points:
        return Frame(*DEFAULT_BOUNDS, width=width)
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lon0, lon1 = _widen(min(lons) - _PAD_LON, max(lons) + _PAD_LON, _MIN_LON)
    lat0, lat1 = _widen(min(lats) - _PAD_LAT, max(lats) + _PAD_LAT, _MIN_LAT)
    lat0, lat1 = max(lat0, _LAT_LIMITS[0]), min(lat1, _LAT_LIMITS[1])
    return Frame(max(lon0, -180.0), min(lon1, 180.0), lat0, lat1, width)


def ring_bounds(ring: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(lon0, lon1, lat0, lat1) of a ring."""
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons), max(lons), min(lats), max(lats)


def path_data(frame: Frame, rings: list[list[tuple[float, float]]]) -> str:
    """SVG path data for rings, one decimal, repeated points after rounding dropped.

    >>> f = Frame(0, 10, 0, 10, 100)
    >>> path_data(f, [[(0, 0), (0.001, 0), (10, 0), (10, 10)]])
    'M0.0 100.4L100.0 100.4L100.0 0.0Z'
    """
    parts = []
    for ring in rings:
        pts: list[str] = []
        for lon, lat in ring:
            x, y = frame.project(lon, lat)
            p = f"{x:.1f} {y:.1f}"
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) >= 3:
            parts.append("M" + "L".join(pts) + "Z")
    return "".join(parts)
