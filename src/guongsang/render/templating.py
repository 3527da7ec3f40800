"""What templates may use: the site model as a global and a few Vietnamese formatting filters.

Kept apart from the MkDocs plugin so any Jinja-based renderer (MkDocs today, Zensical tomorrow) can
install the same names.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from ..editors.proposal import for_browser, form_config
from ..editors.spreadsheet import TEMPLATE_NAME
from ..model.contests import VISIBILITY
from ..model.places import gazetteer
from ..model.records import Exemplar, Image
from ..outputs.embed import embeddable, snippet
from ..outputs.feeds import FEED_ITEMS, FORMAT_NAMES, MEDIA_TYPES, alternates, list_feeds
from ..outputs.images import published_names, widths_for
from ..outputs.media import Media, card_uri
from ..outputs.opendata import province_files
from ..outputs.search import FILTERS, SORT_YEAR, locality_line
from ..outputs.search_words import ALL_TOKEN, ENTRY_TOKEN
from ..site.contest_views import entry_url
from ..site.derive import (
    FEED_FILES,
    Site,
    Term,
    exemplar_url,
    feed_url,
    image_file_url,
    plan_json_url,
    plan_url,
    poster_url,
    term_embed_url,
)
from ..site.progress import STATUS_LABELS
from ..site.published import published_on
from . import collections, csp


def vi_date(value: dt.date | None) -> str:
    """20/05/2023 — the way dates are written in Vietnamese documents."""
    return value.strftime("%d/%m/%Y") if value else ""


def vi_number(value: int) -> str:
    """1.234.567 — Vietnamese thousands separator."""
    return f"{value:,}".replace(",", ".")


def vi_percent(value: float) -> str:
    """81,3% — one decimal, Vietnamese decimal comma, none for whole numbers."""
    text = f"{value:.1f}".removesuffix(".0").replace(".", ",")
    return f"{text}%"


def media_type(url: str) -> str:
    """``image/png`` or ``image/jpeg``: the type of a card, by its suffix."""
    return "image/png" if url.endswith(".png") else "image/jpeg"


def image_url(exemplar: Exemplar, image: Image | None = None) -> str:
    """The smallest WebP rendition of an image (search-result thumbnails)."""
    image = image or exemplar.image
    if image is None:
        return ""
    name = published_names(i.src for i in exemplar.images)[exemplar.images.index(image)]
    return image_file_url(exemplar.slug, name, widths_for(image.width)[0], "webp")


def share_links(url: str) -> dict[str, str]:
    """Plain share links (no third-party script): Facebook's sharer and Zalo's share page."""
    from urllib.parse import quote

    return {"facebook": f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}",
            "zalo": f"https://sp.zalo.me/share_inline?url={quote(url, safe='')}"}


_BLOCKING_SCRIPT = re.compile(r"<script src=(\"[^\"]*\")></script>")


def defer_scripts(html: str) -> Markup:
    """Theme HTML with its external scripts deferred (run in order once the page is parsed, not render-blocking)."""
    return Markup(_BLOCKING_SCRIPT.sub(r"<script src=\1 defer></script>", str(html)))


# The search filter of a capped list's section (site.derive.LIST_PAGES), and the term's value in it.
_SEARCH_FILTER = {"movement": "phong-trao", "field": "linh-vuc", "kind": "doi-tuong", "year": "nam",
                  "award": "hinh-thuc", "province": "tinh", "ward": "phuong-xa"}


def search_query(term: Term) -> str:
    """The search page's query string that finds every exemplar of ``term``: "?phong-trao=Dân%20vận%20khéo"."""
    key = _SEARCH_FILTER.get(term.section)
    if key is None:
        return ""
    value = term.key if term.section == "year" else term.label
    return "?" + urlencode({key: value}, quote_via=quote)


def install(env: Any, site: Site, today: dt.date, media: Media | None = None) -> None:
    """Register globals and filters on a Jinja environment."""
    media = media or Media()
    env.autoescape = True  # every value is text unless marked otherwise (page.content, cleaned, is Markup)
    env.globals.update(gs_site=site, gs_today=today, gs_csp=Markup(csp.policy()), gs_visibility=VISIBILITY,
                       gs_media=media, gs_posters=media.posters,
                       gs_search_config={"filters": list(FILTERS.items()), "sortYear": SORT_YEAR, "pageSize": 10,
                                         "entryToken": ENTRY_TOKEN, "allToken": ALL_TOKEN,
                                         "years": sorted({e.year for e in site.exemplars}, reverse=True)},
                       gs_plan_status=STATUS_LABELS, gs_booklets=dict(site.booklets))
    env.globals.update(gs_form=lambda: form_config(site.catalog, gazetteer(), today.year),
                       gs_template_workbook=TEMPLATE_NAME)
    env.filters["gs_for_browser"] = for_browser
    env.filters["gs_search_query"] = search_query
    env.filters["gs_defer_scripts"] = defer_scripts
    env.filters.update(vi_date=vi_date, vi_number=vi_number, vi_percent=vi_percent, entry_url=entry_url,
                       exemplar_url=lambda e: exemplar_url(e.slug), image_url=image_url, gs_locality=locality_line,
                       plan_url=plan_url, plan_json_url=plan_json_url, gs_picture=media.picture,
                       gs_card_url=card_uri, gs_card_type=media_type, gs_poster_url=poster_url, gs_share=share_links)
    env.filters["gs_published"] = lambda e: published_on(e, today)
    # Propagation: feeds announced in page heads, feed and embed URLs, the snippet a portal pastes.
    env.globals.update(gs_feed_formats=[(fmt, FORMAT_NAMES[fmt]) for fmt in FEED_FILES], gs_feed_items=FEED_ITEMS,
                       gs_feed_media=MEDIA_TYPES,
                       gs_open_data=province_files(site.exemplars))
    env.filters.update(gs_alternates=lambda page: alternates(page.term if page else None), gs_feed_url=feed_url,
                       gs_list_feeds=list_feeds,
                       gs_embed_url=term_embed_url, gs_embeddable=embeddable, gs_snippet=snippet)
    collections.install(env)  # the map, the timeline, the table and JSON-LD
