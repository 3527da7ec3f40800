"""One Markdown converter for the generated pages converts each page as MkDocs' own ``Page.render`` does."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guongsang.mkdocs.markdown import Converter
from support import ROOT

STORIES = {
    "guong/a/index.md": "# Anh A\n\nXem [báo][1] và [trang B](../b/index.md).\n\n[1]: https://example.org/bao\n\n"
                        "## Thành tích {#thanh-tich}\n\n<div markdown=\"1\" id=\"o-day\">*Đẹp*</div>\n",
    "guong/b/index.md": "Lại [báo][1], nhưng B không định nghĩa nó.\n\n## Thành tích\n\n"
                        "!!! note \"Ghi chú\"\n    Có.\n",
}


def _config(tmp_path) -> MkDocsConfig:
    """The project's configuration: its Markdown extensions are what generated pages are converted with."""
    return load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))


def _pages(config: MkDocsConfig) -> tuple[list[Page], Files]:
    files = Files([File(uri, config.docs_dir, config.site_dir, True) for uri in STORIES])
    pages = [Page(None, file, config) for file in files]
    for page in pages:
        page.markdown = STORIES[page.file.src_uri]
    return pages, files


def _toc(links) -> list:
    return [(link.title, link.id, link.level, _toc(link.children)) for link in links]


def _rendered(page: Page) -> tuple:
    return page.content, _toc(page.toc.items), page._title_from_render, sorted(page.present_anchor_ids or ())


def test_a_shared_converter_renders_each_page_as_mkdocs_does(tmp_path):
    config = _config(tmp_path)
    own, files = _pages(config)
    for page in own:
        page.render(config, files)
    shared, files = _pages(config)
    converter = Converter(config)
    for page in shared * 2:  # twice over: nothing of one page may stay in the converter for the next
        converter.render(page, config, files)
        assert _rendered(page) == _rendered(own[shared.index(page)])
    b = _rendered(shared[1])[0]
    assert "example.org" not in b and "[báo][1]" in b  # B's undefined reference is not A's
    assert 'href="../b/"' in _rendered(shared[0])[0] and _rendered(shared[0])[2] == "Anh A"


def test_a_story_converted_away_from_the_build_is_what_the_build_makes_of_it(tmp_path):
    """A story whose links stay as written converts in a worker (no site files there) exactly as the build's
    converter converts it, its anchors and links to its own anchors included; a story linking to a path
    (relative or absolute) is left to the build, which looks the path up among the site's files."""
    import markdown

    from guongsang.mkdocs.markdown import Detached, convert

    config = _config(tmp_path)
    stories = {
        "guong/c/index.md": "# Chị C\n\nXem [báo](https://example.org/bao), [mục](#thanh-tich), "
                            "<a href=\"mailto:c@example.org\">thư</a>.\n\n## Thành tích\n\n"
                            "<div markdown=\"1\" id=\"o-day\">*Đẹp*</div>\n",
        "guong/d/index.md": "Anh D, xem [trang B](../b/index.md).\n",
        "guong/e/index.md": "Anh E, xem [trang chủ](/index.md).\n",
    }
    files = Files([File(uri, config.docs_dir, config.site_dir, True) for uri in stories])
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    for uri, text in stories.items():
        page = Page(None, files.get_file_from_path(uri), config)
        page.markdown = text
        Converter(config).render(page, config, files)
        converted = convert(md, text, clean=False)
        if uri != "guong/c/index.md":
            assert converted is None, uri  # a path to look up: the build converts it
            continue
        assert converted is not None
        detached = Page(None, files.get_file_from_path(uri), config)
        converted.apply(detached)
        assert _rendered(detached) == _rendered(page)
        assert detached.links_to_anchors == page.links_to_anchors == {page.file: {"thanh-tich": "#thanh-tich"}}
    pool = Detached(config, [(uri, text, False, (len, ())) for uri, text in stories.items()])
    try:
        taken = {uri: pool.take(uri) for uri in stories}
    finally:
        pool.close()
    assert taken["guong/c/index.md"] == convert(md, stories["guong/c/index.md"], clean=False, also=(len, ()))
    assert taken["guong/c/index.md"].also == len(taken["guong/c/index.md"].content)  # made from the content
    assert taken["guong/d/index.md"] is None and taken["guong/e/index.md"] is None


def test_a_page_dropped_from_the_worker_leaves_the_others_to_be_taken(tmp_path):
    """A page the build converts itself after all (its Markdown changed on the way) is dropped; the others are
    still taken, in order and whole, and the worker ends when the last is."""
    from guongsang.mkdocs.markdown import Detached

    config = _config(tmp_path)
    pool = Detached(config, [(f"guong/{n}/index.md", f"Truyện {n}.\n", False, None) for n in range(40)])
    pool.drop("guong/3/index.md")
    assert "guong/3/index.md" not in pool and "guong/39/index.md" in pool
    taken = [pool.take(f"guong/{n}/index.md") for n in range(40) if n != 3]
    assert [t.content for t in taken] == [f"<p>Truyện {n}.</p>" for n in range(40) if n != 3]
    assert pool._pool is None  # closed with the last page taken
