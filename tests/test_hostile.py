"""The hostile corpus (tests/fixtures/hostile): every refused input has its coded message; the valid-but-hostile
records build, and nothing private, withdrawn or unpublished reaches any file of the built site."""

from __future__ import annotations

import gzip
import html
import os
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import escape

from guongsang.model.privacy import private_values
from guongsang.model.validate import load_exemplars
from guongsang.project import Settings, load
from guongsang.site.derive import WITHDRAWN_TITLE
from support import FIXTURES, ROOT, TODAY, build, digest

HOSTILE = FIXTURES / "hostile"
VALID, REFUSED = HOSTILE / "valid", HOSTILE / "refused"
R = "tests/fixtures/hostile/refused/"

# Every refused record and the codes it must get (and no others).
EXPECTED = {
    "a/nguyen-van-an.md": set(),  # the first of two "Nguyễn Văn An": kept
    "b/nguyen-van-an.md": {"GS060"},
    "anh-lien-ket.md": {"GS043"},
    "anh-ra-ngoai.md": {"GS043"},
    "anh-tuyet-doi.md": {"GS043"},
    "bom-tham-chieu.md": {"GS003"},
    "cccd-du-cho-phep.md": {"GS055"},
    "cccd-trong-tom-tat.md": {"GS055"},
    "cho-phep-sai-truong.md": {"GS012"},
    "chua-danh-dau-vi-thanh-nien.md": {"GS052"},
    "cmnd-trong-truyen.md": {"GS055"},
    "dao-chieu-van-ban.md": {"GS006"},
    "dien-thoai-quoc-te.md": {"GS056"},
    "dien-thoai-thanh-tich.md": {"GS056"},
    "dong-qua-dai.md": {"GS007"},
    "dong-y-tuong-lai.md": {"GS014"},
    "ho-so-lien-ket.md": {"GS043"},
    "khong-utf8.md": {"GS001"},
    "ky-tu-nul.md": {"GS006"},
    "lo-gia-tri-rieng.md": {"GS054"},
    "long-nhau-danh-sach.md": {"GS007"},
    "long-nhau-sau.md": {"GS003"},
    "ngoac-vuong-benh-hoan.md": {"GS007"},
    "rac-nhi-phan.md": {"GS001"},
    "so-toan-khoang.md": {"GS056"},
    "tep-rong.md": {"GS002"},
    "the-yaml-nguy-hiem.md": {"GS003"},
    "thieu-dong-y.md": {"GS050"},
    "thu-dien-tu.md": {"GS057"},
    "thut-le-tab.md": {"GS003"},
    "trang-2.md": {"GS060"},
    "truong-lap-lai.md": {"GS004"},
    "vi-thanh-nien-thieu-giam-ho.md": {"GS051"},
}


def test_corpus_is_large_enough():
    records = list(VALID.rglob("*.md")) + list(REFUSED.rglob("*.md"))
    assert len(records) >= 40


def test_every_refused_input_has_its_coded_message(ctx):
    result = load_exemplars(REFUSED, ctx)
    found: dict[str, set[str]] = {}
    for d in result.diagnostics:
        found.setdefault(d.path.removeprefix(R), set()).add(d.code)
        assert d.message and d.line >= 1 and d.col >= 1
        assert "Traceback" not in d.message
    assert {k: v for k, v in found.items() if v} == {k: v for k, v in EXPECTED.items() if v}
    assert result.files == len(EXPECTED)
    assert [e.source for e in result.exemplars] == [R + "a/nguyen-van-an.md"]


def test_personal_values_are_masked_in_messages(ctx):
    """CI logs are public: a message names the kind of number and a masked value, never the number."""
    text = "\n".join(d.message for d in load_exemplars(REFUSED, ctx).diagnostics)
    for number in ("001099000011", "012345678", "900 000 012", "0900.000.013", "nguoi-tot-014@", "Kín Đáo Lắm"):
        assert number not in text


def test_huge_file_is_refused(ctx, tmp_path):
    (tmp_path / "qua-lon.md").write_bytes(b"---\ntitle: x\n---\n" + b"a" * 1_100_000)
    assert [d.code for d in load_exemplars(tmp_path, ctx).diagnostics] == ["GS013"]


def test_valid_hostile_records_pass_with_warnings_only(ctx):
    result = load_exemplars(VALID, ctx)
    assert {d.severity for d in result.diagnostics} == {"warning"}
    assert {d.code for d in result.diagnostics} == {"GS090", "GS091"}
    assert sorted(w.slug for w in result.withdrawn) == ["da-go-theo-yeu-cau", "go-chi-con-co"]


# -- the built site ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "build"
    assert build(out, "--exemplars", str(VALID)) == 0
    return out


@pytest.fixture(scope="module")
def loaded():
    return load(Settings.at(ROOT, VALID, today=TODAY))


def read_all(site: Path) -> dict[str, str]:
    """Every file under ``site`` as text: gzip (Pagefind's files, sitemap.xml.gz) decompressed first, binary
    files (images, WebAssembly) decoded leniently so their bytes can still be searched."""
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        out[str(path.relative_to(site))] = data.decode("utf-8", errors="replace")
    return out


def forms(value: str) -> set[str]:
    """How a value could appear in output: as written, HTML-escaped, and for numbers their bare digits."""
    found = {value, html.escape(value), html.escape(value, quote=False), str(escape(value))}
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) >= 9 and len(digits) >= len(value.replace(" ", "").replace(".", "")) - 1:
        found.add(digits)
    return found


# Metadata written into the fixture images (tests/fixtures/hostile/valid/anh), and words only unpublished
# records (withdrawn, draft) contain.
IMAGE_SECRETS = ["Nguyen Exif Bi Mat", "0900000001", "001099000123", "exif-private@example.com", "0900000002",
                 "Png Bi Mat", "dia chi rieng tu cua png"]
UNPUBLISHED = ["Zyxwv", "Hoàng Văn Đã Gỡ Kín", "Qwerty", "Phan Văn Nháp"]


def test_no_private_value_appears_anywhere_under_build(built, loaded):
    # A minor's year of birth ("2013") is too short to search for; the page test below checks it is not shown.
    secrets = [value for record in loaded.records for _, value in private_values(record) if len(value) >= 6]
    assert len(secrets) >= 10
    assert {"0900 000 004", "001099000004", "Bà Phạm Thị Giám Hộ, mẹ", "2013-05-17"} <= set(secrets)
    files = read_all(built)
    assert any(name.endswith(".pf_fragment") for name in files)  # the search index was searched too
    leaks = [(value, name) for value in [*secrets, *IMAGE_SECRETS, *UNPUBLISHED]
             for form in forms(value) for name, text in files.items() if form in text]
    assert leaks == []


def test_a_minors_birth_year_and_school_are_not_shown(built):
    page = (built / "guong" / "hoc-sinh-nho-tuoi" / "index.html").read_text(encoding="utf-8")
    assert "Lê Thị Nhỏ" in page and "Năm sinh" not in page and "Trường, lớp" not in page
    adult = (built / "guong" / "thong-tin-rieng" / "index.html").read_text(encoding="utf-8")
    assert "<dt>Năm sinh</dt><dd>1980</dd>" in adult


def test_withdrawn_records_answer_with_a_notice_and_appear_nowhere_else(built):
    files = read_all(built)
    for slug in ("da-go-theo-yeu-cau", "go-chi-con-co"):
        notice = files[f"guong/{slug}/index.html"]
        assert WITHDRAWN_TITLE in notice and '<meta name="robots" content="noindex">' in notice
        elsewhere = [name for name, text in files.items() if slug in text and not name.startswith(f"guong/{slug}/")]
        assert elsewhere == []  # not in lists, sitemap, search index or any other page
    assert "ban-nhap-chua-dang" not in "".join(files)  # nor the draft


def test_hostile_text_is_shown_as_text(built):
    page = (built / "guong" / "xss-the-script" / "index.html").read_text(encoding="utf-8")
    assert str(escape('Nguyễn <script>alert("xss-1")</script>')) in page
    assert '<script>alert("xss-1")' not in page
    jinja = (built / "guong" / "xss-mau-jinja" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in jinja and "4949" not in jinja  # a template tag in a record is never evaluated


def test_images_are_published_without_metadata(built):
    from PIL import Image

    # Only re-encoded renditions are published (guongsang.outputs.images), never the source files.
    assert not (built / "guong" / "thong-tin-rieng" / "co-exif.jpg").exists()
    assert not (built / "guong" / "xss-the-script" / "minh-hoa.png").exists()
    for folder, stem in (("thong-tin-rieng", "co-exif"), ("xss-the-script", "minh-hoa")):
        published = sorted((built / "guong" / folder).glob(f"{stem}-*.*"))
        assert published, folder
        for path in published:
            with Image.open(path) as img:
                assert dict(img.getexif()) == {} and not {"comment", "Author", "Comment", "exif", "xmp"} & set(img.info)


def test_bom_crlf_and_nfd_are_published_as_nfc(built):
    page = (built / "guong" / "bom-crlf-nfd" / "index.html").read_text(encoding="utf-8")
    assert "Đặng Thị Khánh Hòa" in page and "\r" not in page


def test_two_clean_builds_are_byte_identical(tmp_path):
    """Each build in its own fresh process (state left by other tests in this one must not count), with a
    different hash seed, time zone and date source."""
    base = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    runs = {"first": (base, ["--today", TODAY.isoformat()]),
            "again": (base | {"PYTHONHASHSEED": "12345", "TZ": "Asia/Ho_Chi_Minh",
                              "SOURCE_DATE_EPOCH": "1761955200"}, [])}  # 2025-11-01
    for name, (env, date) in runs.items():
        command = [sys.executable, "-m", "guongsang.cli", "--root", str(ROOT), "build", "--no-cache", "--exemplars",
                   str(VALID), "--site-dir", str(tmp_path / name), *date]
        proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-2000:]
    assert digest(tmp_path / "again") == digest(tmp_path / "first")


def test_every_code_the_checks_emit_is_documented():
    """The error-code page lists every code: a code emitted anywhere must be in diagnostics.CODES."""
    import re

    from guongsang.model.diagnostics import CODES

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "guongsang").glob("*.py"))
    assert set(re.findall(r'"(GS\d{3})"', source)) <= set(CODES)
