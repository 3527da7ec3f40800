"""Diagnostics for editors: coded, positioned, in Vietnamese; printed as text, GitHub annotations or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Code:
    """One kind of problem: its code, a short Vietnamese title and what the editor should do."""

    code: str
    title: str
    help: str


def _codes(*items: tuple[str, str, str]) -> dict[str, Code]:
    return {c: Code(c, t, h) for c, t, h in items}


# Every code the checker can emit. The editor guide's error table is generated from this list.
CODES: dict[str, Code] = _codes(
    ("GS001", "Tệp không phải UTF-8", "Lưu lại tệp với bảng mã UTF-8 (trình soạn thảo: Save with encoding → UTF-8)."),
    ("GS002", "Thiếu phần thông tin đầu tệp",
     "Tệp phải bắt đầu bằng dòng `---`, tiếp theo là các trường YAML, rồi một dòng `---` đóng lại."),
    ("GS003", "Lỗi cú pháp YAML",
     "Kiểm tra dấu hai chấm, thụt lề (dùng dấu cách, không dùng Tab) và dấu ngoặc kép quanh giá trị có dấu `:`."),
    ("GS004", "Trường bị khai báo hai lần", "Mỗi trường chỉ được viết một lần; xoá dòng lặp lại."),
    ("GS005", "Phần thông tin đầu tệp không phải danh sách trường",
     "Phần giữa hai dòng `---` phải gồm các dòng `tên_trường: giá trị`."),
    ("GS010", "Thiếu trường bắt buộc", "Bổ sung trường được nêu trong thông báo."),
    ("GS011", "Trường không xác định", "Kiểm tra chính tả tên trường; xem danh sách trường trong hướng dẫn."),
    ("GS012", "Sai kiểu giá trị", "Giá trị phải đúng kiểu: chữ, số, danh sách (`- ...`) hoặc ngày."),
    ("GS013", "Độ dài không hợp lệ", "Rút gọn hoặc bổ sung nội dung theo giới hạn được nêu."),
    ("GS014", "Ngày không hợp lệ", "Viết ngày theo dạng 2023-05-20 hoặc 20/05/2023, và ngày đó phải có thật."),
    ("GS015", "Năm không hợp lệ", "Năm phải nằm trong khoảng 1945 đến năm hiện tại."),
    ("GS016", "Đường dẫn (URL) không hợp lệ", "Đường dẫn nguồn phải bắt đầu bằng https:// hoặc http://."),
    ("GS020", "Đối tượng không xác định", "Dùng một trong: cá nhân, tập thể, hộ gia đình."),
    ("GS021", "Phong trào thi đua không xác định", "Dùng mã hoặc tên phong trào trong danh mục phong trào."),
    ("GS022", "Lĩnh vực không xác định", "Dùng mã hoặc tên lĩnh vực trong danh mục lĩnh vực (a–m)."),
    ("GS023", "Hình thức khen thưởng không xác định", "Dùng mã hoặc tên hình thức trong danh mục khen thưởng."),
    ("GS024", "Cấp khen thưởng không xác định", "Dùng mã hoặc tên cấp khen trong danh mục khen thưởng."),
    ("GS025", "Hình thức khen thưởng không thuộc cấp này",
     "Kiểm tra lại cấp khen: hình thức này không do cấp đã ghi trao tặng."),
    ("GS030", "Địa phương không xác định",
     "Ghi địa phương theo dạng “phường/xã, quận/huyện, tỉnh/thành phố” hoặc “phường/xã, tỉnh/thành phố” (sau 7/2025)."),
    ("GS031", "Địa phương chưa rõ ràng", "Có nhiều đơn vị trùng tên: ghi thêm quận/huyện để phân biệt."),
    ("GS040", "Không tìm thấy tệp ảnh", "Kiểm tra tên tệp ảnh và đường dẫn (tính từ thư mục chứa hồ sơ)."),
    ("GS041", "Ảnh thiếu mô tả (alt)", "Mỗi ảnh cần mô tả ngắn cho người khiếm thị ở trường `alt`."),
    ("GS042", "Tệp ảnh không hợp lệ", "Chỉ dùng ảnh JPEG, PNG hoặc WebP, không hỏng, dưới giới hạn dung lượng."),
    ("GS050", "Thiếu sự đồng ý của người được nêu gương",
     "Với cá nhân và hộ gia đình, ghi rõ ai đồng ý, ngày nào, hình thức nào ở trường `consent`."),
    ("GS060", "Trùng định danh (slug)", "Hai hồ sơ có cùng tên tệp hoặc cùng `slug`: đổi tên một trong hai."),
    ("GS061", "Tên tệp không hợp lệ",
     "Tên tệp chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ `nguyen-van-an.md`."),
    ("GS070", "Thiếu câu chuyện", "Viết câu chuyện về gương điển hình bên dưới dòng `---` thứ hai."),
    ("GS071", "Giá trị bị lặp", "Xoá giá trị trùng trong danh sách."),
    ("GS080", "Danh mục không hợp lệ", "Sửa tệp danh mục trong content/catalog/ theo thông báo."),
    ("GS090", "Chuyên mục không hợp lệ",
     "Sửa tệp chuyên mục trong content/columns/: cần “name”, có thể có “description” và “query” "
     "(movements, localities, kinds, fields, tags, years, limit)."),
)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem found at ``path:line:col`` (1-based)."""

    path: str
    line: int
    col: int
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}"

    def github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the changed line."""
        title = f"{self.code} {CODES[self.code].title}" if self.code in CODES else self.code
        props = f"file={_prop(self.path)},line={self.line},col={self.col},title={_prop(title)}"
        return f"::{self.severity} {props}::{_data(self.message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def is_error(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def render(diagnostics: list[Diagnostic], fmt: str = "text") -> str:
    """All diagnostics, sorted by file and position, in the requested format."""
    ordered = sorted(diagnostics)
    if fmt == "json":
        return json.dumps([asdict(d) for d in ordered], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(d.github() for d in ordered)
    return "\n".join(d.text() for d in ordered)


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    """A closing line in Vietnamese: how many errors and warnings in how many files."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return f"Đã kiểm tra {files} hồ sơ: không có lỗi."
    return f"Đã kiểm tra {files} hồ sơ: {errors} lỗi, {warnings} cảnh báo."


def did_you_mean(word: str, choices: list[str]) -> str:
    """A Vietnamese "did you mean …?" clause for the closest choices (compared without diacritics)."""
    from difflib import get_close_matches

    from .text import fold

    folded = {fold(c): c for c in choices}
    close = get_close_matches(fold(word), list(folded), n=3, cutoff=0.6)
    if not close:
        return ""
    return " — có phải ý bạn là " + ", ".join(f"“{folded[c]}”" for c in close) + "?"
