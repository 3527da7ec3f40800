"""Property tests: whatever an editor (or a broken disk) hands over, loading and validation answer with
diagnostics, never a traceback; valid records always build; slugs are unique, stable and ASCII."""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guongsang.model.frontmatter import parse_text, read
from guongsang.model.text import slugify
from guongsang.model.validate import check_document, load_exemplars
from guongsang.site.derive import build_site
from support import VALID, build

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Letters editors type (Vietnamese with tones, đ), digits, punctuation, markup characters.
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐNVHT"
TEXT = st.text(alphabet=LETTERS + " ,.;:!?-–()\"'<>&/#*_[]{}`~\n", max_size=60)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.dates(), TEXT)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                      max_leaves=12)
FIELDS = ["title", "name", "kind", "movements", "field", "locality", "unit", "year", "summary", "awards", "images",
          "sources", "tags", "consent", "private", "minor", "born", "school", "withdrawn", "allow_public", "draft"]


def _check(ctx, text: str) -> None:
    doc = parse_text(text, "x.md")
    check_document(doc, Path(tempfile.gettempdir()) / "x.md", ctx)
    for d in doc.diagnostics:
        assert re.fullmatch(r"GS\d{3}", d.code) and d.line >= 1 and d.col >= 1


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(ctx, data):
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "x.md"
        file.write_bytes(data)
        doc = read(file, "x.md")
        check_document(doc, file, ctx)


@FAST
@given(st.text(max_size=400))
def test_random_text_after_a_front_matter_line_never_crashes(ctx, text):
    _check(ctx, "---\n" + text)


@FAST
@given(st.dictionaries(st.sampled_from(FIELDS) | TEXT, VALUES, max_size=10), TEXT)
def test_random_records_never_crash(ctx, data, body):
    header = yaml.safe_dump(data, allow_unicode=True, default_flow_style=False)
    _check(ctx, f"---\n{header}---\n{body}\n")


@FAST
@given(st.sampled_from(FIELDS), VALUES)
def test_any_value_in_any_field_of_a_valid_record_never_crashes(ctx, field, value):
    data = yaml.safe_load(VALID.split("---\n")[1])
    data[field] = value
    _check(ctx, "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\nCâu chuyện.\n")


@FAST
@given(st.text(max_size=80))
def test_slugs_are_ascii_stable_and_tidy(text):
    slug = slugify(text)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slug)
    assert slugify(slug) == slug and slugify(text) == slug


# -- valid generated records ------------------------------------------------------------------------------------

NAMES = st.lists(st.sampled_from(["Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Văn", "Thị", "An", "Bình", "Đức",
                                  "Hoà", "Hòa", "Lan", "Anh", "Hùng"]), min_size=2, max_size=4).map(" ".join)
PLACES = ["phường Khương Trung, quận Thanh Xuân, Hà Nội", "phường Khương Đình, Hà Nội", "xã Ninh Hưng, Khánh Hòa",
          "thành phố Đà Lạt, Lâm Đồng", "quận Gò Vấp, Thành phố Hồ Chí Minh"]
PLAIN = st.text(alphabet=LETTERS + " ,.<>&\"'", min_size=1, max_size=40).map(str.strip).filter(bool)


@st.composite
def records(draw):
    name = draw(NAMES)
    kind = draw(st.sampled_from(["cá nhân", "tập thể", "hộ gia đình"]))
    data = {
        "title": "Gương sáng " + draw(PLAIN), "name": name, "kind": kind,
        "movements": draw(st.lists(st.sampled_from(["nguoi-tot-viec-tot", "hoc-tap-lam-theo-bac", "chuyen-doi-so",
                                                    "dan-van-kheo"]), min_size=1, max_size=3, unique=True)),
        "field": draw(st.sampled_from(["van-hoa-co-so", "cong-nghe-thong-tin", "thanh-nien-khoi-nghiep"])),
        "locality": draw(st.sampled_from(PLACES)), "unit": "UBND " + draw(PLAIN),
        "year": draw(st.integers(2015, 2025)), "summary": "Tóm tắt về gương điển hình: " + draw(PLAIN),
        "tags": draw(st.lists(PLAIN, max_size=3, unique=True)),
        "consent": {"by": name, "date": "2024-01-02", "method": "van-ban"},
        "private": {"phone": "0900 000 000", "notes": "Ghi chú nội bộ số " + str(draw(st.integers(1, 99)))},
    }
    body = draw(st.lists(PLAIN, min_size=1, max_size=4).map("\n\n".join))
    return slugify(name), "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body + "\n"


def _write(folder: Path, items: list[tuple[str, str]]) -> None:
    for i, (slug, text) in enumerate(items):
        sub = folder / f"d{i}"  # sub-folders carry no meaning: same names in two folders collide
        sub.mkdir()
        (sub / f"{slug}.md").write_text(text, encoding="utf-8")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records(), min_size=1, max_size=8))
def test_valid_records_derive_a_site_with_unique_urls(ctx, catalog, gaz, items):
    with tempfile.TemporaryDirectory() as folder:
        _write(Path(folder), items)
        result = load_exemplars(Path(folder), ctx)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert {d.code for d in errors} <= {"GS060"}, errors  # only two records with the same name collide
    slugs = [e.slug for e in result.exemplars]
    assert sorted(slugs) == sorted(set(slugs)) == sorted({slug for slug, _ in items})
    assert len(errors) == len(items) - len(slugs)
    site = build_site(result.exemplars, catalog, gaz)
    assert [u for u, n in Counter(p.url for p in site.pages).items() if n > 1] == []
    assert all(e.private == () for e in site.exemplars)


@pytest.mark.slow
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(st.lists(records(), min_size=1, max_size=5, unique_by=lambda r: r[0]))
def test_valid_generated_records_always_build(tmp_path_factory, items):
    folder = tmp_path_factory.mktemp("generated")
    (folder / "exemplars").mkdir()
    _write(folder / "exemplars", items)
    out = folder / "build"
    assert build(out, "--exemplars", str(folder / "exemplars")) == 0
    for slug, _ in items:
        page = (out / "guong" / slug / "index.html").read_text(encoding="utf-8")
        assert "0900 000 000" not in page

