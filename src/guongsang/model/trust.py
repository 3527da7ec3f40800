"""Checks on what a record would publish: personal numbers, private values, minors, markup and odd stories.

Called by ``validate.py`` on the parsed data of every record, whether or not its schema check passed, so an
editor sees every problem in one pass. Messages never repeat a personal value in full: CI logs are public.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from .diagnostics import Diagnostic, Severity
from .frontmatter import Document
from .privacy import ALLOWABLE, CODES, find_personal_data, flatten
from .sanitize import markup_in_text, may_hold_markup, render_story, unsafe_parts

STORY = "story"
MAX_STORY = 200_000
MAX_LINE = 10_000
MAX_BRACKETS = 300  # "[" or "<" in one paragraph: Python-Markdown's link search is quadratic in them
MAX_NESTING = 20
_NESTING = re.compile(r"^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])){" + str(MAX_NESTING) + "}")
# The text a record publishes: top-level fields, and the text parts of its list items.
_TEXT_PARTS = {"images": ("alt", "caption", "credit"), "sources": ("title", "publisher"),
               "awards": ("decision", "authority")}
_TEXT_FIELDS = ("title", "name", "unit", "summary", "school")
_TEXT_LISTS = ("achievements", "tags")
_MINOR_HINTS = re.compile(r"\bsinh (?:ngày|năm)\s+\d|\bsinh \d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\bhọc sinh lớp \d|"
                          r"\blớp \d{1,2}[A-ZĐ]\d?\b|\btrường (?:mầm non|tiểu học|thcs|thpt|trung học)", re.IGNORECASE)


def public_texts(data: dict[str, Any], *, minor: bool = False) -> Iterator[tuple[tuple, str]]:
    """(path, text) for every text value a record would publish; a minor's school is not published."""
    for key in _TEXT_FIELDS:
        if isinstance(data.get(key), str) and not (minor and key == "school"):
            yield (key,), data[key]
    for key in _TEXT_LISTS:
        for i, item in enumerate(data.get(key) if isinstance(data.get(key), list) else []):
            if isinstance(item, str):
                yield (key, i), item
    for key, parts in _TEXT_PARTS.items():
        for i, item in enumerate(data.get(key) if isinstance(data.get(key), list) else []):
            for part in parts:
                if isinstance(item, dict) and isinstance(item.get(part), str):
                    yield (key, i, part), item[part]


def _warn(doc: Document, path: tuple, code: str, message: str) -> Diagnostic:
    line, col = doc.where(path)
    return Diagnostic(doc.path, line, col, code, message, Severity.WARNING)


def _field_name(path: tuple) -> str:
    return ".".join(str(p + 1 if isinstance(p, int) else p) for p in path)


def _allowed(data: dict[str, Any]) -> set[str]:
    allowed = data.get("allow_public")
    return {a for a in allowed if isinstance(a, str)} if isinstance(allowed, list) else set()


def _personal(doc: Document, allowed: set[str]) -> None:
    """ID numbers, phone numbers and e-mail addresses in public text (GS055–GS057)."""
    hint = " (chuyển vào khối “private”)"
    for path, text in public_texts(doc.data):
        for f in find_personal_data(text):
            if f.kind in ALLOWABLE and path[0] in allowed:
                continue
            doc.diagnostics.append(doc.error(path, CODES[f.kind], f"“{_field_name(path)}” có {f.label} {f.masked}"
                                             + hint + "."))
    for f in find_personal_data(doc.body):
        if f.kind in ALLOWABLE and STORY in allowed:
            continue
        line = doc.body.count("\n", 0, f.start)
        col = f.start - (doc.body.rfind("\n", 0, f.start) + 1) + 1
        doc.diagnostics.append(Diagnostic(doc.path, doc.body_line + line, col, CODES[f.kind],
                                          f"câu chuyện có {f.label} {f.masked}{hint}."))


def _secrets(data: dict[str, Any], minor: bool) -> list[tuple[str, str]]:
    """Values that must stay unpublished: the private block, a guardian's name, a minor's birth date and school."""
    secrets = list(flatten(data.get("private"), "private"))
    consent = data.get("consent")
    if isinstance(consent, dict) and consent.get("guardian"):
        secrets.append(("consent.guardian", str(consent["guardian"])))
    if minor:
        secrets += [(key, value) for key, value in flatten({k: data.get(k) for k in ("born", "school")}, "")
                    if len(value) > 4]
    return [(key.lstrip("."), value.strip()) for key, value in secrets if len(value.strip()) >= 6]


def _leaks(doc: Document, minor: bool) -> None:
    """A private value repeated in public text (GS054)."""
    secrets = _secrets(doc.data, minor)
    if not secrets:
        return
    places = [*public_texts(doc.data, minor=minor), ((), doc.body)]
    for key, value in secrets:
        needle = value.casefold()
        for path, text in places:
            if needle in text.casefold():
                where = f"“{_field_name(path)}”" if path else "câu chuyện"
                line, col = doc.where(path) if path else (doc.body_line + text[: text.casefold().index(needle)]
                                                          .count("\n"), 1)
                doc.diagnostics.append(Diagnostic(doc.path, line, col, "GS054",
                                                  f"giá trị của “{key}” (không công bố) xuất hiện trong {where}."))
                break


def _age(born: Any, today: dt.date) -> int | None:
    if isinstance(born, dt.date):
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if isinstance(born, int) and not isinstance(born, bool):
        return today.year - born - 1  # the youngest the person can be
    return None


def _minor(doc: Document, today: dt.date) -> bool:
    """Guardian consent for a minor (GS051), a minor not marked as one (GS052), hints of a minor's school
    or birth date in public text (GS053). Returns whether the record is a minor's."""
    data = doc.data
    minor = data.get("minor") is True
    age = _age(data.get("born"), today)
    if not minor and age is not None and 0 <= age < 18:
        doc.diagnostics.append(doc.error(("born",), "GS052", f"theo năm sinh, người này chưa đủ 18 tuổi vào "
                                         f"{today:%d/%m/%Y}: thêm “minor: true” và sự đồng ý của người giám hộ."))
    if not minor:
        return False
    consent = data.get("consent")
    if isinstance(consent, dict) and not consent.get("guardian"):
        doc.diagnostics.append(doc.error(("consent",), "GS051", "hồ sơ người chưa thành niên cần “consent.guardian”: "
                                         "cha, mẹ hoặc người giám hộ đã đồng ý (họ tên, quan hệ)."))
    elif not isinstance(consent, dict):
        doc.diagnostics.append(doc.error((), "GS051", "hồ sơ người chưa thành niên cần khối “consent” có “guardian”."))
    for path, text in [*public_texts(data, minor=True), ((), doc.body)]:
        if match := _MINOR_HINTS.search(text):
            where = f"“{_field_name(path)}”" if path else "câu chuyện"
            line = doc.where(path)[0] if path else doc.body_line + text[: match.start()].count("\n")
            doc.diagnostics.append(Diagnostic(doc.path, line, 1, "GS053", f"{where} nêu “{match.group(0)}” của "
                                              "người chưa thành niên.", Severity.WARNING))
    return True


def _story_shape(doc: Document) -> bool:
    """Stories Python-Markdown cannot render in reasonable time or depth (GS007). True when fine."""
    body = doc.body
    problem = None
    if len(body) > MAX_STORY:
        problem = (0, f"câu chuyện dài {len(body):,} ký tự, vượt giới hạn {MAX_STORY:,}.".replace(",", "."))
    else:
        offset = 0
        for block in body.split("\n\n"):
            if block.count("[") > MAX_BRACKETS or block.count("<") > MAX_BRACKETS:
                problem = (offset, f"một đoạn có quá nhiều dấu “[” hoặc “<” (tối đa {MAX_BRACKETS}).")
                break
            offset += block.count("\n") + 2
        for n, line in enumerate(body.split("\n")):
            if problem:
                break
            if len(line) > MAX_LINE:
                problem = (n, f"dòng dài {len(line)} ký tự, vượt giới hạn {MAX_LINE}.")
            elif _NESTING.match(line):
                problem = (n, f"trích dẫn hoặc danh sách lồng nhau quá {MAX_NESTING} cấp.")
    if problem:
        doc.diagnostics.append(Diagnostic(doc.path, doc.body_line + problem[0], 1, "GS007", problem[1]))
    return problem is None


def _markup(doc: Document) -> None:
    """HTML the cleaning removes from the story (GS090) and HTML in plain-text fields (GS091)."""
    for path, text in public_texts(doc.data):
        if found := markup_in_text(text):
            doc.diagnostics.append(_warn(doc, path, "GS091", f"“{_field_name(path)}” có mã “{found}”; trường này là "
                                                             "văn bản thuần nên mã sẽ hiện nguyên văn."))
    if not may_hold_markup(doc.body):
        return
    try:
        html = render_story(doc.body)
    except RecursionError:
        doc.diagnostics.append(Diagnostic(doc.path, doc.body_line, 1, "GS007", "câu chuyện lồng nhau quá sâu."))
        return
    lines = doc.body.split("\n")
    for unsafe in unsafe_parts(html):
        line, col = _locate(lines, unsafe.needles)
        doc.diagnostics.append(Diagnostic(doc.path, doc.body_line + line, col, "GS090",
                                          f"{unsafe.what} sẽ bị loại khỏi câu chuyện khi xuất bản.", Severity.WARNING))


def _locate(lines: list[str], needles: tuple[str, ...]) -> tuple[int, int]:
    for needle in needles:
        for n, line in enumerate(lines):
            at = line.casefold().find(needle.casefold())
            if at >= 0:
                return n, at + 1
    return 0, 1


def check(doc: Document, today: dt.date) -> None:
    """Every trust check on one parsed record; diagnostics go to ``doc.diagnostics``."""
    if not isinstance(doc.data, dict):
        return
    minor = _minor(doc, today)
    _personal(doc, _allowed(doc.data))
    _leaks(doc, minor)
    if _story_shape(doc):
        _markup(doc)
