"""Markdown of the generated pages, through one converter per build instead of one per page.

MkDocs' ``Page.render`` builds a new ``markdown.Markdown`` for every page, setting up every configured
extension again: about 0.6 ms a page, 6 s of a 10,000-record build. :class:`Converter` keeps one, resets it
between pages (as Python-Markdown asks), and registers MkDocs' own per-page processors afresh — anchors,
relative links, raw-HTML ids, the title — so a page converts exactly as ``Page.render`` converts it (a test
builds the sample site both ways and compares every page). Hand-written pages keep MkDocs' own render.
"""

from __future__ import annotations

import logging
from typing import Any

import markdown
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.structure.pages")  # whose level decides, as in Page.render, if links are kept


class Converter:
    """``Page.render`` for many pages of one configuration with one ``markdown.Markdown``."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})

    def render(self, page: Page, config: Any, files: Files) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.md.reset()
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative = _RelativePathTreeprocessor(page.file, files, config)
        relative._register(md)
        title = _ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors
