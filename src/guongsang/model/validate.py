"""Validation: parsed record files → :class:`~guongsang.model.records.Exemplar` models, with every problem reported.

Nothing stops at the first error: each file is checked as far as it can be, and cross-record checks
(duplicate slugs) run over all of them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..filecache import process_pool
from ..outputs.images import ImageProblem
from ..outputs.images import inspect as inspect_image
from . import award_periods, frontmatter, trust
from .awards import authority
from .catalog import Catalog, Entry, Table
from .diagnostics import Diagnostic, Severity, did_you_mean, is_error
from .frontmatter import Document
from .memo import Checked, RecordMemo
from .placeholders import placeholder_lines
from .places import Gazetteer, Locality, LocalityError
from .privacy import flatten
from .records import Award, Consent, Exemplar, Image, Source, Withdrawn, scan
from .schema import FIELD_NAMES, AwardIn, ConsentIn, ExemplarIn, ImageIn, PrivateIn, SourceIn
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
    "awards": AwardIn, "images": ImageIn, "sources": SourceIn, "consent": ConsentIn, "private": PrivateIn,
}
# Slugs an exemplar cannot take: the pages of the list of all exemplars live at guong/trang-2/ …
_RESERVED_SLUG = re.compile(r"^trang-\d+$")


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
    withdrawn: list[Withdrawn] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0


_NOUNS = {"images": "ảnh", "awards": "khen thưởng", "sources": "nguồn", "achievements": "thành tích",
          "movements": "phong trào", "tags": "từ khóa",
          "prizes": "giải", "criteria": "tiêu chí", "units": "đơn vị", "exemplars": "gương điển hình"}  # contests


def dotted_path(loc: tuple) -> str:
    """A field in the editor's words, quoted: ("awards", 0, "year") → “year” của khen thưởng thứ 1."""
    if len(loc) >= 2 and isinstance(loc[1], int) and str(loc[0]) in _NOUNS:
        item = f"{_NOUNS[str(loc[0])]} thứ {loc[1] + 1}"
        rest = ".".join(str(p) for p in loc[2:])
        return f"“{rest}” của {item}" if rest else item
    return "“" + ".".join(str(p) for p in loc) + "”"


def _model_for(loc: tuple, models: dict[str, type[BaseModel]], root: type[BaseModel]) -> type[BaseModel]:
    for part in reversed(loc):
        if isinstance(part, str) and part in models:
            return models[part]
    return root


def pydantic_diagnostic(doc: Document, error: Any, models: dict[str, type[BaseModel]] = _MODEL_AT,
                         root: type[BaseModel] = ExemplarIn) -> Diagnostic:
    """One pydantic error in the editor's words. ``root`` is the file's model and ``models`` the models of its
    nested fields (by field name), so an unknown field gets "did you mean" from the right field list."""
    loc = tuple(error["loc"])
    kind = error["type"]
    name = dotted_path(loc)
    given = error.get("input")
    if loc and loc[-1] == "alt" and kind in ("missing", "string_too_short"):
        return doc.error(loc if kind != "missing" else loc[:-1], "GS041",
                         f"ảnh thứ {loc[1] + 1} thiếu mô tả ngắn (alt) cho người khiếm thị.")
    if kind == "missing":
        return doc.error(loc[:-1], "GS010", f"thiếu trường bắt buộc {name}.")
    if kind == "extra_forbidden":
        model = _model_for(loc[:-1], models, root)
        allowed = FIELD_NAMES.get(model) or list(model.model_fields)
        return doc.error(loc, "GS011", f"trường {name} không có trong mẫu hồ sơ"
                         + did_you_mean(str(loc[-1]), allowed), key=True)
    if kind.startswith("GS"):
        return doc.error(loc, kind, error["msg"])
    if kind == "literal_error":
        return doc.error(loc, "GS012", f"{name}: “{given}” không hợp lệ; dùng một trong: "
                         f"{error.get('ctx', {}).get('expected', '')}.")
    if kind in _TYPE_NAMES:
        return doc.error(loc, "GS012", f"{name} phải là {_TYPE_NAMES[kind]}, nhưng đang là “{given}”.")
    if kind in ("string_too_long", "too_long"):
        limit = error.get("ctx", {}).get("max_length")
        size = len(given) if hasattr(given, "__len__") else "?"
        return doc.error(loc, "GS013", f"{name} dài {size} ký tự, vượt giới hạn {limit}.")
    if kind in ("string_too_short", "too_short"):
        limit = error.get("ctx", {}).get("min_length")
        what = "mục" if kind == "too_short" else "ký tự"
        return doc.error(loc, "GS013", f"{name} cần ít nhất {limit} {what}.")
    if kind == "string_pattern_mismatch":
        return doc.error(loc, "GS061", f"{name} chỉ gồm chữ thường không dấu, số và dấu gạch ngang"
                         f" (gợi ý: “{slugify(str(given))}”).")
    return doc.error(loc, "GS012", f"{name}: giá trị “{given}” không hợp lệ.")


def _lookup(doc: Document, table: Table, value: str, loc: tuple, code: str, what: str,
            hint: str = "") -> Entry | None:
    entry = table.find(value)
    if entry is None:
        doc.diagnostics.append(doc.error(loc, code, f"{what} “{value}” không có trong danh mục"
                                         + (hint or table.suggest(value))))
    return entry


def _image(doc: Document, index: int, src: str, folder: Path,
           roots: tuple[Path, ...]) -> tuple[Path, tuple[int, int]] | None:
    """The image file a record names and its size, or None after reporting why it cannot be used."""
    loc = ("images", index, "src")
    if unsafe := _unsafe_path(src, folder, roots):
        doc.diagnostics.append(doc.error(loc, "GS043", f"ảnh “{src[:80]}” {unsafe}; hãy đặt ảnh trong thư mục "
                                         "“anh/” cạnh hồ sơ và ghi đường dẫn tương đối."))
        return None
    path = (folder / src).resolve()
    if not path.is_file():
        doc.diagnostics.append(doc.error(loc, "GS040", f"không tìm thấy tệp ảnh “{src}”."))
    elif path.suffix.lower() not in IMAGE_SUFFIXES:
        doc.diagnostics.append(doc.error(loc, "GS042", f"“{src}” không phải ảnh JPEG, PNG hoặc WebP."))
    else:
        try:
            return path, inspect_image(path)
        except ImageProblem as problem:
            doc.diagnostics.append(doc.error(loc, problem.code, problem.message))
    return None


def _unsafe_path(src: str, folder: Path, roots: tuple[Path, ...]) -> str | None:
    """Why an image path may not be used (absolute, escaping the repository, a symlink), or None."""
    if "\0" in src or len(src) > 255 or any(len(part) > 200 for part in src.split("/")):
        return "có ký tự không hợp lệ hoặc quá dài"
    if Path(src).is_absolute() or src.startswith(("\\", "~")) or re.match(r"^[A-Za-z]:[\\/]", src):
        return "là đường dẫn tuyệt đối"
    if not any((folder / src).resolve().is_relative_to(r) for r in roots):
        return "nằm ngoài kho dữ liệu"
    probe = folder / src
    while probe != folder and folder in probe.parents:
        if probe.is_symlink():
            return "là liên kết tượng trưng (symlink)"
        probe = probe.parent
    return None


def _duplicates(doc: Document, values: list[str], loc: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            doc.diagnostics.append(doc.error((loc, i), "GS071", f"“{value}” bị lặp lại trong “{loc}”."))
        seen.add(value)


@dataclass
class _Resolved:
    """Catalogue entries, locality and image files a record names, resolved from its raw data."""

    kind: Entry | None = None
    movements: list[Entry | None] = dataclasses.field(default_factory=list)
    field: Entry | None = None
    awards: list[tuple[Entry, Entry] | None] = dataclasses.field(default_factory=list)
    locality: Locality | None = None
    images: dict[int, tuple[Path, tuple[int, int]]] = dataclasses.field(default_factory=dict)
    plan: str = ""
    plan_unit: str = ""


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _comma_hint(items: list[Any], i: int, table: Table) -> str:
    """A label containing a comma, split by a one-line list ``[a, b]``, gets a hint instead of a guess."""
    nxt = items[i + 1] if i + 1 < len(items) else None
    if isinstance(nxt, str) and table.find(f"{items[i]}, {nxt}"):
        return (f" — tên “{items[i]}, {nxt}” có dấu phẩy nên phải viết trên một dòng riêng "
                f"bắt đầu bằng “- ”, không đặt trong [ ].")
    return ""


def _resolve(doc: Document, file: Path, ctx: Context) -> _Resolved:
    """Catalogue, locality, image and consent checks on whatever fields have the right shape.

    Runs even when the schema check failed, so an editor sees every problem in one pass.
    """
    data, cat, out = doc.data, ctx.catalog, _Resolved()
    if (kind := _text(data.get("kind"))) is not None:
        out.kind = _lookup(doc, cat.kinds, kind, ("kind",), "GS020", "đối tượng")
    movements = data.get("movements")
    if isinstance(movements, list):
        for i, m in enumerate(movements):
            if _text(m) is None:
                continue
            previous = movements[i - 1] if i else None
            if isinstance(previous, str) and cat.movements.find(f"{previous}, {m}"):
                out.movements.append(None)  # second half of a split label: reported with the first half
                continue
            hint = _comma_hint(movements, i, cat.movements)
            out.movements.append(_lookup(doc, cat.movements, m, ("movements", i), "GS021", "phong trào", hint))
        _duplicates(doc, [m.code for m in out.movements if m], "movements")
    if (value := _text(data.get("field"))) is not None:
        out.field = _lookup(doc, cat.fields, value, ("field",), "GS022", "lĩnh vực")
    awards = data.get("awards")
    for i, award in enumerate(awards if isinstance(awards, list) else []):
        if not isinstance(award, dict):
            continue
        form = level = None
        if (name := _text(award.get("form"))) is not None:
            form = _lookup(doc, cat.award_forms, name, ("awards", i, "form"), "GS023", "hình thức khen thưởng")
        if (name := _text(award.get("level"))) is not None:
            level = _lookup(doc, cat.award_levels, name, ("awards", i, "level"), "GS024", "cấp khen thưởng")
        if form and level and (allowed := form.get("levels") or []) and level.code not in allowed:
            names = "; ".join(lv.label for c in allowed if (lv := cat.award_levels.find(c)))
            doc.diagnostics.append(doc.error(("awards", i, "level"), "GS025",
                                             f"“{form.label}” không do cấp “{level.label}” trao tặng; "
                                             f"cấp có thể trao: {names}."))
        out.awards.append((form, level) if form and level else None)
    if (written := _text(data.get("locality"))) is not None:
        try:
            out.locality = ctx.gazetteer.resolve(written)
            if out.locality.note:
                doc.diagnostics.append(Diagnostic(doc.path, *doc.where(("locality",)), "GS033", out.locality.note,
                                                  Severity.WARNING))
        except LocalityError as exc:
            doc.diagnostics.append(doc.error(("locality",), exc.code, exc.message))
    if out.locality is not None and (ward := _text(data.get("current_ward"))) is not None:
        try:
            out.locality = ctx.gazetteer.choose_ward(out.locality, ward)
        except LocalityError as exc:
            doc.diagnostics.append(doc.error(("current_ward",), exc.code, exc.message))
    images = data.get("images")
    for i, image in enumerate(images if isinstance(images, list) else []):
        if isinstance(image, dict) and (src := _text(image.get("src"))) is not None:
            found = _image(doc, i, src, file.parent, (_real(ctx.root), _real(file.parent)))
            if found is not None:
                out.images[i] = found
    _resolve_plan(doc, data, cat, out)
    if out.kind and out.kind.code in KINDS_NEEDING_CONSENT and data.get("consent") is None:
        doc.diagnostics.append(doc.error((), "GS050", f"hồ sơ {out.kind.label.lower()} cần trường “consent” "
                                         "(ai đồng ý, ngày nào, hình thức nào)."))
    if not doc.body.strip():
        doc.diagnostics.append(Diagnostic(doc.path, doc.body_line, 1, "GS070",
                                          "chưa có câu chuyện bên dưới phần thông tin hồ sơ."))
    if data.get("draft") is not True:  # a draft may keep the skeleton of ``guongsang new``; a published record not
        for line, text in placeholder_lines(doc.body):
            doc.diagnostics.append(Diagnostic(doc.path, doc.body_line + line, 1, "GS072",
                                              f"câu chuyện còn dòng mẫu “{text}”: viết nội dung thật thay cho dòng "
                                              "này, hoặc giữ “draft: true” đến khi viết xong."))
    return out


def _resolve_plan(doc: Document, data: dict[str, Any], cat: Catalog, out: _Resolved) -> None:
    """The plan a record names, the unit within it, and the year against the plan's period."""
    plan = None
    if (value := _text(data.get("plan"))) is not None and (entry := _lookup(
            doc, cat.plans, value, ("plan",), "GS026", "kế hoạch")) is not None:
        plan = cat.plan_models[entry.code]
        out.plan = plan.code
        year = data.get("year")
        if isinstance(year, int) and not plan.period[0] <= year <= plan.period[1]:
            doc.diagnostics.append(doc.error(("year",), "GS028", f"năm {year} nằm ngoài thời gian thực hiện "
                                             f"{plan.label} ({plan.period_label})."))
    if (value := _text(data.get("plan_unit"))) is None:
        return
    if _text(data.get("plan")) is None:
        doc.diagnostics.append(doc.error(("plan_unit",), "GS027", "có “plan_unit” nhưng chưa ghi “plan”: "
                                         "ghi kế hoạch mà đơn vị này thực hiện."))
    elif plan is not None:
        if (unit := plan.unit(value)) is None:
            doc.diagnostics.append(doc.error(("plan_unit",), "GS027", f"đơn vị “{value}” không có trong danh sách "
                                             f"đơn vị của {plan.label}" + plan.units.suggest(value)))
        else:
            out.plan_unit = unit.code


def check_document(doc: Document, file: Path, ctx: Context) -> Exemplar | None:
    """Validate one parsed file; diagnostics are appended to ``doc.diagnostics``."""
    if doc.diagnostics:  # the file could not be read or parsed: nothing more to check
        return None
    raw = None
    try:
        raw = ExemplarIn.model_validate(doc.data, context={"today": ctx.today})
    except ValidationError as exc:
        doc.diagnostics.extend(pydantic_diagnostic(doc, e) for e in exc.errors())
    got = _resolve(doc, file, ctx)
    if raw is not None:
        doc.diagnostics.extend(award_periods.check(doc, raw.awards, got.awards, ctx.catalog))
    trust.check(doc, ctx.today)
    if raw is None or is_error(doc.diagnostics):
        return None
    assert got.kind and got.field and got.locality
    images = [Image(item.src, got.images[i][0], item.alt, item.caption or "", item.credit or "", *got.images[i][1])
              for i, item in enumerate(raw.images)]
    consent = (Consent(raw.consent.by, raw.consent.date, raw.consent.method, raw.consent.guardian or "")
               if raw.consent else None)
    born = raw.born if isinstance(raw.born, int) or raw.born is None else raw.born.year
    private = tuple(flatten(raw.private.model_dump(exclude_none=True), "private")) if raw.private else ()
    if isinstance(raw.born, dt.date):  # only the year is ever shown: the full date stays with the office
        private += tuple(flatten(raw.born, "born"))
    return Exemplar(
        slug=raw.slug or file.stem, source=doc.path, title=raw.title, name=raw.name, kind=got.kind,
        movements=tuple(m for m in got.movements if m), field=got.field, locality=got.locality, unit=raw.unit,
        year=raw.year, summary=raw.summary, body=doc.body,
        awards=tuple(Award(*pair, a.year, a.decision or "", a.date,
                           authority(pair[1], got.locality, a.year, a.date, a.authority))
                     for pair, a in zip(got.awards, raw.awards, strict=True) if pair),
        achievements=tuple(raw.achievements), images=tuple(images),
        sources=tuple(Source(s.title, s.url, s.publisher or "", s.date) for s in raw.sources),
        tags=tuple(raw.tags), consent=consent, featured=raw.featured, draft=raw.draft,
        plan=got.plan, plan_unit=got.plan_unit,
        born=born, school=raw.school or "", minor=raw.minor, private=private, updated=raw.updated,
    )


def display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return os.path.relpath(path, root).replace(os.sep, "/")




def _check_file(file: Path, ctx: Context) -> Checked:
    """One record file: the exemplar (withdrawn or not; None if invalid), its diagnostics, where its slug is."""
    shown = display_path(file, ctx.root)
    doc = frontmatter.read(file, shown)
    parsed = not doc.diagnostics
    exemplar: Exemplar | Withdrawn | None
    if parsed and isinstance(doc.data, dict) and doc.data.get("withdrawn") is True:
        exemplar = _withdrawn(doc, file)
    else:
        exemplar = check_document(doc, file, ctx)
    if parsed and file.stem != slugify(file.stem):
        doc.diagnostics.append(Diagnostic(shown, 1, 1, "GS061", f"tên tệp “{file.name}” không hợp lệ; "
                                          f"đổi thành “{slugify(file.stem)}.md”."))
        exemplar = None
    where = doc.where(("slug",)) if parsed and "slug" in doc.data else (1, 1)
    return exemplar, doc.diagnostics, where


PARALLEL_FROM = 400  # files to check: below this, starting a worker process costs more than it saves


def _check_files(job: tuple[list[Path], Context]) -> list[Checked]:
    files, ctx = job
    return [_check_file(file, ctx) for file in files]


def check_all(files: list[Path], ctx: Context) -> dict[Path, Checked]:
    """Every file checked. With a core to spare and enough files, a worker process checks the second half
    while this one checks the first (the catalogues travel to it once); the checks are the same either way."""
    if len(files) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return {file: _check_file(file, ctx) for file in files}
    half = len(files) // 2
    with process_pool(1, name="gs-checks") as pool:
        theirs = pool.submit(_check_files, (files[half:], ctx))
        mine = _check_files((files[:half], ctx))
        return dict(zip(files, mine + theirs.result(), strict=True))


@functools.lru_cache(maxsize=4096)
def _real(folder: Path) -> Path:
    """``folder`` resolved, once per folder and load (:func:`load_exemplars` starts afresh: a live preview
    must see a folder replaced by a link): resolving walks every component of the path."""
    return folder.resolve()


def _real_file(file: Path) -> Path:
    """Where ``file`` really is: its folder resolved once for all its files, unless it is a link itself."""
    return file.resolve() if file.is_symlink() else _real(file.parent) / file.name


def load_exemplars(directory: Path, ctx: Context, memo: RecordMemo | None = None, token: str = "") -> Result:
    """Read, parse and validate every record below ``directory`` (reusing ``memo`` for unchanged files)."""
    result = Result()
    by_slug: dict[str, Exemplar | Withdrawn] = {}
    _real.cache_clear()
    bases = (_real(ctx.root), _real(directory))  # a record may not be a symlink to a file elsewhere
    files = list(scan(directory))
    outside = {file for file in files if not any(_real_file(file).is_relative_to(base) for base in bases)}
    kept = {file: memo.kept(file, token) for file in files if file not in outside} if memo else {}
    checked = check_all([file for file in files if file not in outside and kept.get(file) is None], ctx)
    for file in files:
        result.files += 1
        if file in outside:
            result.diagnostics.append(Diagnostic(
                display_path(file, ctx.root), 1, 1, "GS043",
                "tệp hồ sơ là liên kết tượng trưng (symlink) trỏ ra ngoài kho dữ liệu; hãy thay bằng tệp thật."))
            continue
        exemplar, diagnostics, where = kept.get(file) or (memo.keep(file, checked[file]) if memo else checked[file])
        result.diagnostics += diagnostics
        if exemplar is None:
            continue
        if exemplar.slug in by_slug:
            other = by_slug[exemplar.slug]
            result.diagnostics.append(Diagnostic(display_path(file, ctx.root), *where, "GS060",
                                                 f"định danh “{exemplar.slug}” đã dùng cho {other.source}."))
            continue
        if _RESERVED_SLUG.match(exemplar.slug):
            result.diagnostics.append(Diagnostic(display_path(file, ctx.root), *where, "GS060",
                                                 f"định danh “{exemplar.slug}” trùng địa chỉ một trang của danh sách "
                                                 "gương điển hình; hãy đổi tên tệp."))
            continue
        by_slug[exemplar.slug] = exemplar
        if isinstance(exemplar, Withdrawn):
            result.withdrawn.append(exemplar)
        else:
            result.exemplars.append(exemplar)
    return result


def _withdrawn(doc: Document, file: Path) -> Withdrawn | None:
    """A withdrawn record: only its slug matters (the rest may already be erased, and is never read)."""
    slug = doc.data.get("slug", file.stem)
    if not isinstance(slug, str) or slugify(slug) != slug:
        doc.diagnostics.append(doc.error(("slug",), "GS061", f"định danh “{slug}” chỉ gồm chữ thường không dấu, số "
                                         "và dấu gạch ngang."))
        return None
    return Withdrawn(slug, doc.path)
