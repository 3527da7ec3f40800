"""The gazetteer's data: legacy three-tier units (before 1 July 2025) and the current two-tier units.

Units come from the maintained ``vietnamadminunits`` package (its JSON tables only; its geocoding code, which
would reach the network, is never called). Which current ward(s) each legacy ward went to comes from the
official conversion table (:mod:`.conversion`), which wins where the package's own conversion disagrees.
Resolution of written localities lives in :mod:`.gazetteer`; the names are re-exported here.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from functools import cache
from pathlib import Path

from .conversion import official_rows, successors
from .gazetteer import Gazetteer
from .text import compact, nfc, slugify
from .units import Locality, LocalityError, Unit, bare_name, split_type

__all__ = ["Gazetteer", "Locality", "LocalityError", "Unit", "gazetteer", "split_type"]

# Former names and abbreviations offices write for legacy provinces (compact form → legacy key).
_PROVINCE_ALIASES = {"thuathienhue": "thanhphohue", "tinhthuathienhue": "thanhphohue", "tthue": "thanhphohue",
                     "brvt": "tinhbariavungtau"}


def _unit(key: str, name: str, unit_type: str, code: object, short: str, parent: str,
          keywords: list[str]) -> Unit:
    name = nfc(name)
    short = nfc(short) if isinstance(short, str) else bare_name(name, unit_type)
    return Unit(key=key, name=name, type=nfc(unit_type), code=str(code), slug=slugify(name), short=short,
                parent=parent, keywords=tuple(k for k in keywords if k.isascii()))


def _dedupe_slugs(units: dict[str, Unit]) -> dict[str, Unit]:
    """Give units whose names fold to the same slug (Cẩm Giang / Cẩm Giàng) their code as a suffix."""
    counts: dict[str, int] = {}
    for unit in units.values():
        counts[unit.slug] = counts.get(unit.slug, 0) + 1
    return {k: (u if counts[u.slug] == 1 else _with_slug(u, f"{u.slug}-{u.code}")) for k, u in units.items()}


def _with_slug(unit: Unit, slug: str) -> Unit:
    return replace(unit, slug=slug)


def _read(name: str) -> dict:
    """One data file of ``vietnamadminunits``, found without importing the package (its import pulls in
    geocoding libraries that take longer to load than the data itself)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return json.loads((folder / "data" / name).read_text(encoding="utf-8"))


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process from the package data."""
    legacy, current, conversion = _read("parser_legacy.json"), _read("parser_from_2025.json"), _read(
        "converter_2025.json")
    lprov = {k: _unit(k, v["province"], v["province"].split(" ")[0] if v["province"].startswith("Tỉnh") else
                      "Thành phố", v["provinceCode"], v["provinceShort"], "", v["provinceKeywords"])
             for k, v in legacy["DICT_PROVINCE"].items()}
    lprov = {k: _with_slug(u, slugify(u.short)) for k, u in lprov.items()}
    for former, key in _PROVINCE_ALIASES.items():
        lprov[key] = replace(lprov[key], keywords=(*lprov[key].keywords, former))
    ldist = {p: _dedupe_slugs({k: _unit(k, v["district"], v["districtType"], v["districtCode"], v["districtShort"],
                                        p, v["districtKeywords"]) for k, v in ds.items()})
             for p, ds in legacy["DICT_PROVINCE_DISTRICT"].items()}
    lward: dict[str, dict[str, Unit]] = {}
    for table in ("DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED", "DICT_PROVINCE_DISTRICT_WARD_ACCENTED",
                  "DICT_PROVINCE_DISTRICT_WARD_SHORT_ACCENTED"):
        for p, ds in legacy[table].items():
            for d, ws in ds.items():
                bucket = lward.setdefault(f"{p}_{d}", {})
                for k, v in ws.items():
                    if not isinstance(v["ward"], str):  # island districts without wards
                        continue
                    bucket.setdefault(k, _unit(k, v["ward"], v["wardType"], v["wardCode"], v["wardShort"],
                                               f"{p}_{d}", v["wardKeywords"]))
    lward = {k: _dedupe_slugs(v) for k, v in lward.items()}
    prov = {k: _with_slug(_unit(k, v["province"], "Tỉnh" if v["province"].startswith("Tỉnh") else "Thành phố",
                                v["provinceCode"], v["provinceShort"], "", v["provinceKeywords"]),
                          slugify(v["provinceShort"]))
            for k, v in current["DICT_PROVINCE"].items()}
    wards: dict[str, dict[str, Unit]] = {}
    for table in ("DICT_PROVINCE_WARD_NO_ACCENTED", "DICT_PROVINCE_WARD_ACCENTED", "DICT_PROVINCE_WARD_SHORT_ACCENTED"):
        for p, ws in current[table].items():
            bucket = wards.setdefault(p, {})
            for k, v in ws.items():
                if not isinstance(v["ward"], str):
                    continue
                bucket.setdefault(k, _unit(k, v["ward"], v["wardType"], v["wardCode"], v["wardShort"], p,
                                           v["wardKeywords"]))
    wards = {p: _dedupe_slugs(ws) for p, ws in wards.items()}
    province_of_legacy = {old: new for new, olds in conversion["DICT_PROVINCE"].items() for old in olds}
    ward_of_legacy: dict[str, list[tuple[str, bool]]] = {}
    for ws in conversion["DICT_PROVINCE_WARD_NO_DIVIDED"].values():
        for new_ward, olds in ws.items():
            for old in olds:
                ward_of_legacy.setdefault(old, []).append((new_ward, True))
    for olds in conversion["DICT_PROVINCE_WARD_DIVIDED"].values():
        for old, news in olds.items():
            for item in news:
                ward_of_legacy.setdefault(old, []).append((item["newWardKey"], bool(item["isDefaultNewWard"])))
    ward_of_legacy, zones = _official(lward, ldist, wards, ward_of_legacy)
    legacy_of_ward: dict[tuple[str, str], list[str]] = {}
    for old, news in ward_of_legacy.items():
        new_province = province_of_legacy[old.split("_")[0]]
        for new_ward, _default in news:
            legacy_of_ward.setdefault((new_province, new_ward), []).append(old)
    former: dict[str, dict[str, list[str]]] = {}
    for p, olds in legacy["DICT_PROVINCE_DISTRICT_DIVIDED"].items():
        for old in olds.values():
            for keyword in old["dividedDistrictKeywords"]:
                former.setdefault(p, {})[keyword] = list(old["districts"])
    return Gazetteer(lprov, ldist, lward, prov, wards, province_of_legacy, ward_of_legacy, legacy_of_ward, former,
                     zones)


def _official(lward: dict[str, dict[str, Unit]], ldist: dict[str, dict[str, Unit]], wards: dict[str, dict[str, Unit]],
              upstream: dict[str, list[tuple[str, bool]]]) -> tuple[dict[str, list[tuple[str, bool]]], dict[str, str]]:
    """The legacy → current wards of the official table, keyed like the package's ("p_d_w" → [(ward key,
    is default)]), and the island districts that became special zones ("p_d" → ward key).

    The default (the ward a record is filed under first) is the package's when the table agrees, else the
    table's first successor; legacy wards the table does not list keep the package's conversion."""
    legacy_key = {u.code: f"{pd}_{k}" for pd, units in lward.items() for k, u in units.items()}
    district_key = {u.code: f"{p}_{k}" for p, units in ldist.items() for k, u in units.items()}
    current_key = {u.code: k for units in wards.values() for k, u in units.items()}
    result = dict(upstream)
    zones: dict[str, str] = {}
    for row in official_rows():  # the table's spelling of a name ("Xã Chơ GLong", "Phường IV") finds the ward too
        if row.legacy_name and (unit := _unit_at(lward, legacy_key.get(row.legacy_code))) is not None:
            aliases = {compact(row.legacy_name), compact(bare_name(row.legacy_name, unit.type))} - set(unit.keywords)
            lward[unit.parent][unit.key] = replace(unit, keywords=(*unit.keywords, *sorted(aliases)))
    for code, news in successors().items():
        keys = [current_key[c] for c in news]
        if len(code) == 3:
            zones[district_key[code]] = keys[0]
            continue
        old = legacy_key[code]
        default = next((k for k, d in upstream.get(old, []) if d and k in keys), keys[0])
        result[old] = [(k, k == default) for k in keys]
    return result, zones


def _unit_at(lward: dict[str, dict[str, Unit]], full_key: str | None) -> Unit | None:
    if full_key is None:
        return None
    p, d, w = full_key.split("_", 2)
    return lward[f"{p}_{d}"].get(w)
