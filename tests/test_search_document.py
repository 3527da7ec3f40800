"""The document Pagefind indexes for an exemplar: folded and exact words and syllable pairs once each, in weighted
sections; metadata as written, facets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guongsang.model.frontmatter import parse_text
from guongsang.model.records import Exemplar
from guongsang.model.validate import Context, check_document
from guongsang.outputs.search import WEIGHTS, document
from guongsang.outputs.search_words import bag, exact_word, tokens
from support import VALID


def exemplar(ctx: Context, tmp_path: Path, text: str = VALID) -> Exemplar:
    doc = parse_text(text, "exemplars/x.md")
    found = check_document(doc, tmp_path / "x.md", ctx)
    assert found is not None, doc.diagnostics
    return found


def searchable(html: str) -> list[str]:
    """The words Pagefind reads: the text of the body outside the ignored metadata block."""
    body = re.sub(r"<div data-pagefind-ignore>.*?</div>", " ", html)
    return re.sub(r"<[^>]+>", " ", body).split()


@pytest.mark.parametrize(("word", "telex"), [
    ("đức", "dduwcs"), ("dục", "ducj"), ("dực", "duwcj"), ("hường", "huwowngf"), ("hương", "huwowngz"),
    ("thanh", "thanhz"), ("thành", "thanhf"), ("xuân", "xuaanz"), ("hiến", "hieens"), ("hiền", "hieenf"),
    ("đất", "ddaats"), ("ăn", "awnz"), ("mỹ", "myx"), ("ủy", "uyr"), ("2025", "2025z"),
])
def test_exact_word_spells_each_vietnamese_syllable_apart(word: str, telex: str) -> None:
    assert exact_word(word) == telex


def test_tokens_hold_folded_and_exact_words_and_pairs_broken_by_punctuation() -> None:
    assert tokens("Hà Nội, Thanh Xuân") == [
        "ha", "qehaf", "noi", "qenooij", "qfhanoi", "qphafnooij",
        "thanh", "qethanhz", "xuan", "qexuaanz", "qfthanhxuan", "qpthanhzxuaanz"]
    assert "qfnoithanh" not in tokens("Hà Nội, Thanh Xuân")  # no pair across the comma
    # NFD and upper case make the same tokens as NFC lower case; numbers have no exact form and no pairs
    assert tokens("NGUYE\u0302\u0303N Văn") == tokens("nguyễn văn")
    assert tokens("năm 2025") == ["nam", "qenawmz", "2025"]
    assert tokens("Hà Nội, Thanh Xuân", full=False) == ["ha", "noi", "thanh", "xuan"]
    assert tokens("Hà Nội", words=False) == ["ha", "noi", "qfhanoi", "qphafnooij"]


def test_bag_keeps_each_token_once_where_it_first_counts() -> None:
    seen: set[str] = set()
    assert bag("Đức", seen=seen) == "duc qedduwcs"
    assert bag("Dục Đức", seen=seen) == "qeducj qfducduc qpducjdduwcs"
    assert bag("đức", seen=seen) == ""


def test_document_indexes_folded_words_once_and_shows_metadata_as_written(ctx: Context, tmp_path: Path) -> None:
    e = exemplar(ctx, tmp_path)
    story = "<p>Tủ sách &amp; thư viện: sách, sách, <em>sách</em> cho các em ở Đống Đa.</p>"
    html = document(e, story, "guong/x/anh.jpg")
    words = searchable(html)
    assert len(words) == len(set(words)), "every word once per page"
    assert all(w.isascii() for w in words), "no diacritics and no đ in the indexed text"
    assert {"nguyen", "thi", "lan", "anh", "dong", "da", "thu", "vien"} <= set(words)
    assert {"qenguyeenx", "qflananh", "qplanzanhz"} <= set(words)  # from the name
    assert "qpddoongsddaz" not in words and "qfthuvien" not in words  # the story: folded words only
    assert "amp" not in words  # entities are decoded, not indexed
    assert '<span data-pagefind-meta="title">Nguyễn Thị Lan Anh</span>' in html
    assert 'data-pagefind-meta="image"' not in html  # the record has no image: no broken thumbnail
    assert '<span data-pagefind-filter="nam">2023</span>' in html
    assert "data-pagefind-sort" not in html  # newest first searches year by year: no sort index to load
    assert 'data-pagefind-filter="hinh-thuc">Giấy khen<' in html


def section(html: str, weight: float) -> list[str]:
    found = re.search(f'<p data-pagefind-weight="{weight:g}">([^<]*)</p>', html)
    return found.group(1).split() if found else []


def test_document_weighs_name_above_place_above_title_above_details_above_story(ctx: Context,
                                                                                 tmp_path: Path) -> None:
    e = exemplar(ctx, tmp_path)
    html = document(e, "<p>Câu chuyện về tủ sách hiến tặng.</p>")
    assert list(WEIGHTS.values()) == sorted(WEIGHTS.values(), reverse=True)
    assert re.findall(r'data-pagefind-weight="([\d.]+)"', html) == [f"{w:g}" for w in WEIGHTS.values()]
    assert set(section(html, WEIGHTS["name"])) == set(tokens(e.name))
    assert "qfkhuongtrung" in section(html, WEIGHTS["place"])
    earlier = set(section(html, WEIGHTS["name"])) | set(section(html, WEIGHTS["place"]))
    assert set(tokens(e.title, words=False)) - earlier <= set(section(html, WEIGHTS["title"]))
    assert not [t for t in section(html, WEIGHTS["title"]) if t.startswith("qe")], "exact words: name, places"
    assert "qekhuwowngz" in section(html, WEIGHTS["place"])
    assert "qpgiuwxluwar" in section(html, WEIGHTS["title"])  # "giữ lửa", from the title
    story = section(html, WEIGHTS["story"])
    assert {"cau", "chuyen", "hien", "tang"} <= set(story)
    assert not [t for t in story if t.startswith(("qe", "qf", "qp"))], "a story has its folded words only"


def test_document_escapes_markup_from_records(ctx: Context, tmp_path: Path) -> None:
    text = VALID.replace("summary: Mười năm", "summary: <script>alert(1)</script> Mười năm")
    html = document(exemplar(ctx, tmp_path, text), "")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_document_size_does_not_depend_on_repetition(ctx: Context, tmp_path: Path) -> None:
    e = exemplar(ctx, tmp_path)
    once = document(e, "<p>Một câu chuyện về tình làng nghĩa xóm.</p>")
    many = document(e, "<p>Một câu chuyện về tình làng nghĩa xóm.</p>" * 200)
    assert once == many
