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
    ("GS004", "Trường bị khai báo hai lần", "Mỗi trường chỉ được viết một lần; xóa dòng lặp lại."),
    ("GS005", "Phần thông tin đầu tệp không phải danh sách trường",
     "Phần giữa hai dòng `---` phải gồm các dòng `tên_trường: giá trị`."),
    ("GS006", "Ký tự điều khiển hoặc ký tự ẩn không hợp lệ",
     "Tệp chứa ký tự điều khiển (ví dụ NUL) hoặc ký tự đảo chiều văn bản vô hình; gõ lại đoạn văn bản đó "
     "hoặc dán dưới dạng văn bản thuần."),
    ("GS007", "Câu chuyện có cấu trúc bất thường",
     "Câu chuyện quá dài, có dòng quá dài, quá nhiều dấu “[” hoặc “<” trong một đoạn, hoặc trích dẫn, danh sách "
     "lồng nhau quá sâu: viết lại đoạn được nêu thành các đoạn văn ngắn."),
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
    ("GS026", "Kế hoạch không xác định",
     "Ghi mã, số hiệu (ví dụ “4257/KH-UBND”) hoặc tên một kế hoạch trong content/plans/."),
    ("GS027", "Đơn vị đề xuất không có trong kế hoạch",
     "Ghi `plan` trước, rồi ghi ở `plan_unit` mã hoặc tên một đơn vị trong danh sách `units` của kế hoạch đó."),
    ("GS028", "Năm nằm ngoài thời gian kế hoạch",
     "Năm đề xuất phải thuộc thời gian thực hiện kế hoạch; kiểm tra lại `year` hoặc `plan`."),
    ("GS029", "Cấp khen thưởng không có thẩm quyền vào ngày khen",
     "Cấp khen có thời hạn (ví dụ cấp huyện chỉ đến 30/6/2025): kiểm tra ngày, năm khen thưởng hoặc ghi cấp đúng."),
    ("GS030", "Địa phương không xác định",
     "Ghi địa phương theo dạng “phường/xã, quận/huyện, tỉnh/thành phố” hoặc “phường/xã, tỉnh/thành phố” (sau 7/2025)."),
    ("GS031", "Địa phương chưa rõ ràng", "Có nhiều đơn vị trùng tên: ghi thêm quận/huyện để phân biệt."),
    ("GS032", "Phường, xã hiện nay không khớp địa phương",
     "Ở `current_ward` ghi một trong các phường, xã hiện nay mà phường, xã cũ ở `locality` đã nhập vào."),
    ("GS033", "Tỉnh, thành phố không khớp quận, huyện",
     "Quận, huyện đã ghi thuộc tỉnh, thành phố khác: sửa tên tỉnh, thành phố ở `locality` (cảnh báo)."),
    ("GS040", "Không tìm thấy tệp ảnh", "Kiểm tra tên tệp ảnh và đường dẫn (tính từ thư mục chứa hồ sơ)."),
    ("GS041", "Ảnh thiếu mô tả (alt)", "Mỗi ảnh cần mô tả ngắn cho người khiếm thị ở trường `alt`."),
    ("GS042", "Tệp ảnh không hợp lệ", "Chỉ dùng ảnh JPEG, PNG hoặc WebP, không hỏng, dưới giới hạn dung lượng."),
    ("GS043", "Đường dẫn ảnh không an toàn",
     "Ảnh phải là tệp thật nằm trong kho dữ liệu, ghi theo đường dẫn tương đối như `anh/ten-anh.jpg`: "
     "không dùng đường dẫn tuyệt đối, không trỏ ra ngoài kho bằng `../`, không dùng liên kết tượng trưng (symlink)."),
    ("GS044", "Ảnh quá lớn",
     "Ảnh tối đa 20 MB và 50 triệu điểm ảnh; thu nhỏ ảnh (cạnh dài khoảng 2.000 điểm ảnh là đủ) rồi gửi lại."),
    ("GS050", "Thiếu sự đồng ý của người được nêu gương",
     "Với cá nhân và hộ gia đình, ghi rõ ai đồng ý, ngày nào, hình thức nào ở trường `consent`."),
    ("GS051", "Thiếu sự đồng ý của cha, mẹ hoặc người giám hộ",
     "Người chưa thành niên (`minor: true`) cần `consent.guardian`: họ tên và quan hệ của người đã đồng ý."),
    ("GS052", "Người dưới 18 tuổi chưa được đánh dấu",
     "Theo năm sinh, người này chưa đủ 18 tuổi: thêm `minor: true` và sự đồng ý của cha, mẹ hoặc người giám hộ."),
    ("GS053", "Có thể lộ thông tin của người chưa thành niên",
     "Cảnh báo: câu chuyện nêu ngày sinh, năm sinh hoặc tên trường, lớp của người chưa thành niên; "
     "hãy viết chung chung hơn (ví dụ “một học sinh trung học cơ sở”)."),
    ("GS054", "Thông tin riêng tư xuất hiện trong nội dung công khai",
     "Một giá trị ghi trong `private` (hoặc thông tin được ẩn của người chưa thành niên) cũng có trong phần "
     "công khai: xóa nó khỏi phần công khai."),
    ("GS055", "Số CCCD/CMND trong nội dung công khai",
     "Không bao giờ công bố số định danh cá nhân: chuyển số này vào khối `private`. Nếu đó không phải số định "
     "danh, viết có dấu chấm ngăn cách (ví dụ 123.456.789)."),
    ("GS056", "Số điện thoại trong nội dung công khai",
     "Chuyển số điện thoại vào khối `private`. Nếu số này được phép công khai (đường dây nóng của tập thể), "
     "ghi tên trường vào `allow_public`, ví dụ `allow_public: [story]`."),
    ("GS057", "Địa chỉ thư điện tử trong nội dung công khai",
     "Chuyển địa chỉ thư vào khối `private`, hoặc ghi tên trường vào `allow_public` nếu địa chỉ được phép công khai."),
    ("GS060", "Trùng định danh (slug)", "Hai hồ sơ có cùng tên tệp hoặc cùng `slug`: đổi tên một trong hai."),
    ("GS061", "Tên tệp không hợp lệ",
     "Tên tệp chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ `nguyen-van-an.md`."),
    ("GS070", "Thiếu câu chuyện", "Viết câu chuyện về gương điển hình bên dưới dòng `---` thứ hai."),
    ("GS071", "Giá trị bị lặp", "Xóa giá trị trùng trong danh sách."),
    ("GS072", "Câu chuyện còn dòng mẫu",
     "Viết nội dung thật thay cho các dòng mẫu của khung (“Thay đoạn này bằng…”), hoặc giữ `draft: true`."),
    ("GS080", "Danh mục không hợp lệ", "Sửa tệp danh mục trong content/catalog/ theo thông báo."),
    ("GS081", "Tệp kế hoạch không hợp lệ", "Sửa tệp kế hoạch trong content/plans/ theo thông báo."),
    ("GS082", "Kế hoạch tham chiếu giá trị không có",
     "Phong trào, lĩnh vực, đối tượng, nhóm và đơn vị mà kế hoạch nêu phải có trong danh mục hoặc trong `units`."),
    ("GS090", "Câu chuyện có HTML không được phép",
     "Cảnh báo: phần được nêu sẽ bị loại khi xuất bản (thẻ <script>, <iframe>, <style>, biểu mẫu, thuộc tính "
     "sự kiện, đường dẫn javascript:/data:, ảnh chèn trong câu chuyện). Viết câu chuyện bằng Markdown thuần; "
     "ảnh đặt ở trường `images`."),
    ("GS091", "Trường văn bản có mã HTML",
     "Cảnh báo: các trường như `name`, `summary` là văn bản thuần, mã HTML sẽ hiện nguyên văn; xóa các thẻ đó."),
    ("GS095", "Chưa xác nhận trong đề xuất",
     "Đánh dấu các ô xác nhận của biểu mẫu đề xuất (sự đồng ý công bố, không ghi thông tin riêng tư) rồi gửi lại."),
    ("GS096", "Chuyên mục không hợp lệ",
     "Sửa tệp chuyên mục trong content/columns/: cần “name”, có thể có “description” và “query” "
     "(movements, localities, kinds, fields, tags, years, limit)."),
    # Writing contests (content/contests/)
    ("GS120", "Mốc thời gian hoặc giới hạn số chữ của cuộc thi không hợp lệ",
     "Các mốc phải theo thứ tự phát động → hạn nộp → chấm → kết quả → trao giải; số chữ tối thiểu nhỏ hơn tối đa."),
    ("GS121", "Kế hoạch không xác định",
     "Ghi mã kế hoạch (tên tệp trong content/plans/, ví dụ `thanh-xuan-2023`), hoặc bỏ trường `plan`."),
    ("GS122", "Hạng giải không xác định",
     "Dùng một trong: Giải Đặc biệt, Giải Nhất, Giải Nhì, Giải Ba, Giải Khuyến khích (hoặc mã nhat, nhi, ba …)."),
    ("GS123", "Tổng điểm tiêu chí chấm khác 100", "Sửa điểm (`weight`) các tiêu chí để tổng đúng 100."),
    ("GS124", "Thiếu thể lệ cuộc thi", "Tạo tệp `rules.md` trong thư mục cùng tên với tệp cuộc thi."),
    ("GS130", "Gương điển hình không xác định",
     "Ghi định danh gương điển hình (tên tệp hồ sơ, không có `.md`), ví dụ `nguyen-thi-lan-anh`."),
    ("GS131", "Số chữ ngoài giới hạn",
     "Bài phải có số chữ trong giới hạn của thể lệ; nếu ban tổ chức loại bài, ghi `status: invalid` và lý do."),
    ("GS132", "Bài nộp ngoài thời gian nhận bài",
     "Kiểm tra ngày nộp (`submitted`); bài đến muộn thì ghi `status: invalid` và lý do ở `note`."),
    ("GS133", "Giải không đúng thể lệ",
     "Số bài đạt mỗi hạng giải không vượt số giải trong tệp cuộc thi; hạng giải phải có trong thể lệ."),
    ("GS134", "Trùng tác giả và tên bài", "Một tác giả không gửi hai bài cùng tên: xóa bài lặp hoặc đổi tên bài."),
    ("GS135", "Đơn vị dự thi không xác định",
     "Ghi mã hoặc tên đơn vị có trong danh sách `units` của tệp cuộc thi; đơn vị mới thì bổ sung vào danh sách."),
    ("GS136", "Trạng thái bài dự thi không hợp lệ",
     "Dùng submitted, valid, shortlisted, prize (kèm `prize`: hạng giải) hoặc invalid (kèm lý do ở `note`)."),
    ("GS137", "Thư mục bài dự thi không có cuộc thi",
     "Mỗi thư mục trong content/contests/ phải có tệp `.yml` cùng tên mô tả cuộc thi."),
    ("GS138", "Bài viết về gương còn là bản nháp (cảnh báo)",
     "Bài vẫn được đăng; liên kết tới gương xuất hiện khi hồ sơ gương bỏ `draft: true`."),
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


def summary(diagnostics: list[Diagnostic], files: int, contest_files: int = 0) -> str:
    """A closing line in Vietnamese: how many errors and warnings in how many records (and contest files)."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    checked = f"{files} hồ sơ" + (f" và {contest_files} tệp cuộc thi viết" if contest_files else "")
    if not diagnostics:
        return f"Đã kiểm tra {checked}: không có lỗi."
    return f"Đã kiểm tra {checked}: {errors} lỗi, {warnings} cảnh báo."


def did_you_mean(word: str, choices: list[str]) -> str:
    """A Vietnamese "did you mean …?" clause for the closest choices (compared without diacritics)."""
    from difflib import get_close_matches

    from .text import fold

    folded = {fold(c): c for c in choices}
    close = get_close_matches(fold(word), list(folded), n=3, cutoff=0.6)
    if not close:
        return ""
    return " — có phải ý bạn là " + ", ".join(f"“{folded[c]}”" for c in close) + "?"
