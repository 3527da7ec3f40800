"""The gazetteer: legacy three-tier units (before 1 July 2025), the current two-tier units, and the resolution of
localities as editors write them — "phường Khương Trung, quận Thanh Xuân, Hà Nội" or, after 2025,
"phường Khương Đình, Hà Nội" — to both the legacy units and the current province and ward(s).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from .diagnostics import did_you_mean
from .text import compact, nfc
from .units import DISTRICT_TYPES, Locality, LocalityError, Unit, UnitIndex, split_type


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
    # Island districts without wards that became special zones (đặc khu): "p_d" → current ward key.
    zone_of_district: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._province_index = UnitIndex(list(self.provinces.values()))
        self._legacy_province_index = UnitIndex(list(self.legacy_provinces.values()))
        self._cache: dict[str, UnitIndex] = {}

    def _index(self, name: str, units: dict[str, Unit]) -> UnitIndex:
        if name not in self._cache:
            self._cache[name] = UnitIndex(list(units.values()))
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

    def choose_ward(self, loc: Locality, written: str) -> Locality:
        """The locality filed under the one current ward an editor names (``current_ward:``), which must be one of
        its current wards; GS032 otherwise."""
        found = UnitIndex(list(loc.wards)).find(written)
        if len(found) == 1:
            return loc.choose(found[0])
        if not loc.wards:
            raise LocalityError("GS032", f"“{loc.written}” chưa ghi đến phường, xã nên không chọn được phường, xã "
                                         f"hiện nay “{written}”; ghi phường, xã vào “locality”.")
        names = "; ".join(u.name for u in loc.wards)
        raise LocalityError("GS032", f"“{written}” không phải phường, xã hiện nay của “{loc.written}”; "
                                     f"chọn một trong: {names}.")

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
            if (inferred := self._infer_province(text, parts)) is not None:
                return inferred
            names = [u.name for u in self.provinces.values()] + [u.name for u in self.legacy_provinces.values()]
            raise LocalityError("GS030",
                                f"không tìm thấy tỉnh/thành phố “{parts[-1]}”" + did_you_mean(parts[-1], names))
        if len(parts) == 1:
            if legacy_p:
                lp = legacy_p[0]
                return Locality(text, self.provinces[self.province_of_legacy[lp.key]], legacy_province=lp)
            return Locality(text, current_p[0])
        errors: list[LocalityError] = []
        for attempt in self._attempts(text, parts, legacy_p[:1], current_p[:1]):
            try:
                return attempt()
            except LocalityError as exc:
                errors.append(exc)
        ambiguous = [e for e in errors if e.code == "GS031"]
        if not ambiguous and len(parts) > 2:  # a district written with a province it never belonged to
            with contextlib.suppress(LocalityError):
                inferred = self._infer_province(text, parts[:-1])
                if inferred is not None and inferred.legacy_district and inferred.legacy_province:
                    return replace(inferred, note=f"{inferred.legacy_district.name} không thuộc “{parts[-1]}” mà "
                                                  f"thuộc {inferred.legacy_province.name}; đã hiểu theo quận, huyện: "
                                                  "sửa lại tên tỉnh, thành phố.")
        raise (ambiguous or errors)[0]

    def _attempts(self, text: str, parts: list[str], legacy_p: list[Unit], current_p: list[Unit]
                  ) -> Iterator[Callable[[], Locality]]:
        """The readings of "…, province" to try in turn. Two parts ("ward, province") is the post-2025 way of
        writing, three or more the legacy way; a legacy ward and district may come with the current province
        ("xã Tiên Hải, TP Hà Tiên, An Giang"), whose legacy provinces are then tried."""
        rest = parts[:-1]
        legacy = [lambda lp=lp: self._resolve_legacy(text, rest, lp) for lp in legacy_p]
        current = [lambda cp=cp: self._resolve_current(text, rest, cp) for cp in current_p]
        yield from (legacy + current if len(parts) > 2 else current + legacy)
        for cp in current_p:
            for lp in self.legacy_provinces.values():
                if self.province_of_legacy[lp.key] == cp.key and lp not in legacy_p:
                    yield lambda lp=lp: self._resolve_legacy(text, rest, lp)

    def _infer_province(self, text: str, parts: list[str]) -> Locality | None:
        """No province written ("phường Khương Trung, quận Thanh Xuân"): the one province where the last part names
        a legacy district or a legacy or current ward and the rest fits; None when no province has it."""
        legacy_first = len(parts) > 1 or split_type(parts[-1])[0] in DISTRICT_TYPES
        current = [(u, False) for u in self._national("wards", self.wards).find(parts[-1])]
        legacy = [(u, True) for u in [*self._national("districts", self.legacy_districts).find(parts[-1]),
                                      *self._national("legacy-wards", self.legacy_wards).find(parts[-1])]]
        found: dict[str, Locality] = {}
        for unit, is_legacy in (legacy + current if legacy_first else current + legacy):
            key = unit.parent.split("_")[0]
            try:
                loc = (self._resolve_legacy(text, parts, self.legacy_provinces[key]) if is_legacy
                       else self._resolve_current(text, parts, self.provinces[key]))
            except LocalityError:
                continue
            found.setdefault(loc.province.key, loc)
        if len(found) > 1:
            where = ", ".join(loc.province.name for loc in found.values())
            raise LocalityError("GS031", f"“{text}” có ở nhiều tỉnh, thành phố ({where}); ghi thêm tỉnh, thành phố.")
        return next(iter(found.values()), None)

    def _national(self, name: str, tables: dict[str, dict[str, Unit]]) -> UnitIndex:
        """One index over the units of every province (for localities written without their province)."""
        if name not in self._cache:
            self._cache[name] = UnitIndex([u for units in tables.values() for u in units.values()])
        return self._cache[name]

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
            if len(parts) == 1:  # a whole district, or one that became a special zone (Côn Đảo, Lý Sơn …)
                zone = self.zone_of_district.get(f"{lprov.key}_{district.key}")
                return Locality(text, province, ward=self.wards[province.key][zone] if zone else None,
                                legacy_province=lprov, legacy_district=district)
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

    def _not_found(self, found: list[Unit], part: str, index: UnitIndex, scope: str) -> LocalityError:
        if len(found) > 1:
            where = "; ".join(self._describe(u) for u in found[:5])
            return LocalityError("GS031", f"“{part}” thuộc {scope} trùng tên nhiều đơn vị ({where}); "
                                          "ghi thêm quận/huyện để phân biệt.")
        return LocalityError("GS030", f"không tìm thấy “{part}” thuộc {scope}" + index.suggest(part))

    def _describe(self, unit: Unit) -> str:
        if "_" in unit.parent:
            return f"{unit.name}, {self.legacy_district_of(unit).name}"
        return unit.name


