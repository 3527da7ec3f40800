"""Areas: a province, a ward, a legacy province or a legacy district, named by code or as written.

One resolver serves the saved queries of columns (``localities:``) and the sub-site builds
(``guongsang build --only-province CODE`` / ``--only-locality CODE``), so both read a locality the same way:

* an administrative code — 2 digits a current province, 3 digits a legacy district (before 1 July 2025),
  5 digits a current ward;
* a written locality, as in a record — "quận Thanh Xuân, Hà Nội", "phường Khương Đình, Hà Nội", "Hà Nội";
  a province written alone is the current province, or the legacy one when the name ends in "(cũ)" or no
  current province bears it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import did_you_mean
from .places import Gazetteer, LocalityError, Unit, split_type
from .records import Exemplar
from .text import compact, slugify

PROVINCE, WARD, LEGACY_PROVINCE, DISTRICT = "province", "ward", "legacy-province", "district"
_LEGACY_MARK = re.compile(r"\s*\(\s*cũ\s*\)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Area:
    """A unit records can be filed under, and how to tell whether a record is in it."""

    kind: str  # PROVINCE, WARD, LEGACY_PROVINCE or DISTRICT
    unit: Unit
    province: Unit  # the current province holding the area (for a legacy unit: the one it now belongs to)
    legacy_province: Unit | None = None  # for a legacy district

    @property
    def label(self) -> str:
        """"Quận Thanh Xuân (cũ), Thành phố Hà Nội" — how pages, feeds and search name the area."""
        if self.kind == PROVINCE:
            return self.unit.name
        if self.kind == WARD:
            return f"{self.unit.name}, {self.province.name}"
        if self.kind == LEGACY_PROVINCE:
            return f"{self.unit.name} (cũ)"
        assert self.legacy_province is not None
        return f"{self.unit.name} (cũ), {self.legacy_province.name}"

    @property
    def short(self) -> str:
        """"Thanh Xuân (cũ)" — for a site name."""
        return self.unit.short + (" (cũ)" if self.kind in (LEGACY_PROVINCE, DISTRICT) else "")

    def contains(self, exemplar: Exemplar) -> bool:
        loc = exemplar.locality
        if self.kind == PROVINCE:
            return loc.province.key == self.unit.key
        if self.kind == WARD:
            return loc.province.key == self.province.key and any(w.key == self.unit.key for w in loc.wards)
        if self.kind == LEGACY_PROVINCE:
            return loc.legacy_province is not None and loc.legacy_province.key == self.unit.key
        return (loc.legacy_district is not None and loc.legacy_province is not None
                and loc.legacy_district.key == self.unit.key and loc.legacy_province.key == self.unit.parent)


def _by_code(gaz: Gazetteer, code: str) -> Area | None:
    if len(code) == 2:
        unit = next((u for u in gaz.provinces.values() if u.code == code), None)
        return Area(PROVINCE, unit, unit) if unit else None
    if len(code) == 3:
        for pkey, districts in gaz.legacy_districts.items():
            for unit in districts.values():
                if unit.code == code:
                    lprov = gaz.legacy_provinces[pkey]
                    return Area(DISTRICT, unit, gaz.provinces[gaz.province_of_legacy[pkey]], lprov)
        return None
    if len(code) == 5:
        for pkey, wards in gaz.wards.items():
            for unit in wards.values():
                if unit.code == code:
                    return Area(WARD, unit, gaz.provinces[pkey])
    return None


def _province_named(gaz: Gazetteer, text: str) -> Unit | None:
    wanted = {compact(text), compact(split_type(text)[1])}
    for unit in gaz.provinces.values():
        if wanted & {compact(unit.name), compact(unit.short), *unit.keywords} or slugify(text) == unit.slug:
            return unit
    return None


def resolve_area(gaz: Gazetteer, written: str) -> Area:
    """The area a code or a written locality names; :class:`LocalityError` (Vietnamese) when none or several."""
    text = str(written).strip()
    if text.isdigit():
        area = _by_code(gaz, text)
        if area is None:
            raise LocalityError("GS030", f"không có tỉnh (2 chữ số), quận/huyện cũ (3 chữ số) hay phường/xã "
                                         f"(5 chữ số) nào mang mã “{text}”.")
        return area
    legacy_only = bool(_LEGACY_MARK.search(text))
    text = _LEGACY_MARK.sub("", text)
    if "," not in text and not legacy_only and (province := _province_named(gaz, text)):
        return Area(PROVINCE, province, province)
    loc = gaz.resolve(text)
    if loc.legacy_ward is not None or (loc.ward is not None and loc.legacy_district is None and "," in text):
        if loc.ward is None:
            raise LocalityError("GS030", f"“{text}” không còn tương ứng với phường, xã nào sau 1/7/2025.")
        return Area(WARD, loc.ward, loc.province)
    if loc.legacy_district is not None:
        return Area(DISTRICT, loc.legacy_district, loc.province, loc.legacy_province)
    if loc.legacy_province is not None:
        return Area(LEGACY_PROVINCE, loc.legacy_province, loc.province)
    return Area(PROVINCE, loc.province, loc.province)


def resolve_province(gaz: Gazetteer, written: str) -> Area:
    """A current province by code (2 digits), slug ("ha-noi") or name; for ``--only-province``."""
    text = str(written).strip()
    by_code = _by_code(gaz, text) if text.isdigit() and len(text) == 2 else None
    unit = by_code.unit if by_code else _province_named(gaz, text)
    if unit is None:
        raise LocalityError("GS030", f"không có tỉnh, thành phố (từ 1/7/2025) nào là “{text}”"
                            + did_you_mean(text, [u.name for u in gaz.provinces.values()]))
    return Area(PROVINCE, unit, unit)


def search_scope(area: Area | None, wider_index: str | None) -> dict[str, object] | None:
    """What a sub-site's search page needs: the area it covers and, when a wider Pagefind bundle is known, where
    it is (merged with ``mergeIndex``) and the filter that keeps, of its pages, the province without this area,
    so no exemplar is found twice (guongsang-scope.js). Keys are search.py's filters. A wider URL that is not a
    bundle (``…/pagefind/``) is a search page, the national one (``guongsang national``): the search links there,
    starting with this province (``?tinh=``)."""
    if area is None:
        return None
    scope: dict[str, object] = {"label": area.label}
    legacy = area.legacy_province.name if area.legacy_province else ""
    exclude = {PROVINCE: {"tinh": area.unit.name}, WARD: {"phuong-xa": area.unit.name},
               DISTRICT: {"quan-huyen-cu": f"{area.unit.name}, {legacy}"}}.get(area.kind)
    label = "cả nước" if area.kind == PROVINCE else area.province.name
    if wider_index and exclude is not None and not wider_index.rstrip("/").endswith("pagefind"):
        # Not a Pagefind bundle but a search page (the national one, whose root has no bundle): a link there.
        scope["page"] = {"url": f"{wider_index}?tinh={area.province.slug}", "label": label}
    elif wider_index and exclude is not None:
        keep = {} if area.kind == PROVINCE else {"tinh": area.province.name}
        scope["wider"] = {"index": wider_index, "filter": {**keep, "not": exclude}, "label": label}
    return scope
