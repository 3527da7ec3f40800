"""One build of the sample site: pages written, links resolve, output reproducible, MkDocs strict passes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import support
from guongsang.cli import main
from support import digest

pytestmark = pytest.mark.slow


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def broken_links(site: Path, base_path: str = "/guongsang/") -> list[str]:
    """Every internal href/src in every HTML file that does not resolve to a file in ``site``.

    Root-relative links (the 404 page uses them) are resolved against ``base_path``, the path of site_url.
    """
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "javascript:", "data:")):
                continue
            path = unquote(parts.path)
            if path.startswith("/"):
                if not path.startswith(base_path):
                    broken.append(f"{page.relative_to(site)} → {link}")
                    continue
                target = (site / path[len(base_path):]).resolve()
            else:
                target = (page.parent / path).resolve()
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} → {link}")
    return broken


def _build(root: Path, out: Path, *options: str, exemplars: Path | None = None, today: str = "2025-11-01") -> int:
    """``guongsang build`` of the sample (or of ``exemplars``); no render cache unless ``options`` name one."""
    records = ("--exemplars", str(exemplars)) if exemplars else ()
    return support.build(out, *records, *options, root=root, today=today)


@pytest.fixture(scope="module")
def built(root, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "build"
    assert _build(root, out) == 0
    return out


def test_pages_exist_for_records_and_sections(built, root):
    from guongsang.project import Settings, load
    from support import TODAY

    site = load(Settings.at(root, today=TODAY)).site
    for page in site.pages:
        assert (built / page.url / "index.html").is_file(), page.url
    html = (built / "guong" / site.exemplars[0].slug / "index.html").read_text(encoding="utf-8")
    assert site.exemplars[0].name in html
    assert (built / "index.html").is_file() and (built / "sitemap.xml").is_file()


def test_every_internal_link_resolves(built):
    assert broken_links(built) == []


def test_images_are_published_next_to_their_page(built, root):
    from guongsang.outputs.images import published_names, widths_for
    from guongsang.project import Settings, load
    from support import TODAY

    site = load(Settings.at(root, today=TODAY)).site
    with_images = [e for e in site.exemplars if e.images]
    for e in with_images:
        for image, name in zip(e.images, published_names(i.src for i in e.images), strict=True):
            for width in widths_for(image.width):
                assert (built / "guong" / e.slug / f"{name}-{width}.webp").is_file()
            assert not (built / "guong" / e.slug / image.path.name).exists()  # sources are never published
        assert (built / "guong" / e.slug / "the-chia-se.jpg").is_file()


def test_build_is_reproducible(built, root, tmp_path):
    again = tmp_path / "again"
    assert _build(root, again) == 0
    assert digest(built) == digest(again)


def test_pages_rendered_by_worker_processes_equal_pages_rendered_here(built, root, tmp_path, monkeypatch):
    """Generated pages rendered by a pool of worker processes (guongsang.render.pages), each writing its own
    pages, change no byte (search bundle and feeds included) against the build rendering them in its own
    process, and the workers are the ones that rendered them."""
    from guongsang.render import pages

    started: list[int] = []
    original = pages.process_pool

    def counted(count, *args, **kwargs):
        started.append(count)
        return original(count, *args, **kwargs)

    monkeypatch.setattr(pages, "process_pool", counted)
    monkeypatch.setattr(pages, "INLINE_BELOW", 0)
    monkeypatch.setattr(pages, "_workers", lambda: 2)
    assert _build(root, tmp_path / "pool") == 0
    assert started == [2]
    pool, here = digest(tmp_path / "pool"), digest(built)
    assert pool == here, sorted(k for k in pool if pool[k] != here.get(k))[:10]


def test_cards_drawn_once_per_place_equal_cards_drawn_afresh(built, root, tmp_path, monkeypatch):
    """Exemplar cards reused across a page's lists (guongsang.render.fragments) change no byte."""
    from guongsang.render import fragments

    monkeypatch.setattr(fragments, "ENABLED", False)
    assert _build(root, tmp_path / "afresh") == 0
    afresh, reused = digest(tmp_path / "afresh"), digest(built)
    assert afresh == reused, sorted(k for k in afresh if afresh[k] != reused.get(k))[:10]


def test_pages_handed_to_pagefind_in_batches_make_the_same_bundle(built, root, tmp_path, monkeypatch):
    """The indexer hands pages to Pagefind's event loop in batches; one at a time gives the same bundle."""
    from guongsang.outputs import search

    monkeypatch.setattr(search, "BATCH", 1)
    assert _build(root, tmp_path / "one-by-one") == 0
    one, batched = digest(tmp_path / "one-by-one" / "pagefind"), digest(built / "pagefind")
    assert one == batched and len(one) > 50


def test_every_shared_card_is_published_with_its_type(built):
    """The card a page names in ``og:image`` is published, 1200×630, in the format ``og:image:type`` says:
    a JPEG for an exemplar with a photo, a PNG for the site (text on flat colours)."""
    from PIL import Image

    formats = {"image/jpeg": "JPEG", "image/png": "PNG"}
    seen: dict[str, int] = {}
    for page in sorted(built.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        url = re.search(r'<meta property="og:image" content="https://guongsang\.github\.io/guongsang/([^"]+)">', html)
        if url is None:
            continue
        kind = re.search(r'<meta property="og:image:type" content="([^"]+)">', html)[1]
        with Image.open(built / url[1]) as card:
            assert (card.format, card.size) == (formats[kind], (1200, 630)), (page, url[1])
        seen[kind] = seen.get(kind, 0) + 1
    assert seen.get("image/jpeg", 0) >= 40 and seen.get("image/png", 0) >= 1, seen


def test_chrome_icons_are_drawn_from_the_sprite(built):
    """Every ``<use>`` points at a symbol of the published sprite, that symbol is Material's icon as written,
    and no page still carries a sprite icon's path data inline."""
    import jinja2
    from material import templates

    from guongsang.render import icons

    sprite = (built / icons.SPRITE_URI).read_text(encoding="utf-8")
    symbols = dict(re.findall(r'<symbol id="([^"]+)" viewBox="[^"]+">(.*?)</symbol>', sprite))
    loader = jinja2.FileSystemLoader(Path(templates.__file__).parent)
    for name in icons.SHOWN:
        source = loader.get_source(jinja2.Environment(), f".icons/{name}.svg")[0]
        assert symbols[icons.symbol_id(name)] in source, name
    paths = [re.search(r'<path d="[^"]+"', body)[0] for body in symbols.values()]
    used: set[str] = set()
    for page in sorted(built.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'<use href="([^"]+)"', html):
            file, _, fragment = href.partition("#")
            assert file.endswith(icons.SPRITE_URI) and fragment in symbols, (page, href)
            used.add(fragment)
        assert not [p for p in paths if p in html], page
    assert {"material-magnify", "material-weather-night", "fontawesome-brands-facebook"} <= used


def test_icons_outside_the_sprite_or_without_a_page_stay_inline():
    import jinja2

    from guongsang.render.icons import SpriteLoader

    inner = jinja2.DictLoader({".icons/a/one.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">'
                                                   '<path d="M0 0h8"/></svg>',
                               ".icons/a/two.svg": '<svg viewBox="0 0 4 4"><path d="M1 1"/></svg>',
                               "page.html": '{% include ".icons/a/one.svg" %}|{% include ".icons/a/two.svg" %}',
                               "macro.html": '{% import ".icons/a/one.svg" as i %}{{ i }}'})
    env = jinja2.Environment(loader=SpriteLoader(inner, ["a/one"]))
    env.filters["url"] = lambda value: f"../{value}"
    one, two = env.get_template("page.html").render(base_url="..").split("|")
    assert one == '<svg viewBox="0 0 8 8"><use href="../assets/images/icons.svg#a-one"/></svg>'
    assert two == '<svg viewBox="0 0 4 4"><path d="M1 1"/></svg>'
    assert 'path d="M0 0h8"' in env.get_template("macro.html").render()
    assert env.loader.sprite(env) == ('<svg xmlns="http://www.w3.org/2000/svg"><symbol id="a-one" viewBox="0 0 8 8">'
                                      '<path d="M0 0h8"/></symbol></svg>\n')


class _Rendering(HTMLParser):
    """What a browser builds from a page: tags and attributes exactly, text with whitespace runs as one space
    (exactly, inside the elements that show or run their text as written)."""

    VERBATIM = frozenset({"pre", "textarea", "script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self._verbatim = 0

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, tuple(attrs)))
        self._verbatim += tag in self.VERBATIM

    def handle_endtag(self, tag):
        self.events.append(("end", tag))
        self._verbatim -= tag in self.VERBATIM

    def handle_data(self, data):
        text = data if self._verbatim else re.sub(r"[ \t\n\r\f]+", " ", data)
        if self.events and self.events[-1][0] == "text":  # runs split by the parser join up again
            text = self.events.pop()[1] + text
            text = text if self._verbatim else re.sub(r"[ \t\n\r\f]+", " ", text)
        self.events.append(("text", text))


def _rendering(page: Path) -> list[tuple]:
    parser = _Rendering()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser.events


def test_compacted_pages_render_exactly_as_written(built, root, tmp_path, monkeypatch):
    """Cutting the templates' indentation (guongsang.render.compact) keeps every tag, attribute and word of every page,
    and makes the pages smaller (by a tenth while Material's indented frame wrapped them; the frame's own templates
    are written unindented, and so is the listing card (#24), so what is left to cut is the page templates'
    indentation, ~1 %)."""
    from guongsang.render import compact, fragments

    monkeypatch.setattr(compact, "ENABLED", False)
    monkeypatch.setattr(fragments.COMPILED, "code", {})  # templates compiled compact earlier in this process
    monkeypatch.setattr(fragments.FRAME_COMPILED, "code", {})
    assert _build(root, tmp_path / "loose") == 0
    pages = sorted(p.relative_to(built) for p in built.rglob("*.html"))
    assert pages == sorted(p.relative_to(tmp_path / "loose") for p in (tmp_path / "loose").rglob("*.html"))
    changed = [p for p in pages if _rendering(built / p) != _rendering(tmp_path / "loose" / p)]
    assert not changed, changed[:10]
    compacted = sum((built / p).stat().st_size for p in pages)
    loose = sum((tmp_path / "loose" / p).stat().st_size for p in pages)
    assert compacted < 0.995 * loose, (compacted, loose)


def test_records_checked_in_a_worker_build_the_same_site(built, root, tmp_path, monkeypatch):
    """Half the records checked in a worker process (as large corpora are) give the very same site."""
    from guongsang.model import validate

    monkeypatch.setattr(validate, "PARALLEL_FROM", 2)
    assert _build(root, tmp_path / "parallel") == 0
    parallel, serial = digest(tmp_path / "parallel"), digest(built)
    assert parallel == serial, sorted(k for k in parallel if parallel[k] != serial.get(k))[:10]


def test_incremental_build_equals_full_build(root, tmp_path, caplog, monkeypatch):
    """Edit one record's name and story: a build reusing the render cache writes exactly what a full build does,
    its search bundle included (the pages held while they matched the kept bundle's are handed to Pagefind, in
    order, at the first that does not)."""
    import logging
    import shutil

    from guongsang.outputs import search

    records = tmp_path / "exemplars"
    shutil.copytree(root / "exemplars", records)
    cache = tmp_path / "cache"
    assert _build(root, tmp_path / "first", "--cache-dir", str(cache), exemplars=records) == 0
    target = next(p for p in sorted(records.rglob("*.md")) if "featured: true" not in p.read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("name:")).split(":", 1)[1].strip()
    target.write_text(text.replace(name, "Trần Thị Thử Nghiệm") + "\nMột đoạn mới của câu chuyện.\n",
                      encoding="utf-8")
    held = []
    release = search.Indexer._release_held
    monkeypatch.setattr(search.Indexer, "_release_held", lambda self: held.append(len(self._held)) or release(self))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.guongsang"):
        assert _build(root, tmp_path / "incremental", "--cache-dir", str(cache), exemplars=records) == 0
    assert held and held[0] > 0, held  # pages were held, then handed over
    assert _build(root, tmp_path / "full", exemplars=records) == 0
    reused = [r.getMessage() for r in caplog.records if "Render cache" in r.getMessage()]
    assert reused and not reused[-1].startswith("Render cache: 0 "), reused  # most pages came from the cache
    assert digest(tmp_path / "incremental") == digest(tmp_path / "full")
    assert any("Trần Thị Thử Nghiệm" in p.read_text(encoding="utf-8")
               for p in (tmp_path / "incremental" / "guong").rglob("index.html"))


def test_unchanged_rebuild_reuses_the_search_index_and_writes_the_same_site(root, tmp_path, caplog, monkeypatch):
    """A second build of unchanged records publishes the kept Pagefind bundle, without starting Pagefind at all:
    the same files as a fresh one."""
    import logging

    from guongsang.outputs import search

    cache = tmp_path / "cache"
    assert _build(root, tmp_path / "first", "--cache-dir", str(cache)) == 0
    started = []
    start = search.Indexer._start_service
    monkeypatch.setattr(search.Indexer, "_start_service", lambda self: started.append(1) or start(self))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.guongsang"):
        assert _build(root, tmp_path / "second", "--cache-dir", str(cache)) == 0
    assert any("same index as last time" in r.getMessage() for r in caplog.records)
    assert started == []
    assert digest(tmp_path / "second") == digest(tmp_path / "first")


def test_invalid_records_write_nothing(root, tmp_path, capsys):
    out = tmp_path / "build"
    out.mkdir()
    (out / "keep.txt").write_text("unchanged", encoding="utf-8")
    broken = root / "tests" / "fixtures" / "broken"
    code = main(["--root", str(root), "build", "--exemplars", str(broken), "--site-dir", str(out)])
    assert code == 1
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    err = capsys.readouterr().err
    assert "error[GS021]" in err and "Không xây dựng trang" in err


def test_mkdocs_build_strict_passes(root, tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1761955200"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (tmp_path / "s" / "index.html").is_file()


def test_a_record_in_a_divided_ward_names_every_current_ward_and_island_districts_are_zones(built):
    page = (built / "guong" / "tran-van-khiem" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'Nay thuộc <a href="[^"]*/phuong-khuong-dinh/">phường Khương Đình</a> hoặc '
                     r'<a href="[^"]*/phuong-phuong-liet/">Phương Liệt</a>', page)
    zone = (built / "guong" / "chi-hoi-phu-nu-tieu-thuong-cho-con-dao" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="[^"]*/ho-chi-minh/dac-khu-con-dao/">Đặc khu Côn Đảo</a>', zone)
    assert (built / "dia-phuong" / "ho-chi-minh" / "dac-khu-con-dao" / "index.html").is_file()
