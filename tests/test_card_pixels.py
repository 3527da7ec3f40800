"""Flat social cards are drawn in palette indices, only over the rows their text touches, and deflated in parts
(the rows above and below the text once per process): the pixels stay the ones the cards had when they were
drawn whole with Pillow, and the PNG is valid to the last checksum."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops

from guongsang.outputs import cards, cardtext, fonts
from support import ROOT

LINES = ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Phường Khương Đình, Thành phố Hà Nội")
HOST = "guongsang.github.io/guongsang"
DESCRIPTION = ("Những câu chuyện có thật về cá nhân, tập thể và hộ gia đình tiêu biểu trong các phong trào thi đua yêu "
               "nước, do các cơ quan thi đua – khen thưởng, Mặt trận Tổ quốc, đoàn thể và trường học ở cơ sở đề xuất.")
# The decoded pixels (RGB) of each card titled so, as the whole-canvas Pillow drawing made them (commit a65fd51).
TITLES = (
    "Nguyễn Thị Hồng Nhung",
    "Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp Xuân Phương",
    "Lò Thị Ỷ",
    "Tập thể Đội Thanh niên tình nguyện Trường Đại học Sư phạm Kỹ thuật Thành phố Hồ Chí Minh cơ sở Thủ Đức",
    "Tôn-Nữ-Hoàng-Phương-Thảo-Nguyên-Khánh-Linh-Trang-Đài-Các",
    DESCRIPTION,
)
PIXELS = dict(zip(TITLES, (
    "49f7dda6ad50a2e6dbf3b37c98c66165d7be51bdd8ef1cdb52e21d79ed84071c",
    "5d79d8968c2c88ec8d8384fc6b1f914701b776a7402a5a588a280f092d97172e",
    "755bbbd814f058a8b3335cb3b58df0b00dc2231c932f85271c6dd586f50dd805",
    "1c5b1b7a762ec5428d34c275540e5536ee21c2ea3bcc29059f0221836042d9ae",
    "281a1e46dbad700cbcd024b7879d6795c0135e2ba88dbd2972d6a6f0f3ddb1ee",
    "8f4a156375aadfab3c6da3ea6ac065f9c65c7314c726f497fc5ab1a3e85b58e0",
), strict=True))


@pytest.fixture(scope="module")
def font_files(tmp_path_factory) -> tuple[Path, Path]:
    cache = tmp_path_factory.mktemp("cache")
    return tuple(fonts.merged_font(ROOT / fonts.FONTS_DIR, weight, cache) for weight in (400, 700))


def card_of(title: str) -> cards.Card:
    if title == DESCRIPTION:
        return cards.Card(title, footer=HOST)
    return cards.Card(title, eyebrow="Tập thể · 2023", lines=LINES, footer=HOST, initials=title.split()[-1][0],
                      badge="Huân chương Lao động hạng Ba · 2024" if len(title) > 30 else "")


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """A PNG's chunks, each checked against its CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    found, at = [], 8
    while at < len(data):
        (size,), kind = struct.unpack(">I", data[at:at + 4]), data[at + 4:at + 8]
        body, (crc,) = data[at + 8:at + 8 + size], struct.unpack(">I", data[at + 8 + size:at + 12 + size])
        assert zlib.crc32(kind + body) == crc, kind
        found.append((kind, body))
        at += 12 + size
    return found


@pytest.mark.parametrize("title", PIXELS)
def test_a_flat_card_keeps_the_pixels_of_the_whole_canvas_drawing(font_files, title):
    decoded = Image.open(io.BytesIO(cards.render(card_of(title), *font_files))).convert("RGB")
    assert hashlib.sha256(decoded.tobytes()).hexdigest() == PIXELS[title]


@pytest.mark.parametrize("title", list(PIXELS)[:4])
def test_a_flat_cards_zlib_stream_is_whole_and_its_checksums_hold(font_files, title):
    """The parts deflated apart make one zlib stream: zlib inflates it to the end and checks its Adler-32."""
    data = cards.render(card_of(title), *font_files)
    found = chunks(data)
    assert [kind for kind, _ in found] == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]
    rows = zlib.decompress(found[2][1])
    assert len(rows) == cards.HEIGHT * (cards.WIDTH + 1)
    pixels = np.frombuffer(rows, np.uint8).reshape(cards.HEIGHT, cards.WIDTH + 1)
    assert not pixels[:, 0].any()  # every row's filter: none
    assert pixels[:, 1:].tobytes() == Image.open(io.BytesIO(data)).tobytes()


def test_text_drawn_over_text_is_composed_as_pillow_screens_it():
    levels = np.arange(256, dtype=np.uint8)
    under, over = np.repeat(levels, 256).reshape(256, 256), np.tile(levels, 256).reshape(256, 256)
    expected = ImageChops.screen(Image.fromarray(under), Image.fromarray(over))
    assert cards._screen(under, over).tobytes() == expected.tobytes()


def test_words_composed_once_and_placed_whole_give_the_line_composed_glyph_by_glyph(font_files, monkeypatch):
    """A line is put together from its words' masks (composed once per font); where words would touch, it is
    composed glyph by glyph. Both give the same mask at the same place."""
    texts = ["Nguyễn Thị Hồng Nhung", *LINES, "Tôn-Nữ Hoàng · 2025", "  hai  khoảng trắng  "]
    fonts_used = [cardtext.font_at(path, size) for path in font_files for size in (24, 30, 44, 68)]
    by_words = [cardtext.line_mask(text, font, anchor) for text in texts for font in fonts_used
                for anchor in ("la", "ls")]
    cardtext.line_mask.cache_clear()
    monkeypatch.setattr(cardtext, "_apart", lambda pieces: False)
    by_glyphs = [cardtext.line_mask(text, font, anchor) for text in texts for font in fonts_used
                 for anchor in ("la", "ls")]
    cardtext.line_mask.cache_clear()
    for (mask, dx, dy), (glyphs, gx, gy) in zip(by_words, by_glyphs, strict=True):
        assert (dx, dy) == (gx, gy) and mask.tobytes() == glyphs.tobytes() and mask.shape == glyphs.shape


def test_words_touch_when_their_boxes_overlap():
    ink = np.full((4, 5), 255, np.uint8)
    assert cardtext._apart([(ink, 0, 0), (ink, 5, 2)]) and cardtext._apart([(ink, 5, 0), (ink, 0, 0)])
    assert not cardtext._apart([(ink, 0, 0), (ink, 4, 0)])
