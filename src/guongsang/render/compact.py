"""Whitespace compaction of the theme's templates: the same pages, about a seventh fewer bytes.

Templates are indented for their readers, and Jinja copies that indentation into every page: a sixth of a
page was runs of spaces after a line break. The templates' sources are compacted once, as they are compiled,
so no page pays for it. In HTML any run of whitespace between words or tags renders as one space (or
nothing, between block elements), so every run that contains a line break can become that line break alone,
except where whitespace is shown as written: inside ``pre`` and ``textarea``, and inside ``script`` and
``style``, whose text is code (and whose inline hashes the Content Security Policy pins). Only the ASCII
whitespace HTML collapses is touched; a no-break space is content.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_BREAK_RUN = re.compile(r"\n[ \t\n\r\f]+")
ENABLED = True  # tests turn it off (and clear the compiled templates) to compare with the pages as written


def compact(html: str) -> str:
    """``html`` with every whitespace run that starts at a line break cut to the line break alone."""
    parts: list[str] = []
    start = 0
    for match in _VERBATIM.finditer(html):
        parts.append(_BREAK_RUN.sub("\n", html[start:match.start()]))
        parts.append(match.group(0))
        start = match.end()
    parts.append(_BREAK_RUN.sub("\n", html[start:]))
    return "".join(parts)


class CompactTemplates(Extension):
    """Compaction applied once, to the theme's template sources as they are compiled, rather than to every
    page: the literal text of a template is what carries the indentation, so its output needs (almost) no
    compaction afterwards. Whitespace a template builds from data (a record's story) is left as it is."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return compact(source) if ENABLED else source

