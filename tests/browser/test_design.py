"""The look of the site in Chromium: accessibility (axe-core), page weight, responsive images, sharing, print."""

from __future__ import annotations

import re
import sys
from importlib import resources

import pytest

from guongsang.project import Settings, load
from support import ROOT, TODAY, wait_until

pytestmark = pytest.mark.browser

BUDGET = 200 * 1024  # bytes on the wire before images, first visit
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module")
def site(root):
    return load(Settings.at(root, today=TODAY)).site


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core as shipped inside the axe-playwright-python package (no network at test time)."""
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def pages_to_check(site) -> dict[str, str]:
    exemplar = next(e for e in site.exemplars if e.images and e.awards and e.sources)
    movement = next(t for t in site.sections["movements"] if t.count)
    province = next(t for t in site.sections["places"] if t.children)
    pages = {"home": "", "exemplar": f"guong/{exemplar.slug}/", "movement": movement.url,
             "locality": province.children[0].url, "search": "tim-kiem/?q=hien+mau"}
    contests = sorted((ROOT / "content" / "contests").glob("*.yml"))
    if contests:
        from guongsang.site.contest_views import contest_url

        pages["contest"] = contest_url(contests[0].stem)
    plans = sorted((ROOT / "content" / "plans").glob("*.yml"))
    if plans:
        from guongsang.site.derive import plan_url

        pages["plan"] = plan_url(plans[0].stem)
    return pages


def serious_violations(page, axe_source: str) -> list[str]:
    page.evaluate(axe_source)
    result = page.evaluate("""() => axe.run(document, {resultTypes: ['violations'],
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})""")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_accessibility_violations(browser, site_url, site, axe_source, scheme):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    problems = {}
    try:
        for name, path in pages_to_check(site).items():
            page.goto(f"{site_url}{path}")
            if name == "search":
                page.wait_for_selector("html[data-gs-search-ready]")
                page.wait_for_selector("html:not([data-gs-busy])", state="attached")
            expected = "slate" if scheme == "dark" else "default"
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected
            if found := serious_violations(page, axe_source):
                problems[name] = found
    finally:
        context.close()
    assert problems == {}


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, site_url):
    page.goto(site_url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "gs-skip" in focused
    assert page.locator(".gs-skip").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"


def test_every_image_has_alt_text_and_explicit_size(page, site_url, site):
    for path in ("", f"guong/{site.exemplars[0].slug}/"):
        page.goto(f"{site_url}{path}")
        for img in page.locator("main img").all():
            assert img.get_attribute("alt"), img.evaluate("e => e.outerHTML")
            assert img.get_attribute("width") and img.get_attribute("height")


def test_images_keep_their_space_while_they_load(browser, site_url, site):
    """No layout shift when pictures arrive late on a slow phone: each keeps its full box while loading (a
    figure sized to its content would shrink around a picture not yet there, whatever its caption)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.route(re.compile(r".*\.(webp|avif)$"), lambda route: None)  # never answered: every picture still loading
    checked = 0
    for exemplar in (e for e in site.exemplars if e.images):
        page.goto(f"{site_url}guong/{exemplar.slug}/", wait_until="domcontentloaded")
        boxes = page.evaluate("""() => [...document.querySelectorAll('.gs-hero__img, .gs-gallery img')].map(img => {
            const box = img.getBoundingClientRect(), column = img.closest('figure').parentElement;
            return [box.width, img.clientHeight, column.clientWidth, img.clientWidth,
                    +img.getAttribute('width') / +img.getAttribute('height')]; })""")
        assert len(boxes) == len(exemplar.images), exemplar.slug
        for width, height, column, inner, ratio in boxes:  # inner width and height: without the border
            assert width >= min(column, 576) - 1, (exemplar.slug, width, column)  # full width (gallery ≤ 36rem)
            assert abs(inner / height - ratio) < 0.02, exemplar.slug  # and as tall as its picture will be
            checked += 1
    context.close()
    assert checked >= 2


def test_exemplar_page_weight_before_images_and_phone_sized_images(browser, site_url, site, built_site_dir):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from benchlib import serve
    finally:
        sys.path.pop(0)
    exemplar = next(e for e in site.exemplars if e.image and e.image.width >= 640)
    with serve(built_site_dir) as base:
        context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844}, device_scale_factor=2)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        kinds: dict[str, str] = {}
        sizes: dict[str, int] = {}
        cdp.on("Network.responseReceived", lambda e: kinds.__setitem__(e["requestId"], e["type"]))
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(f"{base}guong/{exemplar.slug}/", wait_until="networkidle")
        hero = page.locator(".gs-hero__img")
        current = hero.evaluate("img => img.currentSrc")
        context.close()
    before_images = sum(size for rid, size in sizes.items() if kinds.get(rid) != "Image")
    images = sum(size for rid, size in sizes.items() if kinds.get(rid) == "Image")
    print(f"\nexemplar page: {before_images / 1024:.1f} KB before images, {images / 1024:.1f} KB images")
    assert before_images <= BUDGET, f"{before_images} bytes before images"
    # 390 px × 2 → the 640 px rendition (the widest this source has) in AVIF or WebP, never the source file.
    assert current.endswith(("-640.avif", "-640.webp")), current


def test_share_bar_links_and_copy(browser, site_url, site):
    exemplar = site.exemplars[0]
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(f"{site_url}guong/{exemplar.slug}/")
        canonical = f"https://guongsang.github.io/guongsang/guong/{exemplar.slug}/"
        facebook = page.locator(".gs-share__button--facebook").get_attribute("href")
        assert facebook.startswith("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fguongsang.github.io")
        assert page.locator(".gs-share__button--zalo").get_attribute("href").startswith("https://sp.zalo.me/")
        copy = page.locator("[data-gs-copy]")
        assert copy.is_visible()  # shown once the script runs
        copy.click()
        wait_until(page, "document.querySelector('[data-gs-status]').textContent.length > 0")
        assert "Đã sao chép" in page.locator("[data-gs-status]").inner_text()
        assert page.evaluate("navigator.clipboard.readText()") == canonical
        # No third-party request: everything the page loaded came from the site itself.
        hosts = page.evaluate("performance.getEntriesByType('resource').map(r => new URL(r.name).host)")
        assert set(hosts) <= {site_url.split("/")[2]}
    finally:
        context.close()


def test_social_meta_on_every_kind_of_page(page, site_url, site):
    exemplar = site.exemplars[0]
    assert exemplar.image is not None  # a photo: its card is a JPEG; the site's card (text only) a PNG
    for path, image, kind in (("", "assets/images/the-chia-se.png", "image/png"),
                              (f"guong/{exemplar.slug}/", f"guong/{exemplar.slug}/the-chia-se.jpg", "image/jpeg"),
                              ("phong-trao/", "assets/images/the-chia-se.png", "image/png")):
        page.goto(f"{site_url}{path}")
        meta = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('meta[property], meta[name]')]
            .map(m => [m.getAttribute('property') || m.getAttribute('name'), m.content]))""")
        assert meta["og:title"] and meta["og:description"] and meta["twitter:card"] == "summary_large_image"
        assert meta["og:image"] == f"https://guongsang.github.io/guongsang/{image}"
        response = page.request.get(f"{site_url}{image}")
        assert response.ok and response.headers["content-type"] == meta["og:image:type"] == kind
    page.goto(f"{site_url}guong/{exemplar.slug}/")
    assert page.locator('meta[property="og:type"]').get_attribute("content") == "article"
    assert page.locator('meta[property="og:title"]').get_attribute("content") == f"{exemplar.name} — {exemplar.title}"


def test_print_shows_the_story_without_the_site_chrome(page, site_url, site):
    exemplar = next(e for e in site.exemplars if e.sources)
    page.goto(f"{site_url}guong/{exemplar.slug}/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".gs-share").is_visible()
    assert page.locator(".gs-hero__title").is_visible()
    assert page.locator(".gs-print-address").is_visible()
    link = page.locator(".gs-sources li > a").first  # the address printed after the link, from its href
    assert link.evaluate("a => getComputedStyle(a, '::after').content") == f'" ({exemplar.sources[0].url})"'
    assert exemplar.sources[0].url not in page.locator(".gs-sources").inner_text()  # not in the HTML twice
