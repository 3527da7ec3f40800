"""The one definition of an exemplar record's fields: validation of types and shapes, and the JSON Schema.

Catalogue membership and localities are checked later (``validate.py``) because they need the loaded
catalogues and gazetteer; the exported JSON Schema still lists the allowed catalogue values so editors'
tools (VS Code, github.dev) can complete them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

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
    authority: Annotated[str, Field(min_length=3, max_length=150)] | None = Field(
        None, description="Người hoặc cơ quan quyết định khen thưởng, ghi như trong quyết định (ví dụ “Chủ tịch UBND "
                          "quận Thanh Xuân”); bỏ trống thì trang ghi theo cấp khen thưởng và địa bàn của hồ sơ.")

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
    guardian: str | None = Field(None, description="Với người chưa thành niên: cha, mẹ hoặc người giám hộ đã đồng ý "
                                                   "(họ tên và quan hệ, ví dụ “Bà Trần Thị B, mẹ”). Không công bố.")

    @field_validator("date")
    @classmethod
    def _not_later(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        today: dt.date = (info.context or {}).get("today") or dt.date.today()
        if value > today:
            raise PydanticCustomError("GS014", "ngày đồng ý {value} ở sau ngày xây dựng trang.",
                                      {"value": value.isoformat()})
        return value

    @field_validator("method")
    @classmethod
    def _method(cls, method: str) -> str:
        for code, label in CONSENT_METHODS.items():
            if method.casefold() in (code, label.casefold()):
                return code
        raise PydanticCustomError("GS012", "hình thức đồng ý “{m}” không hợp lệ; dùng: {allowed}.",
                                  {"m": method, "allowed": ", ".join(CONSENT_METHODS)})


def _born(value: Any) -> Any:
    """A year of birth (1975) or a full date; only the year is ever shown."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return _date(value)


PUBLIC_FIELDS = ("title", "name", "unit", "summary", "achievements", "tags", "images", "sources", "awards", "school",
                 "story")


class PrivateIn(BaseModel):
    """Office-only information: kept in the record for reports, never published."""

    model_config = ConfigDict(extra="allow", frozen=True)

    phone: str | int | None = Field(None, description="Số điện thoại liên hệ.")
    email: str | None = Field(None, description="Thư điện tử.")
    address: str | None = Field(None, description="Địa chỉ nơi ở.")
    id_number: str | int | None = Field(None, description="Số CCCD/CMND (nên đặt trong ngoặc kép).")
    notes: str | None = Field(None, description="Ghi chú cho cơ quan thi đua – khen thưởng.")


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
    current_ward: str | None = Field(None, description="Phường, xã hiện nay (từ 1/7/2025) khi phường, xã cũ ở "
                                                       "“locality” đã chia về nhiều nơi, ví dụ “phường Phương Liệt”.")
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
    images: list[ImageIn] = Field(default_factory=list, description="Ảnh minh họa; ảnh đầu tiên là ảnh đại diện.")
    sources: list[SourceIn] = Field(default_factory=list, description="Bài báo, tài liệu nguồn.")
    tags: list[Text] = Field(default_factory=list, description="Từ khóa tự do.")
    consent: ConsentIn | None = Field(None, description="Sự đồng ý công bố; bắt buộc với cá nhân và hộ gia đình.")
    featured: bool = Field(False, description="Đưa lên mục nổi bật ở trang chủ.")
    draft: bool = Field(False, description="Bản nháp: được kiểm tra nhưng chưa xuất bản.")
    updated: Date | None = Field(None, description="Ngày cập nhật hồ sơ lần gần nhất (2025-03-15 hoặc 15/03/2025); "
                                                   "hiện trên trang cạnh ngày đăng.")
    slug: str | None = Field(None, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
                             description="Định danh trong đường dẫn; mặc định là tên tệp.")
    born: Annotated[int | dt.date, BeforeValidator(_born)] | None = Field(
        None, description="Năm sinh (1975) hoặc ngày sinh; trang chỉ hiện năm sinh, người chưa thành niên thì không.")
    school: str | None = Field(None, description="Trường, lớp (với học sinh); không hiện với người chưa thành niên.")
    minor: bool = Field(False, description="Người chưa thành niên (dưới 18 tuổi): cần sự đồng ý của cha, mẹ hoặc "
                                           "người giám hộ; năm sinh và trường học không được công bố.")
    private: PrivateIn | None = Field(None, description="Thông tin chỉ dùng cho cơ quan thi đua – khen thưởng "
                                                        "(điện thoại, địa chỉ, số CCCD, ghi chú): không công bố.")
    allow_public: list[Literal[PUBLIC_FIELDS]] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Trường được phép nêu số điện thoại, thư điện tử công khai (ví dụ đường dây "
                                          "nóng của tập thể): " + ", ".join(PUBLIC_FIELDS) + ". Số CCCD thì không.")
    withdrawn: bool = Field(False, description="Đã gỡ theo yêu cầu: hồ sơ biến mất khỏi mọi trang, danh sách, tìm kiếm "
                                               "và dữ liệu; địa chỉ cũ chỉ hiện một thông báo ngắn.")

    _year = field_validator("year")(_check_year)

    @field_validator("updated")
    @classmethod
    def _updated_not_later(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        today: dt.date = (info.context or {}).get("today") or dt.date.today()
        if value is not None and value > today:
            raise PydanticCustomError("GS014", "ngày cập nhật {value} ở sau ngày xây dựng trang.",
                                      {"value": value.isoformat()})
        return value

    @field_validator("born")
    @classmethod
    def _born_range(cls, value: int | dt.date | None, info: ValidationInfo) -> int | dt.date | None:
        today: dt.date = (info.context or {}).get("today") or dt.date.today()
        year = value if isinstance(value, int) else value.year if value else None
        if year is not None and not 1900 <= year <= today.year:
            raise PydanticCustomError("GS015", "năm sinh {year} nằm ngoài khoảng 1900–{last}.",
                                      {"year": year, "last": today.year})
        return value


FIELD_NAMES: dict[type[BaseModel], list[str]] = {
    model: list(model.model_fields) for model in (ExemplarIn, AwardIn, ImageIn, SourceIn, ConsentIn, PrivateIn)
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
