"""Fragments drawn once per page place and reused: exemplar cards, which every list and related block repeats.

``{% gs_cached key %} … {% endgs_cached %}`` renders its body once per key (``None``: every time). A card's key
is the exemplar, how it is drawn and its address as seen from the page (its images sit beside its page, so
their addresses follow). Keys hold object ids: the cache lives on the Jinja environment, no longer than the
objects they name.
"""

from __future__ import annotations

from typing import Any, ClassVar

from jinja2 import BytecodeCache, nodes, pass_context
from jinja2.bccache import Bucket
from jinja2.ext import Extension
from jinja2.runtime import Context
from markupsafe import Markup

from ..site.derive import exemplar_url
from .compact import CompactTemplates
from .urls import relative_url

Key = tuple[str, ...]
ENABLED = True  # False renders every fragment afresh (the tests compare both ways byte for byte)


class FragmentCache(Extension):
    """``{% gs_cached key %}body{% endgs_cached %}``: the body rendered once per key (``None``: every time)."""

    tags: ClassVar[set[str]] = {"gs_cached"}

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        environment.extend(gs_fragments={})

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
            if len(fragments) > 50_000:  # a worker's share of a large site: keep memory bounded
                fragments.clear()
            fragments[key] = caller()
        return fragments[key]


@pass_context
def card_key(context: Context, exemplar: Any, *options: Any) -> Key | None:
    """The cache key of an exemplar's card on the page being rendered."""
    page = context.get("page")
    if page is None:
        return None
    return ("card", str(id(exemplar)), *map(repr, options), relative_url(exemplar_url(exemplar.slug), page.url))


@pass_context
def cards(context: Context, items: Any, eager_first: int, level: int, card: Any) -> Markup:
    """The ``card`` macro for each of ``items`` (the first ``eager_first`` eager), joined: a card already drawn
    for this page's place is taken from the cache without calling the macro (a macro call costs about 24 µs,
    and a 10,000-record build shows some 220,000 cards)."""
    fragments: dict[Key, Markup] = context.environment.gs_fragments  # type: ignore[attr-defined]
    out = []
    for index, exemplar in enumerate(items, 1):
        eager = index <= eager_first
        key = card_key(context, exemplar, eager, level) if ENABLED else None
        out.append(fragments[key] if key is not None and key in fragments else card(exemplar, eager, level))
    return Markup("".join(out))


class CompiledTemplates(BytecodeCache):
    """Compiled theme templates kept in memory for the process: MkDocs makes a new Jinja environment for
    every build (a preview rebuild compiled Material's templates again). Jinja checks each template's source
    checksum, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()  # MkDocs' environments (Material's options)
FRAME_COMPILED = CompiledTemplates()  # the frame's (its own options: a template compiles differently there)


def install(env: Any, compiled: CompiledTemplates = COMPILED) -> None:
    """Register the ``gs_cached`` tag, template compaction and the card helpers on an environment, and keep
    its compiled templates for the process in ``compiled`` (one store per set of environment options)."""
    env.add_extension(FragmentCache)
    env.add_extension(CompactTemplates)
    env.globals["gs_card_key"] = card_key
    env.globals["gs_cards"] = cards
    env.bytecode_cache = compiled
