"""Read a Markdown file with YAML front matter, keeping the line and column of every value.

Decoding (UTF-8, with or without BOM), newline and NFC normalisation happen here, so later stages only
ever see clean text. Problems come back as diagnostics, never as exceptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic
from .text import nfc

Path_ = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000
# libyaml's parser when PyYAML was built with it (the wheels are): the same nodes and marks, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_NODES = 20_000
MAX_DEPTH = 50
# The tags YAML gives plain values; an explicit other tag (!!python/object …) is refused, never constructed.
_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
# C0/C1 controls other than tab and newline, and the invisible bidirectional overrides ("Trojan Source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Document:
    """A parsed record file: front-matter data, where each value stands, and the Markdown body."""

    path: str
    data: Any = field(default_factory=dict)
    value_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    header_line: int = 1
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Best position for ``path``: the value (or key), else the nearest enclosing value."""
        table = self.key_pos if key else self.value_pos
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.value_pos:
                return self.value_pos[probe]
            probe = probe[:-1]
        return (self.header_line, 1)

    def error(self, path: Path_, code: str, message: str, *, key: bool = False) -> Diagnostic:
        line, col = self.where(path, key=key)
        return Diagnostic(self.path, line, col, code, message)


class _Walker:
    """Turns a composed YAML node tree into Python values and a position table."""

    def __init__(self, loader: Any, doc: Document, line_offset: int) -> None:
        self.loader = loader
        self.doc = doc
        self.offset = line_offset
        self.count = 0

    def pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def walk(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES or len(path) > MAX_DEPTH:
            raise _TooBig
        if node.tag not in _TAGS:
            raise yaml.MarkedYAMLError(problem=f"unknown tag {node.tag}", problem_mark=node.start_mark)
        self.doc.value_pos[path] = self.pos(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(child, (*path, i)) for i, child in enumerate(node.value)]
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError:  # e.g. 2023-02-30 looks like a date but is none: keep the text for validation
            value = node.value
        return nfc(value) if isinstance(value, str) else value

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node, deep=True)
            key = nfc(str(key)) if key is not None else ""
            child = (*path, key)
            if key in result:
                line, col = self.pos(key_node)
                first = self.doc.key_pos[child][0]
                self.doc.diagnostics.append(Diagnostic(
                    self.doc.path, line, col, "GS004",
                    f"trường “{key}” đã được khai báo ở dòng {first}; chỉ giữ một lần."))
                continue
            self.doc.key_pos[child] = self.pos(key_node)
            result[key] = self.walk(value_node, child)
        return result


class _TooBig(Exception):
    pass


def _decode(raw: bytes, doc: Document) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        doc.diagnostics.append(Diagnostic(doc.path, line, 1, "GS001",
                                          "tệp không được lưu bằng bảng mã UTF-8."))
        return None
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def _split(text: str, doc: Document) -> tuple[str, str] | None:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        doc.diagnostics.append(Diagnostic(doc.path, 1, 1, "GS002",
                                          "tệp phải bắt đầu bằng dòng “---” của phần thông tin hồ sơ."))
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            doc.header_line = 2
            doc.body_line = i + 2
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:])
    doc.diagnostics.append(Diagnostic(doc.path, 1, 1, "GS002",
                                      "không tìm thấy dòng “---” đóng phần thông tin hồ sơ."))
    return None


def _tab_errors(header: str, doc: Document) -> bool:
    found = False
    for i, line in enumerate(header.split("\n")):
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            doc.diagnostics.append(Diagnostic(doc.path, i + 2, indent.index("\t") + 1, "GS003",
                                              "dòng thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách."))
            found = True
    return found


def _control_errors(text: str, doc: Document) -> bool:
    """Control characters and invisible direction overrides: refused, once per line (GS006)."""
    for i, line in enumerate(text.split("\n")):
        if match := _CONTROL.search(line):
            doc.diagnostics.append(Diagnostic(doc.path, i + 1, match.start() + 1, "GS006",
                                              f"ký tự điều khiển U+{ord(match.group(0)):04X} không được phép."))
    return bool(doc.diagnostics)


def parse_text(text: str, path: str) -> Document:
    """Parse already-decoded text (used by tests and by :func:`read`)."""
    doc = Document(path=path)
    if _control_errors(text, doc):
        return doc
    split = _split(text, doc)
    if split is None:
        return doc
    header, doc.body = split
    if _tab_errors(header, doc):
        return doc
    parse_yaml(header, doc, line_offset=1)
    if not isinstance(doc.data, dict):
        doc.diagnostics.append(Diagnostic(path, 2, 1, "GS005",
                                          "phần thông tin hồ sơ phải là các dòng “tên_trường: giá trị”."))
        doc.data = {}
    return doc


_YAML_PROBLEMS = [
    ("end of stream", "thiếu dấu ngoặc kép đóng, hoặc nội dung bị cắt giữa chừng."),
    ("mapping values are not allowed", "có dấu “:” ở vị trí không hợp lệ; hãy đặt cả giá trị trong ngoặc kép."),
    ("could not find expected ':'", "thiếu dấu “:” sau tên trường."),
    ("cannot start any token",
     "có ký tự không hợp lệ ở đầu giá trị (ví dụ Tab, @ hoặc `); hãy đặt giá trị trong ngoặc kép."),
    ("expected <block end>", "thụt lề không đều; các trường cùng cấp phải thẳng hàng."),
    ("did not find expected key", "thụt lề không đều hoặc thiếu dấu “-” đầu mục danh sách."),
    ("did not find expected '-'", "mục danh sách phải bắt đầu bằng dấu “- ”."),
    ("found undefined alias", "dùng tham chiếu “*” tới một neo “&” không tồn tại."),
    ("found duplicate anchor", "neo “&” bị khai báo hai lần."),
    ("unknown tag", "thẻ kiểu dữ liệu YAML (bắt đầu bằng “!”) không được phép; hãy xóa nó."),
    ("could not determine a constructor", "thẻ kiểu dữ liệu YAML (bắt đầu bằng “!”) không được phép; hãy xóa nó."),
    ("special characters are not allowed", "tệp chứa ký tự đặc biệt không hợp lệ."),
]


def _explain(problem: str) -> str:
    """A Vietnamese explanation of a PyYAML problem, keeping the original words for the curious."""
    for needle, text in _YAML_PROBLEMS:
        if needle in problem:
            return text
    return f"cú pháp không hợp lệ ({problem or 'không rõ'})."


def _flow_depth(source: str) -> int:
    """How deeply ``[`` and ``{`` nest (quotes ignored: an overestimate is harmless). libyaml recurses once per
    level in C, so a few hundred thousand brackets would crash the process before any Python check runs."""
    depth = deepest = 0
    for match in re.finditer(r"[\[\]{}]", source):
        depth = depth + 1 if match.group(0) in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


_OPENERS = {'"': "dấu ngoặc kép “\"”", "'": "dấu nháy đơn “'”", "[": "dấu ngoặc vuông “[”",
            "{": "dấu ngoặc nhọn “{”"}
_VALUE_START = re.compile(r"\s*(?:-\s+)*(?:[^'\"\[{#\s][^#]*?:(?:\s+|$))?(?:-\s+)*")


def _closes(line: str, start: int) -> bool:
    """Whether the quoted or bracketed value opening at ``start`` closes on the same line."""
    opener, depth, quote, i = line[start], 0, "", start
    while i < len(line):
        char = line[i]
        if quote:
            if char == "\\" and quote == '"':
                i += 1
            elif char == quote and line[i + 1:i + 2] == "'" == quote:
                i += 1  # '' inside single quotes
            elif char == quote:
                quote = ""
                if opener == char:
                    return True
        elif char in "\"'" and (i == start or line[i - 1] in " ,[{"):
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return True
        i += 1
    return False


def _unclosed(source: str, failed_at: int) -> tuple[int, int, str] | None:
    """(line, column, opener) of the last quote or bracket left open on its line, at or before the line where
    YAML failed (0-based); None when every line closes what it opens."""
    found = None
    for n, line in enumerate(source.split("\n")[:failed_at + 1]):
        start = _VALUE_START.match(line).end()  # type: ignore[union-attr]
        if start < len(line) and line[start] in _OPENERS and not _closes(line, start):
            found = (n, start, line[start])
    return found


def parse_yaml(source: str, doc: Document, line_offset: int = 0) -> None:
    """Parse YAML into ``doc.data`` and its position tables; problems go to ``doc.diagnostics``."""
    first_line = line_offset + 1
    if _flow_depth(source) > MAX_DEPTH:
        doc.diagnostics.append(Diagnostic(doc.path, first_line, 1, "GS003",
                                          "nội dung quá lớn hoặc dùng tham chiếu YAML lồng nhau quá sâu."))
        return
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        data: Any = {} if node is None else _Walker(loader, doc, line_offset).walk(node, ())
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or ""
        # An unclosed quote is reported at the end of the text; the opening quote is more helpful.
        mark = exc.context_mark if "end of stream" in problem and exc.context_mark else exc.problem_mark
        mark = mark or exc.context_mark
        at = _unclosed(source, mark.line if mark else 0)
        if at is not None:  # a quote or bracket left open: the error is where it opens, not where YAML gave up
            line, col = at[0] + first_line, at[1] + 1
            what = f"{_OPENERS[at[2]]} mở ở đây chưa được đóng; thêm dấu đóng ở cuối giá trị."
        else:
            line = (mark.line + first_line) if mark else first_line
            col, what = ((mark.column + 1) if mark else 1), _explain(problem)
        doc.diagnostics.append(Diagnostic(doc.path, line, col, "GS003", f"lỗi cú pháp YAML: {what}"))
        return
    except _TooBig:
        doc.diagnostics.append(Diagnostic(doc.path, first_line, 1, "GS003",
                                          "nội dung quá lớn hoặc dùng tham chiếu YAML lồng nhau quá sâu."))
        return
    finally:
        loader.dispose()
    doc.data = data


def read(file: Path, display_path: str) -> Document:
    """Read and parse one record file."""
    raw = file.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        doc = Document(path=display_path)
        doc.diagnostics.append(Diagnostic(display_path, 1, 1, "GS013",
                                          f"tệp quá lớn ({len(raw) // 1024} KB; tối đa {MAX_FILE_BYTES // 1024} KB)."))
        return doc
    probe = Document(path=display_path)
    text = _decode(raw, probe)
    if text is None:
        return probe
    return parse_text(text, display_path)


def read_yaml(file: Path, display_path: str) -> Document:
    """Read a plain YAML data file (catalogues, columns …) with positions."""
    doc = Document(path=display_path)
    text = _decode(file.read_bytes(), doc)
    if text is not None:
        parse_yaml(text, doc)
    return doc
