"""The document Pagefind indexes for an exemplar: folded words once each, metadata as written, facets."""

from __future__ import annotations

import re
from pathlib import Path

from guongsang.model.frontmatter import parse_text
from guongsang.model.records import Exemplar
from guongsang.model.validate import Context, check_document
from guongsang.outputs.search import bag_of_words, document
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


def test_bag_of_words_folds_and_keeps_each_word_once() -> None:
    assert bag_of_words("Đồng Đức", "ĐỒNG đức văn", "Văn vân vạn") == "dong duc van"
    seen = {"nguyen"}
    assert bag_of_words("Nguyễn Văn", seen=seen) == "van"
    # NFD input folds the same as NFC
    assert bag_of_words("Nguye\u0302\u0303n") == "nguyen"


def test_document_indexes_folded_words_once_and_shows_metadata_as_written(ctx: Context, tmp_path: Path) -> None:
    e = exemplar(ctx, tmp_path)
    story = "<p>Tủ sách &amp; thư viện: sách, sách, <em>sách</em> cho các em ở Đống Đa.</p>"
    html = document(e, story, "guong/x/anh.jpg")
    words = searchable(html)
    assert len(words) == len(set(words)), "every word once per page"
    assert all(w.isascii() for w in words), "no diacritics and no đ in the indexed text"
    assert {"nguyen", "thi", "lan", "anh", "dong", "da", "thu", "vien"} <= set(words)
    assert "nguyenthi" in words and "lananh" in words  # name pairs rank exact names first
    assert "amp" not in words  # entities are decoded, not indexed
    assert '<span data-pagefind-meta="title">Nguyễn Thị Lan Anh</span>' in html
    assert 'data-pagefind-meta="image"' not in html  # the record has no image: no broken thumbnail
    assert '<span data-pagefind-filter="nam">2023</span>' in html
    assert '<span data-pagefind-sort="nam">2023</span>' in html
    assert 'data-pagefind-filter="hinh-thuc">Giấy khen<' in html


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
