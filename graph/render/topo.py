"""Country outlines shipped with the package, decoded from TopoJSON without any network access.

The outlines are Natural Earth's 1:110m Admin 0 countries (public domain) as redistributed by
the npm package ``world-atlas`` 2.0.2 (``graph/data/countries-110m.json``, see
``graph/data/README-world-atlas.md``). TopoJSON keeps each shared border once as an *arc*:
a list of quantised points, delta-encoded, which a ``transform`` turns back into degrees.
A ring is a list of arc indices; a negative index ``~i`` means arc ``i`` reversed.

>>> decode_arc([[0, 0], [2, 1], [1, -1]], {"scale": [0.5, 1.0], "translate": [10, 20]})
[(10.0, 20.0), (11.0, 21.0), (11.5, 20.0)]
>>> outlines()["FR"][0][0][:1] != []
True
>>> "XK" in outlines() and "CY" in outlines()
True
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pycountry

from clusternet.graph.errors import InputError

__all__ = ["TOPOJSON_PATH", "decode_arc", "ring_points", "unwrap", "outlines", "outline_names"]

TOPOJSON_PATH = Path(__file__).resolve().parent.parent / "data" / "countries-110m.json"

# three shapes in the file carry no ISO numeric id; their ISO 3166 reading (Kosovo has
# the user-assigned XK that the rest of clusternet uses; the other two are drawn with the
# country ISO 3166 places them in)
_UNNUMBERED = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}

Ring = list[tuple[float, float]]


def decode_arc(arc: list[list[int]], transform: dict | None) -> Ring:
    """One arc as (lon, lat) points: undo the delta encoding, then the quantisation."""
    if not transform:
        return [(float(x), float(y)) for x, y in arc]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    out, x, y = [], 0, 0
    for dx, dy in arc:
        x, y = x + dx, y + dy
        out.append((x * sx + tx, y * sy + ty))
    return out


def ring_points(ring: list[int], arcs: list[Ring]) -> Ring:
    """The points of a ring made of arc indices (``~i`` = arc ``i`` reversed).

    Consecutive arcs share their end point, kept once.

    >>> ring_points([0, ~1], [[(0, 0), (1, 0)], [(0, 1), (1, 1), (1, 0)]])
    [(0, 0), (1, 0), (1, 1), (0, 1)]
    """
    out: Ring = []
    for i in ring:
        pts = arcs[~i][::-1] if i < 0 else arcs[i]
        out.extend(pts[1:] if out else pts)
    return out


def unwrap(ring: Ring) -> Ring:
    """A ring that crosses the antimeridian made continuous (longitudes may pass 180), then
    moved by 360 degrees so its middle lies in -180..180. The shipped file stitches Russia and
    Fiji across the antimeridian; drawn as they are, a ring would cross the whole map.

    >>> unwrap([(170.0, 60.0), (-175.0, 62.0), (-170.0, 65.0), (175.0, 66.0)])
    [(170.0, 60.0), (185.0, 62.0), (190.0, 65.0), (175.0, 66.0)]
    """
    out: Ring = []
    shift = 0.0
    for i, (lon, lat) in enumerate(ring):
        if i:
            step = lon + shift - out[-1][0]
            shift -= 360.0 * round(step / 360.0)
        out.append((lon + shift, lat))
    middle = (min(p[0] for p in out) + max(p[0] for p in out)) / 2 if out else 0.0
    move = -360.0 * round(middle / 360.0)
    return [(lon + move, lat) for lon, lat in out] if move else out


def _iso2(geometry: dict) -> str | None:
    """ISO 3166 alpha-2 code of one TopoJSON geometry (numeric id, or one of three names)."""
    num = geometry.get("id")
    if num is None:
        return _UNNUMBERED.get((geometry.get("properties") or {}).get("name", ""))
    country = pycountry.countries.get(numeric=str(num).zfill(3))
    return country.alpha_2 if country else None


def _polygons(geometry: dict, arcs: list[Ring]) -> list[list[Ring]]:
    """A geometry as polygons, each a list of rings (the first the outer one)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        parts = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    return [[unwrap(ring_points(r, arcs)) for r in poly] for poly in parts]


def _read(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            topo = json.load(fh)
        topo["objects"]["countries"]["geometries"]  # noqa: B018 - the shape we rely on
        return topo
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise InputError(path, f"not the shipped world-atlas TopoJSON ({err})") from None


@lru_cache(maxsize=2)
def _decoded(path: str) -> tuple[dict[str, list[list[Ring]]], dict[str, str]]:
    topo = _read(Path(path))
    arcs = [decode_arc(a, topo.get("transform")) for a in topo["arcs"]]
    shapes: dict[str, list[list[Ring]]] = {}
    names: dict[str, str] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        code = _iso2(geometry)
        if code is None:
            continue  # no ISO reading (none in the shipped file; a newer file may add some)
        shapes.setdefault(code, []).extend(_polygons(geometry, arcs))
        names.setdefault(code, str((geometry.get("properties") or {}).get("name") or code))
    return dict(sorted(shapes.items())), names


def outlines(path: str | Path = TOPOJSON_PATH) -> dict[str, list[list[Ring]]]:
    """ISO alpha-2 code -> polygons -> rings of (lon, lat) points, sorted by code (cached)."""
    return _decoded(str(path))[0]


def outline_names(path: str | Path = TOPOJSON_PATH) -> dict[str, str]:
    """ISO alpha-2 code -> the country name written in the outline file."""
    return _decoded(str(path))[1]
