"""Where units are on the map: the 34 provinces' simplified outlines, the Hoàng Sa and Trường Sa islands, and
a point for every province and current ward, read from ``guongsang/geodata/vn-34.json``.

The data and its sources are described in ``geodata/PROVENANCE.md``; ``scripts/build_geodata.py`` rebuilds it.
Coordinates are (longitude, latitude) in degrees.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "geodata" / "vn-34.json"
ATTRIBUTION = ("Ranh giới tỉnh: Open Development Vietnam, TaliaCao/Vietnam-Shape-Map (MIT); "
               "tọa độ phường, xã: vietnamadminunits (MIT).")
ARCHIPELAGOS = {"hoang-sa": ("Quần đảo Hoàng Sa", "48"), "truong-sa": ("Quần đảo Trường Sa", "56")}

Point = tuple[float, float]
Ring = tuple[Point, ...]


@dataclass(frozen=True)
class Geo:
    """Outlines by province code, island points by archipelago, and a point per province and ward code."""

    provinces: dict[str, tuple[Ring, ...]]
    islands: dict[str, tuple[Point, ...]]
    province_points: dict[str, Point]
    ward_points: dict[str, Point]

    def point_of(self, province_code: str, ward_code: str | None = None) -> Point | None:
        if ward_code:
            return self.ward_points.get(ward_code)
        return self.province_points.get(province_code)


def _ring(flat: list[int], scale: int) -> Ring:
    return tuple((flat[i] / scale, flat[i + 1] / scale) for i in range(0, len(flat), 2))


def _point(pair: list[int], scale: int) -> Point:
    return pair[0] / scale, pair[1] / scale


@cache
def geodata() -> Geo:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    scale = raw["scale"]
    return Geo({code: tuple(_ring(r, scale) for r in rings) for code, rings in raw["provinces"].items()},
               {name: tuple(_point(p, scale) for p in pts) for name, pts in raw["islands"].items()},
               {code: _point(p, scale) for code, p in raw["province_points"].items()},
               {code: _point(p, scale) for code, p in raw["ward_points"].items()})
