"""Propagation (tuyên truyền): what the site gives portals and readers beyond its pages — column pages,
feeds, embeds, open data and the pages that explain them.

:func:`extend_site` adds the pages to the derived site (pure, no files); :func:`write_outputs` writes the
non-HTML outputs after the renderer has written the pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model.scope import Area
from ..site.columns import Column
from ..site.derive import COLUMNS, FOLLOW, OPEN_DATA, Page, Site, Term, listing_pages
from .embed import write_embeds
from .embedmap import write_embed_maps
from .feeds import FeedContext, write_feeds, write_file
from .opendata import FIELDS, write_open_data


def extend_site(site: Site, columns: list[Column], area: Area | None, today: dt.date, per_page: int) -> None:
    """Add the column pages, the column index, the "Theo dõi" page and the open-data page to ``site``."""
    site.scope = area.label if area else ""
    for column in columns:
        term = Term("column", column.code, column.name, f"{COLUMNS}/{column.code}/", column.description,
                    exemplars=column.select(site.exemplars, today), notes={"query": list(column.summary),
                                                                            "source": column.source})
        site.columns.append(term)
        site.index[("column", column.code)] = term
        site.pages += listing_pages(term, per_page, "gs-column.html")
    site.pages.append(Page(f"{COLUMNS}/", "Chuyên mục", "gs-terms.html", "terms",
                           "Các chuyên mục gương điển hình, người tốt việc tốt — mỗi chuyên mục có tin mới (RSS, Atom, "
                           "JSON Feed) và mã nhúng cho cổng thông tin điện tử.", items=site.columns))
    site.pages.append(Page(f"{FOLLOW}/", "Theo dõi và nhúng", "gs-follow.html", "follow",
                           "Nhận gương điển hình mới qua RSS, Atom, JSON Feed; nhúng chuyên mục vào cổng thông tin."))
    site.pages.append(Page(f"{OPEN_DATA}/", "Dữ liệu mở", "gs-data.html", "data",
                           "Toàn bộ gương điển hình đã công bố dưới dạng JSON và CSV, kèm mô tả từng trường.",
                           items=[(name, text) for name, text, _ in FIELDS]))


@dataclass(frozen=True)
class Outputs:
    feeds: int
    embeds: list[str]
    data: list[str]


def write_outputs(site: Site, ctx: FeedContext, templates: Path, out: Path,
                  write: Callable[[bytes, Path], None] = write_file) -> Outputs:
    """Feeds, embed pages and open data, written below ``out`` (the site directory being built); the many
    small feed files through ``write``, which may hand them to a background writer."""
    return Outputs(write_feeds(site, ctx, out, write=write),
                   write_embeds(site, templates, out, ctx) + write_embed_maps(site, templates, out, ctx),
                   write_open_data(site, ctx, out))
