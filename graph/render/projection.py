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

__all__ = ["Frame", "frame_for", "DEFAULT_BOUNDS", "path_data", "ring_bounds", "clip_ring"]

# Europe and the Mediterranean, shown when nothing on the map has a place
DEFAULT_BOUNDS = (-25.0, 45.0, 22.0, 71.0)   # lon0, lon1, lat0, lat1
_PAD_LON, _PAD_LAT = 7.0, 5.0                 # degrees around the outermost centres
_MIN_LON, _MIN_LAT = 40.0, 24.0               # the smallest frame, in degrees
_LAT_LIMITS = (-58.0, 80.0)                   # no Antarctica, no polar stretch
_FLATTEST = 0.45                              # a frame is at least this high for its width


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
        """Pixels from the top to the bottom of the frame."""
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


def _to_aspect(lon0, lon1, lat0, lat1, aspect):
    """Widen the shorter side of a box so that height / width on the map is ``aspect``."""
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    if (lat1 - lat0) / ((lon1 - lon0) * kx) > aspect:
        lon0, lon1 = _widen(lon0, lon1, (lat1 - lat0) / (aspect * kx))
    else:
        lat0, lat1 = _widen(lat0, lat1, aspect * (lon1 - lon0) * kx)
    return lon0, lon1, lat0, lat1


def frame_for(points: list[tuple[float, float]], width: float = 960.0, aspect: float | None = None) -> Frame:
    """The frame around (lat, lon) centres, padded, at least ``_MIN_LON`` x ``_MIN_LAT`` degrees;
    with ``aspect``, widened until height / width is about that.

    >>> frame_for([], 500).lon0 == DEFAULT_BOUNDS[0]
    True
    >>> f = frame_for([(46.0, 2.0), (32.0, -6.0)], 1000, aspect=0.5)
    >>> 480 < f.height < 520
    True
    """
    if not points:
        box = DEFAULT_BOUNDS
    else:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        box = (*_widen(min(lons) - _PAD_LON, max(lons) + _PAD_LON, _MIN_LON),
               *_widen(min(lats) - _PAD_LAT, max(lats) + _PAD_LAT, _MIN_LAT))
    if aspect:
        box = _to_aspect(*box, aspect)
    elif (box[3] - box[2]) / ((box[1] - box[0]) * math.cos(math.radians((box[2] + box[3]) / 2))) < _FLATTEST:
        box = _to_aspect(*box, _FLATTEST)
    lon0, lon1, lat0, lat1 = box
    return Frame(max(lon0, -180.0), min(lon1, 180.0), max(lat0, _LAT_LIMITS[0]), min(lat1, _LAT_LIMITS[1]), width)


def ring_bounds(ring: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(lon0, lon1, lat0, lat1) of a ring."""
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons), max(lons), min(lats), max(lats)


def _clip_edge(pts, inside, cross):
    """One Sutherland-Hodgman pass: keep the part of a closed ring on one side of an edge."""
    out = []
    for i, cur in enumerate(pts):
        prev = pts[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(cross(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(cross(prev, cur))
    return out


def clip_ring(pts: list[tuple[float, float]], w: float, h: float) -> list[tuple[float, float]]:
    """A closed ring of (x, y) pixels cut to the rectangle 0..w x 0..h (Sutherland-Hodgman),
    so nothing is drawn outside the frame even by writers that ignore SVG clip paths.

    >>> clip_ring([(-10, 5), (5, 5), (5, 20)], 10, 10)
    [(0.0, 10.0), (0.0, 5.0), (5, 5), (5.0, 10.0)]
    """
    def at_x(x):
        return lambda a, b: (float(x), a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), float(y))

    for inside, cross in ((lambda p: p[0] >= 0, at_x(0)), (lambda p: p[0] <= w, at_x(w)),
                          (lambda p: p[1] >= 0, at_y(0)), (lambda p: p[1] <= h, at_y(h))):
        if not pts:
            break
        pts = _clip_edge(pts, inside, cross)
    return pts


def path_data(frame: Frame, rings: list[list[tuple[float, float]]]) -> str:
    """SVG path data for rings cut to the frame, one decimal, repeated points dropped.

    >>> f = Frame(0, 10, 0, 10, 100)
    >>> path_data(f, [[(0, 0), (0.001, 0), (10, 0), (10, 10)]])
    'M0.0 100.4L100.0 100.4L100.0 0.0Z'
    """
    parts = []
    for ring in rings:
        pts: list[str] = []
        for x, y in clip_ring([frame.project(lon, lat) for lon, lat in ring], frame.width, frame.height):
            p = f"{x:.1f} {y:.1f}"
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        if len(pts) >= 3:
            parts.append("M" + "L".join(pts) + "Z")
    return "".join(parts)
