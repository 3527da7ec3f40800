"""Validation: parsed record files → :class:`~guongsang.records.Exemplar` models, with every problem reported.

Nothing stops at the first error: each file is checked as far as it can be, and cross-record checks
(duplicate slugs) run over all of them.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import frontmatter
from .catalog import Catalog, Entry, Table
from .diagnostics import Diagnostic, did_you_mean
from .frontmatter import Document
from .places import Gazetteer, LocalityError
from .records import Award, Consent, Exemplar, Image, Source, scan
from .schema import FIELD_NAMES, AwardIn, ConsentIn, ExemplarIn, ImageIn, SourceIn
from .text import slugify

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
KINDS_NEEDING_CONSENT = {"ca-nhan", "ho-gia-dinh"}

_TYPE_NAMES = {
    "string_type": "một dòng chữ", "int_type": "một số nguyên", "int_parsing": "một số nguyên",
    "int_from_float": "một số nguyên", "list_type": "một danh sách (mỗi mục một dòng bắt đầu bằng “- ”)",
    "bool_type": "true hoặc false", "bool_parsing": "true hoặc false", "model_type": "một nhóm trường",
    "dict_type": "một nhóm trường", "model_attributes_type": "một nhóm trường",
}
_MODEL_AT: dict[str, type[BaseModel]] = {
    "awards": AwardIn, "images": ImageIn, "sources": SourceIn, "consent": ConsentIn,
}


@dataclass
class Context:
    """What validation needs besides the file: catalogues, gazetteer, the build date, the repository root."""

    catalog: Catalog
    gazetteer: Gazetteer
    today: dt.date
    root: Path


@dataclass
class Result:
    exemplars: list[Exemplar] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _model_for(loc: tuple) -> type[BaseModel]:
    for part in reversed(loc):
        if isinstance(part, str) and part in _MODEL_AT:
            return _MODEL_AT[part]
    return ExemplarIn


def _pydantic_diagnostic(doc: Document, error: Any) -> Diagnostic:
    loc = tuple(error["loc"])
    kind = error["type"]
    name = _dotted(loc)
    given = error.get("input")
    if loc and loc[-1] == "alt" and kind in ("missing", "string_too_short"):
        return doc.error(loc if kind != "missing" else loc[:-1], "GS041",
                         f"ảnh “{name}” thiếu mô tả ngắn (alt) cho người khiếm thị.")
    if kind == "missing":
        return doc.error(loc[:-1], "GS010", f"thiếu trường bắt buộc “{name}”.")
    if kind == "extra_forbidden":
        allowed = FIELD_NAMES[_model_for(loc[:-1])]
        return doc.error(loc, "GS011", f"trường “{name}” không có trong mẫu hồ sơ"
                         + did_you_mean(str(loc[-1]), allowed), key=True)
    if kind.startswith("GS"):
        return doc.error(loc, kind, error["msg"])
    if kind in _TYPE_NAMES:
        return doc.error(loc, "GS012", f"“{name}” phải là {_TYPE_NAMES[kind]}, nhưng đang là “{given}”.")
    if kind in ("string_too_long", "too_long"):
        limit = error.get("ctx", {}).get("max_length")
        size = len(given) if hasattr(given, "__len__") else "?"
        return doc.error(loc, "GS013", f"“{name}” dài {size} ký tự, vượt giới hạn {limit}.")
    if kind in ("string_too_short", "too_short"):
        limit = error.get("ctx", {}).get("min_length")
        what = "mục" if kind == "too_short" else "ký tự"
        return doc.error(loc, "GS013", f"“{name}” cần ít nhất {limit} {what}.")
    if kind == "string_pattern_mismatch":
        return doc.error(loc, "GS061", f"“{name}” chỉ gồm chữ thường không dấu, số và dấu gạch ngang"
                         f" (gợi ý: “{slugify(str(given))}”).")
    return doc.error(loc, "GS012", f"“{name}”: giá trị “{given}” không hợp lệ.")


def _lookup(doc: Document, table: Table, value: str, loc: tuple, code: str, what: str) -> Entry | None:
    entry = table.find(value)
    if entry is None:
        doc.diagnostics.append(doc.error(loc, code, f"{what} “{value}” không có trong danh mục" + table.suggest(value)))
    return entry


def _images(doc: Document, items: list[ImageIn], folder: Path, root: Path) -> list[Image]:
    out = []
    for i, item in enumerate(items):
        loc = ("images", i, "src")
        path = (folder / item.src).resolve()
        if Path(item.src).is_absolute() or not path.is_relative_to(root.resolve()):
            doc.diagnostics.append(doc.error(loc, "GS042", f"ảnh “{item.src}” nằm ngoài kho dữ liệu."))
        elif path.suffix.lower() not in IMAGE_SUFFIXES:
            doc.diagnostics.append(doc.error(loc, "GS042", f"“{item.src}” không phải ảnh JPEG, PNG hoặc WebP."))
        elif not path.is_file():
            doc.diagnostics.append(doc.error(loc, "GS040", f"không tìm thấy tệp ảnh “{item.src}”."))
        else:
            size = _image_size(path)
            if size is None:
                doc.diagnostics.append(doc.error(loc, "GS042", f"tệp “{item.src}” hỏng hoặc không phải ảnh."))
                continue
            out.append(Image(item.src, path, item.alt, item.caption or "", item.credit or "", *size))
    return out


def _image_size(path: Path) -> tuple[int, int] | None:
    """Width and height from the image header (cheap), or None when Pillow cannot read it."""
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    try:
        with PILImage.open(path) as img:
            return img.size
    except (UnidentifiedImageError, OSError):
        return None


def _duplicates(doc: Document, values: list[str], loc: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            doc.diagnostics.append(doc.error((loc, i), "GS071", f"“{value}” bị lặp lại trong “{loc}”."))
        seen.add(value)


def check_document(doc: Document, file: Path, ctx: Context) -> Exemplar | None:
    """Validate one parsed file; diagnostics are appended to ``doc.diagnostics``."""
    if doc.diagnostics:
        return None
    try:
        raw = ExemplarIn.model_validate(doc.data, context={"today": ctx.today})
    except ValidationError as exc:
        doc.diagnostics.extend(_pydantic_diagnostic(doc, e) for e in exc.errors())
        return None
    cat = ctx.catalog
    kind = _lookup(doc, cat.kinds, raw.kind, ("kind",), "GS020", "đối tượng")
    movements = [_lookup(doc, cat.movements, m, ("movements", i), "GS021", "phong trào")
                 for i, m in enumerate(raw.movements)]
    _duplicates(doc, [m.code for m in movements if m], "movements")
    field_entry = _lookup(doc, cat.fields, raw.field, ("field",), "GS022", "lĩnh vực")
    awards = []
    for i, a in enumerate(raw.awards):
        form = _lookup(doc, cat.award_forms, a.form, ("awards", i, "form"), "GS023", "hình thức khen thưởng")
        level = _lookup(doc, cat.award_levels, a.level, ("awards", i, "level"), "GS024", "cấp khen thưởng")
        if form and level:
            allowed = form.get("levels") or []
            if allowed and level.code not in allowed:
                doc.diagnostics.append(doc.error(("awards", i, "level"), "GS025",
                                                 f"“{form.label}” không do cấp “{level.label}” trao tặng."))
            awards.append(Award(form, level, a.year, a.decision or "", a.date))
    try:
        locality = ctx.gazetteer.resolve(raw.locality)
    except LocalityError as exc:
        doc.diagnostics.append(doc.error(("locality",), exc.code, exc.message))
        locality = None
    images = _images(doc, raw.images, file.parent, ctx.root)
    if kind and kind.code in KINDS_NEEDING_CONSENT and raw.consent is None:
        doc.diagnostics.append(doc.error((), "GS050", f"hồ sơ {kind.label.lower()} cần trường “consent” "
                                         "(ai đồng ý, ngày nào, hình thức nào)."))
    if not doc.body.strip():
        doc.diagnostics.append(Diagnostic(doc.path, doc.body_line, 1, "GS070",
                                          "chưa có câu chuyện bên dưới phần thông tin hồ sơ."))
    if doc.diagnostics or not (kind and field_entry and locality) or not all(movements):
        return None
    consent = Consent(raw.consent.by, raw.consent.date, raw.consent.method) if raw.consent else None
    return Exemplar(
        slug=raw.slug or file.stem, source=doc.path, title=raw.title, name=raw.name, kind=kind,
        movements=tuple(m for m in movements if m), field=field_entry, locality=locality, unit=raw.unit,
        year=raw.year, summary=raw.summary, body=doc.body, awards=tuple(awards),
        achievements=tuple(raw.achievements), images=tuple(images),
        sources=tuple(Source(s.title, s.url, s.publisher or "", s.date) for s in raw.sources),
        tags=tuple(raw.tags), consent=consent, featured=raw.featured, draft=raw.draft,
        extra={"body_line": doc.body_line},
    )


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return os.path.relpath(path, root).replace(os.sep, "/")


def load_exemplars(directory: Path, ctx: Context) -> Result:
    """Read, parse and validate every record below ``directory``."""
    result = Result()
    by_slug: dict[str, Exemplar] = {}
    for file in scan(directory):
        result.files += 1
        shown = _display(file, ctx.root)
        doc = frontmatter.read(file, shown)
        if not doc.diagnostics and file.stem != slugify(file.stem):
            doc.diagnostics.append(Diagnostic(shown, 1, 1, "GS061", f"tên tệp “{file.name}” không hợp lệ; "
                                              f"đổi thành “{slugify(file.stem)}.md”."))
        exemplar = check_document(doc, file, ctx)
        result.diagnostics += doc.diagnostics
        if exemplar is None:
            continue
        if exemplar.slug in by_slug:
            other = by_slug[exemplar.slug]
            line, col = doc.where(("slug",)) if "slug" in doc.data else (1, 1)
            result.diagnostics.append(Diagnostic(shown, line, col, "GS060",
                                                 f"định danh “{exemplar.slug}” đã dùng cho {other.source}."))
            continue
        by_slug[exemplar.slug] = exemplar
        result.exemplars.append(exemplar)
    return result
