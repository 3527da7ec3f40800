"""What the collection views' templates use (the map, the timeline, the table, JSON-LD), installed on the
Jinja environment by :func:`guongsang.render.templating.install`."""

from __future__ import annotations

from typing import Any

from ..model.geo import ATTRIBUTION
from ..site.timeline import own_timeline
from .jsonld import jsonld


def install(env: Any) -> None:
    env.globals.update(gs_jsonld=jsonld, gs_map_attribution=ATTRIBUTION)
    env.filters["gs_own_timeline"] = own_timeline
