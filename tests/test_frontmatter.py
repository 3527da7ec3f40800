import unicodedata

import pytest

from guongsang.model.frontmatter import parse_text, read


def codes(doc):
    return [(d.line, d.col, d.code) for d in doc.diagnostics]


def test_positions_of_values_and_keys():
    doc = parse_text("---\ntitle: Xin chào\nawards:\n  - form: Bằng khen\n    year: 2023\n---\nThân bài\n", "a.md")
    assert doc.diagnostics == []
    assert doc.data["awards"][0]["year"] == 2023
    assert doc.value_pos[("title",)] == (2, 8)
    assert doc.value_pos[("awards", 0, "year")] == (5, 11)
    assert doc.key_pos[("awards", 0, "year")] == (5, 5)
    assert doc.body.strip() == "Thân bài"
    assert doc.body_line == 7


def test_where_falls_back_to_the_enclosing_value():
    doc = parse_text("---\nconsent:\n  by: A\n---\nx\n", "a.md")
    assert doc.where(("consent", "date")) == (3, 3)
    assert doc.where(("missing",)) == (2, 1)


def test_duplicate_keys_are_reported_at_the_second_one():
    doc = parse_text("---\nname: A\ntitle: T\nname: B\n---\nx\n", "a.md")
    assert codes(doc) == [(4, 1, "GS004")]
    assert "dòng 2" in doc.diagnostics[0].message


def test_missing_and_unclosed_front_matter():
    assert codes(parse_text("title: x\n", "a.md")) == [(1, 1, "GS002")]
    assert codes(parse_text("---\ntitle: x\n", "a.md")) == [(1, 1, "GS002")]


def test_yaml_syntax_error_points_at_the_opening_quote_in_vietnamese():
    doc = parse_text('---\ntitle: "chưa đóng\nname: A\n---\nx\n', "a.md")
    assert codes(doc) == [(2, 8, "GS003")]
    assert "ngoặc kép" in doc.diagnostics[0].message


@pytest.mark.parametrize("line, col, opener", [
    ('name: "Nguyễn Văn An', 7, "ngoặc kép"),
    ("name: 'Nguyễn Văn An", 7, "nháy đơn"),
    ("movements: [Người tốt, việc tốt", 12, "ngoặc vuông"),
    ("consent: {by: Ông An, date: 2024-05-02", 10, "ngoặc nhọn"),
    ('  - "Dân vận khéo', 5, "ngoặc kép"),
])
def test_unclosed_quotes_and_brackets_are_reported_where_they_open(line, col, opener):
    # later lines hold quotes of their own: YAML gives up there, as if the indentation were wrong
    text = f'---\ntitle: Tấm gương\nmovements:\n{line}\nkind: "Cá nhân"\nunit: \'UBND\'\nyear: 2024\n---\nx\n'
    doc = parse_text(text, "a.md")
    assert codes(doc) == [(4, col, "GS003")]
    assert f"{opener}" in doc.diagnostics[0].message and "mở ở đây chưa được đóng" in doc.diagnostics[0].message


def test_quotes_and_brackets_closed_on_their_line_are_not_blamed():
    text = '---\ntitle: "Cô giáo \\"vùng cao\\""\nname: \'An\'\'s\'\nm: ["a, b", c]\nkind: Cá nhân\n name: x\n---\nx\n'
    doc = parse_text(text, "a.md")
    assert [(d.line, d.code) for d in doc.diagnostics] == [(6, "GS003")]
    assert "chưa được đóng" not in doc.diagnostics[0].message


def test_tabs_are_refused_with_position():
    doc = parse_text("---\nconsent:\n\tby: A\n---\nx\n", "a.md")
    assert codes(doc) == [(3, 1, "GS003")]


def test_front_matter_must_be_a_mapping():
    assert codes(parse_text("---\n- a\n---\nx\n", "a.md")) == [(2, 1, "GS005")]


def test_alias_bomb_is_refused_not_expanded():
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join(f"*{chr(96 + i)}" for _ in range(10)) + "]")
    doc = parse_text("\n".join([*lines, "---", "x"]), "bomb.md")
    assert [d.code for d in doc.diagnostics] == ["GS003"]


def test_invalid_calendar_date_is_kept_as_text():
    doc = parse_text("---\ndate: 2023-02-30\n---\nx\n", "a.md")
    assert doc.diagnostics == []
    assert doc.data["date"] == "2023-02-30"


def test_bom_crlf_and_nfd_are_normalised(tmp_path):
    text = unicodedata.normalize("NFD", "---\r\ntitle: Khánh Hòa\r\n---\r\nCâu chuyện\r\n")
    file = tmp_path / "a.md"
    file.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    doc = read(file, "a.md")
    assert doc.diagnostics == []
    assert doc.data["title"] == "Khánh Hòa"
    assert unicodedata.is_normalized("NFC", doc.body)
    assert "\r" not in doc.body


def test_non_utf8_file_is_a_coded_error(tmp_path):
    file = tmp_path / "a.md"
    file.write_bytes("---\ntitle: x\nname: Nguyên\n---\n".encode("latin-1"))  # an old Windows editor
    assert codes(read(file, "a.md")) == [(3, 1, "GS001")]


def test_huge_file_is_refused(tmp_path):
    file = tmp_path / "a.md"
    file.write_bytes(b"---\ntitle: x\n---\n" + b"a" * 1_100_000)
    assert [d.code for d in read(file, "a.md").diagnostics] == ["GS013"]
