"""The gazetteer: legacy three-tier units (before 1 July 2025) and the current two-tier units.

Data comes from the maintained ``vietnamadminunits`` package (its JSON tables only; its geocoding code,
which would reach the network, is never called). A locality is written as editors write it —
"phường Khương Trung, quận Thanh Xuân, Hà Nội" or, after 2025, "phường Khương Đình, Hà Nội" — and
resolved to both the legacy units and the current province and ward.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .diagnostics import did_you_mean
from .text import compact, fold, nfc, slugify


@dataclass(frozen=True)
class Unit:
    """An administrative unit; ``key`` is unique within its table, ``slug`` within its parent."""

    key: str
    name: str  # "Phường Khương Trung", "Quận Thanh Xuân", "Thành phố Hà Nội"
    type: str  # "Phường", "Quận", "Thành phố" …
    code: str
    slug: str
    short: str  # "Khương Trung", "Thanh Xuân", "Hà Nội"; numbered units keep their type: "Phường 7"
    parent: str = ""  # key of the enclosing unit
    keywords: tuple[str, ...] = field(default=(), compare=False, hash=False)

    @property
    def lower_name(self) -> str:
        """The name as it reads inside a sentence: "phường Khương Trung"."""
        return self.type.lower() + self.name[len(self.type):] if self.name.startswith(self.type) else self.name


@dataclass(frozen=True)
class Locality:
    """A resolved locality: what was written, the legacy units it names and the current units."""

    written: str
    province: Unit  # current (2025) province
    ward: Unit | None = None  # current ward, when the record names a ward
    other_wards: tuple[Unit, ...] = ()  # other current wards a divided legacy ward went to
    legacy_province: Unit | None = None
    legacy_district: Unit | None = None
    legacy_ward: Unit | None = None
    detail: str = ""  # leading parts kept as written (village, residential group, street)

    @property
    def current_label(self) -> str:
        parts = [self.ward.name] if self.ward else []
        return ", ".join([*parts, self.province.name])

    @property
    def legacy_label(self) -> str:
        units = [self.legacy_ward, self.legacy_district, self.legacy_province]
        return ", ".join(u.name for u in units if u)


class LocalityError(ValueError):
    """Unknown or ambiguous locality; ``code`` is GS030 or GS031, the message is Vietnamese."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_TYPE_PREFIXES = [
    (r"thanh pho|tp\.?|t\.p\.?", "Thành phố"),
    (r"thi xa|tx\.?", "Thị xã"),
    (r"thi tran|tt\.?", "Thị trấn"),
    (r"dac khu", "Đặc khu"),
    (r"quan|q\.", "Quận"),
    (r"huyen|h\.", "Huyện"),
    (r"phuong|p\.", "Phường"),
    (r"xa|x\.", "Xã"),
    (r"tinh", "Tỉnh"),
]
_PREFIX_RE = [(re.compile(rf"^(?:{p})(?:\s+|(?<=\.)|(?=\d)|$)"), t) for p, t in _TYPE_PREFIXES]


def split_type(part: str) -> tuple[str | None, str]:
    """"TP. Đà Lạt" → ("Thành phố", "Đà Lạt"); "Ninh Hưng" → (None, "Ninh Hưng")."""
    text = nfc(part).strip()
    folded = fold(text)
    if len(folded) != len(text):  # exotic characters: do not slice by position
        return None, text
    for pattern, unit_type in _PREFIX_RE:
        match = pattern.match(folded)
        if match and text[match.end():].strip():
            return unit_type, text[match.end():].strip()
    return None, text


_LEVELS = ({"Quận", "Huyện", "Thị xã", "Thành phố"}, {"Phường", "Xã", "Thị trấn", "Đặc khu"})

# Former names of provinces renamed shortly before the 2025 reorganisation (compact form → legacy key).
_FORMER_PROVINCE_NAMES = {"thuathienhue": "thanhphohue", "tinhthuathienhue": "thanhphohue"}


def _same_level(a: str, b: str) -> bool:
    return any(a in level and b in level for level in _LEVELS)


def _bare(name: str, unit_type: str) -> str:
    return name[len(unit_type):].strip() if name.startswith(unit_type) else name


class _Index:
    """Lookup of sibling units by loosely written names."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.by_key: dict[str, list[Unit]] = {}
        for unit in units:
            keys = {compact(unit.name), compact(_bare(unit.name, unit.type)), *unit.keywords}
            for key in keys:
                self.by_key.setdefault(key, []).append(unit)

    def find(self, part: str) -> list[Unit]:
        unit_type, name = split_type(part)
        found = self.by_key.get(compact(f"{unit_type} {name}"), []) if unit_type else []
        if not found:
            found = self.by_key.get(compact(name), []) or self.by_key.get(compact(part), [])
        if unit_type:
            typed = [u for u in found if compact(u.type) == compact(unit_type)]
            # A unit upgraded before 2025 (thị xã → thành phố, xã → phường) is still found by its old type.
            found = typed or [u for u in found if _same_level(u.type, unit_type)]
        found = list(dict.fromkeys(found))
        if len(found) > 1:  # names differing only by tone marks: the accents decide
            exact = nfc(name).replace(" ", "").casefold()
            accented = [u for u in found if _bare(u.name, u.type).replace(" ", "").casefold() == exact]
            found = accented or found
        return found

    def suggest(self, part: str) -> str:
        return did_you_mean(part, [u.name for u in self.units])


@dataclass
class Gazetteer:
    """All units and the 2025 conversion, with resolution of written localities."""

    legacy_provinces: dict[str, Unit]
    legacy_districts: dict[str, dict[str, Unit]]  # province key → district key → unit
    legacy_wards: dict[str, dict[str, Unit]]  # "province_district" → ward key → unit
    provinces: dict[str, Unit]
    wards: dict[str, dict[str, Unit]]  # province key → ward key → unit
    province_of_legacy: dict[str, str]  # legacy province key → current province key
    ward_of_legacy: dict[str, list[tuple[str, bool]]]  # "p_d_w" → [(current ward key, is default)]
    legacy_of_ward: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (p, w) → ["p_d_w"]
    # Districts split or renamed before 2025 (e.g. TP Huế → Phú Xuân, Thuận Hóa): province → compact
    # former name → the district keys its wards now belong to.
    former_districts: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._province_index = _Index(list(self.provinces.values()))
        self._legacy_province_index = _Index(list(self.legacy_provinces.values()))
        self._cache: dict[str, _Index] = {}

    def _index(self, name: str, units: dict[str, Unit]) -> _Index:
        if name not in self._cache:
            self._cache[name] = _Index(list(units.values()))
        return self._cache[name]

    # -- lookups -------------------------------------------------------------------------------
    def legacy_ward_key(self, ward: Unit) -> str:
        return f"{ward.parent}_{ward.key}"

    def current_wards_of_legacy(self, ward: Unit) -> list[tuple[Unit, bool]]:
        province = ward.parent.split("_")[0]
        new_province = self.province_of_legacy[province]
        return [(self.wards[new_province][k], default)
                for k, default in self.ward_of_legacy.get(self.legacy_ward_key(ward), [])
                if k in self.wards[new_province]]

    def legacy_wards_of(self, province_key: str, ward_key: str) -> list[Unit]:
        """The legacy wards (with their districts reachable by ``parent``) a current ward was formed from."""
        result = []
        for full in self.legacy_of_ward.get((province_key, ward_key), []):
            p, d, w = full.split("_", 2)
            unit = self.legacy_wards.get(f"{p}_{d}", {}).get(w)
            if unit:
                result.append(unit)
        return result

    def legacy_district_of(self, ward: Unit) -> Unit:
        p, d = ward.parent.split("_", 1)
        return self.legacy_districts[p][d]

    def current_wards_of_district(self, district: Unit) -> list[Unit]:
        """Current wards that took in at least part of a legacy district."""
        found: dict[str, Unit] = {}
        for ward in self.legacy_wards.get(f"{district.parent}_{district.key}", {}).values():
            for unit, _default in self.current_wards_of_legacy(ward):
                found[unit.key] = unit
        return list(found.values())

    # -- resolution ----------------------------------------------------------------------------
    def resolve(self, written: str) -> Locality:
        """Resolve a written locality or raise :class:`LocalityError` with suggestions."""
        text = nfc(str(written)).strip()
        parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
        if not parts:
            raise LocalityError("GS030", "địa phương đang để trống.")
        legacy_p = self._legacy_province_index.find(parts[-1])
        current_p = self._province_index.find(parts[-1])
        if not legacy_p and not current_p:
            names = [u.name for u in self.provinces.values()] + [u.name for u in self.legacy_provinces.values()]
            raise LocalityError("GS030",
                                f"không tìm thấy tỉnh/thành phố “{parts[-1]}”" + did_you_mean(parts[-1], names))
        if len(parts) == 1:
            if legacy_p:
                lp = legacy_p[0]
                return Locality(text, self.provinces[self.province_of_legacy[lp.key]], legacy_province=lp)
            return Locality(text, current_p[0])
        # Two parts ("ward, province") is the post-2025 way of writing; three or more is the legacy way.
        attempts = []
        if current_p:
            attempts.append(lambda: self._resolve_current(text, parts[:-1], current_p[0]))
        if legacy_p:
            attempts.insert(0 if len(parts) > 2 else len(attempts),
                            lambda: self._resolve_legacy(text, parts[:-1], legacy_p[0]))
        errors: list[LocalityError] = []
        for attempt in attempts:
            try:
                return attempt()
            except LocalityError as exc:
                errors.append(exc)
        ambiguous = [e for e in errors if e.code == "GS031"]
        raise (ambiguous or errors)[0]

    def _resolve_current(self, text: str, parts: list[str], province: Unit) -> Locality:
        index = self._index(f"wards:{province.key}", self.wards[province.key])
        found = index.find(parts[-1])
        if len(found) != 1:
            raise self._not_found(found, parts[-1], index, f"{province.name} (sau 7/2025)")
        legacy = self.legacy_wards_of(province.key, found[0].key)
        return Locality(text, province, ward=found[0], detail=", ".join(parts[:-1]),
                        legacy_province=self.legacy_provinces[legacy[0].parent.split("_")[0]]
                        if len({w.parent.split("_")[0] for w in legacy}) == 1 else None)

    def _resolve_legacy(self, text: str, parts: list[str], lprov: Unit) -> Locality:
        province = self.provinces[self.province_of_legacy[lprov.key]]
        districts = self.legacy_districts[lprov.key]
        d_index = self._index(f"districts:{lprov.key}", districts)
        found_d = d_index.find(parts[-1])
        if len(found_d) == 1:
            district = found_d[0]
            if len(parts) == 1:
                return Locality(text, province, legacy_province=lprov, legacy_district=district)
            wards = self.legacy_wards[f"{lprov.key}_{district.key}"]
            w_index = self._index(f"{lprov.key}_{district.key}", wards)
            found_w = w_index.find(parts[-2])
            if len(found_w) != 1:
                raise self._not_found(found_w, parts[-2], w_index, district.name)
            return self._legacy_locality(text, province, lprov, district, found_w[0], parts[:-2])
        # A district that was split or renamed shortly before 2025: look for the ward in its successors.
        former = self.former_districts.get(lprov.key, {})
        unit_type, name = split_type(parts[-1])
        successors = former.get(compact(f"{unit_type or ''} {name}")) or former.get(compact(name))
        if successors and len(parts) > 1:
            candidates = [w for d in successors if d in districts
                          for w in self._index(f"{lprov.key}_{d}", self.legacy_wards.get(f"{lprov.key}_{d}", {}))
                          .find(parts[-2])]
            if len(candidates) == 1:
                ward = candidates[0]
                return self._legacy_locality(text, province, lprov, self.legacy_district_of(ward), ward,
                                             parts[:-2])
        # No district written: a ward of the (legacy) province, if its name is unique there.
        candidates = []
        for district in districts.values():
            wards = self.legacy_wards.get(f"{lprov.key}_{district.key}", {})
            candidates += self._index(f"{lprov.key}_{district.key}", wards).find(parts[-1])
        if len(candidates) == 1:
            ward = candidates[0]
            return self._legacy_locality(text, province, lprov, self.legacy_district_of(ward), ward, parts[:-1])
        if len(candidates) > 1:
            raise self._not_found(candidates, parts[-1], d_index, lprov.name)
        raise LocalityError("GS030", f"không tìm thấy quận/huyện hoặc phường/xã “{parts[-1]}” thuộc {lprov.name}"
                            + d_index.suggest(parts[-1]))

    def _legacy_locality(self, text: str, province: Unit, lprov: Unit, district: Unit, ward: Unit,
                         rest: list[str]) -> Locality:
        current = self.current_wards_of_legacy(ward)
        main = next((u for u, default in current if default), current[0][0] if current else None)
        others = tuple(u for u, _ in current if u != main)
        return Locality(text, province, ward=main, other_wards=others, legacy_province=lprov,
                        legacy_district=district, legacy_ward=ward, detail=", ".join(rest))

    def _not_found(self, found: list[Unit], part: str, index: _Index, scope: str) -> LocalityError:
        if len(found) > 1:
            where = "; ".join(self._describe(u) for u in found[:5])
            return LocalityError("GS031", f"“{part}” thuộc {scope} trùng tên nhiều đơn vị ({where}); "
                                          "ghi thêm quận/huyện để phân biệt.")
        return LocalityError("GS030", f"không tìm thấy “{part}” thuộc {scope}" + index.suggest(part))

    def _describe(self, unit: Unit) -> str:
        if "_" in unit.parent:
            return f"{unit.name}, {self.legacy_district_of(unit).name}"
        return unit.name


def _unit(key: str, name: str, unit_type: str, code: object, short: str, parent: str,
          keywords: list[str]) -> Unit:
    name = nfc(name)
    short = nfc(short) if isinstance(short, str) else _bare(name, unit_type)
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
    for former, key in _FORMER_PROVINCE_NAMES.items():
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
    legacy_of_ward: dict[tuple[str, str], list[str]] = {}
    for p, ws in conversion["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in ws.items():
            for old in olds:
                ward_of_legacy.setdefault(old, []).append((new_ward, True))
                legacy_of_ward.setdefault((p, new_ward), []).append(old)
    for p, olds in conversion["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, news in olds.items():
            for item in news:
                ward_of_legacy.setdefault(old, []).append((item["newWardKey"], bool(item["isDefaultNewWard"])))
                legacy_of_ward.setdefault((p, item["newWardKey"]), []).append(old)
    former: dict[str, dict[str, list[str]]] = {}
    for p, olds in legacy["DICT_PROVINCE_DISTRICT_DIVIDED"].items():
        for old in olds.values():
            for keyword in old["dividedDistrictKeywords"]:
                former.setdefault(p, {})[keyword] = list(old["districts"])
    return Gazetteer(lprov, ldist, lward, prov, wards, province_of_legacy, ward_of_legacy, legacy_of_ward, former)
