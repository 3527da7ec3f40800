"""schema.org structured data (JSON-LD) for every page kind, built from the model.

* an exemplar: ``Person`` (cá nhân), ``Organization`` (tập thể) or, for a household (hộ gia đình),
  ``Organization`` typed further as a family (Wikidata Q8436), with ``award`` (the award texts),
  ``address`` (current units, and the units before 1 July 2025), ``image``, ``description``, ``url`` and
  ``sameAs`` (its sources);
* a listing or an index of terms: ``CollectionPage`` whose ``mainEntity`` is an ``ItemList``; an exemplar's
  item is its position and URL only (Google's summary-page form: the page it points to names it, and names
  repeated on every list page were ~8 MB at 10,000 records), a term's item keeps its name;
* the home page: ``WebSite`` with a ``SearchAction`` on the search page.

Templates emit it with one line (``partials/gs-jsonld.html``).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from ..model.records import Award, Exemplar
from ..outputs.images import published_names, widths_for
from ..site.derive import SEARCH, Page, Term, exemplar_url, image_file_url

CONTEXT = "https://schema.org"
FAMILY = "https://www.wikidata.org/wiki/Q8436"  # family: schema.org has no type of its own for a household
TYPES = {"ca-nhan": "Person", "tap-the": "Organization", "ho-gia-dinh": "Organization"}
LEGACY_NOTE = "Trước 1/7/2025"  # the legacy address: units as they were before the reorganisation


def award_text(award: Award) -> str:
    """"Bằng khen — Chủ tịch UBND cấp tỉnh (2023, quyết định số 123/QĐ-UBND)"."""
    details = [str(award.year), *([f"quyết định số {award.decision}"] if award.decision else [])]
    return f"{award.label} ({', '.join(details)})"


def address(exemplar: Exemplar) -> list[dict[str, Any]]:
    loc = exemplar.locality
    current: dict[str, Any] = {"@type": "PostalAddress", "addressRegion": loc.province.name, "addressCountry": "VN"}
    if loc.ward:
        current["addressLocality"] = loc.ward.name
    out = [current]
    if loc.legacy_province:
        legacy: dict[str, Any] = {"@type": "PostalAddress", "addressRegion": loc.legacy_province.name,
                                  "addressCountry": "VN", "description": LEGACY_NOTE}
        parts = [u.name for u in (loc.legacy_ward, loc.legacy_district) if u]
        if parts:
            legacy["addressLocality"] = ", ".join(parts)
        out.append(legacy)
    return out


def images(exemplar: Exemplar, base: str) -> list[str]:
    """The largest WebP rendition of each image, as absolute URLs."""
    names = published_names(i.src for i in exemplar.images)
    return [urljoin(base, image_file_url(exemplar.slug, name, widths_for(image.width)[-1], "webp"))
            for name, image in zip(names, exemplar.images, strict=True)]


def exemplar_data(exemplar: Exemplar, base: str) -> dict[str, Any]:
    url = urljoin(base, exemplar_url(exemplar.slug))
    kind = TYPES.get(exemplar.kind.code, "Thing")
    data: dict[str, Any] = {"@context": CONTEXT, "@type": kind, "name": exemplar.name,
                            "url": url, "description": exemplar.summary, "address": address(exemplar)}
    if exemplar.kind.code == "ho-gia-dinh":
        data["additionalType"] = FAMILY
    if exemplar.awards:
        data["award"] = [award_text(a) for a in exemplar.awards]
    if exemplar.images:
        data["image"] = images(exemplar, base)
    if exemplar.sources:
        data["sameAs"] = [s.url for s in exemplar.sources]
    return data


def _item(position: int, url: str, name: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "ListItem", "position": position, "url": url}
    if name is not None:
        item["name"] = name
    return item


def collection_data(page: Page, base: str) -> dict[str, Any]:
    """A listing (its page of exemplars) or an index of terms, as a CollectionPage with an ItemList."""
    start = 0
    if page.pagination and page.term and page.pagination.number > 1:  # the last page holds what is left
        p = page.pagination
        start = (p.number - 1) * len(page.items) if p.number < p.count else page.term.count - len(page.items)
    items = []
    for n, item in enumerate(page.items, start=start + 1):
        if isinstance(item, Exemplar):
            items.append(_item(n, urljoin(base, exemplar_url(item.slug))))
        elif isinstance(item, Term):
            items.append(_item(n, urljoin(base, item.url), item.label))
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "CollectionPage", "name": page.title,
                            "url": urljoin(base, page.url), "inLanguage": "vi"}
    if page.description:
        data["description"] = page.description
    if items:
        total = page.term.count if page.term else len(items)
        data["mainEntity"] = {"@type": "ItemList", "numberOfItems": total, "itemListElement": items}
    return data


def website_data(name: str, base: str, description: str) -> dict[str, Any]:
    return {"@context": CONTEXT, "@type": "WebSite", "name": name, "url": base, "description": description,
            "inLanguage": "vi", "potentialAction": {"@type": "SearchAction",
                                                    "target": urljoin(base, f"{SEARCH}/?q={{q}}"),
                                                    "query-input": "required name=q"}}


def encode(data: dict[str, Any]) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` element: ``<`` escaped, so no text of a record can
    close the element (``&`` and quotes need no escaping there: the element's content is not parsed as HTML)."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"))


def page_data(derived: Page | None, page: Any, config: Any) -> dict[str, Any] | None:
    base = (config.get("site_url") or "") if config else ""
    if page is not None and getattr(page, "is_homepage", False):
        return website_data(config["site_name"], base, config.get("site_description") or "")
    if derived is None:
        return None
    if derived.kind == "exemplar" and derived.exemplar:
        return exemplar_data(derived.exemplar, base)
    if derived.kind in ("listing", "terms", "map", "timeline", "table"):
        return collection_data(derived, base)
    return None


def jsonld(derived: Page | None, page: Any, config: Any) -> Markup:
    """The page's JSON-LD, or "" when it has none."""
    data = page_data(derived, page, config)
    return encode(data) if data else Markup("")
