"""Privacy of the people honoured: personal numbers in public text, private values, and the public view.

- :func:`find_personal_data` spots citizen ID numbers (CCCD, 12 digits; CMND, 9 digits), Vietnamese phone
  numbers (mobile and landline, with or without +84 and separators) and e-mail addresses in text.
- :func:`public` is the only view of a record that outputs may use: no ``private`` block, no consent details,
  and for a minor (``minor: true``) no birth year and no school. :func:`guongsang.site.derive.build_site` applies it,
  so everything derived from the site model (pages, lists, search, feeds, data files) is public by construction.
- :func:`scrub_image` copies an image without its metadata (EXIF, GPS, XMP, IPTC, comments), keeping only
  the orientation a phone photo needs to stand upright.
"""

from __future__ import annotations

import dataclasses
import re
import struct
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .records import Exemplar

KINDS = {"id": "số định danh (CCCD/CMND)", "phone": "số điện thoại", "email": "địa chỉ thư điện tử"}
CODES = {"id": "GS055", "phone": "GS056", "email": "GS057"}
# Kinds an editor may publish on purpose (a collective's hotline, an office address); ID numbers never.
ALLOWABLE = frozenset({"phone", "email"})

# Province codes that open a CCCD number (Circular 59/2021/TT-BCA): 001 … 096.
_CCCD_PROVINCES = frozenset(f"{n:03d}" for n in range(1, 97))
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# What the fold changes: invisible characters, and digits NFKC turns into 0–9 (full-width, super- and subscript,
# circled, mathematical). Other scripts' digits need no fold: the patterns below match them as they are.
_ODD = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\uff10-\uff19\u00b2\u00b3\u00b9\u2070-\u2089\u2460-\u249b"
                  "\U0001d7ce-\U0001d7ff]")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_NUMBER = re.compile(r"(?<![\w.,/])\+?\(?\d[\d .\-()]{6,20}\d(?![\w/]|[.,]\d)")
_ID_WORDS = re.compile(r"(cccd|cmnd|căn cước|chứng minh|định danh|số id)\W{0,12}$", re.IGNORECASE)
_PHONE_WORDS = re.compile(r"(điện thoại|đt|sđt|dđ|hotline|zalo|liên hệ|gọi)\W{0,12}$", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """A personal number or address found at ``start:end`` of the searched text."""

    kind: str  # "id", "phone", "email"
    start: int
    end: int
    text: str

    @property
    def masked(self) -> str:
        """The value with its middle hidden, safe to print in a public CI log: 091•••••78, ab•••@example.com."""
        if self.kind == "email":
            local, _, domain = self.text.partition("@")
            return f"{local[:2]}•••@{domain}"
        digits = re.sub(r"\D", "", self.text)
        return f"{digits[:3]}{'•' * max(len(digits) - 5, 1)}{digits[-2:]}"

    @property
    def label(self) -> str:
        return KINDS[self.kind]


def _normalised(text: str) -> tuple[str, list[int] | range]:
    """``text`` with full-width digits folded (NFKC) and invisible characters dropped, and where each
    character came from, so that "０９１２\u200b345678" is found at its place in the original."""
    if not _ODD.search(text):  # the usual case, at no cost: nothing to fold
        return text, range(len(text) + 1)
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch).translate(_INVISIBLE) if not ch.isascii() else ch
        out.append(folded)
        where.extend([i] * len(folded))
    where.append(len(text))
    return "".join(out), where


def _phone(digits: str, raw: str) -> bool:
    if raw.startswith("+84") or (digits.startswith("84") and len(digits) in (11, 12)):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        return False
    mobile = len(national) == 9 and national[0] in "35789"
    landline = len(national) == 10 and national[0] == "2"
    old_mobile = len(national) == 10 and national[0] == "1"
    return mobile or landline or old_mobile


def _id_number(digits: str, raw: str, before: str) -> bool:
    if raw.isdigit():
        return len(digits) == 9 or (len(digits) == 12 and digits[:3] in _CCCD_PROVINCES)
    return len(digits) in (9, 12) and bool(_ID_WORDS.search(before))


def find_personal_data(text: str) -> list[Finding]:
    """Every ID number, phone number and e-mail address in ``text``, in order of position."""
    norm, where = _normalised(text)
    found: list[Finding] = []
    for match in _EMAIL.finditer(norm) if "@" in norm else ():  # the pattern is slow to fail on plain prose
        found.append(Finding("email", where[match.start()], where[match.end()], match.group(0)))
    for match in _NUMBER.finditer(norm):
        raw = match.group(0).lstrip(" .-").rstrip(" .-(")
        raw = raw[1:] if raw.startswith("(") and ")" not in raw else raw
        digits = re.sub(r"\D", "", raw)
        before = norm[max(0, match.start() - 40): match.start()]
        if _id_number(digits, raw, before):
            kind = "id"
        elif _phone(digits, raw) or (len(digits) >= 9 and _PHONE_WORDS.search(before)):
            kind = "phone"
        else:
            continue
        start = match.start() + match.group(0).index(raw)
        found.append(Finding(kind, where[start], where[start + len(raw)], raw))
    inside_email = [(f.start, f.end) for f in found if f.kind == "email"]
    found = [f for f in found if f.kind == "email" or not any(s <= f.start < e for s, e in inside_email)]
    return sorted(found, key=lambda f: (f.start, f.kind))


# -- what is public ---------------------------------------------------------------------------------------------

_PUBLIC: dict[int, tuple[Exemplar, Exemplar]] = {}  # id(record) → (record, its public view)
_PUBLIC_LIMIT = 1 << 17


def public(exemplar: Exemplar) -> Exemplar:
    """The record as outputs may show it: without private values, consent details, and a minor's birth year
    and school. Every page, list, search entry, feed and data file is built from this view.

    The same (frozen) record gets the same view object, so a live preview, whose memo hands unchanged records
    to every rebuild, keeps recognising them downstream (see :class:`guongsang.render.cache.Fingerprint`)."""
    known = _PUBLIC.get(id(exemplar))
    if known is not None and known[0] is exemplar:
        return known[1]
    hidden: dict[str, Any] = {"private": (), "consent": None}
    if exemplar.minor:
        hidden |= {"born": None, "school": ""}
    view = dataclasses.replace(exemplar, **hidden)
    if len(_PUBLIC) >= _PUBLIC_LIMIT:
        _PUBLIC.clear()
    _PUBLIC[id(exemplar)] = (exemplar, view)
    return view


def forget() -> None:
    """Let go of every record and view :func:`public` remembers."""
    _PUBLIC.clear()


def private_values(exemplar: Exemplar) -> Iterator[tuple[str, str]]:
    """(where, value) for every value of a record that must never be published."""
    yield from exemplar.private
    if exemplar.consent and exemplar.consent.guardian:
        yield "consent.guardian", exemplar.consent.guardian
    if exemplar.minor:
        if exemplar.born:
            yield "born", str(exemplar.born)
        if exemplar.school:
            yield "school", exemplar.school


def flatten(value: Any, prefix: str) -> Iterable[tuple[str, str]]:
    """A ``private:`` block as (dotted key, text) pairs, dates written both ISO and Vietnamese-style."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from flatten(item, f"{prefix}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from flatten(item, f"{prefix}.{i + 1}")
    elif value is not None and value != "":
        yield prefix, str(value)
        if hasattr(value, "strftime"):
            yield prefix, value.strftime("%d/%m/%Y")


# -- images ----------------------------------------------------------------------------------------------------

_JPEG_KEEP = {0xE0, 0xE2, 0xEE}  # JFIF, ICC profile, Adobe colour transform
_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}
_WEBP_DROP = {b"EXIF", b"XMP "}


def scrub_image(path: Path) -> bytes:
    """The image's bytes without metadata; pixels untouched (no re-encoding), so the result is deterministic."""
    data = path.read_bytes()
    if data[:2] == b"\xff\xd8":
        return _scrub_jpeg(data)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return _scrub_png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _scrub_webp(data)
    return data


def _orientation(exif: bytes) -> int:
    """The EXIF orientation (1–8) of an APP1 payload, or 1."""
    if not exif.startswith(b"Exif\0\0") or len(exif) < 14:
        return 1
    tiff = exif[6:]
    order = "<" if tiff[:2] == b"II" else ">"
    try:
        (offset,) = struct.unpack_from(order + "I", tiff, 4)
        (count,) = struct.unpack_from(order + "H", tiff, offset)
        for i in range(count):
            tag, _kind, _n, value = struct.unpack_from(order + "HHI4s", tiff, offset + 2 + 12 * i)
            if tag == 0x0112:
                (orientation,) = struct.unpack_from(order + "H", value)
                return orientation if 1 <= orientation <= 8 else 1
    except struct.error:
        return 1
    return 1


def _orientation_segment(orientation: int) -> bytes:
    """A minimal APP1 EXIF segment holding only the orientation."""
    tiff = b"MM\0*" + struct.pack(">I", 8) + struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1,
                                                                                  orientation, 0)
    tiff += struct.pack(">I", 0)
    payload = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def _scrub_jpeg(data: bytes) -> bytes:
    out = [b"\xff\xd8"]
    pos, orientation = 2, 1
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA or marker == 0xD9:  # start of scan: the rest is image data
            break
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            out.append(data[pos:pos + 2])
            pos += 2
            continue
        (length,) = struct.unpack_from(">H", data, pos + 2)
        segment = data[pos:pos + 2 + length]
        if marker == 0xE1:
            orientation = max(orientation, _orientation(segment[4:]))
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE) or marker in _JPEG_KEEP:
            out.append(segment)
        pos += 2 + length
    if orientation != 1:
        out.insert(1, _orientation_segment(orientation))
    return b"".join(out) + data[pos:]


def _scrub_png(data: bytes) -> bytes:
    out, pos = [data[:8]], 8
    while pos + 12 <= len(data):
        (length,) = struct.unpack_from(">I", data, pos)
        kind = data[pos + 4:pos + 8]
        chunk = data[pos:pos + 12 + length]
        if kind not in _PNG_DROP:
            out.append(chunk)
        pos += 12 + length
        if kind == b"IEND":
            break
    return b"".join(out)


def _scrub_webp(data: bytes) -> bytes:
    chunks, pos = [], 12
    while pos + 8 <= len(data):
        kind = data[pos:pos + 4]
        (length,) = struct.unpack_from("<I", data, pos + 4)
        chunk = data[pos:pos + 8 + length + (length & 1)]
        if kind == b"VP8X":  # clear the EXIF (0x08) and XMP (0x04) flags
            chunk = chunk[:8] + bytes([chunk[8] & ~0x0C]) + chunk[9:]
        if kind not in _WEBP_DROP:
            chunks.append(chunk)
        pos += 8 + length + (length & 1)
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body
