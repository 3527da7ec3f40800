"""A proposal: the flat answers an editor gives (prompts, issue form, spreadsheet row, web form) → a record.

The fields editors fill in are listed once here (:data:`FIELDS`), with the record path each one fills; their
help texts and limits come from the record schema (``schema.py``). ``guongsang new``, ``from-issue``,
``import``, the GitHub issue form and the "Gửi câu chuyện" page are all generated from this list, and every
proposal is checked by the record validator itself (``validate.check_document``) before anything is written.
"""

from __future__ import annotations

import dataclasses
import json
import os
import posixpath
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..model import frontmatter
from ..model.catalog import Catalog
from ..model.catalogues import load_catalog
from ..model.diagnostics import Diagnostic
from ..model.frontmatter import Document
from ..model.placeholders import STORY_SKELETON
from ..model.places import Gazetteer, gazetteer
from ..model.records import RECORD_SUFFIX, Exemplar, scan
from ..model.schema import CONSENT_METHODS, FIRST_YEAR, AwardIn, ConsentIn, ExemplarIn, SourceIn
from ..model.text import compact, slugify
from ..model.validate import KINDS_NEEDING_CONSENT, Context, check_document, dotted_path

if TYPE_CHECKING:
    from ..project import Settings

SCHEMA_FILE = "schema/exemplar.schema.json"
STORY_KEY = "story"
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class FormField:
    """One answer an editor gives, and where it goes in the record."""

    key: str  # flat name: option --key, issue form id, web form name
    path: tuple[str | int, ...]  # where the value goes in the front matter; () for the story
    label: str  # Vietnamese label: prompt, issue heading, spreadsheet column
    widget: str  # text | textarea | number | date | url | select | multi | lines
    group: str
    options: str = ""  # catalogue table the value comes from: kinds, fields, movements, award_forms …
    placeholder: str = ""
    required: bool = False  # required in any record
    note: str = ""  # extra help shown next to the field

    @property
    def option(self) -> str:
        return "--" + self.key.replace("_", "-")

    @property
    def many(self) -> bool:
        return self.widget in ("multi", "lines")


G_MAIN, G_AWARD, G_SOURCE, G_CONSENT, G_STORY = (
    "Thông tin chính", "Khen thưởng (nếu có)", "Nguồn tham khảo (nếu có)", "Sự đồng ý công bố", "Câu chuyện")

_DECLARED: tuple[FormField, ...] = (
    FormField("title", ("title",), "Tiêu đề câu chuyện", "text", G_MAIN,
              placeholder="Người hiến đất mở đường ở thôn Phú Hữu"),
    FormField("name", ("name",), "Tên người, tập thể hoặc hộ gia đình", "text", G_MAIN, placeholder="Trần Văn Bình"),
    FormField("kind", ("kind",), "Đối tượng", "select", G_MAIN, options="kinds"),
    FormField("movements", ("movements",), "Phong trào thi đua", "multi", G_MAIN, options="movements",
              note="Chọn một hoặc nhiều phong trào."),
    FormField("field", ("field",), "Lĩnh vực", "select", G_MAIN, options="fields"),
    FormField("locality", ("locality",), "Địa phương", "text", G_MAIN,
              placeholder="xã Ninh Hưng, thị xã Ninh Hòa, Khánh Hòa",
              note="Ghi như lúc đề xuất: “phường/xã, quận/huyện, tỉnh” (trước 7/2025) hoặc “phường/xã, tỉnh”."),
    FormField("unit", ("unit",), "Đơn vị đề xuất", "text", G_MAIN, placeholder="UBND xã Ninh Hưng"),
    FormField("year", ("year",), "Năm", "number", G_MAIN, placeholder="2024"),
    FormField("summary", ("summary",), "Tóm tắt", "textarea", G_MAIN,
              placeholder="Hiến 320 m² đất và vận động 14 hộ cùng góp đất mở rộng đường liên thôn."),
    FormField("achievements", ("achievements",), "Thành tích tiêu biểu", "lines", G_MAIN,
              note="Mỗi dòng một thành tích."),
    FormField("tags", ("tags",), "Từ khóa", "lines", G_MAIN, note="Mỗi dòng một từ khóa (không bắt buộc)."),
    FormField("award_form", ("awards", 0, "form"), "Hình thức khen thưởng", "select", G_AWARD, options="award_forms"),
    FormField("award_level", ("awards", 0, "level"), "Cấp khen thưởng", "select", G_AWARD, options="award_levels"),
    FormField("award_year", ("awards", 0, "year"), "Năm khen thưởng", "number", G_AWARD, placeholder="2024"),
    FormField("award_decision", ("awards", 0, "decision"), "Số quyết định", "text", G_AWARD,
              placeholder="2156/QĐ-UBND"),
    FormField("award_date", ("awards", 0, "date"), "Ngày quyết định", "date", G_AWARD),
    FormField("source_title", ("sources", 0, "title"), "Tên bài viết nguồn", "text", G_SOURCE),
    FormField("source_url", ("sources", 0, "url"), "Đường dẫn bài viết", "url", G_SOURCE,
              placeholder="https://…"),
    FormField("source_publisher", ("sources", 0, "publisher"), "Nơi đăng", "text", G_SOURCE),
    FormField("consent_by", ("consent", "by"), "Người đồng ý công bố", "text", G_CONSENT,
              placeholder="Ông Trần Văn Bình",
              note="Bắt buộc với cá nhân và hộ gia đình: chính người được nêu gương hoặc người đại diện."),
    FormField("consent_date", ("consent", "date"), "Ngày đồng ý", "date", G_CONSENT),
    FormField("consent_method", ("consent", "method"), "Hình thức đồng ý", "select", G_CONSENT, options="consent"),
    FormField(STORY_KEY, (), "Câu chuyện", "textarea", G_STORY,
              note="Kể lại việc làm, con số cụ thể; không ghi số điện thoại, số căn cước, địa chỉ nhà riêng."),
)
_BLOCK_MODEL = {"awards": AwardIn, "sources": SourceIn, "consent": ConsentIn}


@cache
def _model_schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def _schema_props(path: tuple[str | int, ...]) -> dict[str, Any]:
    """The JSON Schema of the property a record path names (descriptions, lengths)."""
    if not path:
        return {}
    model = _BLOCK_MODEL.get(str(path[0])) if len(path) > 1 else ExemplarIn
    prop = _model_schema(model or ExemplarIn)["properties"][str(path[-1])]
    if "anyOf" in prop:  # optional values: the non-null branch holds the limits
        prop = {**next(p for p in prop["anyOf"] if p.get("type") != "null"), **prop}
    return prop


def _required(path: tuple[str | int, ...]) -> bool:
    if len(path) == 1:
        return ExemplarIn.model_fields[str(path[0])].is_required()
    model = _BLOCK_MODEL.get(str(path[0])) if path else None
    return bool(model and model.model_fields[str(path[-1])].is_required())


FIELDS = tuple(dataclasses.replace(f, required=len(f.path) == 1 and _required(f.path)) for f in _DECLARED)
BY_KEY = {f.key: f for f in FIELDS}
GROUPS = tuple(dict.fromkeys(f.group for f in FIELDS))


def help_text(spec: FormField) -> str:
    """The field's description from the record schema, plus the field's own note."""
    described = _schema_props(spec.path).get("description", "") if spec.path else ""
    return " ".join(t for t in (described, spec.note) if t)


def limits(spec: FormField) -> dict[str, int]:
    prop = _schema_props(spec.path)
    found = {k: prop[k] for k in ("minLength", "maxLength", "minItems") if k in prop}
    if spec.widget == "number":
        found["minimum"] = FIRST_YEAR
    return found


def block_required(spec: FormField) -> bool:
    """Required once its block (award, source, consent) is filled in."""
    return len(spec.path) > 1 and _required(spec.path)


# -- catalogue options --------------------------------------------------------------------------------

def options(catalog: Catalog, name: str) -> list[tuple[str, str]]:
    """(code, label) choices for a select field."""
    if name == "consent":
        return [(code, label[:1].upper() + label[1:]) for code, label in CONSENT_METHODS.items()]
    table = {"kinds": catalog.kinds, "fields": catalog.fields, "movements": catalog.movements,
             "award_forms": catalog.award_forms, "award_levels": catalog.award_levels}[name]
    return [(e.code, e.label) for e in table]


def spellings(catalog: Catalog, name: str) -> list[str]:
    """Every accepted way to write a choice (code and label), for completion."""
    return [s for code, label in options(catalog, name) for s in (label, code)]


def split_many(text: str, catalog: Catalog | None = None, table: str = "") -> list[str]:
    """A list typed on one line or several: one item per line, or separated by “;”.

    Catalogue choices may also be separated by commas, as GitHub joins a multiple dropdown's answers; labels
    that themselves contain a comma (“Người tốt, việc tốt”) are put back together.
    """
    items = [p.strip() for line in text.splitlines() for p in line.split(LIST_SEPARATOR)]
    items = [i for i in items if i]
    if catalog is None or not table:
        return items
    known = {s.casefold() for s in spellings(catalog, table)}
    result: list[str] = []
    for item in items:
        if item.casefold() in known or "," not in item:
            result.append(item)
            continue
        parts = [p.strip() for p in item.split(",")]
        start = 0
        while start < len(parts):
            for end in range(len(parts), start, -1):  # the longest run of parts that names a choice
                candidate = ", ".join(parts[start:end])
                if candidate.casefold() in known or end == start + 1:
                    result.append(candidate)
                    start = end
                    break
    return [r for r in result if r]


# -- answers → record ------------------------------------------------------------------------------------

Answers = Mapping[str, Any]  # flat key → text, or list of texts for multi/lines fields


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return value


def _number(value: Any) -> Any:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def front_matter_data(answers: Answers) -> dict[str, Any]:
    """The front matter a set of answers makes, in the order of :data:`FIELDS` (empty answers left out)."""
    data: dict[str, Any] = {}
    for spec in FIELDS:
        value = _clean(answers.get(spec.key))
        if not spec.path or value in (None, "", []):
            continue
        if spec.widget == "number":
            value = _number(value)
        target: Any = data
        for part, nxt in zip(spec.path[:-1], spec.path[1:], strict=True):
            if isinstance(part, int):
                while len(target) <= part:
                    target.append({})
                target = target[part]
            else:
                target = target.setdefault(part, [] if isinstance(nxt, int) else {})
        target[spec.path[-1]] = value
    if answers.get("draft"):
        data["draft"] = True
    if answers.get("slug"):
        data["slug"] = str(answers["slug"]).strip()
    return data


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _emit(data: Any, indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += _emit(value, indent + 2)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    inner = _emit(item, indent + 4)
                    lines.append(f"{pad}  - {inner[0].lstrip()}")
                    lines += inner[1:]
                else:
                    lines.append(f"{pad}  - {_scalar(item)}")
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}")
    return lines


def schema_line(record_path: str) -> str:
    """The ``yaml-language-server`` line that points editors' tools at the JSON Schema, relative to the record."""
    return f"# yaml-language-server: $schema={posixpath.relpath(SCHEMA_FILE, posixpath.dirname(record_path) or '.')}"


def record_text(answers: Answers, record_path: str) -> str:
    """The record file: schema line, front matter, story (or a skeleton to fill in)."""
    data = front_matter_data(answers)
    story = str(answers.get(STORY_KEY) or "").strip()
    if not story:
        story = STORY_SKELETON.format(name=data.get("name") or "gương điển hình").strip()
    header = "\n".join([schema_line(record_path), *_emit(data)])
    return f"---\n{header}\n---\n{story}\n"


# -- where the record goes -----------------------------------------------------------------------------------

def province_folders(gaz: Gazetteer) -> dict[str, str]:
    """Compact spellings of every province (before and after 2025) → the folder its records go in."""
    table: dict[str, str] = {}
    for unit in [*gaz.legacy_provinces.values(), *gaz.provinces.values()]:
        for key in (compact(unit.name), compact(unit.short), *unit.keywords):
            table.setdefault(key, unit.slug)
    return table


def folder_for(locality: str, folders: Mapping[str, str]) -> str:
    """The folder of a record: its province as written (the last part of the locality)."""
    last = [p for p in str(locality).replace(";", ",").split(",") if p.strip()]
    if not last:
        return "khac"
    return folders.get(compact(last[-1])) or slugify(last[-1]) or "khac"


def record_path(answers: Answers, folders: Mapping[str, str], exemplars: str = "exemplars") -> str:
    """``exemplars/<province>/<slug>.md`` for a set of answers (slug from the name unless given)."""
    slug = str(answers.get("slug") or "").strip() or slugify(str(answers.get("name") or "")) or "ho-so-moi"
    return f"{exemplars}/{folder_for(str(answers.get('locality') or ''), folders)}/{slug}{RECORD_SUFFIX}"


def existing_slugs(directory: Path) -> dict[str, Path]:
    """Slugs already taken below ``directory`` (by file name), for refusing duplicates."""
    return {p.stem: p for p in scan(directory)}


# -- checking answers with the record validator ---------------------------------------------------------------

Positions = Mapping[str, tuple[int, int] | list[tuple[int, int]]]


def _document(answers: Answers, display: str, positions: Positions, header_line: int) -> Document:
    doc = Document(path=display, data=front_matter_data(answers), header_line=header_line, body_line=header_line)
    doc.body = str(answers.get(STORY_KEY) or "")
    for spec in FIELDS:
        where = positions.get(spec.key)
        if where is None:
            continue
        first = where[0] if isinstance(where, list) else where
        if not spec.path:
            doc.body_line = first[0]
            continue
        for depth in range(1, len(spec.path) + 1):
            doc.value_pos.setdefault(spec.path[:depth], first)
            doc.key_pos.setdefault(spec.path[:depth], first)
        if isinstance(where, list):
            for i, pos in enumerate(where):
                doc.value_pos[(*spec.path, i)] = pos
    return doc


_WHOLE_RECORD_CODES = {"GS050": "consent_by"}  # record-level problems shown at this answer


def missing_message(spec: FormField) -> str:
    return f"thiếu trường bắt buộc {dotted_path(spec.path)}."


def check_answers(answers: Answers, ctx: Context, display: str, file: Path,
                  positions: Positions | None = None, header_line: int = 1) -> tuple[Exemplar | None,
                                                                                      list[Diagnostic]]:
    """Validate answers as the record they make; diagnostics point at ``positions`` of the answers."""
    positions = positions or {}
    doc = _document(answers, display, positions, header_line)
    exemplar = check_document(doc, file, ctx)
    found: list[Diagnostic] = []
    for d in doc.diagnostics:  # a missing answer is reported where it should have been given
        spec = next((s for s in FIELDS if s.path and d.code == "GS010" and d.message == missing_message(s)), None)
        key = spec.key if spec else _WHOLE_RECORD_CODES.get(d.code, "")
        where = positions.get(key)
        if where:
            line, col = where[0] if isinstance(where, list) else where
            d = dataclasses.replace(d, line=line, col=col)
        found.append(d)
    return exemplar, sorted(found)


def editor_context(settings: Settings) -> tuple[Context | None, list[Diagnostic]]:
    """Catalogues, gazetteer and date for checking answers (the records themselves are not loaded)."""
    catalog, problems = load_catalog(settings.catalog, settings.root)
    if problems:
        return None, problems
    return Context(catalog, gazetteer(), settings.today, settings.root), []


def needs_consent(answers: Answers, catalog: Catalog) -> bool:
    entry = catalog.kinds.find(str(answers.get("kind") or ""))
    return bool(entry and entry.code in KINDS_NEEDING_CONSENT)


def duplicate(path: str, root: Path, taken: Mapping[str, Path]) -> Diagnostic | None:
    """A GS060 problem when the slug is already used by another record."""
    slug = Path(path).stem
    if slug in taken:
        other = os.path.relpath(taken[slug], root).replace(os.sep, "/")
        return Diagnostic(path, 1, 1, "GS060", f"định danh “{slug}” đã dùng cho {other}; đặt tên tệp khác, ví dụ "
                                               f"“{slug}-{Path(path).parent.name}{RECORD_SUFFIX}” (tham số --slug).")
    return None


def write_records(files: Iterable[tuple[Path, str]]) -> None:
    """Write every file or none: each goes to a temporary file first, then all are moved into place."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, text in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".gs-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            staged.append((Path(tmp), target))
        for tmp, target in staged:
            os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)


def recheck_file(file: Path, display: str, ctx: Context) -> list[Diagnostic]:
    """Read a written record back and validate it exactly as ``guongsang check`` does."""
    doc = frontmatter.read(file, display)
    check_document(doc, file, ctx)
    return doc.diagnostics


# -- the "Gửi câu chuyện" page --------------------------------------------------------------------------------

# The validator's messages the page shows, with the same words (tests check each against ``check_answers``).
BROWSER_MESSAGES = {
    "missing": "thiếu trường bắt buộc {name}.",
    "too_short": "{name} cần ít nhất {limit} ký tự.",
    "too_long": "{name} dài {size} ký tự, vượt giới hạn {limit}.",
    "not_int": "{name} phải là một số nguyên, nhưng đang là “{value}”.",
    "year": "năm {year} nằm ngoài khoảng {first}–{last}.",
    "not_date": "“{value}” không phải ngày; viết theo dạng 2023-05-20 hoặc 20/05/2023.",
    "no_such_date": "ngày “{value}” không có thật.",
    "url": "đường dẫn “{url}” không hợp lệ; cần bắt đầu bằng https://.",
    "level": "“{form}” không do cấp “{level}” trao tặng; cấp có thể trao: {names}.",
    "consent": "hồ sơ {kind} cần trường “consent” (ai đồng ý, ngày nào, hình thức nào).",
    "story": "chưa có câu chuyện bên dưới phần thông tin hồ sơ.",
    "province": "không tìm thấy tỉnh/thành phố “{value}”",
}


def form_config(catalog: Catalog, gaz: Gazetteer, today_year: int) -> dict[str, Any]:
    """Everything the page's form needs, generated from the fields, the schema and the catalogues."""
    fields = []
    for spec in FIELDS:
        fields.append({
            "key": spec.key, "path": list(spec.path), "label": spec.label, "widget": spec.widget,
            "group": spec.group, "required": spec.required or spec.key == STORY_KEY,
            "blockRequired": block_required(spec), "help": help_text(spec), "placeholder": spec.placeholder,
            "limits": limits(spec), "name": dotted_path(spec.path) if spec.path else "",
            "options": [{"code": c, "label": label} for c, label in options(catalog, spec.options)]
            if spec.options else [],
        })
    levels = {form.code: form.get("levels") or [] for form in catalog.award_forms}
    return {
        "fields": fields, "groups": list(GROUPS), "messages": BROWSER_MESSAGES,
        "firstYear": FIRST_YEAR, "lastYear": today_year, "schemaFile": SCHEMA_FILE, "exemplars": "exemplars",
        "levels": levels, "consentKinds": sorted(KINDS_NEEDING_CONSENT),
        "provinces": dict(sorted(province_folders(gaz).items())),
    }


_BROWSER_FIELD_KEYS = ("key", "path", "label", "widget", "required", "blockRequired", "limits", "name")


def for_browser(config: dict[str, Any]) -> dict[str, Any]:
    """What the page's script needs of :func:`form_config` (help texts and checkbox lists stay in the HTML)."""
    fields = [{**{k: f[k] for k in _BROWSER_FIELD_KEYS},
               **({"options": f["options"]} if f["widget"] == "select" else {})} for f in config["fields"]]
    return {**{k: v for k, v in config.items() if k != "groups"}, "fields": fields}
