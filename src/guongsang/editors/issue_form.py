"""The GitHub issue form "Đề xuất gương điển hình" and ``guongsang from-issue``, which turns its body into a record.

The form is generated from :data:`guongsang.editors.proposal.FIELDS` (``guongsang templates``), so its headings are
exactly the labels ``from-issue`` reads back. Problems point at the line of the issue body where the answer is.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any, TextIO

import yaml

from ..model.catalog import Catalog
from ..model.diagnostics import Diagnostic
from ..model.text import fold, nfc
from ..model.validate import Context
from ..site.derive import SUBMIT_URL
from .proposal import (
    FIELDS,
    STORY_KEY,
    FormField,
    check_answers,
    duplicate,
    existing_slugs,
    help_text,
    options,
    province_folders,
    recheck_file,
    record_path,
    record_text,
    split_many,
    write_records,
)

FORM_FILE = ".github/ISSUE_TEMPLATE/de-xuat-guong.yml"
LABEL = "đề xuất"
NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###\s+(.+?)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")

INTRO = """Cảm ơn bạn giới thiệu một gương điển hình tiên tiến, người tốt việc tốt. Điền các mục dưới đây; mục có dấu \
\\* là bắt buộc. Người duyệt sẽ chuyển đề xuất thành hồ sơ (lệnh `guongsang from-issue`) và mở yêu cầu hợp nhất.

**Nội dung issue là công khai.** Không ghi số điện thoại, số căn cước, địa chỉ nhà riêng hay thông tin liên hệ \
riêng của bất kỳ ai: thông tin liên hệ chỉ gửi trực tiếp cho cơ quan thi đua – khen thưởng, không gửi qua đây.

Ảnh: sau khi gửi, kéo thả ảnh vào ô bình luận của issue và ghi rõ ai chụp, đã được phép dùng chưa."""

CHECKS = (
    "Người được nêu gương (hoặc người đại diện, cha mẹ với trẻ em) đã đồng ý công bố câu chuyện này.",
    "Tôi không ghi số điện thoại, số căn cước, địa chỉ nhà riêng vào đề xuất này.",
)


def _element(spec: FormField, catalog: Catalog) -> dict[str, Any]:
    attributes: dict[str, Any] = {"label": spec.label, "description": help_text(spec)}
    if spec.options:
        kind = "dropdown"
        attributes["options"] = [label for _code, label in options(catalog, spec.options)]
        if spec.widget == "multi":
            attributes["multiple"] = True
    else:
        kind = "textarea" if spec.widget in ("textarea", "lines") else "input"
        if spec.placeholder:
            attributes["placeholder"] = spec.placeholder
    element: dict[str, Any] = {"type": kind, "id": spec.key.replace("_", "-"), "attributes": attributes}
    if spec.required or spec.key == STORY_KEY:
        element["validations"] = {"required": True}
    return element


def form(catalog: Catalog) -> dict[str, Any]:
    """The issue form as data (GitHub's issue-forms syntax)."""
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    group = ""
    for spec in FIELDS:
        if spec.group != group:
            group = spec.group
            body.append({"type": "markdown", "attributes": {"value": f"## {group}"}})
        body.append(_element(spec, catalog))
    body.append({"type": "checkboxes", "id": "xac-nhan", "attributes": {
        "label": "Xác nhận", "options": [{"label": text, "required": True} for text in CHECKS]}})
    return {"name": "Đề xuất gương điển hình",
            "description": "Giới thiệu một gương điển hình tiên tiến, người tốt việc tốt — không cần sửa tệp.",
            "title": "Đề xuất: ", "labels": [LABEL], "body": body}


def form_text(catalog: Catalog) -> str:
    dumped = yaml.safe_dump(form(catalog), allow_unicode=True, sort_keys=False, width=100_000)
    return ("# Tạo bởi `guongsang templates` từ danh sách trường trong src/guongsang/proposal.py: "
            "đừng sửa tay.\n" + dumped)


def chooser_text(site_url: str) -> str:
    """``config.yml`` of the issue chooser: links to the web form and the guide on the site."""
    base = site_url.rstrip("/") + "/"
    links = [{"name": "Gửi câu chuyện bằng biểu mẫu trên trang", "url": base + SUBMIT_URL,
              "about": "Điền biểu mẫu, trang kiểm tra ngay và tạo sẵn tệp hồ sơ để mở trên GitHub hoặc tải về."},
             {"name": "Hướng dẫn đề xuất gương điển hình", "url": base + "gioi-thieu/de-xuat/",
              "about": "Bốn cách đề xuất, mẫu hồ sơ, cách đọc thông báo lỗi."}]
    return ("# Tạo bởi `guongsang templates` (site_url trong mkdocs.yml): đừng sửa tay.\n"
            + yaml.safe_dump({"blank_issues_enabled": True, "contact_links": links}, allow_unicode=True,
                             sort_keys=False, width=100_000))


def site_url(root: Path) -> str:
    """``site_url`` of ``mkdocs.yml`` (read as plain YAML; MkDocs' own tags are not needed for it)."""
    for line in (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return str(yaml.safe_load(line)["site_url"])
    return ""


def write(root: Path, catalog: Catalog) -> list[Path]:
    """Write the issue form (and the chooser's links when ``mkdocs.yml`` names the site)."""
    target = root / FORM_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(form_text(catalog), encoding="utf-8")
    written = [target]
    if url := site_url(root):
        chooser = target.parent / "config.yml"
        chooser.write_text(chooser_text(url), encoding="utf-8")
        written.append(chooser)
    return written


# -- reading an issue body back ----------------------------------------------------------------------------

Position = tuple[int, int]


def parse_body(text: str, catalog: Catalog) -> tuple[dict[str, Any], dict[str, Position | list[Position]]]:
    """Answers and where each stands (line, column) in an issue body written by the form."""
    by_label = {fold(spec.label): spec for spec in FIELDS}
    lines = nfc(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    sections: list[tuple[FormField, int, list[str]]] = []
    current: tuple[FormField, int, list[str]] | None = None
    for number, line in enumerate(lines, 1):
        heading = _HEADING.match(line)
        if heading:
            spec = by_label.get(fold(heading.group(1).rstrip(" *")))
            current = (spec, number, []) if spec else None
            if current:
                sections.append(current)
        elif current:
            current[2].append(line)
    answers: dict[str, Any] = {}
    positions: dict[str, Position | list[Position]] = {}
    for spec, heading_line, body in sections:
        numbered = [(heading_line + 1 + i, line) for i, line in enumerate(body)]
        filled = [(n, line) for n, line in numbered if line.strip() and line.strip() != NO_RESPONSE]
        positions[spec.key] = (filled[0][0], 1) if filled else (heading_line, 1)
        if not filled:
            continue
        if spec.key == STORY_KEY:
            answers[spec.key] = "\n".join(line for _n, line in numbered[filled[0][0] - heading_line - 1:]).strip()
        elif spec.widget == "lines":
            answers[spec.key] = [_BULLET.sub("", line).strip() for _n, line in filled]
            positions[spec.key] = [(n, 1) for n, _line in filled]
        elif spec.widget == "multi":
            answers[spec.key] = split_many("\n".join(line for _n, line in filled), catalog, spec.options)
            positions[spec.key] = [(filled[0][0], 1)] * len(answers[spec.key])
        else:
            answers[spec.key] = " ".join(line.strip() for _n, line in filled)
    return answers, positions


_CHECKBOX = re.compile(r"^\s*[-*]\s+\[( |x|X)\]\s+(.+?)\s*$")


def unconfirmed(text: str, shown: str) -> list[Diagnostic]:
    """The form's confirmations left unticked (GitHub requires them, but a body can be edited afterwards)."""
    wanted = {fold(c) for c in CHECKS}
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        box = _CHECKBOX.match(nfc(line))
        if box and box.group(1) == " " and fold(box.group(2)) in wanted:
            found.append(Diagnostic(shown, number, 1, "GS095", f"chưa đánh dấu xác nhận “{box.group(2)}”"))
    return found


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="TỆP",
                        help="tệp chứa nội dung issue (Markdown do biểu mẫu GitHub tạo)")
    parser.add_argument("--slug", metavar="TÊN", help="tên tệp hồ sơ (mặc định: tên người, không dấu)")
    parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, in hồ sơ ra màn hình, không ghi tệp")


def run(args: argparse.Namespace, ctx: Context, exemplars: Path, err: TextIO | None = None,
        out: TextIO | None = None) -> int:
    """``guongsang from-issue FILE``: check the answers, then write the record (or nothing)."""
    err, out = err or sys.stderr, out or sys.stdout
    file: Path = args.file if args.file.is_absolute() else Path.cwd() / args.file
    shown = args.file.as_posix()  # as the editor typed it
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{shown}:1:1: error[GS001]: không đọc được tệp ({exc.__class__.__name__}).", file=err)
        return 1
    answers, positions = parse_body(text, ctx.catalog)
    if args.slug:
        answers["slug"] = args.slug
    _, found = check_answers(answers, ctx, shown, file, positions)
    found += unconfirmed(text, shown)
    relative = os.path.relpath(exemplars, ctx.root).replace(os.sep, "/")
    path = record_path(answers, province_folders(ctx.gazetteer), relative)
    if not found and (clash := duplicate(path, ctx.root, existing_slugs(exemplars))) is not None:
        found.append(clash)
    if found:
        print("\n".join(d.text() for d in sorted(set(found))), file=err)
        print(f"Chưa tạo hồ sơ: {len(set(found))} lỗi trong {shown}.", file=err)
        return 1
    if args.dry_run:
        print(record_text(answers, path), file=out, end="")
        return 0
    target = ctx.root / path
    write_records([(target, record_text(answers, path))])
    if problems := recheck_file(target, path, ctx):
        target.unlink()
        print("\n".join(d.text() for d in problems), file=err)
        return 1
    print(path, file=out)
    print(f"Đã tạo {path} từ {shown}.", file=err)
    return 0

