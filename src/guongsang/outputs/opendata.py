"""Open data: every published record's public fields as ``du-lieu/exemplars.json`` and ``.csv``.

Built from an explicit allow-list (:data:`FIELDS`): a field reaches the files only when it is named here, so
consent details, private notes or anything a later schema adds stay out unless someone decides otherwise.
Drafts and withdrawn records are never included. Past :data:`SHARD_SIZE` records the data is split into
numbered parts that ``exemplars.json`` lists.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..model.records import Exemplar
from ..site.derive import OPEN_DATA, Site, exemplar_url
from ..site.published import newest_first, published_on

SHARD_SIZE = 5_000
BASENAME = "exemplars"

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


def to_csv(records: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _, _ in FIELDS])
    for rec in records:
        writer.writerow([_csv_cell(rec[name]) for name, _, _ in FIELDS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens Vietnamese text correctly


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def parts(count: int, size: int = SHARD_SIZE) -> int:
    return max(1, math.ceil(count / size))


def write_open_data(site: Site, ctx: Any, out: Path, size: int = SHARD_SIZE) -> list[str]:
    """Write the open data files below ``out``; returns their site-relative URLs, index first.

    ``ctx`` supplies ``site_url``, ``site_name``, ``today`` and ``scope``
    (a :class:`~guongsang.outputs.feeds.FeedContext`).
    """
    folder = out / OPEN_DATA
    folder.mkdir(parents=True, exist_ok=True)
    exemplars = newest_first((e for e in site.exemplars if public(e)), ctx.today)
    head = {"title": f"Dữ liệu mở — {ctx.site_name}", "scope": ctx.scope or "toàn bộ",
            "generated": ctx.today.isoformat(), "count": len(exemplars),
            "fields": {name: text for name, text, _ in FIELDS}, "documentation": urljoin(ctx.site_url, f"{OPEN_DATA}/")}
    written = [f"{OPEN_DATA}/{BASENAME}.json"]
    if parts(len(exemplars), size) == 1:
        records = [record(e, ctx) for e in exemplars]
        (folder / f"{BASENAME}.json").write_bytes(_json({**head, "records": records}))
        (folder / f"{BASENAME}.csv").write_bytes(to_csv(records))
        return [*written, f"{OPEN_DATA}/{BASENAME}.csv"]
    listing = []
    for number in range(1, parts(len(exemplars), size) + 1):
        records = [record(e, ctx) for e in exemplars[(number - 1) * size: number * size]]
        name = f"{BASENAME}-{number}"
        (folder / f"{name}.json").write_bytes(_json({**head, "part": number, "records": records}))
        (folder / f"{name}.csv").write_bytes(to_csv(records))
        listing.append({"json": f"{name}.json", "csv": f"{name}.csv", "count": len(records)})
        written += [f"{OPEN_DATA}/{name}.json", f"{OPEN_DATA}/{name}.csv"]
    (folder / f"{BASENAME}.json").write_bytes(_json({**head, "parts": listing}))
    return written
