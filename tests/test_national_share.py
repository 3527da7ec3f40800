"""The national assembly keeps one copy of the province sites' common assets at the root's ``/assets/`` and
points the province pages at it (``guongsang.outputs.national_share``), never leaving a page without a file."""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

from guongsang.outputs import national, national_share

CSS = "body { font-family: Be; src: url(../fonts/be.woff2); }"


def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)


def _province(shards: Path, slug: str, assets: dict[str, str | bytes]) -> Path:
    """A province site with a home page and an exemplar page that use its assets as a built site does."""
    site = shards / slug
    for name, content in {"fonts/be.woff2": b"\x00font", "images/card.png": f"card of {slug}".encode(),
                          "images/icons.svg": "<svg/>",
                          "stylesheets/site.css": CSS, **assets}.items():
        _write(site / "assets" / name, content)
    head = ('<link rel="stylesheet" href="{up}assets/stylesheets/site.css">'
            f'<meta property="og:image" content="https://example.org/ca-nuoc/{slug}/assets/images/card.png">'
            '<svg><use href="{up}assets/images/icons.svg#star"></use></svg>')
    _write(site / "index.html", head.format(up="") + f'<a href="/ca-nuoc/{slug}/assets/stylesheets/site.css">')
    _write(site / "guong" / "an" / "index.html", head.format(up="../../"))
    return site


def _references(root: Path) -> list[str]:
    """Every asset a page of ``root`` refers to, as a path from the national root (``/ca-nuoc/`` is it)."""
    found = []
    for page in root.rglob("*.html"):
        folder = page.parent.relative_to(root).as_posix()
        for url in re.findall(r'(?:href|content)="([^"#]*assets/[^"#]+)', page.read_text(encoding="utf-8")):
            for prefix in ("https://example.org/ca-nuoc/", "/ca-nuoc/"):
                if url.startswith(prefix):
                    found.append(url.removeprefix(prefix))
                    break
            else:
                found.append(posixpath.normpath(posixpath.join(folder, url)))
    return found


def test_common_assets_are_kept_once_at_the_root_and_every_page_finds_them(tmp_path):
    shards, out = tmp_path / "shards", tmp_path / "out"
    for slug in ("hue", "ha-noi"):
        _province(shards, slug, {})
    found, assets = national.assemble(shards, out)
    assert [s.unit.slug for s in found] == ["ha-noi", "hue"]
    assert sorted(p.relative_to(out / "assets").as_posix() for p in (out / "assets").rglob("*") if p.is_file()) == [
        "fonts/be.woff2", "images/icons.svg", "stylesheets/site.css"]
    for slug in ("hue", "ha-noi"):  # its own social card stays, the rest is the root's
        assert [p.relative_to(out / slug).as_posix() for p in (out / slug / "assets").rglob("*") if p.is_file()] == [
            "assets/images/card.png"]
    home = (out / "hue" / "index.html").read_text(encoding="utf-8")
    assert 'href="../assets/stylesheets/site.css"' in home and 'href="/ca-nuoc/assets/stylesheets/site.css"' in home
    assert 'content="https://example.org/ca-nuoc/hue/assets/images/card.png"' in home
    assert 'href="../../../assets/images/icons.svg#star"' in (out / "hue" / "guong" / "an" / "index.html").read_text()
    references = _references(out)
    assert len(references) == 14 and all((out / ref).is_file() for ref in references)
    assert assets["shared"] == 3 and assets["after"] < assets["before"]


def test_a_stylesheet_that_names_a_province_file_stays_with_it(tmp_path):
    shards, out = tmp_path / "shards", tmp_path / "out"
    for slug in ("hue", "ha-noi"):
        _province(shards, slug, {"stylesheets/site.css": "a { background: url(../images/card.png) }",
                                 "javascripts/search.js": 'import * as p from "../../pagefind/pagefind.js";'})
    national.assemble(shards, out)
    assert (out / "assets" / "fonts" / "be.woff2").is_file()
    for slug in ("hue", "ha-noi"):  # the card differs by province, the script reaches outside assets/
        assert (out / slug / "assets" / "stylesheets" / "site.css").is_file()
        assert (out / slug / "assets" / "javascripts" / "search.js").is_file()
        assert '<link rel="stylesheet" href="assets/stylesheets/site.css">' in (out / slug / "index.html").read_text()
    assert not (out / "assets" / "stylesheets").exists()
    assert all((out / ref).is_file() for ref in _references(out))


def test_a_file_a_page_names_in_a_form_not_rewritten_stays_in_the_province(tmp_path):
    shards, out = tmp_path / "shards", tmp_path / "out"
    for slug in ("hue", "ha-noi"):
        _province(shards, slug, {"javascripts/late.js": "export {};", "images/logo.png": b"png"})
    _write(shards / "hue" / "nhung" / "index.html", '<script>load(base + "javascripts/late.js")</script>')
    _write(shards / "ha-noi" / "du-lieu" / "ha-noi.json.gz", gzip.compress(b'{"logo": "assets/images/logo.png"}'))
    national.assemble(shards, out)
    assert (out / "assets" / "javascripts" / "late.js").is_file() and (out / "assets" / "images" / "logo.png").is_file()
    assert (out / "hue" / "assets" / "javascripts" / "late.js").is_file()  # named by a script: kept
    assert (out / "ha-noi" / "assets" / "images" / "logo.png").is_file()  # named in compressed data: kept
    assert not (out / "ha-noi" / "assets" / "javascripts").exists() and not (out / "hue" / "assets" / "images" /
                                                                             "logo.png").exists()


def test_a_file_that_differs_between_provinces_is_not_shared(tmp_path):
    sites = [_province(tmp_path, "hue", {}), _province(tmp_path, "ha-noi", {"fonts/be.woff2": b"\x00other"})]
    assert national_share.common(sites) == {"stylesheets/site.css", "images/icons.svg"}
    assert national_share.shareable(sites, {"stylesheets/site.css"}) == set()  # its font is not shared


def test_a_file_only_some_provinces_have_is_shared_by_them(tmp_path):
    sites = [_province(tmp_path, "hue", {}), _province(tmp_path, "ha-noi", {"javascripts/map.js": "export {};"})]
    assert national_share.shareable(sites, national_share.common(sites)) == {
        "fonts/be.woff2", "images/icons.svg", "stylesheets/site.css", "javascripts/map.js"}
