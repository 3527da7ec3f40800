"""Social cards and posters: Vietnamese text rendered intact, right size, deterministic."""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFont

from guongsang.outputs import cards, cardtext, fonts, media, posters
from guongsang.project import Settings, load
from support import ROOT, TODAY

REFERENCE = ROOT / "tests" / "fixtures" / "cards" / "the-chia-se.png"
NAME = "Nguyễn Thị Hồng Nhung"
LINES = ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Phường Khương Đình, Thành phố Hà Nội")


@pytest.fixture(scope="module")
def font_files(tmp_path_factory) -> tuple[Path, Path]:
    cache = tmp_path_factory.mktemp("cache")
    return tuple(fonts.merged_font(ROOT / fonts.FONTS_DIR, weight, cache) for weight in (400, 700))


@pytest.fixture(scope="module")
def site():
    return load(Settings.at(ROOT, today=TODAY)).site


def sample_card() -> cards.Card:
    return cards.Card(NAME, eyebrow="Cá nhân · 2024", lines=LINES, footer="guongsang.github.io/guongsang",
                      initials="N")


def test_merged_font_covers_every_vietnamese_letter(font_files):
    from fontTools.ttLib import TTFont

    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    tones = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    everything = letters + letters.upper() + tones + tones.upper() + "0123456789 .,;:–—“”…·"
    for path in font_files:
        cmap = TTFont(path).getBestCmap()
        assert [ch for ch in everything if ord(ch) not in cmap] == [], path.name


def test_tone_marks_render_as_distinct_glyphs(font_files):
    font = ImageFont.truetype(str(font_files[1]), 60, layout_engine=ImageFont.Layout.BASIC)

    def ink(text: str) -> bytes:
        img = Image.new("L", (200, 120))
        from PIL import ImageDraw

        ImageDraw.Draw(img).text((20, 10), text, font=font, fill=255)
        return img.tobytes()

    shapes = [ink(ch) for ch in "eêếềểễệ"]
    assert len(set(shapes)) == len(shapes)  # no tofu box repeated, every mark drawn


def test_social_card_matches_the_reference_render(font_files):
    data = cards.render(sample_card(), *font_files)
    card = Image.open(io.BytesIO(data))
    assert card.format == "PNG" and card.mode == "P" and card.size == (1200, 630)  # no photo: flat colours
    assert cards.suffix(sample_card()) == ".png" and len(data) < 40_000
    assert data == cards.render(sample_card(), *font_files)  # deterministic
    small = card.convert("RGB").resize((600, 315), Image.Resampling.BOX)
    if not REFERENCE.exists():  # first run on a new layout: write the reference, then look at it
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        small.save(REFERENCE)
    reference = Image.open(REFERENCE).convert("RGB")
    diff = ImageChops.difference(small, reference).convert("L")
    mean = sum(i * n for i, n in enumerate(diff.histogram())) / (600 * 315)
    assert mean < 2.0, f"the card differs from {REFERENCE.name} (mean difference {mean:.2f})"
    # …and it is not a plain canvas: the name's region carries text.
    other = cards.render(cards.Card("Nguyen Thi Hong Nhung", eyebrow="Cá nhân · 2024", lines=LINES,
                                    footer="guongsang.github.io/guongsang", initials="N"), *font_files)
    assert ImageChops.difference(card.convert("RGB"), Image.open(io.BytesIO(other)).convert("RGB")).getbbox()


def test_widths_summed_from_glyph_advances_equal_pillows_own(font_files):
    """``cards.length`` (what the card wraps by) is ``getlength`` exactly, so no line breaks elsewhere."""
    texts = [NAME, *LINES, "Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp Xuân Phương…", "ĐỨC Đức đức", "Ỷ Ỹ ỵ · 2025"]
    for path in font_files:
        for size in (26, 30, 44, 50, 56, 62, 68):
            font = ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)
            for text in texts:
                assert cards.length(text, font) == font.getlength(text), (path.name, size, text)


def test_lines_stamped_from_cached_masks_give_the_pixels_direct_drawing_gives(font_files, monkeypatch):
    """A recurring line is rasterised once and pasted after that: the card must not change by a pixel."""
    from PIL import ImageDraw

    def direct(canvas, xy, text, font, fill, anchor="la"):
        ImageDraw.Draw(canvas).text(xy, text, font=font, fill=fill, anchor=anchor)

    made = [dataclasses.replace(card, photo=None) for card in stacked_cards()]
    stamped = [cards.draw(card, *font_files).tobytes() for card in made * 2]  # the second round from cached masks
    monkeypatch.setattr(cards, "_text", direct)
    assert stamped == [cards.draw(card, *font_files).tobytes() for card in made * 2]


def test_lines_composed_from_glyphs_are_the_pixels_pillow_draws(font_files, monkeypatch):
    """A line is composed from glyphs rasterised once per font: every Vietnamese letter, tone mark and sign, in
    both weights at every size a card uses, at both anchors, gives exactly the coverage Pillow draws for the
    whole line — where two glyphs overlap too."""
    from PIL import ImageDraw

    overlaps = []
    over = cardtext._over
    monkeypatch.setattr(cardtext, "_over", lambda under, glyph: overlaps.append(1) or over(under, glyph))
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    tones = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    texts = [letters, letters.upper(), tones, tones.upper(), "0123456789 .,;:–—“”…· ĐỨC Ỷ Ỹ", NAME, *LINES,
             "Đội sơ cứu tình nguyện", "Chi hội Cựu chiến binh", "tre đan Phú Hữu"]
    for path in font_files:
        for size in (26, 30, 44, 50, 56, 62, 68):
            font = cardtext.font_at(path, size)
            for text in texts:
                for anchor in ("la", "ls"):
                    drawn = Image.new("L", (1600, 200))
                    ImageDraw.Draw(drawn).text((20, 100), text, font=font, fill=255, anchor=anchor)
                    composed = Image.new("L", (1600, 200))
                    mask, dx, dy = cardtext.line_mask(text, font, anchor)
                    composed.paste(255, (20 + dx, 100 + dy), Image.fromarray(mask))
                    assert composed.tobytes() == drawn.tobytes(), (path.name, size, anchor, text)
    assert overlaps


def stacked_cards() -> list[cards.Card]:
    """Cards whose names wrap; the second one's tone marks reach into the descenders of the line above."""
    return [cards.Card(name, eyebrow="Tập thể · 2023", lines=LINES, footer="guongsang.github.io/guongsang",
                       initials=name.split()[-1][0])
            for name in (NAME, "Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp Xuân Phương", "Lò Thị Ỷ")]


def test_a_flat_card_drawn_in_palette_indices_is_the_card_as_drawn_within_a_few_levels(font_files, monkeypatch):
    """A flat card is drawn straight in its palette (each inked pixel the blend step of its coverage, lines
    that touch composed, not overwritten): the PNG differs from the card Pillow draws in full colour by at most
    a few levels anywhere, and is deterministic."""
    composed = []
    screen = cards._screen
    monkeypatch.setattr(cards, "_screen", lambda a, b: composed.append(1) or screen(a, b))
    for card in stacked_cards():
        data = cards.render(card, *font_files)
        assert data == cards.render(card, *font_files)
        flat = Image.open(io.BytesIO(data))
        assert flat.format == "PNG" and flat.mode == "P"
        drawn = cards.draw(card, *font_files)
        assert max(band[1] for band in ImageChops.difference(flat.convert("RGB"), drawn).getextrema()) <= 12
    assert composed  # the touching lines were met


def test_the_png_encoder_keeps_every_pixel_and_the_palette(font_files):
    """Flat cards are deflated by zlib-ng through the project's own PNG writer: Pillow reads back the same
    indices and colours."""
    canvas = cards._flat_base("Gương sáng", "guongsang.github.io/guongsang", font_files[1], "Ư").copy()
    canvas.paste(37, (10, 20, 400, 300))
    decoded = Image.open(io.BytesIO(cards.encode_png(canvas)))
    decoded.load()
    assert decoded.mode == "P" and decoded.size == canvas.size and decoded.tobytes() == canvas.tobytes()
    count = len(cards._colours())
    assert decoded.getpalette()[: 3 * count] == canvas.getpalette()[: 3 * count]


def test_a_card_with_a_photo_is_a_jpeg(font_files, tmp_path):
    photo = tmp_path / "anh.jpg"
    Image.new("RGB", (800, 900), (40, 120, 90)).save(photo)
    with_photo = dataclasses.replace(sample_card(), photo=photo)
    assert cards.suffix(with_photo) == ".jpg"
    assert Image.open(io.BytesIO(cards.render(with_photo, *font_files))).format == "JPEG"


def test_exemplar_card_says_name_movement_and_locality(site):
    exemplar = next(e for e in site.exemplars if e.image and e.locality.ward)
    card = media.exemplar_card(exemplar, "Gương sáng", "guongsang.github.io/guongsang")
    assert card.title == exemplar.name and card.photo == exemplar.image.path
    assert exemplar.movements[0].label in card.lines[0]
    assert card.lines[1] == exemplar.locality.current_label


@pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"),
                    reason="pdftotext (poppler-utils) not installed")
def test_poster_pdf_text_extracts_intact_in_vietnamese(site, tmp_path):
    exemplar = next(e for e in site.exemplars if e.image and e.awards and len(e.achievements) >= 2)
    made = posters.render_posters([exemplar], "Gương sáng", "https://guongsang.github.io/guongsang/",
                                  tmp_path / "cache", ROOT / "theme")
    pdf = made[exemplar.slug]
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    for expected in (exemplar.name, exemplar.achievements[0], exemplar.awards[0].form.label,
                     "Quét mã để đọc toàn bộ câu chuyện",
                     f"https://guongsang.github.io/guongsang/guong/{exemplar.slug}/"):
        assert " ".join(expected.split()) in flat, expected
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    info = dict(line.split(":", 1) for line in pages.splitlines() if ":" in line)
    assert info["Pages"].strip() == "1" and "(A4)" in info["Page size"]
    assert info["Title"].strip() == f"{exemplar.name} — Gương sáng"
    again = posters.render_posters([exemplar], "Gương sáng", "https://guongsang.github.io/guongsang/",
                                   tmp_path / "other-cache", ROOT / "theme")[exemplar.slug]
    assert again.read_bytes() == pdf.read_bytes()  # deterministic: same record, same bytes


def test_poster_command_writes_pdfs(root, tmp_path, site):
    from guongsang.cli import main

    slug = site.exemplars[0].slug
    assert main(["--root", str(root), "poster", "khong-co-ai"]) == 1
    assert main(["--root", str(root), "poster"]) == 2
    assert main(["--root", str(root), "poster", slug, "--out", str(tmp_path), "--today", "2025-11-01"]) == 0
    assert (tmp_path / f"{slug}.pdf").read_bytes().startswith(b"%PDF")


def test_poster_of_a_draft_says_it_is_a_draft(root, tmp_path, capsys):
    from guongsang.cli import main

    assert "draft: true" in (root / "exemplars" / "ha-noi" / "nguyen-quoc-bao.md").read_text("utf-8")
    assert main(["--root", str(root), "poster", "nguyen-quoc-bao", "--output", str(tmp_path),
                 "--today", "2025-11-01"]) == 1
    err = capsys.readouterr().err
    assert "bản nháp (draft: true)" in err and "nguyen-quoc-bao" in err and "Không có gương" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_posters_option_publishes_a_pdf_and_a_link_beside_each_page(tmp_path):
    import yaml

    from guongsang.mkdocs.build import build_site_dir

    records = tmp_path / "exemplars"
    records.mkdir()
    from support import VALID

    (records / "nguyen-thi-lan-anh.md").write_text(VALID, encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "content")
    config["theme"]["custom_dir"] = str(ROOT / "theme")
    config["plugins"] = [{"guongsang": {"posters": True, "search": False}}]
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    loaded = load(Settings.at(ROOT, records, today=TODAY, contests=None))
    out = tmp_path / "site"
    build_site_dir(loaded, config_file, out)
    folder = out / "guong" / "nguyen-thi-lan-anh"
    assert (folder / "ap-phich.pdf").read_bytes().startswith(b"%PDF")
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="ap-phich.pdf" download' in html and "Áp phích A4 (PDF)" in html


def test_shipped_merged_fonts_are_what_merging_the_theme_fonts_gives():
    """The merged fonts in the package (so builds need not merge) are byte for byte the theme's subsets merged."""
    from guongsang.outputs import fonts

    theme_fonts = ROOT / "theme" / "assets" / "fonts"
    for weight in fonts.WEIGHTS:
        path = fonts.merged_font(theme_fonts, weight)
        assert path.parent == fonts.SHIPPED, weight
        assert path.read_bytes() == fonts._merge(fonts.subset_files(theme_fonts, weight))
    assert len(list(fonts.SHIPPED.glob("*.ttf"))) == len(fonts.WEIGHTS)  # no stale font left behind
