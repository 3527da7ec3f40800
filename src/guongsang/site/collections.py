"""The collection views a digital-collections reader expects: the map (``ban-do/``), honours through time
(``dong-thoi-gian/``) and the table of all records (``du-lieu/bang/``). :func:`add_collections` adds their pages
to the derived site; URLs of these pages are spelled here and nowhere else.
"""

from __future__ import annotations

from ..model.geo import geodata
from ..model.places import gazetteer
from .datatable import TABLE, build_table
from .derive import EMBED, Page, Site, Term, build_sections
from .mapview import MapView, national_map, province_map
from .timeline import build_timeline

MAP = "ban-do"
TIMELINE = "dong-thoi-gian"

MAP_TITLE = "Bản đồ gương điển hình"
MAP_TEXT = ("Số gương điển hình theo tỉnh, thành phố; chọn một tỉnh để xem theo phường, xã. "
            "Bản đồ vẽ sẵn, không tải dữ liệu từ nơi khác.")
TIMELINE_TITLE = "Dòng thời gian khen thưởng"
TIMELINE_TEXT = ("Các hình thức khen thưởng gương điển hình đã nhận, theo năm và theo giai đoạn kế hoạch: số lượt "
                 "khen thưởng, phong trào thi đua và những khen thưởng tiêu biểu mỗi năm.")
TABLE_TITLE = "Bảng dữ liệu gương điển hình"
TABLE_TEXT = ("Tất cả gương điển hình đã công bố trong một bảng: sắp xếp theo cột, lọc theo đối tượng, tỉnh, "
              "phong trào, năm. Tải toàn bộ dữ liệu dưới dạng CSV hoặc JSON.")


def map_url(province: Term | None = None) -> str:
    return f"{MAP}/{province.unit.slug}/" if province and province.unit else f"{MAP}/"


def embed_map_url(column: str) -> str:
    return f"{EMBED}/{column}/{MAP}/"


def map_views(site: Site) -> tuple[MapView, list[tuple[Term, MapView]]]:
    """The site's map (the country, or the one province of a sub-site) and a map per province."""
    geo = geodata()
    provinces = site.sections["places"]
    per_province = [(t, province_map(geo, t)) for t in provinces if t.unit]
    if site.scope and len(per_province) == 1:
        return per_province[0][1], []
    for _, view in per_province:
        view.up = map_url()
    names = {u.code: u.name for u in gazetteer().provinces.values()}
    return national_map(geo, provinces, names, {t.key: map_url(t) for t in provinces}), per_province


def column_map(site: Site, column: Term) -> MapView:
    """The country map of one column's exemplars (for ``nhung/<column>/ban-do/``); marks lead to the
    provinces' lists on the site."""
    gaz = gazetteer()
    provinces = build_sections(column.exemplars, site.catalog, gaz)["places"]
    names = {u.code: u.name for u in gaz.provinces.values()}
    return national_map(geodata(), provinces, names, {t.key: t.url for t in provinces})


def add_collections(site: Site) -> None:
    """Add the map pages, the timeline page and the table page (with its JSON chunks) to ``site``."""
    whole, provinces = map_views(site)
    site.pages.append(Page(map_url(), MAP_TITLE, "gs-map.html", "map", MAP_TEXT, items=[whole]))
    for term, view in provinces:
        site.pages.append(Page(map_url(term), f"Bản đồ gương điển hình — {term.label}", "gs-map.html", "map",
                               f"Gương điển hình ở {term.label} theo phường, xã.", term=term, items=[view]))
    site.pages.append(Page(f"{TIMELINE}/", TIMELINE_TITLE, "gs-timeline.html", "timeline", TIMELINE_TEXT,
                           items=[build_timeline(site.exemplars, site.catalog)]))
    site.pages.append(Page(TABLE, TABLE_TITLE, "gs-table.html", "table", TABLE_TEXT, items=[build_table(site)]))
