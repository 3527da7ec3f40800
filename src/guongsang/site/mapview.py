"""The map as data for a template: provinces' outlines as SVG path data, one mark per province (or per ward
of a chosen province) sized by its count, and the archipelagos — all computed at build time, so the page
needs no tile server, no script and no request beyond the site.

Projection: equirectangular, longitudes shrunk by the cosine of the middle latitude, fitted to ``WIDTH``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model.geo import ARCHIPELAGOS, Geo, Point, Ring
from .derive import Term

WIDTH = 600
PAD = 12  # px kept clear around the drawing
MIN_R, MAX_R = 3.0, 14.0


@dataclass(frozen=True)
class Projection:
    west: float
    north: float
    k: float  # px per degree of latitude
    shrink: float  # cos(mid latitude)
    width: int
    height: int

    @classmethod
    def fit(cls, points: Iterable[Point], width: int = WIDTH) -> Projection:
        pts = list(points)
        west, east = min(p[0] for p in pts), max(p[0] for p in pts)
        south, north = min(p[1] for p in pts), max(p[1] for p in pts)
        shrink = math.cos(math.radians((north + south) / 2))
        span = max((east - west) * shrink, 1e-6)
        k = (width - 2 * PAD) / span
        return cls(west, north, k, shrink, width, round((north - south) * k + 2 * PAD))

    def xy(self, point: Point) -> tuple[float, float]:
        lon, lat = point
        return round(PAD + (lon - self.west) * self.shrink * self.k, 1), round(PAD + (self.north - lat) * self.k, 1)


def path_data(rings: Iterable[Ring], proj: Projection) -> str:
    """SVG path data for polygons; consecutive points that land on the same pixel are dropped."""
    parts: list[str] = []
    for ring in rings:
        seen: list[str] = []
        for point in ring:
            x, y = proj.xy(point)
            step = f"{x:g} {y:g}"
            if not seen or seen[-1] != step:
                seen.append(step)
        if len(seen) >= 3:
            parts.append("M" + "L".join(seen) + "Z")
    return "".join(parts)


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    r: float
    label: str  # the unit's name
    count: int
    href: str  # where the mark leads: a province's map or a ward's list


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    d: str
    active: bool  # has exemplars


# (key, name, dots, where the name is written, the province it belongs to)
Islands = tuple[str, str, list[tuple[float, float]], tuple[float, float], str]


@dataclass
class MapView:
    """What ``partials/gs-map-svg.html`` draws and the table beside it lists."""

    title: str
    width: int
    height: int
    regions: list[Region]
    marks: list[Mark]
    islands: list[Islands] = field(default_factory=list)
    rows: list[tuple[Term, str]] = field(default_factory=list)  # (term, map URL or "") for the text alternative
    notes: list[str] = field(default_factory=list)
    up: str = ""  # the country map's URL, on a province's map

    @property
    def total(self) -> int:
        return sum(m.count for m in self.marks)


def radius(count: int, most: int) -> float:
    return round(MIN_R + (MAX_R - MIN_R) * math.sqrt(count / max(most, 1)), 1)


def _island_groups(geo: Geo, proj: Projection, province_names: dict[str, str]) -> list[Islands]:
    """The Hoàng Sa and Trường Sa islands as dots, each group named with the province it belongs to."""
    out = []
    for key, (label, code) in sorted(ARCHIPELAGOS.items()):
        dots = [proj.xy(p) for p in geo.islands.get(key, ())]
        if dots:
            y = min(d[1] for d in dots) - 26  # two lines above the islands, right-aligned inside the drawing
            out.append((key, label, dots, (proj.width - 4, y), province_names.get(code, "")))
    return out


def national_map(geo: Geo, provinces: list[Term], names: dict[str, str], map_url: dict[str, str]) -> MapView:
    """All 34 provinces with the archipelagos; a mark for each province that has exemplars."""
    every = [p for rings in geo.provinces.values() for ring in rings for p in ring]
    every += [p for pts in geo.islands.values() for p in pts]
    proj = Projection.fit(every)
    active = {t.unit.code for t in provinces if t.unit}
    regions = [Region(code, names.get(code, code), path_data(rings, proj), code in active)
               for code, rings in sorted(geo.provinces.items())]
    most = max((t.count for t in provinces), default=1)
    marks = []
    for term in provinces:
        point = geo.point_of(term.unit.code) if term.unit else None
        if point:
            x, y = proj.xy(point)
            marks.append(Mark(x, y, radius(term.count, most), term.label, term.count, map_url[term.key]))
    marks.sort(key=lambda m: -m.r)  # small marks drawn last, on top
    return MapView("Việt Nam", proj.width, proj.height, regions, marks, _island_groups(geo, proj, names),
                   rows=[(t, map_url[t.key]) for t in provinces])


def province_map(geo: Geo, province: Term) -> MapView:
    """One province's outline and a mark for each of its wards that has exemplars (linked to the ward's list)."""
    assert province.unit
    rings = geo.provinces.get(province.unit.code, ())
    points = [p for ring in rings for p in ring] or [geo.province_points[province.unit.code]]
    wards = [(w, geo.point_of(province.unit.code, w.unit.code if w.unit else None)) for w in province.children]
    points += [p for _, p in wards if p]
    proj = Projection.fit(points)
    region = Region(province.unit.code, province.label, path_data(rings, proj), True)
    most = max((w.count for w in province.children), default=1)
    marks = [Mark(*proj.xy(p), radius(w.count, most), w.label, w.count, w.url) for w, p in wards if p]
    marks.sort(key=lambda m: -m.r)
    notes = [f"{label} thuộc {province.label} (ngoài khung bản đồ này)."
             for label, code in ARCHIPELAGOS.values() if code == province.unit.code]
    return MapView(province.label, proj.width, proj.height, [region], marks, rows=[(w, "") for w in province.children],
                   notes=notes)
