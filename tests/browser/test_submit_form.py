"""The "Gửi câu chuyện" page: fill the form as a ward officer would, take the file it makes, check it."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

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
        if key == "movements":  # grouped by field in collapsed groups: open the group, then tick
            for label in value:
                box = page.locator(f"input[name=movements][value=\"{label}\"]")
                group = page.locator("[data-gs-choice-group]").filter(has=box)
                if not group.evaluate("el => el.open"):
                    group.locator("summary").click()
                box.check()
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
    assert form.locator("#gs-f-summary-error").inner_text() == "“Tóm tắt” cần ít nhất 20 ký tự."  # the form's name
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
    assert form.locator("#gs-f-consent_by-error").inner_text() == (
        "hồ sơ cá nhân cần phần “Sự đồng ý công bố” (ai đồng ý, ngày nào, hình thức nào).")


def test_generated_file_passes_guongsang_check(form, tmp_path, capsys):
    fill(form, {**ANSWERS, "year": "2024"})
    form.get_by_role("button", name="Kiểm tra và tạo tệp hồ sơ").click()
    result = form.locator("[data-gs-result]")
    result.wait_for()
    form.get_by_text("Dành cho biên tập viên có tài khoản GitHub").click()
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
    # No GitHub account needed: an e-mail to the office carries the same record.
    mail = form.get_by_role("link", name="Gửi thư điện tử")
    assert mail.is_visible() and form.locator("[data-gs-mail-short]").is_hidden()
    address, _, query = mail.get_attribute("href").partition("?")
    assert address == "mailto:guongsang@example.vn"
    fields = {k: unquote(v) for k, v in (pair.split("=", 1) for pair in query.split("&"))}
    assert fields["subject"] == "Gửi câu chuyện: Lê Văn Tùng"
    assert fields["body"].startswith("Kính gửi Ban Thi đua – Khen thưởng (trang mẫu),")
    assert fields["body"].endswith(value) and "le-van-tung.md" in fields["body"]
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
    form.get_by_text("Dành cho biên tập viên có tài khoản GitHub").click()
    assert form.locator("[data-gs-too-long]").is_visible()
    assert form.locator("[data-gs-github]").is_hidden()
    assert form.get_by_role("button", name="Tải tệp về").is_visible()
    # The e-mail still opens, with a short note asking to attach or paste the file; the text can be copied.
    form.context.grant_permissions(["clipboard-read", "clipboard-write"])
    assert form.locator("[data-gs-mail-short]").is_visible()
    href = form.get_by_role("link", name="Gửi thư điện tử").get_attribute("href")
    assert len(href) <= 8000 and "le-van-tung.md" in unquote(href) and "Ông Tùng thuộc" not in unquote(href)
    form.get_by_role("button", name="Sao chép nội dung").click()
    form.wait_for_selector("[data-gs-copy-record-status]:has-text('Đã sao chép')")
    copied = form.evaluate("navigator.clipboard.readText()")
    assert copied == form.locator("[data-gs-preview]").text_content() and copied.count("Ông Tùng thuộc") == 120


def test_answers_survive_a_reload_until_cleared(form):
    form.locator("#gs-f-title").fill("Người giữ rừng đầu nguồn")
    fill(form, {"movements": ["Dân vận khéo"]})
    form.reload()
    form.locator("[data-gs-restored]").wait_for()
    assert form.locator("#gs-f-title").input_value() == "Người giữ rừng đầu nguồn"
    assert form.locator('input[name=movements][value="Dân vận khéo"]').is_visible()  # its group opens
    assert form.locator('input[name=movements][value="Dân vận khéo"]').is_checked()
    assert "(đã chọn 1)" in form.locator("[data-gs-choice-group][open] summary").inner_text()
    form.get_by_role("button", name="Xóa biểu mẫu, bắt đầu lại").click()
    form.reload()
    assert form.locator("#gs-f-title").input_value() == ""
    assert form.locator("[data-gs-restored]").is_hidden()


def test_a_phone_sees_groups_of_movements_and_only_vietnamese_names(browser, site_url):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}gui-cau-chuyen/")
    page.locator("[data-gs-form]").wait_for()
    boxes = page.locator("input[name=movements]")
    assert boxes.count() >= 30 and page.locator("input[name=movements]:visible").count() == 0  # no wall
    groups = page.locator("[data-gs-choice-group]")
    assert 5 <= groups.count() <= 15
    height = page.locator(".gs-form__choice-groups").bounding_box()["height"]
    assert height < 844  # the closed groups fit on one phone screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    text = page.locator("[data-gs-form]").inner_text()
    for code in ("van-ban", "truc-tiep", "dien-tu", "(mã", "“title”", "“kind”"):
        assert code not in text, code
    assert page.locator("#gs-f-consent_method option").all_inner_texts()[1:] == [
        "Văn bản có chữ ký", "Trực tiếp, có biên bản", "Thư điện tử hoặc tin nhắn"]
    context.close()
