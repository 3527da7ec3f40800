"""A card's award (#24): the label "Khen thưởng:" is the CSS alternative text of its star, not a hidden span in
every card; a screen reader hears "Khen thưởng: <award>", the page shows "★ <award>"."""

from __future__ import annotations

import pytest

from guongsang.project import Settings, load
from support import TODAY


@pytest.fixture(scope="module")
def site(root):
    return load(Settings.at(root, today=TODAY)).site


def test_a_cards_award_is_named_for_a_screen_reader_and_shown_with_its_star(page, site_url, site):
    page.goto(f"{site_url}guong/")
    card = page.locator(".gs-card", has=page.locator(".gs-card__award")).first
    slug = card.locator("a.gs-card__link").get_attribute("href").rstrip("/").split("/")[-1]
    label = next(e for e in site.exemplars if e.slug == slug).highest_award.form.label
    award = card.locator(".gs-card__award")
    assert award.aria_snapshot() == f'- paragraph: "Khen thưởng: {label}"'
    assert award.inner_text() == label and award.locator("span").count() == 0
    assert award.evaluate("e => getComputedStyle(e, '::before').content") == '"★ " / "Khen thưởng: "'
