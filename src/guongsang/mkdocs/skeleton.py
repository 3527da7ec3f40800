"""Generated pages rendered into a skeleton: Material's page frame once per shape, the page's own blocks each time.

:mod:`guongsang.mkdocs.chrome` keeps the nav, tabs and footer per shape, but every page still ran the whole of
Material's ``base.html`` around them: its includes, imports, block calls and the ``<head>`` (a quarter of
the build's main thread at 2,000 records). Here the first generated page of a shape (its template and
:func:`guongsang.mkdocs.chrome.shape`) is rendered whole, with each of :data:`HOLES` replaced by a marker; the
text between the markers is the skeleton. Every later page of that shape renders only its holes — the
blocks that show the page's own title, meta, header title, table of contents and content — with the
variables the frame set at its top level (Material's ``features``, ``palette``…; templates the frame
imported, such as ``lang`` and the theme's macros, are imported again with the page's own context), and is
joined into the skeleton.

What may differ between two pages of one shape must sit in a hole or in the key: the key holds the
template, the chrome shape (base URL and every nav link as seen from the page) and whether the page has
headings. Material's skip link, the one page-dependent line of ``base.html`` outside a block, points at
the first heading: its address is a hole of its own. The tests render the
sample site both ways and require the same bytes (:data:`ENABLED` turns this off).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Template
from jinja2.environment import TemplateModule
from jinja2.runtime import Context
from markupsafe import escape

from .chrome import shape

ENABLED = True
# Blocks whose output belongs to the page: none is nested in another.
HOLES = ("site_meta", "htmltitle", "extrahead", "header", "site_nav", "container")
# Templates the frame imports "with context" that read only the configuration: imported once per shape.
SHARED_MODULES = frozenset({"partials/language.html"})  # Material's translations
_MARK = "\x00gs-hole\x00"
_SKIP = "skip"  # the hole in Material's skip link: the address of the page's first heading
_SPLIT = re.compile(re.escape(_MARK) + "(\\w+)\x00")

Block = Callable[[Context], Iterator[str]]


class _Marked(dict):
    """A context's blocks, where a hole is read as a block that prints its marker."""

    def __getitem__(self, name: str) -> list[Block]:
        chain = super().__getitem__(name)
        if name in HOLES:
            return [lambda context, name=name: iter((f"{_MARK}{name}\x00",)), *chain]
        return chain


class _Anchor:
    url = f"#{_MARK}{_SKIP}\x00"  # left as written by the ``url`` filter, as every "#…" address is


class _MarkedPage:
    """The page as the frame sees it, but for its first heading's address, which is marked as a hole."""

    def __init__(self, page: Any) -> None:
        self._page = page
        self.toc = [_Anchor()]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


class Skeleton:
    """The frame of one shape: the text around the holes, every block's chain, the frame's top-level vars."""

    def __init__(self, template: Template, variables: dict[str, Any]) -> None:
        if variables["page"].toc:
            variables = {**variables, "page": _MarkedPage(variables["page"])}
        context = template.new_context(variables)
        context.blocks = _Marked(context.blocks)
        text = template.environment.concat(template.root_render_func(context))  # type: ignore[attr-defined]
        self.parts = _SPLIT.split(text)  # static, hole, static, hole, …, static
        self.blocks = {name: list(chain) for name, chain in dict.items(context.blocks)}
        # The frame's top-level variables: kept as they are, but for templates it imported with the page's
        # context, which each page imports again (by name, in the frame's order).
        self.frame_vars: dict[str, Any] = {}
        self.modules: dict[str, str] = {}
        for name, value in context.vars.items():
            if isinstance(value, TemplateModule) and value.__name__ not in SHARED_MODULES:
                self.modules[name] = value.__name__
            else:
                self.frame_vars[name] = value

    def fill(self, template: Template, variables: dict[str, Any]) -> str:
        context = template.new_context(variables)
        context.vars.update(self.frame_vars)
        for name, module in self.modules.items():
            imported = template.environment.get_template(module)
            context.vars[name] = imported.make_module(context.get_all(), True)
        context.blocks = {name: list(chain) for name, chain in self.blocks.items()}
        parts = self.parts[:]
        for index in range(1, len(parts), 2):
            if parts[index] == _SKIP:
                parts[index] = str(escape(next(iter(variables["page"].toc)).url))[1:]
            else:
                block = context.blocks[parts[index]][0]
                parts[index] = template.environment.concat(block(context))  # type: ignore[attr-defined]
        return "".join(parts)


def _key(template: Template, variables: dict[str, Any]) -> tuple | None:
    """The shape a generated page shares with others, or ``None`` for a page to render whole."""
    page = variables.get("page")
    found = shape(template.environment, page, variables.get("nav"), variables.get("base_url"),
                  variables.get("gs_page"))
    if found is None:
        return None
    first = next(iter(page.toc), None)
    if first is not None and not first.url.startswith("#"):
        return None
    return (template.name, found, first is not None)


class SkeletonTemplate(Template):
    """A theme template whose generated pages are filled into their shape's skeleton."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        variables = dict(*args, **kwargs)
        key = _key(self, variables) if ENABLED else None
        skeletons: dict[tuple, Skeleton | None] = self.environment.gs_skeletons  # type: ignore[attr-defined]
        try:
            if key is not None and key not in skeletons:
                made = Skeleton(self, variables)
                # A template outside Material's frame has no content hole: each of its pages is its own.
                skeletons[key] = made if "container" in made.parts[1::2] else None
            found = skeletons.get(key) if key is not None else None
            if found is not None:
                return found.fill(self, variables)
        except Exception:
            self.environment.handle_exception()
        return super().render(variables)


def install(env: Any) -> None:
    """Render the environment's page templates through skeletons (call before any template is loaded)."""
    env.template_class = SkeletonTemplate
    env.extend(gs_skeletons={})
