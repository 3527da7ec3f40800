"""Writing contests' files as written: the constants they use (ranks, statuses, visibility), their shapes
(pydantic) and the JSON Schemas exported for editors' tools. The checks and the model are in
:mod:`guongsang.model.contests`."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .frontmatter import Document
from .schema import Date
from .validate import pydantic_diagnostic

CONTEST_SUFFIX = ".yml"
RULES_FILE = "rules.md"
ENTRIES_DIR = "entries"

# Prize ranks in the order results are announced: code → label.
RANKS: dict[str, str] = {
    "dac-biet": "Giải Đặc biệt",
    "nhat": "Giải Nhất",
    "nhi": "Giải Nhì",
    "ba": "Giải Ba",
    "khuyen-khich": "Giải Khuyến khích",
}
# Entry statuses: code → label. Only "valid" and later count as valid entries; "invalid" is never published.
STATUSES: dict[str, str] = {
    "submitted": "Đã tiếp nhận",
    "valid": "Hợp lệ",
    "shortlisted": "Vào chung khảo",
    "prize": "Đạt giải",
    "invalid": "Không hợp lệ",
}
VALID_STATUSES = frozenset({"valid", "shortlisted", "prize"})
# What a contest lets the public see before its results: code → description.
VISIBILITY: dict[str, str] = {
    "none": "chỉ công bố số bài của từng đơn vị",
    "titles": "công bố tên bài, tác giả, đơn vị",
    "full": "công bố toàn văn bài hợp lệ",
}


# -- front matter shapes (pydantic), checked before the cross-references -----------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


Text = Annotated[str, Field(min_length=1)]


class WordsIn(_Strict):
    min: int = Field(ge=0, description="Số chữ tối thiểu của bài dự thi.")
    max: int = Field(gt=0, description="Số chữ tối đa của bài dự thi.")


class TimelineIn(_Strict):
    launch: Date = Field(description="Ngày phát động, bắt đầu nhận bài.")
    deadline: Date = Field(description="Hạn cuối nhận bài (tính cả ngày này).")
    judging: Date = Field(description="Ngày bắt đầu chấm.")
    results: Date = Field(description="Ngày công bố kết quả.")
    ceremony: Date | None = Field(None, description="Ngày trao giải.")


class PrizeIn(_Strict):
    rank: Text = Field(description="Hạng giải: " + ", ".join(f"{k} ({v})" for k, v in RANKS.items()) + ".")
    count: int = Field(ge=1, description="Số giải.")
    amount: int = Field(0, ge=0, description="Giá trị mỗi giải, đồng.")
    note: str | None = Field(None, description="Ghi chú (ví dụ: kèm Giấy khen của Chủ tịch UBND).")


class CriterionIn(_Strict):
    label: Text = Field(description="Tiêu chí chấm.")
    weight: int = Field(ge=1, le=100, description="Điểm tối đa (tổng các tiêu chí là 100).")
    description: str | None = None


class UnitIn(_Strict):
    code: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")] = Field(
        description="Mã đơn vị: chữ thường không dấu, gạch ngang; bài dự thi ghi mã hoặc tên này.")
    name: Text = Field(description="Tên đơn vị.")
    group: str | None = Field(None, description="Khối: phường, trường học, phòng ban …")


class ContestIn(_Strict):
    title: Annotated[str, Field(min_length=10, max_length=200)] = Field(description="Tên cuộc thi.")
    year: int = Field(ge=2000, le=2100, description="Năm của cuộc thi.")
    organiser: Text = Field(description="Cơ quan tổ chức.")
    plan: str | None = Field(None, description="Mã kế hoạch trong danh mục kế hoạch mà cuộc thi thực hiện.")
    summary: Annotated[str, Field(min_length=20, max_length=300)] = Field(description="Giới thiệu ngắn.")
    topic: Text = Field(description="Chủ đề, nội dung bài viết.")
    audience: Text = Field(description="Đối tượng dự thi.")
    eligibility: Text = Field(description="Điều kiện dự thi.")
    contact: str | None = Field(None, description="Nơi nhận bài, liên hệ (cơ quan, không ghi số cá nhân).")
    words: WordsIn
    timeline: TimelineIn
    prizes: Annotated[list[PrizeIn], Field(min_length=1)]
    criteria: Annotated[list[CriterionIn], Field(min_length=1)]
    units: Annotated[list[UnitIn], Field(min_length=1)]
    public_before_results: str = Field("titles", description="Trước khi có kết quả công bố: "
                                       + "; ".join(f"{k} ({v})" for k, v in VISIBILITY.items()) + ".")


class EntryIn(_Strict):
    title: Annotated[str, Field(min_length=5, max_length=200)] = Field(description="Tên bài dự thi.")
    author: Text = Field(description="Tác giả (họ tên; nhóm tác giả cách nhau bằng dấu phẩy).")
    unit: Text = Field(description="Đơn vị dự thi: mã hoặc tên trong danh sách đơn vị của cuộc thi.")
    exemplars: Annotated[list[Text], Field(min_length=1)] = Field(
        description="Gương điển hình bài viết về: định danh (tên tệp hồ sơ, không có .md).")
    submitted: Date = Field(description="Ngày nộp bài.")
    status: Text = Field("submitted", description="Trạng thái: " + ", ".join(STATUSES) + ".")
    prize: str | None = Field(None, description="Hạng giải khi status là prize.")
    summary: str | None = Field(None, max_length=300, description="Tóm tắt ngắn hiện trong danh sách.")
    note: str | None = Field(None, description="Ghi chú của ban tổ chức (ví dụ lý do không hợp lệ).")


_NESTED: dict[str, type[BaseModel]] = {
    "words": WordsIn, "timeline": TimelineIn, "prizes": PrizeIn, "criteria": CriterionIn, "units": UnitIn,
}


def shape(doc: Document, model: type[BaseModel]) -> Any:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        doc.diagnostics.extend(pydantic_diagnostic(doc, e, _NESTED, model) for e in exc.errors())
        return None


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schemas of a contest file and an entry's front matter (for editors' tools), by file name stem."""
    out: dict[str, dict[str, Any]] = {}
    for name, model, title in (("contest", ContestIn, "Cuộc thi viết (guongsang)"),
                               ("contest-entry", EntryIn, "Bài dự thi (guongsang)")):
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://guongsang.github.io/schema/{name}.schema.json"
        schema["title"] = title
        out[name] = schema
    ranks = sorted({*RANKS, *RANKS.values(), *(label.removeprefix("Giải ") for label in RANKS.values())})
    out["contest"]["$defs"]["PrizeIn"]["properties"]["rank"]["enum"] = ranks
    out["contest"]["properties"]["public_before_results"]["enum"] = list(VISIBILITY)
    entry = out["contest-entry"]["properties"]
    entry["status"]["enum"] = sorted({*STATUSES, *STATUSES.values()})
    entry["prize"]["anyOf"][0]["enum"] = ranks
    return out
