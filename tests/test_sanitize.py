"""The story cleaner: an allow-list that keeps what Markdown writes and drops anything that could run."""

import pytest

from guongsang.model.sanitize import clean_html, markup_in_text, may_hold_markup, render_story, unsafe_parts

VECTORS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    '<a href="java&#x09;script:alert(1)">t</a>',
    '<a href="&#106;avascript:alert(1)">t</a>',
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '[l](https://a.vn){: onclick="alert(1)" }',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<details open ontoggle=alert(1)>x</details>",
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example/"></iframe>',
    "<style>body{display:none}</style>",
    '<form action="https://evil.example/"><button formaction="javascript:alert(1)">b</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="//evil.example/">',
    "<object data=x></object><embed src=x>",
    "![ảnh](https://evil.example/pixel.png)",
    '<p style="position:fixed;inset:0">phủ kín trang</p>',
]


@pytest.mark.parametrize("markdown", VECTORS)
def test_vectors_leave_nothing_that_runs_or_loads(markdown):
    html = clean_html(render_story(markdown)).lower()
    for bad in ("<script", "javascript:", "data:", "onerror", "onload", "onclick", "ontoggle", "<iframe", "<style",
                "<form", "<meta", "<base", "<object", "<embed", "<img", "<svg", "style=", "evil.example"):
        assert bad not in html, (markdown, html)
    assert unsafe_parts(render_story(markdown)), markdown  # … and the editor is told


def test_what_markdown_writes_is_kept():
    story = ("## Chặng đường\n\nĐoạn **đậm**, *nghiêng*, [nguồn](https://example.org/bai) và "
             "[thư](mailto:a@example.org).\n\n- một\n- hai\n\n> trích dẫn\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
             '!!! note "Ghi chú"\n    Nội dung.\n')
    html = render_story(story)
    assert unsafe_parts(html) == []
    cleaned = clean_html(html)
    for kept in ("<h2", "<strong>đậm</strong>", 'href="https://example.org/bai"', 'href="mailto:a@example.org"',
                 "<ul>", "<blockquote>", "<table>", 'class="admonition note"'):
        assert kept in cleaned
    assert clean_html(cleaned) == cleaned  # idempotent


def test_site_ids_and_classes_cannot_be_borrowed():
    cleaned = clean_html(render_story('## A {#__search .md-button}\n\nB\n{: class="gs-card admonition" }\n'))
    assert "__search" not in cleaned and "md-button" not in cleaned and "gs-card" not in cleaned
    assert 'class="admonition"' in cleaned


def test_text_fields_that_look_like_html_are_flagged():
    assert markup_in_text("Nguyễn <b>An</b>") == "<b>"
    assert markup_in_text("&lt;script&gt;") == "&lt;"
    assert markup_in_text("Hội yêu trẻ <3, 5 > 3") is None
    assert markup_in_text("Nguyễn Văn An") is None


def test_plain_stories_are_not_rendered_twice():
    assert not may_hold_markup("Một câu chuyện bình thường.\n\n## Phần hai\n\n- ý một\n")
    assert may_hold_markup("Có <b>thẻ</b>.") and may_hold_markup("[liên kết](x)") and may_hold_markup("[x]: y")
