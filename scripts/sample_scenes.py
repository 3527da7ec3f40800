"""Scenes behind the sample illustrations (``make_sample_images.py``): a street, hills, a coast, fields or a
sunrise, each drawn in the tones of the image's colour with its own random layout — no two pictures alike.

Every function draws on an RGB image (already scaled up) with a ``random.Random`` so the output is
deterministic per image. Nothing here is a photo and no person is drawn.
"""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

Colour = tuple[int, int, int]
CREAM = (255, 248, 236)
NIGHT = (48, 30, 24)
# Alt-text words → scene; checked in order. Without one, the caller picks a scene from the record.
SCENE_WORDS = (("dãy phố", "town"), ("đồi núi", "hills"), ("bờ biển", "coast"), ("cánh đồng", "fields"),
               ("nắng sớm", "sunrise"))
SCENES = tuple(scene for _words, scene in SCENE_WORDS)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def sky(size: tuple[int, int], colour: Colour, rng: random.Random) -> Image.Image:
    """A vertical gradient: pale at the top, the image's colour toward the horizon."""
    w, h = size
    top, bottom = mix(colour, CREAM, rng.uniform(0.6, 0.8)), mix(colour, CREAM, rng.uniform(0.2, 0.35))
    gradient = Image.linear_gradient("L").resize((w, h))
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), gradient)


def _sun(d: ImageDraw.ImageDraw, x: float, y: float, r: float, colour: Colour) -> None:
    for k, t in enumerate((0.85, 0.7, 0.5)):
        rr = r * (1.9 - k * 0.4)
        d.ellipse((x - rr, y - rr, x + rr, y + rr), fill=mix(colour, CREAM, t))
    d.ellipse((x - r, y - r, x + r, y + r), fill=(255, 226, 140))


def _ridge(w: int, base: float, amplitude: float, rng: random.Random) -> list[tuple[float, float]]:
    waves = [(rng.uniform(0.5, 3.0), rng.uniform(0, 2 * math.pi), rng.uniform(0.3, 1.0)) for _ in range(3)]
    points = []
    for i in range(65):
        x = w * i / 64
        y = base - amplitude * sum(a * math.sin(f * 2 * math.pi * x / w + p) for f, p, a in waves) / 2
        points.append((x, y))
    return points


def _tree(d: ImageDraw.ImageDraw, x: float, y: float, s: float, green: Colour) -> None:
    d.rectangle((x - s * 0.08, y - s * 0.5, x + s * 0.08, y), fill=(110, 72, 44))
    d.ellipse((x - s * 0.45, y - s * 1.25, x + s * 0.45, y - s * 0.4), fill=green)


def hills(img: Image.Image, colour: Colour, rng: random.Random) -> None:
    w, h = img.size
    d = ImageDraw.Draw(img)
    _sun(d, w * rng.uniform(0.1, 0.9), h * rng.uniform(0.12, 0.3), h * 0.06, colour)
    green = mix(colour, (70, 130, 70), 0.55)
    for k in range(3):
        shade = mix(green, NIGHT, 0.12 * k) if k else mix(green, CREAM, 0.35)
        ridge = _ridge(w, h * (0.5 + 0.13 * k), h * (0.16 - 0.03 * k), rng)
        d.polygon([*ridge, (w, h), (0, h)], fill=shade)
    for _ in range(rng.randint(3, 7)):
        x = w * rng.uniform(0.02, 0.98)
        _tree(d, x, h * rng.uniform(0.86, 0.98), h * rng.uniform(0.07, 0.12), mix(green, NIGHT, 0.35))


def town(img: Image.Image, colour: Colour, rng: random.Random) -> None:
    w, h = img.size
    d = ImageDraw.Draw(img)
    ground = h * rng.uniform(0.78, 0.86)
    for layer, (shade, low, high) in enumerate(((0.25, 0.3, 0.55), (0.5, 0.15, 0.4))):
        x = -rng.uniform(0, w * 0.05)
        while x < w:
            bw = w * rng.uniform(0.07, 0.14)
            top = ground - h * rng.uniform(low, high)
            body = mix(mix(colour, CREAM, 0.3), NIGHT, shade * rng.uniform(0.6, 1.0))
            d.rectangle((x, top, x + bw, ground), fill=body)
            if layer:
                window = mix(body, (255, 230, 150), 0.6)
                for wy in range(int(top + h * 0.03), int(ground - h * 0.05), int(h * 0.06)):
                    for wx in range(int(x + bw * 0.15), int(x + bw * 0.8), int(max(bw * 0.3, 4))):
                        if rng.random() < 0.7:
                            d.rectangle((wx, wy, wx + bw * 0.14, wy + h * 0.03), fill=window)
            x += bw + w * rng.uniform(0.0, 0.02)
    d.rectangle((0, ground, w, h), fill=mix(colour, NIGHT, 0.45))
    d.line([(0, ground + (h - ground) / 2), (w, ground + (h - ground) / 2)], fill=CREAM, width=max(2, h // 160))


def coast(img: Image.Image, colour: Colour, rng: random.Random) -> None:
    w, h = img.size
    d = ImageDraw.Draw(img)
    horizon = h * rng.uniform(0.5, 0.6)
    _sun(d, w * rng.uniform(0.15, 0.85), horizon - h * rng.uniform(0.08, 0.2), h * 0.07, colour)
    sea = mix(colour, (40, 110, 170), 0.6)
    d.rectangle((0, horizon, w, h), fill=sea)
    for k in range(9):
        y = horizon + (h - horizon) * (k + 0.5) / 10
        ridge = _ridge(w, y, h * 0.01, rng)
        d.line(ridge, fill=mix(sea, CREAM, 0.35), width=max(2, h // 200))
    sand = h * rng.uniform(0.84, 0.9)
    d.polygon([*_ridge(w, sand, h * 0.03, rng), (w, h), (0, h)], fill=(232, 206, 160))
    bx, by = w * rng.uniform(0.1, 0.9), horizon + (sand - horizon) * 0.4
    hull = [(bx - h * 0.08, by), (bx + h * 0.08, by), (bx + h * 0.05, by + h * 0.03), (bx - h * 0.05, by + h * 0.03)]
    d.polygon(hull, fill=mix(colour, NIGHT, 0.5))
    d.polygon([(bx, by - h * 0.1), (bx, by - h * 0.005), (bx + h * 0.06, by - h * 0.005)], fill=CREAM)


def fields(img: Image.Image, colour: Colour, rng: random.Random) -> None:
    w, h = img.size
    d = ImageDraw.Draw(img)
    horizon = h * rng.uniform(0.42, 0.52)
    _sun(d, w * rng.uniform(0.1, 0.9), horizon - h * rng.uniform(0.1, 0.2), h * 0.05, colour)
    vx = w * rng.uniform(0.3, 0.7)
    greens = [mix(mix(colour, (110, 170, 70), 0.6), NIGHT, t) for t in (0.0, 0.15)]
    rows = rng.randint(7, 11)
    for k in range(rows):
        x0, x1 = -w * 0.6 + w * 2.2 * k / rows, -w * 0.6 + w * 2.2 * (k + 1) / rows
        d.polygon([(vx, horizon), (x0, h), (x1, h)], fill=greens[k % 2])
    for _ in range(rng.randint(2, 5)):
        _tree(d, w * rng.uniform(0, 1), horizon + h * 0.01, h * rng.uniform(0.06, 0.1), mix(greens[1], NIGHT, 0.3))


def sunrise(img: Image.Image, colour: Colour, rng: random.Random) -> None:
    w, h = img.size
    d = ImageDraw.Draw(img)
    cx, cy = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.55, 0.75)
    rays = rng.choice((12, 16, 20))
    turn = rng.uniform(0, math.pi)
    for k in range(rays):
        if k % 2:
            continue
        a0, a1 = turn + 2 * math.pi * k / rays, turn + 2 * math.pi * (k + 1) / rays
        far = 2 * max(w, h)
        d.polygon([(cx, cy), (cx + far * math.cos(a0), cy + far * math.sin(a0)),
                   (cx + far * math.cos(a1), cy + far * math.sin(a1))], fill=mix(colour, CREAM, 0.55))
    _sun(d, cx, cy, h * 0.09, colour)
    d.polygon([*_ridge(w, h * 0.88, h * 0.04, rng), (w, h), (0, h)], fill=mix(colour, NIGHT, 0.35))


DRAW = {"town": town, "hills": hills, "coast": coast, "fields": fields, "sunrise": sunrise}


def draw_scene(scene: str, size: tuple[int, int], colour: Colour, rng: random.Random) -> Image.Image:
    """The scene ``scene`` in the tones of ``colour``, at ``size``."""
    img = sky(size, colour, rng)
    DRAW[scene](img, colour, rng)
    return img
