"""Open data: every published record's public fields, as the open-data page (``/du-lieu/``) offers them.

- ``du-lieu/<province>.json.gz``: the JSON of every public field, one gzip-compressed file per current province
  (deterministic: no name or time in the gzip header, so builds stay byte-identical);
- ``du-lieu/exemplars.json``: the index — what the files hold (fields, count, date) and one entry per province
  with its file, record count and size;
- ``du-lieu/exemplars.csv``: every record without the story, uncompressed (metadata for spreadsheets).

Built from an explicit allow-list (:data:`FIELDS`): a field reaches the files only when it is named here, so
consent details, private notes or anything a later schema adds stay out unless someone decides otherwise.
Drafts and withdrawn records are never included.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..model.records import Exemplar
from ..site.derive import OPEN_DATA, Site, exemplar_url
from ..site.published import newest_first, published_on

BASENAME = "exemplars"
CSV_LEFT_OUT = frozenset({"story"})  # the CSV is for spreadsheets: the story stays in the JSON

# (name, Vietnamese description, value) — the only fields that are ever published.
FIELDS: list[tuple[str, str, Callable[[Exemplar, Any], Any]]] = [
    ("slug", "Định danh của gương, không đổi", lambda e, c: e.slug),
    ("url", "Địa chỉ trang gương trên website", lambda e, c: urljoin(c.site_url, exemplar_url(e.slug))),
    ("title", "Tiêu đề câu chuyện", lambda e, c: e.title),
    ("name", "Tên cá nhân, tập thể hoặc hộ gia đình", lambda e, c: e.name),
    ("kind", "Đối tượng (mã)", lambda e, c: e.kind.code),
    ("kind_label", "Đối tượng", lambda e, c: e.kind.label),
    ("movements", "Phong trào thi đua (mã)", lambda e, c: [m.code for m in e.movements]),
    ("movement_labels", "Phong trào thi đua", lambda e, c: [m.label for m in e.movements]),
    ("field", "Lĩnh vực (mã)", lambda e, c: e.field.code),
    ("field_label", "Lĩnh vực", lambda e, c: e.field.label),
    ("province", "Tỉnh, thành phố (từ 1/7/2025)", lambda e, c: e.locality.province.name),
    ("province_code", "Mã tỉnh, thành phố", lambda e, c: e.locality.province.code),
    ("ward", "Phường, xã (từ 1/7/2025)", lambda e, c: e.locality.ward.name if e.locality.ward else ""),
    ("ward_code", "Mã phường, xã", lambda e, c: e.locality.ward.code if e.locality.ward else ""),
    ("wards", "Mọi phường, xã (từ 1/7/2025) của hồ sơ: phường, xã cũ bị chia về nhiều nơi có nhiều mục",
     lambda e, c: [w.name for w in e.locality.wards]),
    ("ward_codes", "Mã của mọi phường, xã đó", lambda e, c: [w.code for w in e.locality.wards]),
    ("legacy_province", "Tỉnh, thành phố trước 1/7/2025",
     lambda e, c: e.locality.legacy_province.name if e.locality.legacy_province else ""),
    ("legacy_district", "Quận, huyện trước 1/7/2025",
     lambda e, c: e.locality.legacy_district.name if e.locality.legacy_district else ""),
    ("legacy_district_code", "Mã quận, huyện trước 1/7/2025",
     lambda e, c: e.locality.legacy_district.code if e.locality.legacy_district else ""),
    ("legacy_ward", "Phường, xã trước 1/7/2025",
     lambda e, c: e.locality.legacy_ward.name if e.locality.legacy_ward else ""),
    ("unit", "Đơn vị đề xuất", lambda e, c: e.unit),
    ("year", "Năm đề xuất, biểu dương", lambda e, c: e.year),
    ("published", "Ngày đăng (suy ra từ các ngày trong hồ sơ)", lambda e, c: published_on(e, c.today).isoformat()),
    ("summary", "Tóm tắt", lambda e, c: e.summary),
    ("story", "Câu chuyện (Markdown)", lambda e, c: e.body.strip()),
    ("achievements", "Thành tích tiêu biểu", lambda e, c: list(e.achievements)),
    ("awards", "Khen thưởng: hình thức, cấp, năm, số và ngày quyết định",
     lambda e, c: [{"form": a.form.label, "level": a.level.label, "year": a.year, "decision": a.decision,
                    "date": a.date.isoformat() if a.date else ""} for a in e.awards]),
    ("images", "Ảnh: địa chỉ, mô tả, chú thích, tác giả, kích thước",
     lambda e, c: [{"url": urljoin(c.site_url, found[0]), "alt": i.alt, "caption": i.caption, "credit": i.credit,
                    "width": found[3], "height": found[4]}
                   for n, i in enumerate(e.images) if (found := c.image_of(e, n))]),
    ("sources", "Nguồn tham khảo: tiêu đề, địa chỉ, nơi đăng, ngày",
     lambda e, c: [{"title": s.title, "url": s.url, "publisher": s.publisher,
                    "date": s.date.isoformat() if s.date else ""} for s in e.sources]),
    ("tags", "Từ khóa", lambda e, c: list(e.tags)),
    ("featured", "Gương tiêu biểu ở trang chủ", lambda e, c: e.featured),
]


def public(exemplar: Exemplar) -> bool:
    """Published and not withdrawn (``withdrawn`` may come with the trust work on records)."""
    return not exemplar.draft and not getattr(exemplar, "withdrawn", False)


def record(exemplar: Exemplar, ctx: Any) -> dict[str, Any]:
    return {name: value(exemplar, ctx) for name, _, value in FIELDS}


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False)
        return " | ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "có" if value else ""
    return value


def csv_fields() -> list[str]:
    return [name for name, _, _ in FIELDS if name not in CSV_LEFT_OUT]


def to_csv(records: list[dict[str, Any]]) -> bytes:
    names = csv_fields()
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for rec in records:
        writer.writerow([_csv_cell(rec[name]) for name in names])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens Vietnamese text correctly


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def gzipped(data: bytes) -> bytes:
    """gzip without a file name and with mtime 0: the same bytes in, the same bytes out."""
    return gzip.compress(data, compresslevel=9, mtime=0)


@dataclass(frozen=True)
class ProvinceFile:
    """One province's share of the open data: ``du-lieu/<slug>.json.gz``."""

    code: str
    name: str
    slug: str
    count: int

    @property
    def file(self) -> str:
        return f"{self.slug}.json.gz"


def province_files(exemplars: list[Exemplar]) -> list[ProvinceFile]:
    """The provinces of the public ``exemplars`` with how many each holds, by province code."""
    counts: dict[str, int] = {}
    units = {}
    for e in exemplars:
        if public(e):
            province = e.locality.province
            counts[province.code] = counts.get(province.code, 0) + 1
            units[province.code] = province
    return [ProvinceFile(code, units[code].name, units[code].slug, counts[code]) for code in sorted(counts)]


def write_open_data(site: Site, ctx: Any, out: Path) -> list[str]:
    """Write the open data files below ``out``; returns their site-relative URLs, index first, CSV last.

    ``ctx`` supplies ``site_url``, ``site_name``, ``today``, ``scope`` and ``image_of``
    (a :class:`~guongsang.outputs.feeds.FeedContext`).
    """
    folder = out / OPEN_DATA
    folder.mkdir(parents=True, exist_ok=True)
    exemplars = newest_first((e for e in site.exemplars if public(e)), ctx.today)
    head = {"title": f"Dữ liệu mở — {ctx.site_name}", "scope": ctx.scope or "toàn bộ",
            "generated": ctx.today.isoformat(), "count": len(exemplars),
            "fields": {name: text for name, text, _ in FIELDS}, "documentation": urljoin(ctx.site_url, f"{OPEN_DATA}/")}
    records = {e.slug: record(e, ctx) for e in exemplars}
    by_province: dict[str, list[dict[str, Any]]] = {}
    for e in exemplars:
        by_province.setdefault(e.locality.province.code, []).append(records[e.slug])
    listing = []
    for province in province_files(exemplars):
        mine = by_province[province.code]
        data = gzipped(_json({**head, "province": province.name, "province_code": province.code, "count": len(mine),
                              "records": mine}))
        (folder / province.file).write_bytes(data)
        listing.append({"province": province.name, "province_code": province.code, "count": province.count,
                        "file": province.file, "bytes": len(data)})
    (folder / f"{BASENAME}.csv").write_bytes(to_csv(list(records.values())))
    (folder / f"{BASENAME}.json").write_bytes(_json({**head, "provinces": listing, "csv": f"{BASENAME}.csv",
                                                     "csv_fields": csv_fields()}))
    return [f"{OPEN_DATA}/{BASENAME}.json", *(f"{OPEN_DATA}/{p['file']}" for p in listing),
            f"{OPEN_DATA}/{BASENAME}.csv"]
