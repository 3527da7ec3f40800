"""Relative addresses between pages, as the theme's ``url`` filter writes them (no MkDocs needed).

Every link a page prints is relative to the page, so the site works from any folder and any host: the same
rules as MkDocs' ``url`` filter (addresses with a scheme, absolute paths and anchors are left as written).
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import urlsplit


def _parts(path: str) -> list[str]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return path.split("/") if path else []


def relative_url(url: str, page_url: str) -> str:
    """``url`` (site-relative) as seen from the page at ``page_url`` (site-relative, ``a/b/`` or ``a.html``)."""
    dirname, _, basename = page_url.rpartition("/")
    if "." in basename:
        page_url = dirname
    here, there = _parts(page_url), _parts(url)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


@functools.lru_cache(maxsize=4096)
def _split(path: str) -> tuple[str, int]:
    """The path and how many levels it climbs above the site (-1: an address to leave as written)."""
    path = path or "."
    parsed = urlsplit(path)
    if parsed.scheme or parsed.netloc or path.startswith(("/", "#")):
        return path, -1
    norm, level = posixpath.normpath(path) + "/", 0
    while norm.startswith("../", level * 3):
        level += 1
    return path, level


def page_relative(path: str, page_url: str) -> str:
    """What the ``url`` filter prints on the page at ``page_url`` for ``path``."""
    path, level = _split(str(path))
    if level == -1:
        return path
    return "../" * level + relative_url(path, page_url)
