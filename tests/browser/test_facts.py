"""Facts shown right, as a reader sees them in Chromium: the highest award on cards, the authority as the decision
names it, publication and update dates, the name in og:title; the featured card with nothing overlapping at 390 and
1280 px, light and dark."""

from __future__ import annotations

import pytest

from guongsang.project import Settings, load
from support import TODAY

pytestmark = pytest.mark.browser

VIEWPORTS = [(390, 844), (1280, 800)]
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module")
def site(root):
    return load(Settings.at(root, today=TODAY)).site


def boxes(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(selector, "els => els.map(e => { const r = e.getBoundingClientRect();"
                                               " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
                                               " text: e.textContent.trim()}; })")


def overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1 and a["top"] < b["bottom"] - 1 and \
        b["top"] < a["bottom"] - 1


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_the_featured_card_and_cards_have_nothing_overlapping(browser, site_url, width, height, scheme):
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_load_state("load")
    spot = boxes(page, ".gs-spotlight")[0]
    image = boxes(page, ".gs-spotlight__img")[0]
    parts = [boxes(page, f".gs-spotlight__{part}")[0] for part in ("label", "name", "title")]
    for part in parts:  # the caption is below the picture, inside the card, one part under the other
        assert part["top"] >= image["bottom"] - 1 and part["bottom"] <= spot["bottom"] + 1, part["text"]
        assert spot["left"] <= part["left"] and part["right"] <= spot["right"] + 1, part["text"]
    assert not any(overlap(a, b) for i, a in enumerate(parts) for b in parts[i + 1:])
    for card in page.locator(".gs-card").all():
        picture = card.locator(".gs-card__img, .gs-card__img--empty").first.bounding_box()
        name = card.locator(".gs-card__name").bounding_box()
        assert picture["y"] + picture["height"] <= name["y"] + 1, card.locator(".gs-card__name").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_cards_show_the_highest_award_not_the_first_listed(page, site_url, site):
    exemplar = next(e for e in site.exemplars if e.awards and e.highest_award.form != e.awards[0].form)
    year = next(t for t in site.sections["years"] if t.key == str(exemplar.year))
    page.goto(f"{site_url}{year.url}")
    card = page.locator(".gs-card", has=page.locator(f'a[href$="guong/{exemplar.slug}/"]'))
    shown = " ".join(card.locator(".gs-card__award").inner_text().split()).removeprefix("Khen thưởng: ")
    assert shown == exemplar.highest_award.form.label != exemplar.awards[0].form.label


def test_the_award_box_names_the_authority_and_the_page_its_dates(page, site_url, site):
    exemplar = next(e for e in site.exemplars if e.slug == "le-thu-ha")
    page.goto(f"{site_url}guong/{exemplar.slug}/")
    levels = page.locator(".gs-badge__level").all_inner_texts()
    assert levels and levels[0].startswith("Chủ tịch UBND quận Thanh Xuân · 2023")
    assert not any("quận/huyện" in text for text in levels)
    facts = dict(zip(page.locator(".gs-facts dt").all_inner_texts(), page.locator(".gs-facts dd").all(), strict=True))
    assert facts["Ngày đăng"].locator("time").get_attribute("datetime")
    assert "Cập nhật" not in facts  # the record says no update
    assert page.locator('meta[property="og:title"]').get_attribute("content").startswith(exemplar.name + " — ")

    updated = next(e for e in site.exemplars if e.updated)
    page.goto(f"{site_url}guong/{updated.slug}/")
    facts = dict(zip(page.locator(".gs-facts dt").all_inner_texts(), page.locator(".gs-facts dd").all(), strict=True))
    assert facts["Cập nhật"].locator("time").get_attribute("datetime") == updated.updated.isoformat()
    assert facts["Cập nhật"].inner_text() == updated.updated.strftime("%d/%m/%Y")
    modified = page.locator('meta[property="article:modified_time"]').get_attribute("content")
    assert modified == updated.updated.isoformat()
    badges = page.locator(".gs-badge__level").all_inner_texts()
    highest_first = sorted(updated.awards, key=lambda a: a.precedence)
    assert [b.split(" · ")[0] for b in badges] == [a.authority for a in highest_first]
