"""What templates may use: the site model as a global and a few Vietnamese formatting filters.

Kept apart from the MkDocs plugin so any Jinja-based renderer (MkDocs today, Zensical tomorrow) can
install the same names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .embed import snippet
from .feeds import FEED_ITEMS, FORMAT_NAMES, alternates
from .opendata import SHARD_SIZE
from .records import Exemplar, Image
from .search import FILTERS, SORT_YEAR, locality_line
from .site import EXEMPLARS, FEED_FILES, Site, embed_url, exemplar_url, feed_url


def vi_date(value: dt.date | None) -> str:
    """20/05/2023 — the way dates are written in Vietnamese documents."""
    return value.strftime("%d/%m/%Y") if value else ""


def vi_number(value: int) -> str:
    """1.234.567 — Vietnamese thousands separator."""
    return f"{value:,}".replace(",", ".")


def image_url(exemplar: Exemplar, image: Image | None = None) -> str:
    image = image or exemplar.image
    return f"{EXEMPLARS}/{exemplar.slug}/{image.path.name}" if image else ""


def install(env: Any, site: Site, today: dt.date) -> None:
    """Register globals and filters on a Jinja environment."""
    env.globals.update(gs_site=site, gs_today=today,
                       gs_search_config={"filters": list(FILTERS.items()), "sortYear": SORT_YEAR, "pageSize": 10})
    env.filters.update(vi_date=vi_date, vi_number=vi_number, exemplar_url=lambda e: exemplar_url(e.slug),
                       image_url=image_url, gs_locality=locality_line)
    # Propagation: feeds announced in page heads, feed and embed URLs, the snippet a portal pastes.
    env.globals.update(gs_feed_formats=[(fmt, FORMAT_NAMES[fmt]) for fmt in FEED_FILES], gs_feed_items=FEED_ITEMS,
                       gs_open_data_parts=-(-len(site.exemplars) // SHARD_SIZE) or 1)
    env.filters.update(gs_alternates=lambda page: alternates(page.term if page else None), gs_feed_url=feed_url,
                       gs_embed_url=embed_url, gs_snippet=snippet)
