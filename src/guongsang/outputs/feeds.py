"""Feeds: RSS 2.0 and Atom (written with ``feedgen``) and JSON Feed 1.1, for the whole site, each movement,
each province, each current ward, each legacy district and each column. The thousands of wards and legacy
districts have RSS 2.0 only, the one format every reader and portal takes (#24: two formats more were 27 MB at
10,000 records); the site, columns, contests, provinces and movements have all three.

Every feed holds at most :data:`FEED_ITEMS` items, newest first (see ``published.py``), each with its title,
summary, link, the first image as enclosure and a GUID that does not change when the site moves (a UUID from
the exemplar's slug). Only the site-wide feed and the columns' feeds (what portals and readers subscribe to)
carry the full story too (contest feeds carry the entries' text): the thousands of place and movement feeds stay
small. Entries are prepared once per exemplar and the items of every feed are picked in one pass over the site's
exemplars, so the work grows linearly with the corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment

from ..model.contests import ContestEntry
from ..model.records import Exemplar
from ..model.sanitize import clean_html
from ..model.text import nfc
from ..site.contest_views import contest_url, entry_url
from ..site.derive import FEED_FILES, Site, Term, exemplar_url, feed_url
from ..site.published import newest_first, published_on

FEED_ITEMS = 20  # items per feed (#24): at 10,000 records the wards and districts hold ~2,000 feeds
FEED_SECTIONS = ("movement", "province", "ward", "district", "column")  # taxonomies whose lists have feeds
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
FORMAT_NAMES = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
RSS_ONLY = ("ward", "district")  # sections with thousands of lists: RSS 2.0 only
_NAMESPACE = uuid.UUID("6f1f3c0e-4f7a-5d0e-9a43-6775f6e67361")  # guongsang's own UUID namespace

# What an item's full text shows above the story (autoescaped: titles and names are never markup).
_ITEM = Environment(autoescape=True).from_string(
    "{% if image %}<p><img src=\"{{ image.url }}\" alt=\"{{ image.alt }}\" width=\"{{ image.width }}\" "
    "height=\"{{ image.height }}\"></p>{% endif %}"
    "<p><strong>{{ e.name }}</strong> — {{ e.kind.label }}, {{ place }}</p>"
    "{% if e.awards %}<ul>{% for a in e.awards %}<li>{{ a.label }} ({{ a.year }})</li>"
    "{% endfor %}</ul>{% endif %}")
_LINK = re.compile(r'(\s(?:href|src)=")([^"#][^"]*)"')
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """NFC text without the characters XML 1.0 cannot carry (control characters), so a feed always parses."""
    return _XML_INVALID.sub("", nfc(text))


def feed_base(term: Term | None) -> str | None:
    """The URL of the list whose feeds a page links to ("" for the site), or None when the list has none."""
    if term is None or term.section not in FEED_SECTIONS:
        return None
    return term.url


def formats(key: str) -> tuple[str, ...]:
    """The formats a feed is written in, from its key ("site", "ward/<province>/<ward>" …) or its section."""
    return ("rss",) if key.split("/", 1)[0] in RSS_ONLY else tuple(FEED_FILES)


def list_feeds(term: Term | None) -> list[tuple[str, str, str]]:
    """(format, format name, media type) of the feeds a list page offers: the site's for None, none for a list
    without feeds."""
    if term is None:
        return [(f, FORMAT_NAMES[f], MEDIA_TYPES[f]) for f in FEED_FILES]
    if feed_base(term) is None:
        return []
    return [(f, FORMAT_NAMES[f], MEDIA_TYPES[f]) for f in formats(term.section)]


def guid(exemplar: Exemplar) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'exemplar:' + exemplar.slug)}"


@dataclass(frozen=True)
class Enclosure:
    url: str
    alt: str
    length: int
    type: str
    width: int
    height: int


@dataclass(frozen=True)
class Entry:
    """What every feed says about one exemplar, prepared once."""

    id: str
    url: str
    title: str
    summary: str
    html: str  # the full text ("" in a feed of summaries)
    date: dt.datetime
    categories: tuple[str, ...]
    image: Enclosure | None


@dataclass
class FeedSpec:
    key: str  # "site", "movement/<code>", "column/<code>" …: the feed's id is derived from it
    title: str
    description: str
    base: str  # URL of the list the feed follows ("" for the whole site)
    items: list[Exemplar] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)  # items prepared already (contest entries)
    full: bool = False  # items carry the full story (the site-wide feed and the columns')


@dataclass(frozen=True)
class FeedContext:
    """Site-wide settings a feed needs: names, the absolute site URL, the build date, the story renderer."""

    site_name: str
    site_url: str  # absolute, ending with "/"
    today: dt.date
    story: Callable[[Exemplar], str]  # the story as HTML (links relative to the exemplar's page)
    scope: str = ""  # the area of a sub-site, said in every feed title
    # The published rendition of an exemplar's first image: (site-relative URL, MIME type, bytes, width, height).
    # None: the source file beside the page (sites built without image processing, and tests).
    image: Callable[[Exemplar, int], tuple[str, str, int, int, int] | None] | None = None

    def image_of(self, exemplar: Exemplar, index: int = 0) -> tuple[str, str, int, int, int] | None:
        """Where an exemplar's image is published, as :attr:`image` says (None: no such image)."""
        if index >= len(exemplar.images):
            return None
        img = exemplar.images[index]
        if self.image is not None:
            return self.image(exemplar, index)
        kind = mimetypes.guess_type(img.path.name)[0] or "image/jpeg"
        return f"{exemplar_url(exemplar.slug)}{img.path.name}", kind, img.path.stat().st_size, img.width, img.height

    def absolute(self, url: str) -> str:
        """A site-relative URL ("guong/x/") made absolute; plain concatenation is exact for those, and cheap."""
        if url.startswith(("/", ".")) or "://" in url:
            return urljoin(self.site_url, url)
        return self.site_url + url


def specs(site: Site, today: dt.date, limit: int = FEED_ITEMS) -> list[FeedSpec]:
    """Every feed of the site with its items: one pass over the exemplars, newest first."""
    out = [FeedSpec("site", "Gương điển hình mới", "Gương điển hình tiên tiến, người tốt việc tốt mới nhất.", "",
                    full=True)]
    by_term: dict[int, FeedSpec] = {}
    terms = [t for name in ("movements", "places", "legacy") for t in _walk(site.sections.get(name, []))]
    for term in terms:
        if feed_base(term) is not None:
            spec = FeedSpec(f"{term.section}/{_term_key(term)}", term.label, term.description or term.label, term.url)
            by_term[id(term)] = spec
            out.append(spec)
    for exemplar in newest_first(site.exemplars, today):
        if len(out[0].items) < limit:
            out[0].items.append(exemplar)
        for section_terms in site.terms_of.get(exemplar.slug, {}).values():
            for term in section_terms:
                spec = by_term.get(id(term))
                if spec is not None and len(spec.items) < limit:
                    spec.items.append(exemplar)
    for term in site.columns:  # columns already hold their items, newest first
        out.append(FeedSpec(f"column/{term.key}", term.label, term.description or term.label, term.url,
                            term.exemplars[:limit], full=True))
    return out


def _walk(terms: list[Term]) -> Iterable[Term]:
    for term in terms:
        yield term
        yield from _walk(term.children)


def _term_key(term: Term) -> str:
    return f"{term.parent.key}/{term.key}" if term.parent else term.key


def entry(exemplar: Exemplar, ctx: FeedContext, full: bool = True) -> Entry:
    """One exemplar as a feed item; with ``full``, the story as HTML (links made absolute) too."""
    page = ctx.absolute(exemplar_url(exemplar.slug))
    image = None
    published = ctx.image_of(exemplar)
    if published is not None and exemplar.image is not None:
        url, kind, length, width, height = published
        image = Enclosure(ctx.absolute(url), exemplar.image.alt, length, kind, width, height)
    html = ""
    if full:
        story = _LINK.sub(lambda m: f'{m.group(1)}{urljoin(page, m.group(2))}"', ctx.story(exemplar))
        html = xml_safe(_ITEM.render(e=exemplar, image=image, place=exemplar.locality.current_label) + story)
    published = dt.datetime.combine(published_on(exemplar, ctx.today), dt.time(), VIETNAM)
    categories = tuple(dict.fromkeys([*(m.label for m in exemplar.movements), exemplar.field.label,
                                      exemplar.kind.label, exemplar.locality.province.name]))
    return Entry(guid(exemplar), page, xml_safe(exemplar.title), xml_safe(exemplar.summary), html, published,
                 categories, image)


def _title(spec: FeedSpec, ctx: FeedContext) -> str:
    parts = [spec.title if spec.key != "site" else ctx.site_name, *([ctx.scope] if ctx.scope else [])]
    if spec.key != "site":
        parts.append(ctx.site_name)
    return xml_safe(" — ".join(dict.fromkeys(parts)))


def _updated(entries: list[Entry], ctx: FeedContext) -> dt.datetime:
    return max((e.date for e in entries), default=dt.datetime.combine(ctx.today, dt.time(), VIETNAM))


def _links(gen, spec: FeedSpec, ctx: FeedContext, fmt: str) -> None:
    """The feed's own address (``self``, per format) and its list's page."""
    gen.link([{"href": ctx.absolute(feed_url(spec.base, fmt)), "rel": "self", "type": MEDIA_TYPES[fmt]},
              {"href": ctx.absolute(spec.base), "rel": "alternate", "type": "text/html"}], replace=True)


def _generator(spec: FeedSpec, entries: list[Entry], ctx: FeedContext):
    from feedgen.feed import FeedGenerator

    gen = FeedGenerator()
    gen.id(f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'feed:' + spec.key)}")
    gen.title(_title(spec, ctx))
    gen.subtitle(xml_safe(spec.description))
    _links(gen, spec, ctx, "rss")
    gen.language("vi")
    gen.author({"name": ctx.site_name})
    gen.generator("guongsang", uri="https://github.com/guongsang/guongsang")
    gen.updated(_updated(entries, ctx))
    gen.lastBuildDate(_updated(entries, ctx))
    for item in entries:
        fe = gen.add_entry(order="append")
        fe.id(item.id)
        fe.guid(item.id, permalink=False)
        fe.title(item.title)
        fe.link(href=item.url, rel="alternate", type="text/html")
        fe.summary(item.summary)
        if item.html:
            fe.content(item.html, type="html")
        fe.published(item.date)
        fe.updated(item.date)
        for category in item.categories:
            fe.category(term=xml_safe(category))
        if item.image is not None:
            fe.enclosure(item.image.url, str(item.image.length), item.image.type)
    return gen


def xml_feeds(spec: FeedSpec, entries: list[Entry], ctx: FeedContext) -> dict[str, bytes]:
    """RSS 2.0 and, unless the feed is RSS only, Atom from one generator (built once per feed)."""
    gen = _generator(spec, entries, ctx)
    out = {"rss": gen.rss_str(pretty=False)}
    if "atom" in formats(spec.key):
        _links(gen, spec, ctx, "atom")
        out["atom"] = gen.atom_str(pretty=False)
    return out


def json_feed(spec: FeedSpec, entries: list[Entry], ctx: FeedContext) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _title(spec, ctx),
        "home_page_url": ctx.absolute(spec.base),
        "feed_url": ctx.absolute(feed_url(spec.base, "json")),
        "description": xml_safe(spec.description),
        "language": "vi",
        "authors": [{"name": ctx.site_name, "url": ctx.site_url}],
        "items": [_json_item(item) for item in entries],
    }
    return (json.dumps(feed, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _json_item(item: Entry) -> dict:
    text = {"content_html": item.html} if item.html else {"content_text": item.summary}  # JSON Feed needs one
    out = {"id": item.id, "url": item.url, "title": item.title, **text, "summary": item.summary,
           "date_published": item.date.isoformat(), "date_modified": item.date.isoformat(),
           "tags": list(item.categories)}
    if item.image is not None:
        out["image"] = item.image.url
        out["attachments"] = [{"url": item.image.url, "mime_type": item.image.type,
                               "size_in_bytes": item.image.length, "title": item.image.alt}]
    return out


def contest_entry(item: ContestEntry, contest: str, ctx: FeedContext) -> Entry:
    """A contest entry as a feed item: its text (Markdown, cleaned like a story), author and unit, date sent."""
    import markdown

    url = ctx.absolute(entry_url(item))
    byline = f"<p><strong>{escape(item.author)}</strong> — {escape(item.unit.name)}</p>"
    html = clean_html(markdown.markdown(item.body))
    html = _LINK.sub(lambda m: f'{m.group(1)}{urljoin(url, m.group(2))}"', html)
    published = dt.datetime.combine(min(item.submitted, ctx.today), dt.time(), VIETNAM)
    return Entry(f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'entry:{item.contest}/{item.slug}')}", url,
                 xml_safe(item.title), xml_safe(item.summary), xml_safe(byline + html), published,
                 ("Bài dự thi", contest), None)


def contest_specs(site: Site, ctx: FeedContext, limit: int = FEED_ITEMS) -> list[FeedSpec]:
    """One feed per contest: its published entries, newest first (what its public pages show)."""
    if site.contests is None:
        return []
    out = []
    for view in site.contests.views:
        newest = sorted(view.published, key=lambda e: (-e.submitted.toordinal(), e.slug))[:limit]
        out.append(FeedSpec(f"contest/{view.slug}", f"Bài dự thi — {view.contest.title}", view.contest.summary,
                            contest_url(view.slug), entries=[contest_entry(e, view.contest.title, ctx)
                                                             for e in newest]))
    return out


def write_file(data: bytes, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_feeds(site: Site, ctx: FeedContext, out: Path, limit: int = FEED_ITEMS,
                write: Callable[[bytes, Path], None] = write_file) -> int:
    """Write every feed in its formats (:func:`formats`) below ``out`` with ``write`` (which makes the folders);
    returns the number of files written."""
    cache: dict[tuple[str, bool], Entry] = {}
    written = 0
    for spec in [*specs(site, ctx.today, limit), *contest_specs(site, ctx, limit)]:
        entries = [cache.get((e.slug, spec.full)) or cache.setdefault((e.slug, spec.full), entry(e, ctx, spec.full))
                   for e in spec.items] + spec.entries
        files = xml_feeds(spec, entries, ctx)
        if "json" in formats(spec.key):
            files["json"] = json_feed(spec, entries, ctx)
        for fmt, data in files.items():
            write(data, out / feed_url(spec.base, fmt))
            written += 1
    return written


def alternates(term: Term | None) -> list[tuple[str, str, str]]:
    """(media type, title, site-relative URL) of the feeds a page announces: its list's in every format it has,
    then the site's — in RSS only beside a list's own (the other two would repeat on thousands of pages)."""
    own = list_feeds(term) if term is not None else []
    out = [(media, f"{term.label} ({name})", feed_url(term.url, f)) for f, name, media in own]
    site = list_feeds(None)[:1] if own else list_feeds(None)
    out += [(media, f"Gương điển hình mới ({name})", feed_url("", f)) for f, name, media in site]
    return out
