"""The five seed plans as data: their targets against the seed wording, loading errors, record references."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from guongsang.model.catalogues import load_catalog
from guongsang.model.frontmatter import parse_text
from guongsang.model.plans import load_plans
from guongsang.model.validate import check_document
from guongsang.site.progress import upcoming
from support import ROOT, VALID

SEEDS = ROOT.parent / "shared" / "seeds"  # the CI clone has ../shared beside it

# Per plan: (target id, units it is assigned to, per, {kind: minimum} ("tong": any kind), the seed's words).
SEED_TARGETS: dict[str, list[tuple[str, set[str], str, dict[str, int], str]]] = {
    "hcm-4257-2021": [
        ("linh-vuc-a", {"so-lao-dong"}, "year", {"ho-gia-dinh": 10}, "ít nhất 10 hộ gia đình điển hình tiên tiến/năm"),
        ("linh-vuc-b", {"lien-doan-lao-dong"}, "year", {"tap-the": 5, "ca-nhan": 5},
         "ít nhất 05 tập thể và 05 cá nhân điển hình tiên tiến/năm"),
        ("linh-vuc-d", {"so-nong-nghiep", "hoi-nong-dan"}, "year", {"tap-the": 3, "ca-nhan": 2},
         "ít nhất 03 tập thể và 02 cá nhân điển hình tiên tiến/năm"),
        ("linh-vuc-g", {"ban-tuyen-giao"}, "year", {"tap-the": 5, "ca-nhan": 10},
         "ít nhất 05 tập thể và 10 cá nhân điển hình tiên tiến/năm"),
        ("linh-vuc-h", {"cong-an", "bo-tu-lenh"}, "year", {"tap-the": 3, "ca-nhan": 3},
         "mỗi cơ quan chủ trì"),
        ("linh-vuc-h-bien-phong", {"bien-phong"}, "year", {"tap-the": 1, "ca-nhan": 1},
         "ít nhất 01 tập thể và 01 cá nhân điển hình tiên tiến/năm"),
        ("linh-vuc-m", {"so-thong-tin"}, "year", {"tong": 3}, "ít nhất 03 điển hình tiên tiến/năm"),
        ("so-nganh-10", {"cong-an", "bo-tu-lenh", "so-giao-duc", "so-y-te"}, "period", {"tong": 10},
         "lựa chọn ít nhất 10 mô hình"),
        ("thu-duc", {"thu-duc"}, "period", {"tong": 15}, "ít nhất 15 mô hình"),
    ],
    "ninh-hoa-2021": [
        ("nong-thon-moi", {"phong-kinh-te"}, "period", {"tap-the": 10, "ca-nhan": 10},
         "ít nhất 10 tập thể, 10 cá nhân"),
        ("day-va-hoc", {"phong-giao-duc"}, "period", {"tap-the": 5, "ca-nhan": 5}, "ít nhất 05 tập thể và 05 cá nhân"),
        ("cuu-chien-binh", {"hoi-cuu-chien-binh"}, "period", {"tap-the": 5, "ca-nhan": 5},
         "“Cụu chiến binh gương mẫu”"),
        ("quoc-phong-an-ninh", {"cong-an", "quan-su"}, "period", {"tap-the": 5, "ca-nhan": 5}, "(đối với từng ngành)"),
        ("y-te", {"phong-y-te"}, "period", {"tap-the": 10, "ca-nhan": 10}, "ít nhất 10 tập thể và 10 cá nhân"),
    ],
    "thanh-xuan-2023": [
        ("de-xuat-thanh-pho", {"ubnd-quan"}, "year", {"tong": 10}, "ít nhất 10 gương điển hình tiên tiến"),
        ("phuong-truong-hoc", None, "year", {"tong": 2}, "ít nhất 02 điển hình tiên tiến thuộc địa phương, đơn vị"),
        ("doan-the", None, "year", {"tong": 2}, "ít nhất 02 gương điển hình tiên tiến, người tốt, việc tốt"),
    ],
    "brvt-126-2021": [
        ("vi-nguoi-ngheo", {"so-lao-dong"}, "period", {"tap-the": 10, "ca-nhan+ho-gia-dinh": 20},
         "10 tập thể và 20 cá nhân/hộ gia đình"),
        ("quoc-phong-an-ninh", {"quan-su", "bien-phong", "cong-an"}, "period", {"tap-the": 10, "ca-nhan": 10},
         "(đối với từng ngành)"),
        ("nong-dan", {"hoi-nong-dan"}, "period", {"ca-nhan": 20}, "ít nhất 20 cá nhân"),
        ("sang-kien", {"so-khoa-hoc"}, "period", {"ca-nhan": 10}, "ít nhất 10 cá nhân"),
        ("hien-mau", {"chu-thap-do"}, "period", {"tap-the": 10, "ca-nhan": 10}, "“Hiến máu tình nguyện”"),
    ],
    "da-lat-2023": [
        ("moi-don-vi", None, "year", {"tong": 2},
         "giới thiệu ít nhất 02 mô hình, điển hình tiên tiến tiêu biểu năm 2023"),
    ],
}

HEADERS = {  # number, date, issuer, period, as printed
    "hcm-4257-2021": ("4257/KH-UBND", dt.date(2021, 12, 16), "Ủy ban nhân dân Thành phố Hồ Chí Minh", (2021, 2025)),
    "ninh-hoa-2021": ("", None, "Ủy ban nhân dân thị xã Ninh Hòa", (2021, 2025)),
    "thanh-xuan-2023": ("", None, "Ủy ban nhân dân quận Thanh Xuân", (2023, 2025)),
    "brvt-126-2021": ("126/KH-UBND", dt.date(2021, 8, 23), "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", (2021, 2025)),
    "da-lat-2023": ("", None, "Ban Thường vụ Thành ủy Đà Lạt", (2023, 2023)),
}


def _plain(text: str) -> str:
    """Seed text without Markdown emphasis and with runs of whitespace (page breaks) as one space."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


@pytest.fixture(scope="module")
def plans(catalog):
    return catalog.plan_models


def test_the_five_seed_plans_are_in_content_plans(plans, catalog):
    assert sorted(plans) == sorted(HEADERS)
    assert [p.name for p in sorted((ROOT / "content" / "plans").glob("*.yml"))] == sorted(f"{c}.yml" for c in HEADERS)
    assert not (ROOT / "content" / "catalog" / "plans.yml").exists()  # one source of truth
    assert catalog.plans.find("4257/KH-UBND").code == "hcm-4257-2021"
    assert catalog.plans.find("126/kh-ubnd").code == "brvt-126-2021"
    for code, (number, date, issuer, period) in HEADERS.items():
        plan = plans[code]
        assert (plan.number, plan.date, plan.issuer, plan.period) == (number, date, issuer, period), code


@pytest.mark.parametrize("code", sorted(SEED_TARGETS))
def test_targets_match_the_seed_wording(plans, code):
    plan = plans[code]
    seed = _plain((SEEDS / plan.seed).read_text(encoding="utf-8"))
    by_id = {t.id: t for t in plan.targets}
    for target_id, who, per, quotas, words in SEED_TARGETS[code]:
        target = by_id[target_id]
        assert _plain(target.quote) in seed, target_id
        assert words in target.quote, target_id
        if who is not None:
            assert {u.code for u in target.units} == who, target_id
        assert target.per == per, target_id
        assert {q.key: q.min for q in target.quotas} == quotas, target_id
        for quota in target.quotas:  # the number is written in the quote as the plan prints it (05 or 5)
            assert re.search(rf"\b0?{quota.min}\b", target.quote), (target_id, quota.min)


def test_every_quote_of_every_plan_is_in_its_seed(plans):
    for plan in plans.values():
        seed = _plain((SEEDS / plan.seed).read_text(encoding="utf-8"))
        quotes = [t.quote for t in plan.targets] + [d.quote for d in plan.deadlines] + [d.quote for d in plan.duties]
        for quote in quotes:
            assert _plain(quote) in seed, (plan.code, quote[:60])


def test_plan_sizes_follow_the_seeds(plans):
    assert len(plans["hcm-4257-2021"].fields) == 12
    assert len([t for t in plans["ninh-hoa-2021"].targets if t.measured]) == 15
    assert len({t.section for t in plans["brvt-126-2021"].targets if t.measured}) == 24
    wards = [u for u in plans["thanh-xuan-2023"].units if u.get("group") == "phuong"]
    assert len(wards) == 11
    districts = next(t for t in plans["hcm-4257-2021"].targets if t.id == "quan-huyen")
    assert len(districts.units) == 21 and "thu-duc" not in {u.code for u in districts.units}


def test_deadlines_recur_and_come_up_relative_to_the_build_date(plans):
    monthly = next(d for d in plans["ninh-hoa-2021"].deadlines if d.id == "gui-guong-hang-thang")
    dates = monthly.occurrences()
    assert dates[0] == dt.date(2022, 1, 20) and dates[-1] == dt.date(2025, 3, 20) and len(dates) == 39
    quarterly = next(d for d in plans["brvt-126-2021"].deadlines if d.id == "gui-guong-hang-quy")
    assert quarterly.occurrences()[:2] == [dt.date(2021, 12, 31), dt.date(2022, 3, 31)]
    soon = upcoming(list(plans.values()), dt.date(2025, 12, 20))
    assert [(o.date, o.deadline.id) for o in soon][:2] == [(dt.date(2026, 1, 10), "dien-hinh-cap-quan"),
                                                          (dt.date(2026, 1, 10), "dien-hinh-don-vi")]
    assert upcoming(list(plans.values()), dt.date(2024, 1, 11), days=10)[0].date == dt.date(2024, 1, 20)
    assert upcoming(list(plans.values()), dt.date(2030, 1, 1)) == []


def _record(tmp_path, valid_text, ctx, replace: dict[str, str], extra: str = ""):
    text = valid_text
    for old, new in replace.items():
        text = text.replace(old, new)
    text = text.replace("unit: UBND phường Khương Trung\n", f"unit: UBND phường Khương Trung\n{extra}")
    doc = parse_text(text, "x.md")
    return check_document(doc, tmp_path / "x.md", ctx), doc.diagnostics


def test_records_name_a_plan_and_a_unit(ctx, tmp_path, valid_text):
    old, problems = _record(tmp_path, valid_text, ctx, {})
    assert problems == [] and old.plan == "" and old.plan_unit == ""  # old records stay valid
    exemplar, problems = _record(tmp_path, valid_text, ctx, {},
                                 "plan: Kế hoạch tuyên truyền gương điển hình tiên tiến, người tốt, việc tốt quận "
                                 "Thanh Xuân\nplan_unit: UBND phường Khương Trung\n")
    assert problems == [] and (exemplar.plan, exemplar.plan_unit) == ("thanh-xuan-2023", "khuong-trung")


def test_plan_reference_errors_are_coded_and_placed(ctx, tmp_path, valid_text):
    line_of = {k: i + 1 for i, k in enumerate(VALID.split("\n")) if k.startswith("unit:")}
    unit_line = line_of[next(iter(line_of))]
    _, problems = _record(tmp_path, valid_text, ctx, {}, "plan: 9999/KH-UBND\nplan_unit: Phường Khương Trung\n")
    assert [(p.code, p.line) for p in problems] == [("GS026", unit_line + 1)]
    _, problems = _record(tmp_path, valid_text, ctx, {}, "plan: thanh-xuan-2023\nplan_unit: phường Khương Trug\n")
    assert [(p.code, p.line, p.col) for p in problems] == [("GS027", unit_line + 2, 12)]
    assert "Khương Trung" in problems[0].message  # a suggestion
    _, problems = _record(tmp_path, valid_text, ctx, {}, "plan_unit: khuong-trung\n")
    assert [(p.code, p.line) for p in problems] == [("GS027", unit_line + 1)]
    _, problems = _record(tmp_path, valid_text, ctx, {"year: 2023": "year: 2022"}, "plan: thanh-xuan-2023\n")
    assert [p.code for p in problems] == ["GS028"] and "2023–2025" in problems[0].message


def test_broken_plan_files_are_reported_at_the_line(tmp_path, catalog):
    tables = {"kinds": catalog.kinds, "fields": catalog.fields, "movements": catalog.movements}
    (tmp_path / "ke-hoach-thu.yml").write_text(
        "label: Kế hoạch thử\nissuer: UBND\ntitle: Thử\nperiod: [2023, 2024]\nscope: xã\n"
        "groups: {phuong: Các phường}\n"
        "units:\n  - {code: a, name: Phường A, group: phuong}\n"
        "targets:\n  - id: t1\n    section: I\n    quote: q\n    who: [b]\n    per: year\n"
        "    field: không-có\n    quotas: [{kind: ca nhan, min: 2}]\n"
        "  - id: t2\n    section: I\n    quote: q\n    per: weekly\n    quotas: []\n", encoding="utf-8")
    _, problems = load_plans(tmp_path, tables, tmp_path)
    found = sorted((p.code, p.line) for p in problems)
    assert found == [("GS081", 20)]  # shape errors come first: the unknown "per" value
    (tmp_path / "ke-hoach-thu.yml").write_text(
        (tmp_path / "ke-hoach-thu.yml").read_text(encoding="utf-8").replace("weekly", "year"), encoding="utf-8")
    _, problems = load_plans(tmp_path, tables, tmp_path)
    # unknown unit, field and kind; a counted target without quotas
    assert sorted((p.code, p.line) for p in problems) == [("GS081", 21), ("GS082", 13), ("GS082", 15), ("GS082", 16)]
    assert all(p.path == "ke-hoach-thu.yml" for p in problems)


def test_missing_plans_directory_means_no_plans(tmp_path):
    catalog, problems = load_catalog(ROOT / "content" / "catalog", ROOT, plans=tmp_path / "none")
    assert problems == [] and len(catalog.plans) == 0
