"""The one definition of an exemplar record's fields: validation of types and shapes, and the JSON Schema.

Catalogue membership and localities are checked later (``validate.py``) because they need the loaded
catalogues and gazetteer; the exported JSON Schema still lists the allowed catalogue values so editors'
tools (VS Code, github.dev) can complete them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

SUMMARY_MAX = 300
FIRST_YEAR = 1945
CONSENT_METHODS = {
    "van-ban": "văn bản có chữ ký",
    "truc-tiep": "trực tiếp, có biên bản",
    "dien-tu": "thư điện tử hoặc tin nhắn",
}

_VN_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def _date(value: Any) -> Any:
    """Accept a YAML date, "2023-05-20" or "20/05/2023"; anything else is a coded date error."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        iso, vn = _ISO_DATE.match(value), _VN_DATE.match(value)
        parts = (iso.group(1), iso.group(2), iso.group(3)) if iso else (
            (vn.group(3), vn.group(2), vn.group(1)) if vn else None)
        if parts:
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                raise PydanticCustomError("GS014", "ngày “{value}” không có thật.", {"value": value}) from None
    raise PydanticCustomError("GS014", "“{value}” không phải ngày; viết theo dạng 2023-05-20 hoặc 20/05/2023.",
                              {"value": value})


Date = Annotated[dt.date, BeforeValidator(_date)]


def _check_year(year: int, info: ValidationInfo) -> int:
    today: dt.date = (info.context or {}).get("today") or dt.date.today()
    if not FIRST_YEAR <= year <= today.year:
        raise PydanticCustomError("GS015", "năm {year} nằm ngoài khoảng {first}–{last}.",
                                  {"year": year, "first": FIRST_YEAR, "last": today.year})
    return year


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


Text = Annotated[str, Field(min_length=1)]


class AwardIn(_Strict):
    form: Text = Field(description="Hình thức khen thưởng: mã hoặc tên trong danh mục (ví dụ: “Bằng khen”).")
    level: Text = Field(description="Cấp khen thưởng: mã hoặc tên (ví dụ: “Chủ tịch UBND tỉnh/thành phố”).")
    year: int = Field(description="Năm được khen thưởng.")
    decision: str | None = Field(None, description="Số quyết định khen thưởng, ví dụ “1234/QĐ-UBND”.")
    date: Date | None = Field(None, description="Ngày quyết định (2023-05-20 hoặc 20/05/2023).")

    _year = field_validator("year")(_check_year)


class ImageIn(_Strict):
    src: Text = Field(description="Đường dẫn tệp ảnh, tính từ thư mục chứa hồ sơ (ví dụ: anh/chan-dung.jpg).")
    alt: Text = Field(description="Mô tả ngắn nội dung ảnh cho người khiếm thị (bắt buộc).")
    caption: str | None = Field(None, description="Chú thích hiển thị dưới ảnh.")
    credit: str | None = Field(None, description="Tác giả hoặc nguồn ảnh.")


class SourceIn(_Strict):
    title: Text = Field(description="Tiêu đề bài báo hoặc tài liệu nguồn.")
    url: Text = Field(description="Đường dẫn đầy đủ, bắt đầu bằng https://.")
    publisher: str | None = Field(None, description="Cơ quan báo chí hoặc đơn vị đăng tải.")
    date: Date | None = Field(None, description="Ngày đăng.")

    @field_validator("url")
    @classmethod
    def _url(cls, url: str) -> str:
        if not re.match(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", url):
            raise PydanticCustomError("GS016", "đường dẫn “{url}” không hợp lệ; cần bắt đầu bằng https://.",
                                      {"url": url})
        return url


class ConsentIn(_Strict):
    by: Text = Field(description="Người đồng ý công bố (chính người được nêu gương hoặc người đại diện).")
    date: Date = Field(description="Ngày đồng ý.")
    method: Text = Field(description="Hình thức đồng ý: " + "; ".join(f"{k} ({v})" for k, v in CONSENT_METHODS.items()))

    @field_validator("method")
    @classmethod
    def _method(cls, method: str) -> str:
        for code, label in CONSENT_METHODS.items():
            if method.casefold() in (code, label.casefold()):
                return code
        raise PydanticCustomError("GS012", "hình thức đồng ý “{m}” không hợp lệ; dùng: {allowed}.",
                                  {"m": method, "allowed": ", ".join(CONSENT_METHODS)})


class ExemplarIn(_Strict):
    """The front matter of an exemplar record (the story is the Markdown body below it)."""

    title: Annotated[str, Field(min_length=5, max_length=150)] = Field(
        description="Tiêu đề câu chuyện, 5–150 ký tự.")
    name: Text = Field(description="Tên cá nhân, tập thể hoặc hộ gia đình được nêu gương.")
    kind: Text = Field(description="Đối tượng: cá nhân, tập thể hoặc hộ gia đình (mã hoặc tên).")
    movements: Annotated[list[Text], Field(min_length=1)] = Field(
        description="Một hoặc nhiều phong trào thi đua (mã hoặc tên trong danh mục).")
    field: Text = Field(description="Lĩnh vực (mã hoặc tên trong danh mục lĩnh vực a–m).")
    locality: Text = Field(description="Nơi sinh sống/công tác, ghi như thời điểm đề xuất, ví dụ "
                                       "“phường Khương Trung, quận Thanh Xuân, Hà Nội”.")
    unit: Text = Field(description="Đơn vị đề xuất (ví dụ: UBND phường Khương Trung).")
    plan: str | None = Field(None, description="Kế hoạch mà gương được đề xuất theo: mã, số hiệu (ví dụ "
                                               "“4257/KH-UBND”) hoặc tên kế hoạch trong content/plans/.")
    plan_unit: str | None = Field(None, description="Đơn vị đề xuất trong danh sách đơn vị của kế hoạch (mã hoặc tên),"
                                                    " để tính vào chỉ tiêu của đơn vị đó.")
    year: int = Field(description="Năm được đề xuất hoặc biểu dương.")
    summary: Annotated[str, Field(min_length=20, max_length=SUMMARY_MAX)] = Field(
        description=f"Tóm tắt 20–{SUMMARY_MAX} ký tự, hiện trong danh sách và khi chia sẻ.")
    awards: list[AwardIn] = Field(default_factory=list, description="Các hình thức khen thưởng đã nhận.")
    achievements: list[Text] = Field(default_factory=list, description="Thành tích tiêu biểu, mỗi dòng một ý.")
    images: list[ImageIn] = Field(default_factory=list, description="Ảnh minh hoạ; ảnh đầu tiên là ảnh đại diện.")
    sources: list[SourceIn] = Field(default_factory=list, description="Bài báo, tài liệu nguồn.")
    tags: list[Text] = Field(default_factory=list, description="Từ khoá tự do.")
    consent: ConsentIn | None = Field(None, description="Sự đồng ý công bố; bắt buộc với cá nhân và hộ gia đình.")
    featured: bool = Field(False, description="Đưa lên mục nổi bật ở trang chủ.")
    draft: bool = Field(False, description="Bản nháp: được kiểm tra nhưng chưa xuất bản.")
    slug: str | None = Field(None, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
                             description="Định danh trong đường dẫn; mặc định là tên tệp.")

    _year = field_validator("year")(_check_year)


FIELD_NAMES: dict[type[BaseModel], list[str]] = {
    model: list(model.model_fields) for model in (ExemplarIn, AwardIn, ImageIn, SourceIn, ConsentIn)
}


def json_schema(enums: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The JSON Schema of the front matter, with catalogue values as enums where given.

    ``enums`` maps a property (``kind``, ``field``, ``movements``, ``award_form``, ``award_level``) to the
    allowed spellings (codes and labels).
    """
    schema = ExemplarIn.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://guongsang.github.io/schema/exemplar.schema.json"
    schema["title"] = "Hồ sơ gương điển hình (guongsang)"
    enums = enums or {}
    props = schema["properties"]
    for name in ("kind", "field"):
        if name in enums:
            props[name]["enum"] = enums[name]
    if "movements" in enums:
        props["movements"]["items"]["enum"] = enums["movements"]
    award = schema["$defs"]["AwardIn"]["properties"]
    for prop, key in (("form", "award_form"), ("level", "award_level")):
        if key in enums:
            award[prop]["enum"] = enums[key]
    return schema
