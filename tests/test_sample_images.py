"""The sample's illustrations look like a varied set: no two alike, no group of identical icons, no text or
initials baked into a picture (a caption laid over it would collide), each as its alt text describes."""

from __future__ import annotations

import importlib.util
import itertools
import random
import sys

import pytest
from PIL import Image, ImageChops, ImageStat

from support import ROOT

SCRIPTS = ROOT / "scripts"
IMAGES = sorted((ROOT / "exemplars").rglob("*.jpg"))


@pytest.fixture(scope="module")
def maker():
    sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location("make_sample_images", SCRIPTS / "make_sample_images.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dhash(path, size: int = 8) -> int:
    """A difference hash: 64 bits of whether each pixel is brighter than its right neighbour."""
    small = Image.open(path).convert("L").resize((size + 1, size), Image.Resampling.BOX)
    pixels = small.tobytes()
    bits = [pixels[r * (size + 1) + c] > pixels[r * (size + 1) + c + 1] for r in range(size) for c in range(size)]
    return sum(1 << i for i, bit in enumerate(bits) if bit)


def test_no_two_sample_pictures_are_alike():
    assert len(IMAGES) >= 40
    hashes = {path: dhash(path) for path in IMAGES}
    close = [(a.name, b.name) for a, b in itertools.combinations(IMAGES, 2)
             if bin(hashes[a] ^ hashes[b]).count("1") < 6]
    assert close == []


def test_every_scene_and_motif_is_used(maker):
    specs = []
    for record_path in sorted((ROOT / "exemplars").rglob("*.md")):
        record = maker.front_matter(record_path)
        specs += [maker.plan(str(image.get("alt", "")), record) for image in record.get("images") or []]
    assert {spec["scene"] for spec in specs} == set(maker.SCENES)
    assert len({spec["motif"] for spec in specs}) >= 10
    assert not any("chữ viết tắt" in str(image.get("alt", "")) for path in (ROOT / "exemplars").rglob("*.md")
                   for image in maker.front_matter(path).get("images") or [])


def test_a_group_of_small_pictograms_is_not_one_icon_repeated(maker):
    """Each pictogram of a group takes its own colour: the tiles of a row of hearts differ from each other."""
    items = [maker.group_item("heart", 60, (200, 120, 80), tint) for tint in maker.GROUP_TINTS]
    colours = {tuple(round(v) for v in ImageStat.Stat(item.convert("RGB"), item.getchannel("A")).mean)
               for item in items}
    assert len(colours) == len(items)
    spec = {"motif": "book", "scene": "town", "colour": (240, 192, 72), "layout": "row"}
    shelf = maker.render(spec, 7)
    spines = [shelf.crop((x, 290, x + 8, 335)) for x in range(80, 560, 40)]
    means = {tuple(round(v) for v in ImageStat.Stat(spine).mean) for spine in spines}
    assert len(means) >= 6  # a shelf of books of different colours, not one book drawn eight times


def test_the_drawing_is_deterministic_and_every_scene_draws(maker):
    spec = {"motif": "gear", "scene": "hills", "colour": (240, 140, 60), "layout": "single"}
    first, second = maker.render(spec, 11), maker.render(spec, 11)
    assert ImageChops.difference(first, second).getbbox() is None
    assert ImageChops.difference(first, maker.render(spec, 12)).getbbox() is not None
    for scene in maker.SCENES:  # every scene draws something beyond the sky
        img = maker.draw_scene(scene, (320, 240), (72, 128, 190), random.Random(3))
        assert len(img.getcolors(320 * 240)) > 20, scene
