"""The "Gửi câu chuyện" page: fill the form as a ward officer would, take the file it makes, check it."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from guongsang.cli import main
from guongsang.editors.proposal import BROWSER_MESSAGES, record_text
from support import ROOT

pytestmark = pytest.mark.browser

ANSWERS = {
    "title": "Người giữ rừng đầu nguồn Khe Bố", "name": "Lê Văn Tùng", "kind": "Cá nhân",
    "movements": ["Toàn dân đoàn kết xây dựng đời sống văn hóa", "Người tốt, việc tốt"],  # in catalogue order
    "field": "Nông thôn mới",
    "locality": "bản Xốp Nậm, xã Tam Quang, huyện Tương Dương, Nghệ An", "unit": "UBND xã Tam Quang", "year": "2030",
    "summary": "Hơn hai mươi năm tuần tra bảo vệ 300 ha rừng đầu nguồn, vận động bà con không chặt phá.",
    "achievements": ["Tuần tra 300 ha rừng", "Vận động 40 hộ ký cam kết"],
    "award_form": "Giấy khen", "award_level": "Chủ tịch UBND quận/huyện/thị xã/thành phố thuộc tỉnh",
    "award_year": "2024", "consent_by": "Ông Lê Văn Tùng", "consent_date": "2024-05-02",
    "consent_method": "Văn bản có chữ ký",
    "story": "Mỗi sáng, ông Tùng men theo suối Khe Bố lên rừng.\n\n## Hai mươi năm một lối mòn\n\n"
             "Ông thuộc từng gốc cây.",
}


def fill(page, answers: dict) -> None:
    for key, value in answers.items():
        control = page.locator(f"#gs-f-{key}")
        if key == "movements":
            for label in value:
                page.locator(f"input[name=movements][value=\"{label}\"]").check()
        elif control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(label=value)
        else:
            control.fill("\n".join(value) if isinstance(value, list) else value)


@pytest.fixture
def form(page, site_url):
    page.goto(f"{site_url}gui-cau-chuyen/")
    page.locator("[data-gs-form]").wait_for()
    return page


def test_form_says_private_contact_data_goes_to_the_office_only(form):
    notice = form.locator("#gs-rieng-tu").inner_text()
    assert "công khai" in notice and "trực tiếp cho cơ quan thi đua – khen thưởng" in notice
    # Fields come from the field list: every movement of the catalogue is a choice.
    assert form.locator("input[name=movements]").count() >= 30
    assert form.locator("a[href$='mau-danh-sach-de-xuat.xlsx']").count() == 1


def test_wrong_fields_show_the_validators_messages(form):
    fill(form, {**ANSWERS, "summary": "Rất tốt."})
    form.get_by_role("button", name="Kiểm tra và tạo tệp hồ sơ").click()
    year = form.locator("#gs-f-year-error")
    assert year.inner_text() == BROWSER_MESSAGES["year"].format(year=2030, first=1945, last=2025)
    assert form.locator("#gs-f-summary-error").inner_text() == "“summary” cần ít nhất 20 ký tự."
    assert form.locator("#gs-f-year").get_attribute("aria-invalid") == "true"
    assert form.locator("#gs-f-title").get_attribute("aria-invalid") is None
    summary = form.locator("[data-gs-summary]")
    assert summary.is_visible() and "Còn 2 mục cần sửa" in summary.inner_text()
    assert form.locator("[data-gs-result]").is_hidden()
    # Removing the consent of a cá nhân record is refused with the validator's own words.
    form.locator("#gs-f-consent_by").fill("")
    form.locator("#gs-f-consent_date").fill("")
    form.locator("#gs-f-consent_method").select_option("")
    form.get_by_role("button", name="Kiểm tra và tạo tệp hồ sơ").click()
    assert form.locator("#gs-f-consent_by-error").inner_text() == BROWSER_MESSAGES["consent"].format(kind="cá nhân")


def test_generated_file_passes_guongsang_check(form, tmp_path, capsys):
    fill(form, {**ANSWERS, "year": "2024"})
    form.get_by_role("button", name="Kiểm tra và tạo tệp hồ sơ").click()
    result = form.locator("[data-gs-result]")
    result.wait_for()
    href = form.get_by_role("link", name="Mở trên GitHub").get_attribute("href")
    assert href.startswith("https://github.com/guongsang/guongsang/new/main?")
    query = parse_qs(urlsplit(href).query)
    filename, value = query["filename"][0], query["value"][0]
    assert filename == "exemplars/nghe-an/le-van-tung.md"
    with form.expect_download() as download:
        form.get_by_role("button", name="Tải tệp về").click()
    assert download.value.suggested_filename == "le-van-tung.md"
    downloaded = Path(download.value.path()).read_text(encoding="utf-8")
    assert downloaded == value
    # The page writes the file exactly as the Python side (`guongsang new`, `from-issue`) does.
    assert value == record_text({**ANSWERS, "year": "2024"}, filename)
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content" / "catalog", project / "content" / "catalog")
    (project / filename).parent.mkdir(parents=True)
    (project / filename).write_text(value, encoding="utf-8")
    assert main(["--root", str(project), "check", "--today", "2025-11-01"]) == 0, capsys.readouterr().err


def test_a_story_too_long_for_a_link_is_offered_as_a_download(form):
    fill(form, {**ANSWERS, "year": "2024", "story": "Ông Tùng thuộc từng gốc cây, từng khe nước. " * 120})
    form.get_by_role("button", name="Kiểm tra và tạo tệp hồ sơ").click()
    form.locator("[data-gs-result]").wait_for()
    assert form.locator("[data-gs-too-long]").is_visible()
    assert form.get_by_role("link", name="Mở trên GitHub").is_hidden()
    assert form.get_by_role("button", name="Tải tệp về").is_visible()


def test_answers_survive_a_reload_until_cleared(form):
    form.locator("#gs-f-title").fill("Người giữ rừng đầu nguồn")
    form.locator('input[name=movements][value="Dân vận khéo"]').check()
    form.reload()
    form.locator("[data-gs-restored]").wait_for()
    assert form.locator("#gs-f-title").input_value() == "Người giữ rừng đầu nguồn"
    assert form.locator('input[name=movements][value="Dân vận khéo"]').is_checked()
    form.get_by_role("button", name="Xóa biểu mẫu, bắt đầu lại").click()
    form.reload()
    assert form.locator("#gs-f-title").input_value() == ""
    assert form.locator("[data-gs-restored]").is_hidden()
