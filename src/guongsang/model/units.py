"""Administrative units and resolved localities: the gazetteer's vocabulary, shared by its loader and resolver."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .diagnostics import did_you_mean
from .text import compact, fold, nfc


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
    note: str = field(default="", compare=False)  # how a slip was read (a wrong province), for a warning

    @property
    def wards(self) -> tuple[Unit, ...]:
        """Every current ward the record belongs to: one, or each successor of a legacy ward divided in 2025."""
        return (self.ward, *self.other_wards) if self.ward else ()

    def ward_names(self, first: str) -> tuple[tuple[Unit, str], ...]:
        """Each current ward with its name in a list, the first as ``first`` and the others without a type
        already said: (Phường Khương Đình, first), (Phường Phương Liệt, "Phương Liệt")."""
        return tuple((u, first if i == 0 else u.short if u.type == self.wards[0].type else u.name)
                     for i, u in enumerate(self.wards))

    @property
    def wards_label(self) -> str:
        """"phường Khương Đình hoặc Phương Liệt" — the current wards as a sentence names them."""
        return " hoặc ".join(n for _, n in self.ward_names(self.ward.lower_name)) if self.ward else ""

    @property
    def current_label(self) -> str:
        """"Phường Khương Đình hoặc Phương Liệt, Thành phố Hà Nội"."""
        parts = [" hoặc ".join(n for _, n in self.ward_names(self.ward.name))] if self.ward else []
        return ", ".join([*parts, self.province.name])

    def choose(self, ward: Unit) -> Locality:
        """The locality filed under one of its current wards (the record's ``current_ward:``)."""
        return replace(self, ward=ward, other_wards=())

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


# Types that name units of one tier: "tỉnh Thừa Thiên Huế" finds Thành phố Huế, "thị xã X" a unit now a city.
_LEVELS = ({"Tỉnh", "Thành phố"}, {"Quận", "Huyện", "Thị xã", "Thành phố"},
           {"Phường", "Xã", "Thị trấn", "Đặc khu"})
DISTRICT_TYPES = _LEVELS[1] - {"Thành phố"}  # a part with one of these types is never a province


def _same_level(a: str, b: str) -> bool:
    return any(a in level and b in level for level in _LEVELS)


def bare_name(name: str, unit_type: str) -> str:
    """"Phường Khương Trung" → "Khương Trung"."""
    return name[len(unit_type):].strip() if name.startswith(unit_type) else name


_ROMAN = {"i": 1, "v": 5, "x": 10}


def _roman(name: str) -> int:
    """The value of a Roman numeral up to XXXIX ("IV" → 4), or 0 when ``name`` is not one."""
    letters = name.strip().lower()
    if not letters or not re.fullmatch(r"x{0,3}(ix|iv|v?i{0,3})", letters):
        return 0
    values = [_ROMAN[c] for c in letters]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


class UnitIndex:
    """Lookup of sibling units by loosely written names."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.by_key: dict[str, list[Unit]] = {}
        for unit in units:
            keys = {compact(unit.name), compact(bare_name(unit.name, unit.type)), *unit.keywords}
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
            accented = [u for u in found if bare_name(u.name, u.type).replace(" ", "").casefold() == exact]
            found = accented or found
        if not found and unit_type and (number := _roman(name)):  # "Phường IV" where the data has "Phường 4"
            return self.find(f"{unit_type} {number}")
        return found

    def suggest(self, part: str) -> str:
        return did_you_mean(part, [u.name for u in self.units])


