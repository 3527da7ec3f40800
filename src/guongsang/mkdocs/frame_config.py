"""What guongsang's page frame needs of MkDocs' configuration, read once per build (public attributes only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..render.frame import Frame
from ..render.navigation import Navigation

_ASSETS = {"main": "assets/stylesheets/main.*.min.css", "palette": "assets/stylesheets/palette.*.min.css",
           "bundle": "assets/javascripts/bundle.*.min.js"}


def _asset(dirs: list[Path], pattern: str) -> str:
    """The site-relative path of the first theme file matching ``pattern`` (Material's hashed names), or ""."""
    for folder in dirs:
        found = sorted(folder.glob(pattern))
        if found:
            return found[0].relative_to(folder).as_posix()
    return ""


def frame_of(config: Any, navigation: Navigation, search_scope: Any = None) -> Frame:
    """The frame's view of ``config``: names, the office, palette and icons, the theme's folders and assets."""
    dirs = [Path(d) for d in config.theme.dirs]
    styles = tuple(a for a in (_asset(dirs, _ASSETS["main"]), _asset(dirs, _ASSETS["palette"])) if a)
    site_url = config.site_url or ""
    theme = {"icon": dict(config.theme.get("icon") or {}), "palette": config.theme.get("palette"),
             "features": list(config.theme.get("features") or [])}
    return Frame(site_name=config.site_name, site_url=site_url if not site_url or site_url.endswith("/") else
                 f"{site_url}/", site_description=config.site_description or "", copyright=config.copyright or "",
                 extra=dict(config.extra or {}), theme=theme, navigation=navigation, template_dirs=tuple(dirs),
                 styles=styles, script=_asset(dirs, _ASSETS["bundle"]), repo_url=config.repo_url or "",
                 markdown_extensions=tuple(config.markdown_extensions),
                 markdown_configs=dict(config.mdx_configs or {}), search_scope=search_scope)
