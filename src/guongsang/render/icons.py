"""The theme's icons drawn from one sprite file, not written out in full on every page.

Material includes an icon by its SVG source (``{% include ".icons/material/github.svg" %}``), so every
page carried the logo, menu, palette, search, repository and back-to-top icons, and an exemplar page its
sharing icons besides: about 5 KB of path data per page, the same on all of them. The icons the site shows
on every page are gathered once per build into ``assets/images/icons.svg`` as ``<symbol>`` elements; a page
draws each with ``<svg viewBox="…"><use href="…/icons.svg#id"/></svg>`` (about 110 bytes), and the browser
fetches the sprite once and keeps it.

The loader swaps an icon for its ``<use>`` form only if the icon is in :data:`SHOWN` or named by the
theme's configuration, and the sprite holds exactly those icons, read through the same loader: a page can
never point at a symbol the sprite lacks. Icons outside that set stay inline, as Material writes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import BaseLoader, Environment

SPRITE_URI = "assets/images/icons.svg"
_PREFIX, _SUFFIX = ".icons/", ".svg"

# Icons the theme's own templates include on every page or every exemplar page (header search, sharing,
# facts) and Material's defaults for the chrome (drawer button, back to top).
SHOWN = (
    "material/menu",
    "material/arrow-up",
    "material/magnify",
    "material/map-marker-outline",
    "material/medal-outline",
    "fontawesome/brands/facebook",
    "material/link-variant",
    "material/share-variant-outline",
    "material/printer-outline",
    "material/file-pdf-box",
    "material/weather-night",
)
_SVG = re.compile(r'\s*<svg\b[^>]*?\bviewBox="(?P<box>[^"]+)"[^>]*>(?P<body>.*)</svg>\s*', re.S)


def configured(theme: Any) -> tuple[str, ...]:
    """The icons mkdocs.yml names for the chrome: the logo, the repository, menu and top, palette toggles."""
    names = [str(v) for k, v in (theme.get("icon") or {}).items() if k in ("logo", "repo", "menu", "top") and v]
    palette = theme.get("palette") or []
    for option in palette if isinstance(palette, list) else [palette]:
        if isinstance(option, dict) and (icon := (option.get("toggle") or {}).get("icon")):
            names.append(str(icon))
    return tuple(names)


def symbol_id(name: str) -> str:
    """``material/github`` → ``material-github``: the fragment a page's ``<use>`` points at."""
    return name.replace("/", "-")


def _split(source: str, name: str) -> tuple[str, str]:
    """The view box and the inner markup of an icon's SVG source."""
    match = _SVG.fullmatch(source)
    if match is None:
        raise ValueError(f"icon {name}: not a single <svg> element with a viewBox")
    return match["box"], match["body"]


class SpriteLoader(BaseLoader):
    """Wraps the theme's loader: an icon in ``names`` becomes a reference into the sprite."""

    def __init__(self, inner: BaseLoader, names: Iterable[str]) -> None:
        self.inner = inner
        self.names = frozenset(names)

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None,
                                                                           Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        name = template[len(_PREFIX):-len(_SUFFIX)] if template.startswith(_PREFIX) else ""
        if name in self.names and template.endswith(_SUFFIX):
            box, _ = _split(source, name)
            href = f'{{{{ "{SPRITE_URI}" | url }}}}#{symbol_id(name)}'
            # Imported without context, there is no page to link from: the icon stays as written.
            source = (f'{{% if base_url is defined %}}<svg viewBox="{box}">'
                      f'<use href="{href}"/></svg>{{% else %}}{{% raw %}}{source}{{% endraw %}}{{% endif %}}')
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()

    def sprite(self, environment: Environment) -> str:
        """The sprite: one ``<symbol>`` per icon, in name order, read through the wrapped loader."""
        symbols = []
        for name in sorted(self.names):
            source, _, _ = self.inner.get_source(environment, f"{_PREFIX}{name}{_SUFFIX}")
            box, body = _split(source, name)
            symbols.append(f'<symbol id="{symbol_id(name)}" viewBox="{box}">{body}</symbol>')
        return '<svg xmlns="http://www.w3.org/2000/svg">' + "".join(symbols) + "</svg>\n"


def install(env: Environment, theme: Any) -> str:
    """Serve the chrome's icons from the sprite; returns the sprite's SVG, to publish at :data:`SPRITE_URI`."""
    assert env.loader is not None
    loader = SpriteLoader(env.loader, (*SHOWN, *configured(theme)))
    env.loader = loader
    return loader.sprite(env)
