"""Personal data in public text, the public view of a record, and images published without their metadata."""

import dataclasses
import io

import pytest
from PIL import Image

from guongsang.model.frontmatter import parse_text
from guongsang.model.privacy import find_personal_data, private_values, public, scrub_image
from guongsang.model.validate import check_document
from guongsang.site.derive import build_site


@pytest.mark.parametrize(("text", "kind", "found"), [
    ("CCCD của anh: 001099000123.", "id", "001099000123"),
    ("số căn cước 001 099 000 123 cấp 2021", "id", "001 099 000 123"),
    ("CMND 012345678", "id", "012345678"),
    ("Gọi 0900 000 000 nhé", "phone", "0900 000 000"),
    ("điện thoại 0900.000.001", "phone", "0900.000.001"),
    ("hotline +84 900 000 002", "phone", "+84 900 000 002"),
    ("máy bàn (024) 3000 0003", "phone", "(024) 3000 0003"),
    ("số cũ 01200000004", "phone", "01200000004"),
    ("số ０９００ ０００ ００５ viết toàn khoảng", "phone", "０９００ ０００ ００５"),
    ("số 0900\u200b000\u200b006 có ký tự ẩn", "phone", "0900\u200b000\u200b006"),
    ("thư: ban-doc.07@example.com.", "email", "ban-doc.07@example.com"),
])
def test_personal_numbers_and_addresses_are_found_where_they_stand(text, kind, found):
    hits = find_personal_data(text)
    assert [h.kind for h in hits] == [kind], hits
    assert text[hits[0].start:hits[0].end] == found


@pytest.mark.parametrize("text", [
    "Vận động 3.000 đầu sách, quyên góp 120.000.000 đồng trong năm 2023.",
    "Quyết định số 1234/QĐ-UBND ngày 20/05/2023.",
    "Giai đoạn 2021 - 2025, 84 hộ gia đình tham gia.",
    "Tổng đài 1900 1234 của ngân hàng",
    "Mã số thuế 0101234567-001",
    "Diện tích 0,5 ha; năng suất 12,5 tấn.",
])
def test_ordinary_numbers_are_left_alone(text):
    assert find_personal_data(text) == []


def test_messages_show_only_a_masked_value():
    (phone,) = find_personal_data("0900 000 123")
    (mail,) = find_personal_data("ban-doc@example.com")
    assert phone.masked == "090•••••23" and mail.masked == "ba•••@example.com"


MINOR = """---
title: Cô học trò nhặt được của rơi
name: Lê Thị Nhỏ
kind: cá nhân
movements: [nguoi-tot-viec-tot]
field: van-hoa-co-so
locality: phường Khương Trung, quận Thanh Xuân, Hà Nội
unit: UBND phường Khương Trung
year: 2024
summary: Em nhặt được chiếc ví có nhiều tiền và mang đến công an phường trả người đánh rơi.
minor: true
born: 2013-05-17
school: Trường Tiểu học Hư Cấu, lớp 5A
private:
  phone: "0900 000 005"
  notes: chỉ văn phòng được đọc
consent:
  by: Em Lê Thị Nhỏ
  date: 2024-03-18
  method: van-ban
  guardian: Bà Phạm Thị Giám Hộ, mẹ
---
Em đưa chiếc ví đến công an phường.
"""


def test_public_view_has_no_private_values(ctx, tmp_path, catalog, gaz):
    doc = parse_text(MINOR, "le-thi-nho.md")
    full = check_document(doc, tmp_path / "le-thi-nho.md", ctx)
    assert full is not None, doc.diagnostics
    secrets = dict(private_values(full))
    assert secrets["private.phone"] == "0900 000 005" and secrets["consent.guardian"].startswith("Bà Phạm")
    assert full.born == 2013 and full.school
    shown = public(full)
    assert shown.private == () and shown.consent is None and shown.born is None and shown.school == ""
    assert list(private_values(shown)) == []
    site = build_site([full], catalog, gaz)
    assert site.exemplars == [shown] and site.by_slug["le-thi-nho"] == shown
    adult = public(dataclasses.replace(full, minor=False))
    assert adult.born == 2013 and adult.school  # an adult's birth year and school may be shown


def test_minor_needs_a_guardian_and_a_birth_date_reveals_a_minor(ctx, tmp_path):
    doc = parse_text(MINOR.replace("  guardian: Bà Phạm Thị Giám Hộ, mẹ\n", ""), "x.md")
    assert check_document(doc, tmp_path / "x.md", ctx) is None
    assert [d.code for d in doc.diagnostics] == ["GS051"]
    doc = parse_text(MINOR.replace("minor: true\n", ""), "x.md")
    assert check_document(doc, tmp_path / "x.md", ctx) is None
    assert [d.code for d in doc.diagnostics] == ["GS052"]
    doc = parse_text(MINOR.replace("Em đưa chiếc ví", "Em học lớp 5A, sinh năm 2013, đưa chiếc ví"), "x.md")
    assert check_document(doc, tmp_path / "x.md", ctx) is not None
    assert {d.code for d in doc.diagnostics} == {"GS053"}  # a warning: published, but the editor is told
    doc = parse_text(MINOR.replace("Em đưa chiếc ví", "Em sinh ngày 17/05/2013, đưa chiếc ví"), "x.md")
    assert check_document(doc, tmp_path / "x.md", ctx) is None
    assert "GS054" in {d.code for d in doc.diagnostics}  # the hidden birth date itself, repeated: refused


def test_allow_public_lets_a_hotline_through_but_never_an_id(ctx, tmp_path):
    story = MINOR.replace("Em đưa chiếc ví đến công an phường.", "Đường dây nóng 0900 000 006.")
    doc = parse_text(story, "x.md")
    check_document(doc, tmp_path / "x.md", ctx)
    assert [d.code for d in doc.diagnostics] == ["GS056"]
    doc = parse_text(story.replace("minor: true", "minor: true\nallow_public: [story]"), "x.md")
    assert check_document(doc, tmp_path / "x.md", ctx) is not None, doc.diagnostics
    doc = parse_text(story.replace("0900 000 006", "CCCD 001099000006").replace("minor: true",
                                                                                  "minor: true\nallow_public: [story]"),
                     "x.md")
    check_document(doc, tmp_path / "x.md", ctx)
    assert [d.code for d in doc.diagnostics] == ["GS055"]


def _exif_jpeg(orientation: int) -> bytes:
    img = Image.new("RGB", (40, 20), (10, 200, 30))
    exif = img.getexif()
    exif[0x013B] = "Nguoi Chup 0900000009"
    exif[0x0112] = orientation
    exif.get_ifd(0x8825)[2] = (21.0, 1.0, 0.0)  # GPS latitude
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes(), comment=b"bi mat 0900000010")
    return buf.getvalue()


@pytest.mark.parametrize("orientation", [1, 6])
def test_jpeg_metadata_is_removed_but_orientation_kept(tmp_path, orientation):
    path = tmp_path / "a.jpg"
    path.write_bytes(_exif_jpeg(orientation))
    clean = scrub_image(path)
    assert b"0900000009" not in clean and b"0900000010" not in clean
    with Image.open(io.BytesIO(clean)) as img:
        img.load()
        exif = img.getexif()
        assert img.size == (40, 20)
        assert exif.get(0x0112, 1) == orientation and 0x013B not in exif and not exif.get_ifd(0x8825)
    assert scrub_image(path) == clean


def test_png_and_webp_metadata_is_removed(tmp_path):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "bi mat 0900000011")
    Image.new("RGB", (8, 8)).save(tmp_path / "a.png", pnginfo=info)
    assert b"0900000011" in (tmp_path / "a.png").read_bytes()
    clean = scrub_image(tmp_path / "a.png")
    assert b"0900000011" not in clean
    Image.open(io.BytesIO(clean)).load()
    exif = Image.Exif()
    exif[0x013B] = "bi mat 0900000012"
    Image.new("RGB", (8, 8)).save(tmp_path / "a.webp", exif=exif.tobytes())
    clean = scrub_image(tmp_path / "a.webp")
    assert b"0900000012" not in clean
    Image.open(io.BytesIO(clean)).load()
