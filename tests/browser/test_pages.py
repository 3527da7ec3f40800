"""Open the home page and an exemplar page in headless Chromium, as a reader on a phone would."""

import re

import pytest

from guongsang.project import Settings, load
from support import TODAY

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(root):
    return load(Settings.at(root, today=TODAY)).site


def test_home_page_shows_featured_exemplars(page, site_url, site):
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "vi"
    featured = site.featured[0]
    card = page.locator(".gs-card", has_text=featured.name).first
    card.wait_for()
    assert card.is_visible()
    stats = page.locator(".gs-stats").inner_text()
    assert f"{len(site.exemplars)}\ngương điển hình" in stats or f"{len(site.exemplars)} gương" in stats


def test_exemplar_page_shows_name_awards_and_links_back(page, site_url, site):
    exemplar = next(e for e in site.exemplars if e.awards)
    page.goto(f"{site_url}guong/{exemplar.slug}/")
    assert page.locator("h1.gs-hero__title").inner_text() == exemplar.title
    assert page.locator(".gs-hero__name").inner_text() == exemplar.name
    badges = page.locator(".gs-badges li")
    assert badges.count() == len(exemplar.awards)
    assert exemplar.awards[0].form.label in badges.first.inner_text()
    assert re.search(r"Trang chủ|Gương sáng", page.title())
    # The movement link leads to a page that lists this exemplar.
    page.locator(".gs-facts a").first.click()
    page.wait_for_load_state()
    assert page.locator(".gs-card", has_text=exemplar.name).count() >= 1 or page.locator(".gs-pages").count() == 1


def test_exemplar_page_fits_a_phone_screen(page, site_url, site):
    exemplar = site.exemplars[0]
    page.goto(f"{site_url}guong/{exemplar.slug}/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 412
