"""Material's chrome rendered once per shape, not once per page: the MkDocs-side fragment cache.

Most of the time spent rendering a generated page went into Material's navigation drawer, tabs and header,
which are the same on every generated page that sits at the same place relative to the nav. The theme wraps
those parts in ``{% gs_cached gs_chrome_key("name") %} … {% endgs_cached %}``: the first page of a shape
renders the fragment, the others reuse its HTML.

The key is everything the fragment can show that differs between pages: the page's relative base URL and
the relative URL of every nav page as seen from the page (Material prints nav links relative to the page).
Pages in the nav are never cached (their tab and nav entry are marked active), nor hand-written pages; for
them the key is ``None`` and the fragment is rendered as usual. Exemplar cards, which every list and
related block repeats, are kept the same way (:func:`card_key`). Keys hold object ids: the cache lives no
longer than the build whose objects they name. The cache lives on the Jinja environment,
which MkDocs makes afresh for every build.
"""

from __future__ import annotations

from typing import Any, ClassVar

from jinja2 import BytecodeCache, nodes, pass_context
from jinja2.bccache import Bucket
from jinja2.ext import Extension
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from ..render.compact import CompactTemplates
from ..site.derive import exemplar_url

Key = tuple[str, ...]
ENABLED = True  # False renders every fragment afresh (the tests compare both ways byte for byte)


class ChromeCache(Extension):
    """``{% gs_cached key %}body{% endgs_cached %}``: the body rendered once per key (``None``: every time)."""

    tags: ClassVar[set[str]] = {"gs_cached"}

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        environment.extend(gs_fragments={}, gs_nav_uris={}, gs_page_links={})

    def parse(self, parser: Any) -> nodes.Node:
        lineno = next(parser.stream).lineno
        key = parser.parse_expression()
        body = parser.parse_statements(("name:endgs_cached",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_render", [key]), [], [], body).set_lineno(lineno)

    def _render(self, key: Key | None, caller: Any) -> Markup:
        if key is None or not ENABLED:
            return caller()
        fragments: dict[Key, Markup] = self.environment.gs_fragments  # type: ignore[attr-defined]
        if key not in fragments:
            fragments[key] = caller()
        return fragments[key]


def _nav_uris(env: Any, nav: Any) -> frozenset[str]:
    """Source paths of the pages in ``nav`` (computed once per nav)."""
    known: dict[int, frozenset[str]] = env.gs_nav_uris
    if id(nav) not in known:
        known.clear()
        known[id(nav)] = frozenset(p.file.src_uri for p in nav.pages)
    return known[id(nav)]


def shape(env: Any, page: Any, nav: Any, base_url: Any, generated: Any) -> Key | None:
    """What a generated page's chrome depends on: its base URL and every nav page's URL relative to it;
    ``None`` for a hand-written page or a page in the nav (its own chrome marks it active)."""
    if page is None or nav is None or generated is None:
        return None
    if page.file.src_uri in _nav_uris(env, nav):
        return None
    return _links(env, nav, page.url, str(base_url))


@pass_context
def chrome_key(context: Context, name: str) -> Key | None:
    """The cache key of fragment ``name`` on the page being rendered, or ``None`` to render it afresh."""
    found = shape(context.environment, context.get("page"), context.get("nav"), context.get("base_url"),
                  context.get("gs_page"))
    return None if found is None else (name, *found)


@pass_context
def card_key(context: Context, exemplar: Any, *options: Any) -> Key | None:
    """The cache key of an exemplar's card on the page being rendered: the same card, drawn the same way,
    linking to the same relative address (its images sit beside its page, so their addresses follow)."""
    page = context.get("page")
    if page is None:
        return None
    return ("card", str(id(exemplar)), *map(repr, options), get_relative_url(exemplar_url(exemplar.slug), page.url))


@pass_context
def cards(context: Context, items: Any, eager_first: int, level: int, card: Any) -> Markup:
    """The ``card`` macro for each of ``items`` (the first ``eager_first`` eager), joined: a card already drawn
    for this page's place is taken from the cache here, without calling the macro (a Jinja macro call cost
    about 24 µs, and a 10,000-record build shows some 220,000 cards)."""
    fragments: dict[Key, Markup] = context.environment.gs_fragments  # type: ignore[attr-defined]
    out = []
    for index, exemplar in enumerate(items, 1):
        eager = index <= eager_first
        key = card_key(context, exemplar, eager, level) if ENABLED else None
        out.append(fragments[key] if key is not None and key in fragments else card(exemplar, eager, level))
    return Markup("".join(out))


def _links(env: Any, nav: Any, url: str, base_url: str) -> Key:
    """The base URL and every nav page's URL relative to the page at ``url`` (once per page)."""
    known: dict[str, Key] = env.gs_page_links
    if url not in known:
        known.clear()  # one page at a time: its fragments ask in turn
        known[url] = (base_url, *(get_relative_url(p.url, url) for p in nav.pages))
    return known[url]


class CompiledTemplates(BytecodeCache):
    """Compiled theme templates kept in memory for the process: MkDocs makes a new Jinja environment for
    every build, and compiling Material's templates again took most of a second of each preview rebuild.
    Jinja checks each template's source checksum, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def install(env: Any) -> None:
    """Register the ``gs_cached`` tag, template compaction and the chrome and card keys on the theme's
    environment, and keep its compiled templates for the process."""
    env.add_extension(ChromeCache)
    env.add_extension(CompactTemplates)
    env.globals["gs_chrome_key"] = chrome_key
    env.globals["gs_card_key"] = card_key
    env.globals["gs_cards"] = cards
    env.bytecode_cache = COMPILED
