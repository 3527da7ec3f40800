"""Social cards never cut a word or a badge: the longest names and labels in the catalogues and the gazetteer
wrap at spaces, shrink, or are left out whole — never "…" and never past the text column or the site address."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from guongsang.model.places import gazetteer
from guongsang.outputs import cards, cardtext, fonts
from support import ROOT

COLUMN_RIGHT = cards.WIDTH - cards.PHOTO_WIDTH - cards.MARGIN
LONG_NAMES = (
    "Tập thể Đội Thanh niên tình nguyện Trường Đại học Sư phạm Kỹ thuật Thành phố Hồ Chí Minh cơ sở Thủ Đức",
    "Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp Xuân Phương",
    "Công ty Trách nhiệm hữu hạn Một thành viên Khai thác Công trình Thủy lợi Nam Khánh Hòa và các vùng lân cận "
    "thuộc tỉnh Khánh Hòa từ năm 2025 trở đi",
    "Nguyễn Thị Hồng Nhung",
    "Tôn-Nữ-Hoàng-Phương-Thảo-Nguyên-Khánh-Linh-Trang-Đài-Các",  # one "word" wider than the column at 68 px
)


@pytest.fixture(scope="module")
def font_files(tmp_path_factory) -> tuple[Path, Path]:
    cache = tmp_path_factory.mktemp("cache")
    return tuple(fonts.merged_font(ROOT / fonts.FONTS_DIR, weight, cache) for weight in (400, 700))


def longest(labels) -> str:
    return max(labels, key=lambda label: (len(label), label))


def longest_texts(catalog) -> dict[str, str]:
    gaz = gazetteer()
    places = [f"{ward.name}, {gaz.provinces[province].name}"
              for province, wards in gaz.wards.items() for ward in wards.values()]
    return {"movement": longest(m.label for m in catalog.movements),
            "movements": "; ".join(sorted((m.label for m in catalog.movements), key=len)[-2:]),
            "place": longest(places),
            "badge": longest(f.label for f in catalog.award_forms) + " · 2025",
            "kind": longest(k.label for k in catalog.kinds)}


def assert_whole(card: cards.Card, placed: list[cards.Placed]) -> None:
    """Every placed line is made of whole words of one of the card's texts; the title is all there; nothing
    leaves the text column, runs into the site address or overlaps another line."""
    sources = {"title": card.title, "eyebrow": card.eyebrow.upper(), "badge": card.badge, **dict(enumerate(card.lines))}
    words = {key: text.split() for key, text in sources.items()}
    title = [p.text for p in placed if p.fill == cards.WHITE]
    assert " ".join(title) == " ".join(card.title.split())
    for item in placed:
        assert "…" not in item.text
        assert any(" ".join(w[i:i + len(item.text.split())]) == item.text
                   for w in words.values() for i in range(len(w))), item.text
        left, top, right, bottom = item.box
        assert left >= cards.MARGIN - cards.BADGE_PAD and right <= COLUMN_RIGHT + (cards.BADGE_PAD if item.badge else 0)
        assert top >= cards.TOP - cards.BADGE_PAD and bottom <= cards.BOTTOM + cards.BADGE_PAD, item.text
    for a, b in itertools.combinations(placed, 2):
        assert a.box[3] <= b.box[1] or b.box[3] <= a.box[1], (a.text, b.text)  # stacked, never overlapping


def test_wrapping_keeps_every_word_whole(font_files):
    font = cardtext.font_at(font_files[1], 68)
    for text in LONG_NAMES:
        lines = cards.wrap(text, font, 606)
        assert " ".join(lines) == " ".join(text.split()) and not any("…" in line for line in lines)


def test_the_longest_names_and_labels_fit_whole(font_files, catalog):
    texts = longest_texts(catalog)
    for name in LONG_NAMES:
        for lines in ((texts["movements"], texts["place"]), (texts["movement"], texts["place"])):
            card = cards.Card(name, eyebrow=f"{texts['kind']} · 2025", lines=lines, badge=texts["badge"],
                              footer="guongsang.github.io/guongsang", initials="N")
            placed = cards.layout(card, *font_files)
            assert_whole(card, placed)
            if len(name) < 120:  # a badge is kept whole whenever the name leaves room for it
                assert [p.text for p in placed if p.badge] == [texts["badge"]], name


def test_a_paragraph_that_cannot_fit_is_left_out_whole_and_a_shorter_one_still_shown(font_files, catalog):
    texts = longest_texts(catalog)
    card = cards.Card(LONG_NAMES[2], eyebrow="Tập thể · 2024", lines=(texts["movements"] * 3, "Phường Hải Châu"),
                      badge="Bằng khen · 2024")
    shown = [p.text for p in cards.layout(card, *font_files)]
    assert "Phường Hải Châu" in shown and not any(texts["movement"][:30] in line for line in shown)


def test_the_sites_own_card_keeps_its_whole_description(font_files):
    description = ("Những câu chuyện có thật về cá nhân, tập thể và hộ gia đình tiêu biểu trong các phong trào thi "
                   "đua yêu nước, do các cơ quan thi đua – khen thưởng, Mặt trận Tổ quốc, đoàn thể và trường học ở cơ "
                   "sở đề xuất, để học tập, noi theo và nhân rộng trong cộng đồng dân cư ở khắp mọi miền đất nước.")
    card = cards.Card(description, footer="guongsang.github.io/guongsang")
    assert_whole(card, cards.layout(card, *font_files))


def test_exemplar_cards_carry_the_highest_award_as_their_badge(catalog):
    from guongsang.outputs import media
    from guongsang.project import Settings, load
    from support import TODAY

    site = load(Settings.at(ROOT, today=TODAY)).site
    exemplar = next(e for e in site.exemplars if e.awards and e.highest_award is not e.awards[0])
    card = media.exemplar_card(exemplar, "Gương sáng", "guongsang.github.io/guongsang")
    top, first = exemplar.highest_award, exemplar.awards[0]
    assert card.badge == f"{top.form.label} · {top.year}" != f"{first.form.label} · {first.year}"
