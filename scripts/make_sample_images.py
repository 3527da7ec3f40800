#!/usr/bin/env python3
"""Generate the illustrations used by the sample exemplar records.

Every image listed under ``images:`` in a record's front matter is drawn here: a scene (a street, hills, a
coast, fields or a sunrise, laid out at random per image) in the tones of one colour, and a pictogram in the
foreground — or, for "nhiều …", a group of small pictograms, each in its own colour, size and tilt (a row of
books is a shelf of books of different colours and heights). Nothing is a photo and no person is drawn. The
record's ``alt`` text is the drawing's specification, so what the alt says is what the picture shows:

* the pictogram comes from the words after "minh họa" (``cuốn sách mở``, ``tấm khiên``, ``trái tim`` …);
  "nhiều … xếp thành hàng/lưới" draws a row or grid of small ones;
* the scene from "giữa dãy phố", "giữa đồi núi", "bên bờ biển", "giữa cánh đồng" or "dưới nắng sớm";
* the colour from the words after "tông" or "nền" (``cam ấm``, ``xanh biển nhạt`` …).

Where the alt says none of these, the record's ``field`` chooses the pictogram and colour, and the image's path
the scene. Output is deterministic (fixed seed, derived per image from its path; no network, no downloaded
fonts): 640×480 JPEG, quality 78, lowered step by step only if a file would exceed 40 KB.

Usage (from the project root)::

    .venv/bin/python scripts/make_sample_images.py            # write every referenced image
    .venv/bin/python scripts/make_sample_images.py --check    # only report missing images and sizes
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import unicodedata
import zlib
from pathlib import Path

import yaml
from PIL import Image, ImageChops, ImageDraw, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_scenes import SCENE_WORDS, SCENES, draw_scene

SEED = 20250701
WIDTH, HEIGHT = 640, 480
SCALE = 2  # drawn at twice the size, then reduced: smooth edges without antialiasing support in ImageDraw
QUALITY = 78
MAX_BYTES = 40 * 1024
CREAM = (255, 248, 236)
# The colours of the small pictograms of a group, mixed into the image's colour: no two neighbours alike.
GROUP_TINTS = [(214, 64, 60), (56, 120, 190), (240, 180, 40), (70, 150, 90), (150, 90, 170), (236, 120, 60),
               (40, 150, 150), (200, 90, 130)]

# -- colours ---------------------------------------------------------------------------------------
# Colour words of the alt texts ("nền cam ấm", "nền xanh biển nhạt"); longer names first when matching.
COLOURS = {
    "xanh lá": (96, 160, 88),
    "xanh lam": (72, 128, 190),
    "xanh dương": (70, 120, 196),
    "xanh biển": (56, 138, 182),
    "xanh ngọc": (48, 164, 158),
    "xanh rêu": (104, 126, 70),
    "xanh thông": (52, 116, 88),
    "xanh tím": (100, 96, 180),
    "xanh": (70, 150, 130),
    "thanh long": (222, 64, 124),
    "san hô": (244, 118, 96),
    "mật ong": (228, 162, 40),
    "cam": (240, 140, 60),
    "vàng": (240, 192, 72),
    "hồng": (236, 122, 142),
    "đỏ": (208, 72, 60),
    "tím": (142, 100, 172),
    "nâu": (152, 100, 62),
    "cát": (226, 190, 132),
    "thép": (150, 140, 140),
    "đào": (246, 168, 128),
    "đất": (172, 98, 58),
    "đồng": (192, 112, 60),
    "dâu": (222, 62, 84),
    "cỏ": (132, 172, 72),
    "lúa": (226, 190, 90),
    "nắng": (250, 200, 80),
    "biển": (60, 140, 184),
    "ngọc": (60, 170, 160),
    "lá": (96, 160, 88),
    "non": (150, 200, 100),
}
LIGHTEN = {"nhạt": 0.30, "non": 0.12}
FIELD_COLOURS = {
    "kinh-te-ho-gia-dinh": "vàng cam",
    "san-xuat-kinh-doanh": "cam đồng",
    "van-hoa-co-so": "xanh lá ấm",
    "nong-thon-moi": "vàng lúa",
    "giao-duc-dao-tao": "cam ấm",
    "y-te": "đỏ hồng",
    "hoc-tap-lam-theo-bac": "đỏ cam",
    "quoc-phong-an-ninh": "xanh rêu ấm",
    "nguoi-tot-viec-tot": "hồng đào",
    "thanh-nien-khoi-nghiep": "cam vàng",
    "cai-cach-hanh-chinh": "xanh ngọc ấm",
    "cong-nghe-thong-tin": "xanh tím ấm",
}


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def parse_colour(words: str) -> tuple[int, int, int] | None:
    """A background colour from Vietnamese colour words, e.g. "cam ấm", "xanh biển nhạt"."""
    text = words.lower()
    found = []
    for name in sorted(COLOURS, key=len, reverse=True):
        if name in text:
            found.append((text.index(name), COLOURS[name]))
            text = text.replace(name, " " * len(name))
    if not found:
        return None
    found.sort()
    colour = found[0][1]
    for _, other in found[1:]:
        colour = _mix(colour, other, 0.35)
    for word, amount in LIGHTEN.items():
        if re.search(rf"\b{word}\b", words.lower()) and amount:
            colour = _mix(colour, CREAM, amount)
    if "ấm" in words.lower():
        colour = (min(255, colour[0] + 18), colour[1], max(0, colour[2] - 12))
    return colour


# -- what to draw ----------------------------------------------------------------------------------
MOTIF_WORDS = [  # (words in the alt, motif); checked in order
    ("chữ thập", "cross_heart"),
    ("mầm cây", "house_sprout"),
    ("cuốn sách", "book"),
    ("bánh răng", "gear"),
    ("mái nhà", "roofs"),
    ("bóng đèn", "bulb"),
    ("tấm khiên", "shield"),
    ("con đường", "road"),
    ("tờ hồ sơ", "document"),
    ("điện thoại", "phone"),
    ("ngôi sao", "star"),
    ("trái tim", "heart"),
]
FIELD_MOTIFS = {
    "kinh-te-ho-gia-dinh": "house_sprout",
    "san-xuat-kinh-doanh": "gear",
    "van-hoa-co-so": "roofs",
    "nong-thon-moi": "road",
    "giao-duc-dao-tao": "book",
    "y-te": "cross_heart",
    "hoc-tap-lam-theo-bac": "star",
    "quoc-phong-an-ninh": "shield",
    "nguoi-tot-viec-tot": "heart",
    "thanh-nien-khoi-nghiep": "bulb",
    "cai-cach-hanh-chinh": "document",
    "cong-nghe-thong-tin": "phone",
}


def plan(alt: str, record: dict, seed: int = 0) -> dict:
    """Motif, scene, colour and layout for one image, read from its alt (fallback: the record, the seed)."""
    text = unicodedata.normalize("NFC", alt)
    low = text.lower()
    motif = next((m for words, m in MOTIF_WORDS if words in low), None)
    motif = motif or FIELD_MOTIFS.get(str(record.get("field", "")), "heart")
    scene = next((sc for words, sc in SCENE_WORDS if words in low), None) or SCENES[seed % len(SCENES)]
    bg = re.search(r"(?:tông|nền) ([^,.;]+)", low)
    colour = parse_colour(bg.group(1)) if bg else None
    colour = colour or parse_colour(FIELD_COLOURS.get(str(record.get("field", "")), "cam ấm"))
    layout = "single"
    if "nhiều" in low:
        layout = "grid" if "lưới" in low else "row"
    return {"motif": motif, "scene": scene, "colour": colour, "layout": layout}


# -- drawing ---------------------------------------------------------------------------------------
def _heart_points(cx, cy, s):
    pts = []
    for i in range(72):
        t = 2 * math.pi * i / 72
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * s / 17, cy - y * s / 17))
    return pts


def _star_points(cx, cy, r, inner=0.42, rot=-math.pi / 2):
    return [
        (
            cx + (r if i % 2 == 0 else r * inner) * math.cos(rot + i * math.pi / 5),
            cy + (r if i % 2 == 0 else r * inner) * math.sin(rot + i * math.pi / 5),
        )
        for i in range(10)
    ]


def draw_motif(d: ImageDraw.ImageDraw, motif: str, cx: float, cy: float, s: float, colour) -> None:
    """One pictogram of half-size ``s`` centred on (cx, cy), in cream with accents of ``colour``."""
    ink = _mix(colour, (40, 25, 20), 0.45)
    lw = max(2, int(s * 0.06))
    green, red, gold = (70, 150, 70), (214, 48, 58), (255, 208, 40)
    if motif == "book":
        d.polygon(
            [(cx, cy - s * 0.55), (cx - s, cy - s * 0.75), (cx - s, cy + s * 0.55), (cx, cy + s * 0.75)],
            fill=CREAM,
            outline=ink,
            width=lw,
        )
        d.polygon(
            [(cx, cy - s * 0.55), (cx + s, cy - s * 0.75), (cx + s, cy + s * 0.55), (cx, cy + s * 0.75)],
            fill=CREAM,
            outline=ink,
            width=lw,
        )
        for k in range(4):
            y = cy - s * 0.35 + k * s * 0.22
            d.line([(cx - s * 0.8, y - s * 0.12), (cx - s * 0.15, y)], fill=ink, width=max(1, lw // 2))
            d.line([(cx + s * 0.15, y), (cx + s * 0.8, y - s * 0.12)], fill=ink, width=max(1, lw // 2))
    elif motif == "heart":
        d.polygon(_heart_points(cx, cy, s * 1.08), fill=CREAM)
        d.polygon(_heart_points(cx, cy, s * 0.92), fill=red)
    elif motif == "cross_heart":
        a, b = s * 0.34, s * 0.95
        d.rounded_rectangle((cx - a, cy - b, cx + a, cy + b), radius=a * 0.4, fill=CREAM, outline=ink, width=lw)
        d.rounded_rectangle((cx - b, cy - a, cx + b, cy + a), radius=a * 0.4, fill=CREAM, outline=ink, width=lw)
        d.rectangle((cx - a + lw, cy - a + lw, cx + a - lw, cy + a - lw), fill=CREAM)
        d.polygon(_heart_points(cx, cy, s * 0.28), fill=red)
    elif motif == "house_sprout":
        hx = cx - s * 0.2
        d.rectangle((hx - s * 0.6, cy - s * 0.15, hx + s * 0.6, cy + s * 0.8), fill=CREAM, outline=ink, width=lw)
        d.polygon([(hx - s * 0.8, cy - s * 0.1), (hx, cy - s * 0.8), (hx + s * 0.8, cy - s * 0.1)], fill=ink)
        d.rectangle((hx - s * 0.15, cy + s * 0.3, hx + s * 0.15, cy + s * 0.8), fill=ink)
        sx = cx + s * 0.85
        d.line([(sx, cy + s * 0.8), (sx, cy - s * 0.1)], fill=green, width=lw * 2)
        d.ellipse((sx - s * 0.5, cy - s * 0.45, sx, cy - s * 0.1), fill=green)
        d.ellipse((sx, cy - s * 0.65, sx + s * 0.5, cy - s * 0.3), fill=green)
    elif motif == "road":
        top, bottom = cy - s * 0.55, cy + s * 0.85
        for k, shade in enumerate([(120, 180, 80), (96, 160, 70), (140, 196, 96)]):
            off = k * s * 0.45
            d.polygon([(cx - s * 1.3, bottom - off), (cx - s * 0.12, top), (cx - s * 1.3, top + off * 0.2)], fill=shade)
            d.polygon([(cx + s * 1.3, bottom - off), (cx + s * 0.12, top), (cx + s * 1.3, top + off * 0.2)], fill=shade)
        d.polygon(
            [(cx - s * 0.7, bottom), (cx - s * 0.06, top), (cx + s * 0.06, top), (cx + s * 0.7, bottom)],
            fill=CREAM,
            outline=ink,
            width=lw,
        )
        for k in range(5):
            t0, t1 = k / 5, k / 5 + 0.1
            d.line(
                [(cx, top + (bottom - top) * t0), (cx, top + (bottom - top) * t1)],
                fill=ink,
                width=max(1, int(lw * (0.5 + t0))),
            )
        d.ellipse((cx + s * 0.55, top - s * 0.75, cx + s * 1.05, top - s * 0.25), fill=gold)
    elif motif == "gear":
        pts = []
        for i in range(48):
            ang = 2 * math.pi * i / 48
            r = s * (0.95 if (i // 3) % 2 == 0 else 0.72)
            pts.append((cx + r * math.cos(ang), cy + r * math.sin(ang)))
        d.polygon(pts, fill=CREAM, outline=ink, width=lw)
        d.ellipse((cx - s * 0.3, cy - s * 0.3, cx + s * 0.3, cy + s * 0.3), fill=ink)
        d.ellipse((cx - s * 0.14, cy - s * 0.14, cx + s * 0.14, cy + s * 0.14), fill=CREAM)
    elif motif == "roofs":
        for _k, (dx, size) in enumerate([(-s * 0.75, 0.55), (0, 0.75), (s * 0.75, 0.5)]):
            hs = s * size
            base = cy + s * 0.75
            x = cx + dx
            d.rectangle((x - hs * 0.6, base - hs * 1.1, x + hs * 0.6, base), fill=CREAM, outline=ink, width=lw)
            d.polygon(
                [(x - hs * 0.85, base - hs * 1.05), (x, base - hs * 1.8), (x + hs * 0.85, base - hs * 1.05)], fill=ink
            )
            d.rectangle((x - hs * 0.15, base - hs * 0.5, x + hs * 0.15, base), fill=_mix(colour, ink, 0.5))
        d.line([(cx - s * 1.3, cy + s * 0.77), (cx + s * 1.3, cy + s * 0.77)], fill=ink, width=lw)
    elif motif == "bulb":
        for k in range(9):
            ang = math.pi + k * math.pi / 8
            d.line(
                [
                    (cx + s * 0.75 * math.cos(ang), cy - s * 0.2 + s * 0.75 * math.sin(ang)),
                    (cx + s * 1.05 * math.cos(ang), cy - s * 0.2 + s * 1.05 * math.sin(ang)),
                ],
                fill=CREAM,
                width=lw,
            )
        d.ellipse((cx - s * 0.55, cy - s * 0.75, cx + s * 0.55, cy + s * 0.35), fill=gold, outline=ink, width=lw)
        d.rectangle((cx - s * 0.25, cy + s * 0.3, cx + s * 0.25, cy + s * 0.75), fill=CREAM, outline=ink, width=lw)
        d.line([(cx - s * 0.25, cy + s * 0.5), (cx + s * 0.25, cy + s * 0.5)], fill=ink, width=lw)
    elif motif == "shield":
        pts = [
            (cx - s * 0.8, cy - s * 0.75),
            (cx, cy - s * 0.95),
            (cx + s * 0.8, cy - s * 0.75),
            (cx + s * 0.72, cy + s * 0.15),
            (cx, cy + s * 0.95),
            (cx - s * 0.72, cy + s * 0.15),
        ]
        d.polygon(pts, fill=CREAM, outline=ink, width=lw)
        d.polygon(_star_points(cx, cy - s * 0.05, s * 0.42), fill=ink)
    elif motif == "document":
        x0, y0, x1, y1, fold = cx - s * 0.65, cy - s * 0.9, cx + s * 0.65, cy + s * 0.9, s * 0.35
        d.polygon([(x0, y0), (x1 - fold, y0), (x1, y0 + fold), (x1, y1), (x0, y1)], fill=CREAM, outline=ink, width=lw)
        d.polygon([(x1 - fold, y0), (x1 - fold, y0 + fold), (x1, y0 + fold)], fill=_mix(CREAM, ink, 0.3))
        for k in range(4):
            y = y0 + s * 0.45 + k * s * 0.25
            d.line([(x0 + s * 0.2, y), (x1 - s * 0.25 - (k % 2) * s * 0.3, y)], fill=ink, width=max(1, lw // 2))
        bx, by, br = x1 - s * 0.05, y1 - s * 0.1, s * 0.38
        d.ellipse((bx - br, by - br, bx + br, by + br), fill=green)
        d.line(
            [(bx - br * 0.45, by), (bx - br * 0.1, by + br * 0.4), (bx + br * 0.5, by - br * 0.35)],
            fill=CREAM,
            width=lw * 2,
        )
    elif motif == "phone":
        d.rounded_rectangle((cx - s * 0.45, cy - s * 0.85, cx + s * 0.45, cy + s * 0.85), radius=s * 0.12, fill=ink)
        d.rectangle((cx - s * 0.36, cy - s * 0.66, cx + s * 0.36, cy + s * 0.6), fill=CREAM)
        d.ellipse((cx - s * 0.06, cy + s * 0.68, cx + s * 0.06, cy + s * 0.8), fill=CREAM)
        for k in range(3):
            r = s * (0.25 + k * 0.12)
            d.arc(
                (cx + s * 0.7 - r, cy - s * 0.6 - r, cx + s * 0.7 + r, cy - s * 0.6 + r), 200, 340, fill=CREAM, width=lw
            )
        for k in range(3):
            h = s * (0.12 + k * 0.12)
            d.rectangle(
                (cx - s * 0.2 + k * s * 0.16, cy + s * 0.35 - h, cx - s * 0.1 + k * s * 0.16, cy + s * 0.35),
                fill=_mix(colour, ink, 0.3),
            )
    elif motif == "star":
        d.polygon(_star_points(cx, cy, s * 1.05), fill=gold, outline=_mix(gold, (120, 40, 20), 0.4))
    else:
        d.ellipse((cx - s, cy - s, cx + s, cy + s), fill=CREAM, outline=ink, width=lw)


def _shelf(d: ImageDraw.ImageDraw, w: int, h: int, rng: random.Random, colour) -> None:
    """A row of books: a shelf of spines of different colours, widths, heights and tilts."""
    board = h * rng.uniform(0.72, 0.8)
    x = w * rng.uniform(0.06, 0.12)
    d.rectangle((x - w * 0.03, board, w - x + w * 0.03, board + h * 0.035), fill=_mix(colour, (60, 35, 20), 0.6))
    k = 0
    while x < w * 0.88:
        bw, bh = w * rng.uniform(0.035, 0.065), h * rng.uniform(0.28, 0.46)
        spine = _mix(GROUP_TINTS[(k * 3) % len(GROUP_TINTS)], colour, rng.uniform(0.1, 0.35))
        lean = bw * rng.choice((0, 0, 0, 0.6, -0.6))
        d.polygon([(x, board), (x + bw, board), (x + bw + lean, board - bh), (x + lean, board - bh)], fill=spine,
                  outline=_mix(spine, (40, 25, 20), 0.5), width=max(2, int(bw * 0.06)))
        for band in (0.15, 0.8):
            y = board - bh * band
            d.line([(x + lean * band, y), (x + bw + lean * band, y)], fill=_mix(spine, CREAM, 0.6),
                   width=max(2, h // 160))
        x += bw + w * rng.uniform(0.002, 0.012)
        k += 1


def group_item(motif: str, s: float, colour, tint) -> Image.Image:
    """One small pictogram on its own transparent layer, its cream parts tinted."""
    size = int(s * 3)
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw_motif(ImageDraw.Draw(layer), motif, size / 2, size / 2, s, colour)
    rgb = ImageChops.multiply(layer.convert("RGB"), Image.new("RGB", layer.size, _mix(tint, CREAM, 0.45)))
    rgb.putalpha(layer.getchannel("A"))
    return rgb


def _group(img: Image.Image, spec: dict, rng: random.Random) -> None:
    """Many small pictograms, each in its own colour, size and tilt, in a loose row or grid."""
    w, h = img.size
    rows = 3 if spec["layout"] == "grid" else 2
    cols = 4
    offset = rng.randrange(len(GROUP_TINTS))
    for k in range(rows * cols):
        r, c = divmod(k, cols)
        s = h * (0.1 if rows == 3 else 0.13) * rng.uniform(0.75, 1.15)
        item = group_item(spec["motif"], s, spec["colour"], GROUP_TINTS[(offset + k * 3) % len(GROUP_TINTS)])
        item = item.rotate(rng.uniform(-18, 18), resample=Image.Resampling.BICUBIC, expand=True)
        x = w * (c + 0.5) / cols + rng.uniform(-14, 14) * SCALE - item.width / 2
        y = h * (r + 0.5) / rows + rng.uniform(-10, 10) * SCALE - item.height / 2
        img.paste(item, (int(x), int(y)), item)


def _subject(img: Image.Image, spec: dict, rng: random.Random) -> None:
    """The one large pictogram, somewhere in the foreground, with a soft shadow."""
    w, h = img.size
    s = h * rng.uniform(0.2, 0.26)  # in the upper part: a caption laid over the lower third hides no subject
    x, y = w * rng.choice((0.3, 0.5, 0.7)) + rng.uniform(-20, 20) * SCALE, h * rng.uniform(0.36, 0.42)
    shadow = Image.new("RGBA", img.size, (0, 0, 0, 0))
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw_motif(ImageDraw.Draw(shadow), spec["motif"], x + s * 0.08, y + s * 0.1, s, (40, 25, 20))
    draw_motif(ImageDraw.Draw(layer), spec["motif"], x, y, s, spec["colour"])
    alpha = shadow.getchannel("A").point(lambda v: v * 35 // 100)
    shadow = Image.new("RGBA", img.size, (40, 25, 20, 0))
    shadow.putalpha(alpha.filter(ImageFilter.GaussianBlur(5 * SCALE)))
    img.paste(shadow, (0, 0), shadow)
    img.paste(layer, (0, 0), layer)


def render(spec: dict, seed: int) -> Image.Image:
    rng = random.Random(seed)
    img = draw_scene(spec["scene"], (WIDTH * SCALE, HEIGHT * SCALE), spec["colour"], rng)
    if spec["layout"] == "single":
        _subject(img, spec, rng)
    elif spec["motif"] == "book" and spec["layout"] == "row":
        _shelf(ImageDraw.Draw(img), *img.size, rng, spec["colour"])
    else:
        _group(img, spec, rng)
    return img.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def save(img: Image.Image, path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    quality = QUALITY
    while True:
        img.save(path, "JPEG", quality=quality, optimize=True)
        size = path.stat().st_size
        if size <= MAX_BYTES or quality <= 40:
            return size
        quality -= 6


# -- records ---------------------------------------------------------------------------------------
def front_matter(path: Path) -> dict:
    text = path.read_text("utf-8")
    match = re.match(r"^---\s*\n(.*?)\n---\s*(\n|$)", text, re.S)
    data = yaml.safe_load(match.group(1)) if match else None
    return data if isinstance(data, dict) else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exemplars", default="exemplars", help="thư mục hồ sơ (mặc định: exemplars)")
    parser.add_argument("--check", action="store_true", help="chỉ báo ảnh còn thiếu và dung lượng, không ghi")
    args = parser.parse_args(argv)
    root = Path(args.exemplars)
    if not root.is_dir():
        print(f"không tìm thấy thư mục “{root}”", file=sys.stderr)
        return 2
    total = count = missing = 0
    for record_path in sorted(root.rglob("*.md")):
        record = front_matter(record_path)
        for image in record.get("images") or []:
            if not isinstance(image, dict) or not image.get("src"):
                continue
            target = (record_path.parent / str(image["src"])).resolve()
            relative = (
                target.relative_to(root.resolve()).as_posix() if target.is_relative_to(root.resolve()) else str(target)
            )
            if args.check:
                if target.is_file():
                    total += target.stat().st_size
                    count += 1
                else:
                    missing += 1
                    print(f"thiếu: {relative}")
                continue
            seed = SEED ^ zlib.crc32(relative.encode("utf-8"))
            spec = plan(str(image.get("alt", "")), record, seed)
            size = save(render(spec, seed), target)
            total += size
            count += 1
            print(f"{size / 1024:6.1f} KB  {relative}  [{spec['scene']}, {spec['motif']}, {spec['layout']}]")
    print(f"{count} ảnh, tổng {total} byte ({total / 1024 / 1024:.2f} MB)" + (f", thiếu {missing}" if missing else ""))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
