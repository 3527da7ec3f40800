"""Cleaning what editors write: an allow-list of HTML for rendered stories, and a report of what it removes.

Stories are Markdown, and Markdown lets raw HTML through. :func:`clean_html` runs every rendered story through
``nh3`` (the Rust ``ammonia`` sanitiser) with a short allow-list: no ``<script>``, ``<style>``, ``<iframe>``,
forms or embedded objects, no event handlers or inline styles, links only to ``http(s)``/``mailto`` or relative
addresses, no images (a record's images are listed in its ``images`` field, with their descriptions).
:func:`unsafe_parts` tells an editor, before publishing, what the cleaning will remove (warning GS090).
Text fields are plain text: templates escape them, and :func:`markup_in_text` warns (GS091) when they look
like HTML, which would be shown literally.

Everything here takes and returns strings; renderers (the MkDocs plugin today) call it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "wbr",
})
# Removed together with their content (the text of a script is no story).
DROP_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea",
                               "select", "math", "svg", "frame", "frameset", "noembed", "noframes", "xmp"})
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"title", "lang"},
    "a": {"href"},
    "abbr": set(), "blockquote": {"cite"}, "q": {"cite"}, "del": {"datetime"}, "ins": {"datetime"},
    "time": {"datetime"}, "ol": {"start", "reversed"}, "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"}, "details": {"open"},
    **{f"h{n}": {"id"} for n in range(1, 7)},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Classes Python-Markdown's admonition, details and code-highlighting extensions emit; nothing of the site's own.
_ADMONITIONS = {"note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug",
                "example", "quote", "attention", "caution", "error", "hint", "important", "summary", "tldr", "todo",
                "check", "done", "help", "faq", "fail", "missing", "cite"}
_CLASS = re.compile(r"^(admonition|admonition-title|highlight|codehilite|linenos|filename|language-[a-z0-9+-]{1,20}|"
                    r"[a-z]{1,3}[0-9]?)$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,80}$")
_RESERVED_ID = re.compile(r"^(md-|gs-|pagefind|__)")
_CLASS_TAGS = ("div", "p", "span", "code", "pre", "details", "table", "td", "th")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Per-value checks nh3 cannot express: harmless ids and classes."""
    if name == "id":
        return value if _ID.match(value) and not _RESERVED_ID.match(value) else None
    if name == "class":
        kept = [c for c in value.split() if c in _ADMONITIONS or _CLASS.match(c)]
        return " ".join(kept) or None
    return value


@cache
def _cleaner():  # nh3.Cleaner is built once: the allow-list compiled into Rust
    import nh3

    attributes = {tag: set(names) for tag, names in ATTRIBUTES.items()}
    for tag in _CLASS_TAGS:
        attributes.setdefault(tag, set()).add("class")
    return nh3.Cleaner(tags=set(TAGS), clean_content_tags=set(DROP_WITH_CONTENT), attributes=attributes,
                       attribute_filter=_attribute, url_schemes=set(URL_SCHEMES), strip_comments=True,
                       link_rel="noopener noreferrer nofollow")


def clean_html(html: str) -> str:
    """``html`` with everything outside the allow-list removed. Idempotent; safe to call on any fragment."""
    return _cleaner().clean(html)


# -- reporting -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Unsafe:
    """One thing the cleaning removes: a Vietnamese description and what to look for in the source."""

    what: str
    needles: tuple[str, ...]


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, Unsafe] = {}

    def _add(self, what: str, *needles: str) -> None:
        self.found.setdefault(what, Unsafe(what, needles))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self._add("ảnh trong câu chuyện (ảnh đặt ở trường “images”, có mô tả alt)", "<img", "![")
            return
        if tag not in TAGS:
            self._add(f"thẻ <{tag}>", f"<{tag}")
            return
        allowed = ATTRIBUTES.get(tag, set()) | ATTRIBUTES["*"] | ({"class"} if tag in _CLASS_TAGS else set())
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                label = "trình xử lý sự kiện" if name.startswith("on") else "thuộc tính"
                self._add(f"{label} “{name}” trên thẻ <{tag}>", name)
            elif name in ("href", "src", "cite") and (scheme := _scheme(value)) and scheme not in URL_SCHEMES:
                self._add(f"đường dẫn “{scheme}:”", f"{scheme}:")
            elif _attribute(tag, name, value) is None:
                self._add(f"giá trị “{value[:40]}” của thuộc tính “{name}”", value[:40])

    handle_startendtag = handle_starttag


def _scheme(url: str) -> str | None:
    compact = re.sub(r"[\x00-\x20]", "", url)
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", compact)
    return match.group(1).lower() if match else None


def unsafe_parts(html: str) -> list[Unsafe]:
    """What :func:`clean_html` would remove from ``html``, once each, in document order."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return list(finder.found.values())


_MARKUP_HINT = re.compile(r"[<{]|\]\s*[(\[:]|^\s*\[[^\]]+\]:", re.MULTILINE)


def may_hold_markup(markdown: str) -> bool:
    """Cheap test: can this Markdown produce anything but plain paragraphs, headings and lists?"""
    return bool(_MARKUP_HINT.search(markdown))


_TAG_LIKE = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>|&#?[a-zA-Z0-9]+;|javascript\s*:", re.IGNORECASE)


def markup_in_text(value: str) -> str | None:
    """The first HTML-looking piece of a plain-text field (shown literally, never as HTML), or None."""
    match = _TAG_LIKE.search(value)
    return match.group(0)[:40] if match else None


# The Markdown extensions of the site (mkdocs.yml) that change what HTML a story can produce.
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "pymdownx.superfences"]


def render_story(markdown_text: str) -> str:
    """A story rendered as the site renders it (before cleaning), to report what the cleaning removes."""
    import markdown

    return markdown.markdown(markdown_text, extensions=MARKDOWN_EXTENSIONS)
