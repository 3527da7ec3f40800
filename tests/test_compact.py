"""Whitespace compaction keeps what whitespace means: verbatim elements, no-break spaces, single spaces."""

from __future__ import annotations

from guongsang.render.compact import compact


def test_indentation_after_a_line_break_goes():
    html = "<ul>\n      <li>\n        Một\n      </li>\n\n\n    </ul>\n"
    assert compact(html) == "<ul>\n<li>\nMột\n</li>\n</ul>\n"


def test_verbatim_elements_keep_their_whitespace():
    html = ("<div>\n  <pre><code>a\n    b</code></pre>\n  <textarea>\n  x\n</textarea>\n"
            "  <script>const t = `\n   keep`;</script>\n  <STYLE>\n  p { }\n</STYLE>\n</div>")
    assert compact(html) == ("<div>\n<pre><code>a\n    b</code></pre>\n<textarea>\n  x\n</textarea>\n"
                             "<script>const t = `\n   keep`;</script>\n<STYLE>\n  p { }\n</STYLE>\n</div>")


def test_spaces_within_a_line_and_no_break_spaces_stay():
    html = "<p>Hai  khoảng trắng\n\u00a0 Ông Lợi</p>\n   <p>  x</p>"
    assert compact(html) == "<p>Hai  khoảng trắng\n\u00a0 Ông Lợi</p>\n<p>  x</p>"


def test_compacting_twice_changes_nothing_more():
    html = "<a\n   href='x'\n   title='y'>\n\t link \n </a>"
    once = compact(html)
    assert once == "<a\nhref='x'\ntitle='y'>\nlink \n</a>"
    assert compact(once) == once
