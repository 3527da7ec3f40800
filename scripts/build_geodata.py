"""Rebuild ``src/guongsang/geodata/`` — the simplified province shapes and the coordinates the map draws.

Sources (see ``src/guongsang/geodata/PROVENANCE.md``):

* province boundaries (34 units from 1 July 2025): ``Maps/GeoJSON/diaphantinhvn_merged.geojson`` of
  https://github.com/TaliaCao/Vietnam-Shape-Map (MIT), merged from Open Development Vietnam's 63-province
  "Địa phận tỉnh" dataset; the Hoàng Sa and Trường Sa archipelagos are part of Đà Nẵng and Khánh Hòa there;
* ward and province points: the ``vietnamadminunits`` package (MIT), ``parser_from_2025.json``.

Usage: ``python scripts/build_geodata.py PATH/TO/diaphantinhvn_merged.geojson``. Needs shapely (a
dependency of vietnamadminunits). Output is deterministic: same input, same bytes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon, shape

from guongsang.model.places import gazetteer
from guongsang.model.text import fold

OUT = Path(__file__).resolve().parent.parent / "src" / "guongsang" / "geodata"
TOLERANCE = 0.012  # degrees (about 1.3 km): invisible at the scale the site draws
MIN_AREA = 0.0015  # square degrees: smaller coastal islets are left out of the outline …
OFFSHORE = 110.5  # … but islands east of this longitude (the archipelagos) are kept, as points
SCALE = 1000  # coordinates stored as integer thousandths of a degree
ARCHIPELAGOS = {"48": "hoang-sa", "56": "truong-sa"}  # Đà Nẵng: Hoàng Sa; Khánh Hòa: Trường Sa


def _polygons(geometry) -> list[Polygon]:
    return list(geometry.geoms) if isinstance(geometry, MultiPolygon) else [geometry]


def _ring(polygon: Polygon) -> list[int]:
    flat: list[int] = []
    for lon, lat in polygon.exterior.coords[:-1]:
        flat += [round(lon * SCALE), round(lat * SCALE)]
    return flat


def _code_of(name: str, codes: dict[str, str]) -> str:
    key = fold(name.removeprefix("TP ").replace("Hoà", "Hòa").replace("HCM", "Hồ Chí Minh"))
    return codes[key]


def main(source: Path) -> None:
    gaz = gazetteer()
    codes = {fold(u.short): u.code for u in gaz.provinces.values()}
    shapes: dict[str, list[list[int]]] = {}
    islands: dict[str, list[list[int]]] = {}
    points: dict[str, list[int]] = {}
    for feature in json.loads(source.read_text(encoding="utf-8"))["features"]:
        code = _code_of(feature["properties"]["ten_tinh"], codes)
        geometry = shape(feature["geometry"])
        kept = [p for p in _polygons(geometry) if p.bounds[0] < OFFSHORE and p.area >= MIN_AREA]
        simple = [s for p in kept for s in _polygons(p.simplify(TOLERANCE, preserve_topology=True))]
        shapes[code] = [_ring(p) for p in sorted(simple, key=lambda p: -p.area)]
        offshore = {(round(p.centroid.x, 1), round(p.centroid.y, 1)) for p in _polygons(geometry)
                    if p.bounds[0] >= OFFSHORE}
        if code in ARCHIPELAGOS:
            islands[ARCHIPELAGOS[code]] = [[round(x * SCALE), round(y * SCALE)] for x, y in sorted(offshore)]
        mainland = max(kept, key=lambda p: p.area).representative_point()
        points[code] = [round(mainland.x * SCALE), round(mainland.y * SCALE)]
    wards = _ward_points()
    OUT.mkdir(parents=True, exist_ok=True)
    body = {"scale": SCALE, "provinces": dict(sorted(shapes.items())), "islands": islands,
            "province_points": dict(sorted(points.items())), "ward_points": dict(sorted(wards.items()))}
    (OUT / "vn-34.json").write_text(json.dumps(body, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(shapes)} provinces, {sum(len(r) // 2 for s in shapes.values() for r in s)} points, "
          f"{sum(len(v) for v in islands.values())} island points, {len(wards)} wards")


def _ward_points() -> dict[str, list[int]]:
    import importlib.util

    spec = importlib.util.find_spec("vietnamadminunits")
    assert spec and spec.origin
    data = json.loads((Path(spec.origin).parent / "data" / "parser_from_2025.json").read_text(encoding="utf-8"))
    out: dict[str, list[int]] = {}
    tables = ("DICT_PROVINCE_WARD_NO_ACCENTED", "DICT_PROVINCE_WARD_ACCENTED", "DICT_PROVINCE_WARD_SHORT_ACCENTED")
    for wards in (w for table in tables for w in data[table].values()):
        for ward in wards.values():
            if ward.get("wardLat") is not None and ward.get("wardLon") is not None:
                out[ward["wardCode"]] = [round(ward["wardLon"] * SCALE), round(ward["wardLat"] * SCALE)]
    return out


if __name__ == "__main__":
    main(Path(sys.argv[1]))
