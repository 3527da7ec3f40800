"""Published images: upright, without metadata, responsive, cached; bad sources refused with coded errors."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from guongsang.cli import main
from guongsang.model.frontmatter import parse_text
from guongsang.model.validate import check_document
from guongsang.outputs import images
from support import ROOT, VALID

GPS = 0x8825
ORIENTATION = 0x0112


def rotated_jpeg_with_gps(path: Path, width: int = 1000, height: int = 600) -> Path:
    """A JPEG stored sideways (orientation 6: shown rotated 90° clockwise) with GPS, camera and ICC data.

    Stored image: red left half, blue right half. Shown upright it is portrait: red top, blue bottom.
    """
    img = Image.new("RGB", (width, height), (30, 60, 200))
    img.paste((220, 20, 20), (0, 0, width // 2, height))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "Hãng máy ảnh"  # Make
    exif[0x0110] = "Model X"
    exif.get_ifd(GPS).update({1: "N", 2: (21.0, 1.0, 2.0), 3: "E", 4: (105.0, 51.0, 3.0)})
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    img.save(path, "JPEG", quality=92, exif=exif.tobytes(), icc_profile=icc, comment=b"private note")
    reopened = Image.open(path)
    assert reopened.getexif()[ORIENTATION] == 6 and reopened.getexif().get_ifd(GPS)  # the fixture is what it says
    return path


def assert_clean_and_upright(path: Path, width: int, height: int) -> None:
    with Image.open(path) as img:
        img.load()
        assert img.size == (width, height), path
        assert not img.getexif(), f"{path.name} still carries EXIF"
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"):
            assert key not in img.info, f"{path.name} still carries {key}"
        rgb = img.convert("RGB")
        top = rgb.getpixel((width // 2, height // 5))
        bottom = rgb.getpixel((width // 2, height * 4 // 5))
        assert top[0] > 150 and top[2] < 100, (path.name, top)  # red on top: the image was turned upright
        assert bottom[2] > 150 and bottom[0] < 100, (path.name, bottom)
    raw = path.read_bytes()
    assert b"GPS" not in raw and b"Model X" not in raw and b"private note" not in raw


def test_inspect_reports_the_upright_size(tmp_path):
    source = rotated_jpeg_with_gps(tmp_path / "anh.jpg")
    assert images.inspect(source) == (600, 1000)


def test_renditions_are_upright_stripped_and_sized_for_phones(tmp_path):
    source = rotated_jpeg_with_gps(tmp_path / "anh.jpg")
    rendition = images.render(source, tmp_path / "cache")
    assert (rendition.width, rendition.height) == (600, 1000)
    assert "webp" in rendition.formats
    assert [v.width for v in rendition.of("webp")] == [320, 600]  # never wider than the source
    for variant in rendition.variants:
        assert_clean_and_upright(variant.file, variant.width, variant.height)
        assert variant.height == round(1000 * variant.width / 600)
    assert rendition.fallback(640).width == 600


def test_avif_is_written_when_pillow_supports_it(tmp_path):
    from PIL import features

    source = rotated_jpeg_with_gps(tmp_path / "anh.jpg")
    rendition = images.render(source, tmp_path / "cache")
    assert ("avif" in rendition.formats) == features.check("avif")
    assert rendition.formats[-1] == "webp"  # best first, WebP last (the <img> fallback)


def test_unchanged_images_are_never_processed_twice(tmp_path, monkeypatch):
    source = rotated_jpeg_with_gps(tmp_path / "anh.jpg")
    first = images.render_all([source], tmp_path / "cache")[source]

    def boom(*args, **kwargs):
        raise AssertionError("an unchanged image was encoded again")

    monkeypatch.setattr(images, "_encode", boom)
    copy = tmp_path / "elsewhere" / "same-content.jpg"
    copy.parent.mkdir()
    copy.write_bytes(source.read_bytes())
    again = images.render_all([source, copy], tmp_path / "cache")
    assert again[source] == first and again[copy] == first  # keyed by content, not by path
    source.write_bytes(source.read_bytes() + b"\0")  # a changed file is a different image
    with pytest.raises(AssertionError, match="encoded again"):
        images.render(source, tmp_path / "cache")


def test_output_is_deterministic(tmp_path):
    source = rotated_jpeg_with_gps(tmp_path / "anh.jpg")
    one = images.render(source, tmp_path / "a")
    two = images.render(source, tmp_path / "b")
    assert [v.file.read_bytes() for v in one.variants] == [v.file.read_bytes() for v in two.variants]


@pytest.mark.parametrize(("content", "code"), [
    (b"not an image at all", "GS042"),
    (b"GIF89a" + bytes(40), "GS042"),
])
def test_non_images_are_refused(tmp_path, content, code):
    path = tmp_path / "anh.jpg"
    path.write_bytes(content)
    with pytest.raises(images.ImageProblem) as problem:
        images.inspect(path)
    assert problem.value.code == code


def test_truncated_jpeg_is_refused_as_corrupt(tmp_path, monkeypatch):
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)  # as WeasyPrint leaves it once imported
    whole = rotated_jpeg_with_gps(tmp_path / "whole.jpg")
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(images.ImageProblem) as problem:
        images.inspect(cut)
    assert problem.value.code == "GS042" and "hỏng" in problem.value.message


def test_too_large_sources_are_refused(tmp_path, monkeypatch):
    source = rotated_jpeg_with_gps(tmp_path / "anh.jpg")
    monkeypatch.setattr(images, "MAX_BYTES", 1000)
    with pytest.raises(images.ImageProblem) as problem:
        images.inspect(source)
    assert problem.value.code == "GS044" and "MB" in problem.value.message
    monkeypatch.setattr(images, "MAX_BYTES", 10**9)
    monkeypatch.setattr(images, "MAX_PIXELS", 100_000)
    with pytest.raises(images.ImageProblem) as problem:
        images.inspect(source)
    assert problem.value.code == "GS044" and "điểm ảnh" in problem.value.message


def test_validation_reports_image_problems_at_the_src_line(tmp_path, ctx, monkeypatch):
    (tmp_path / "anh").mkdir()
    rotated_jpeg_with_gps(tmp_path / "anh" / "lon.jpg")
    (tmp_path / "anh" / "hong.jpg").write_bytes(b"\xff\xd8\xff\xe0 broken")
    text = VALID.replace("---\nBà Lan Anh", "images:\n  - src: anh/lon.jpg\n    alt: Ảnh lớn\n"
                         "  - src: anh/hong.jpg\n    alt: Ảnh hỏng\n---\nBà Lan Anh")
    file = tmp_path / "nguyen-thi-lan-anh.md"
    file.write_text(text, encoding="utf-8")
    monkeypatch.setattr(images, "MAX_PIXELS", 100_000)
    doc = parse_text(text, "nguyen-thi-lan-anh.md")
    assert check_document(doc, file, ctx) is None
    found = {(d.line, d.code) for d in doc.diagnostics}
    line_of = {src: text.splitlines().index(f"  - src: anh/{src}") + 1 for src in ("lon.jpg", "hong.jpg")}
    assert found == {(line_of["lon.jpg"], "GS044"), (line_of["hong.jpg"], "GS042")}
    assert all(d.message and d.message[0].islower() for d in doc.diagnostics)


def test_published_names_are_slugs_unique_within_a_record():
    assert images.published_names(["anh/Chân dung.jpg", "anh/chan-dung.png", "x/ảnh.webp"]) == [
        "chan-dung", "chan-dung-2", "anh"]


def test_placeholder_classes_are_in_the_stylesheet():
    css = (ROOT / "theme" / "assets" / "stylesheets" / "guongsang.css").read_text(encoding="utf-8")
    assert images.placeholder_css() in css
    assert images.placeholder(Image.new("RGB", (4, 4), (200, 150, 90))) == "c96"


@pytest.mark.slow
def test_a_build_publishes_only_clean_upright_renditions(tmp_path):
    records = tmp_path / "exemplars"
    (records / "anh").mkdir(parents=True)
    rotated_jpeg_with_gps(records / "anh" / "chan-dung.jpg")
    text = VALID.replace("---\nBà Lan Anh", "images:\n  - src: anh/chan-dung.jpg\n    alt: Chân dung bà Lan Anh\n"
                         "---\nBà Lan Anh")
    (records / "nguyen-thi-lan-anh.md").write_text(text, encoding="utf-8")
    out = tmp_path / "build"
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        assert main(["--root", str(ROOT), "build", "--exemplars", str(records), "--site-dir", str(out),
                     "--today", "2025-11-01"]) == 0
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
    folder = out / "guong" / "nguyen-thi-lan-anh"
    published = sorted(p.name for p in folder.iterdir() if p.name != "index.html")
    assert "chan-dung.jpg" not in published  # the source itself is never published
    renditions = [folder / name for name in published if name.startswith("chan-dung-")]
    assert {p.suffix for p in renditions} >= {".webp"} and len(renditions) >= 2
    for path in renditions:
        with Image.open(path) as img:
            assert_clean_and_upright(path, *img.size)
            assert img.height > img.width
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert 'width="600" height="1000"' in html and 'srcset="chan-dung-320.webp 320w, chan-dung-600.webp 600w"' in html
    card = Image.open(io.BytesIO((folder / "the-chia-se.jpg").read_bytes()))
    assert card.size == (1200, 630) and not card.getexif()
