"""Relative addresses between pages, as the theme's ``url`` filter writes them (no MkDocs needed).

Every link a page prints is relative to the page, so the site works from any folder and any host: the same
rules as MkDocs' ``url`` filter (addresses with a scheme, absolute paths and anchors are left as written).
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import urlsplit


@functools.lru_cache(maxsize=65536)
def _parts(path: str) -> tuple[str, ...]:
    """The normalised segments of a site-relative path (cached: a build asks for the same few thousand targets
    from every page, some 220,000 times at 2,000 records)."""
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return tuple(path.split("/")) if path else ()


@functools.lru_cache(maxsize=1024)
def _folder(page_url: str) -> tuple[str, ...]:
    """The segments of the folder a page's links are relative to (``a/b/`` → a, b; ``a/x.html`` → a)."""
    dirname, _, basename = page_url.rpartition("/")
    return _parts(dirname if "." in basename else page_url)


def relative_url(url: str, page_url: str) -> str:
    """``url`` (site-relative) as seen from the page at ``page_url`` (site-relative, ``a/b/`` or ``a.html``)."""
    here, there = _folder(page_url), _parts(url)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(here) - common) + list(there[common:])) or "."
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
