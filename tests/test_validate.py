"""Validation of records: every problem found in one pass, at the right line and column, in Vietnamese."""

import dataclasses
import datetime as dt

from guongsang.model.frontmatter import parse_text
from guongsang.model.validate import check_document, load_exemplars
from support import FIXTURES, ROOT, TODAY

BROKEN = FIXTURES / "broken"
B = "tests/fixtures/broken/"

# (file, line, col, code) for every problem in tests/fixtures/broken, checked in one run.
EXPECTED = {
    (B + "Ten File Sai.md", 1, 1, "GS061"),
    (B + "b/trung-ten.md", 1, 1, "GS060"),
    (B + "cu-phap-loi.md", 2, 8, "GS003"),
    (B + "danh-muc-sai.md", 4, 7, "GS020"),
    (B + "danh-muc-sai.md", 6, 5, "GS021"),
    (B + "danh-muc-sai.md", 7, 5, "GS071"),
    (B + "danh-muc-sai.md", 9, 8, "GS022"),
    (B + "danh-muc-sai.md", 10, 11, "GS030"),
    (B + "danh-muc-sai.md", 15, 11, "GS023"),
    (B + "danh-muc-sai.md", 19, 12, "GS024"),
    (B + "danh-muc-sai.md", 22, 12, "GS025"),
    (B + "danh-muc-sai.md", 25, 10, "GS040"),
    (B + "dia-phuong-mo-ho.md", 2, 1, "GS050"),
    (B + "dia-phuong-mo-ho.md", 8, 11, "GS031"),
    (B + "dia-phuong-mo-ho.md", 13, 10, "GS042"),
    (B + "dia-phuong-mo-ho.md", 16, 1, "GS070"),
    (B + "khong-phai-bang.md", 2, 1, "GS005"),
    (B + "khong-utf8.md", 3, 1, "GS001"),
    (B + "kieu-sai.md", 2, 8, "GS013"),
    (B + "kieu-sai.md", 5, 12, "GS012"),
    (B + "kieu-sai.md", 9, 7, "GS012"),
    (B + "kieu-sai.md", 12, 10, "GS040"),
    (B + "kieu-sai.md", 13, 10, "GS041"),
    (B + "kieu-sai.md", 16, 10, "GS016"),
    (B + "kieu-sai.md", 19, 9, "GS014"),
    (B + "kieu-sai.md", 21, 1, "GS011"),
    (B + "nam-ngoai-khoang.md", 2, 1, "GS010"),
    (B + "nam-ngoai-khoang.md", 8, 7, "GS015"),
    (B + "nam-ngoai-khoang.md", 9, 10, "GS013"),
    (B + "nam-ngoai-khoang.md", 13, 11, "GS012"),
    (B + "thieu-mo-dau.md", 1, 1, "GS002"),
    (B + "thut-le-tab.md", 4, 1, "GS003"),
    (B + "truong-lap.md", 4, 1, "GS004"),
}


def test_every_broken_record_is_reported_at_its_line_and_column_in_one_run(ctx):
    result = load_exemplars(BROKEN, ctx)
    found = {(d.path, d.line, d.col, d.code) for d in result.diagnostics}
    assert found == EXPECTED
    assert len({code for *_, code in EXPECTED}) >= 25  # distinct kinds of error
    assert result.files == 13
    # The one valid twin of the duplicate-slug pair is still loaded; nothing else is.
    assert [e.source for e in result.exemplars] == [B + "a/trung-ten.md"]


def test_messages_are_vietnamese_with_suggestions(ctx):
    messages = {(d.path, d.code): d.message for d in load_exemplars(BROKEN, ctx).diagnostics}
    assert "có phải ý bạn là “Dân vận khéo”" in messages[(B + "danh-muc-sai.md", "GS021")]
    assert "có phải ý bạn là “summary”" in messages[(B + "kieu-sai.md", "GS011")]
    assert "Phường Khương Trung" in messages[(B + "danh-muc-sai.md", "GS030")]
    assert messages[(B + "nam-ngoai-khoang.md", "GS010")] == "thiếu trường bắt buộc “unit”."
    assert messages[(B + "kieu-sai.md", "GS041")].startswith("ảnh thứ 1 thiếu mô tả")
    assert "cấp có thể trao: Chủ tịch nước" in messages[(B + "danh-muc-sai.md", "GS025")]


def test_schema_errors_do_not_hide_catalogue_errors(ctx, valid_text, tmp_path):
    text = valid_text.replace("year: 2023", "year: hai nghìn", 1).replace("field: van-hoa-co-so", "field: khong-co")
    text = text.replace("  - Người tốt, việc tốt\n", "").replace("movements:\n", "movements: [Người tốt, việc tốt]\n")
    text = text.replace("  - hoc-tap-lam-theo-bac\n", "")
    doc = parse_text(text, "x.md")
    assert check_document(doc, tmp_path / "x.md", ctx) is None
    codes = sorted(d.code for d in doc.diagnostics)
    assert codes == ["GS012", "GS021", "GS022"]
    comma = next(d for d in doc.diagnostics if d.code == "GS021")
    assert "dấu phẩy" in comma.message


def test_valid_record_becomes_a_resolved_model(ctx, valid_text, tmp_path):
    doc = parse_text(valid_text, "exemplars/nguyen-thi-lan-anh.md")
    exemplar = check_document(doc, tmp_path / "nguyen-thi-lan-anh.md", ctx)
    assert doc.diagnostics == []
    assert exemplar.slug == "nguyen-thi-lan-anh"
    assert exemplar.kind.code == "ca-nhan"
    assert [m.code for m in exemplar.movements] == ["hoc-tap-lam-theo-bac", "nguoi-tot-viec-tot"]
    assert exemplar.locality.ward.name == "Phường Khương Đình"
    assert exemplar.awards[0].form.label == "Giấy khen"
    assert exemplar.consent.method == "van-ban" and exemplar.consent.date.isoformat() == "2023-03-02"


def test_consent_is_not_required_for_collectives(ctx, valid_text, tmp_path):
    text = valid_text.replace("kind: cá nhân", "kind: tập thể")
    text = text[: text.index("consent:")] + "---\nCâu chuyện.\n"
    doc = parse_text(text, "x.md")
    assert check_document(doc, tmp_path / "x.md", ctx) is not None, doc.diagnostics


def test_year_limit_follows_the_build_date(ctx, valid_text, tmp_path):
    text = valid_text.replace("year: 2023", "year: 2026", 1)
    doc = parse_text(text, "x.md")
    assert check_document(doc, tmp_path / "x.md", ctx) is None
    assert [d.code for d in doc.diagnostics] == ["GS015"]
    later = dataclasses.replace(ctx, today=ctx.today.replace(year=2026))
    doc = parse_text(text, "x.md")
    assert check_document(doc, tmp_path / "x.md", later) is not None


def test_sample_corpus_is_valid(ctx):
    result = load_exemplars(ROOT / "exemplars", ctx)
    assert result.diagnostics == []
    assert result.files == len(result.exemplars) >= 1


def test_stored_memo_checks_only_what_changed_since_the_last_build(tmp_path, monkeypatch):
    """``guongsang build`` keeps its checks in the cache: the next run re-checks only edited files, by content."""
    import shutil

    from guongsang.model import validate
    from guongsang.model.memo import StoredMemo
    from guongsang.project import Settings, load

    records = tmp_path / "exemplars"
    shutil.copytree(ROOT / "exemplars", records)
    settings = Settings.at(ROOT, records, today=dt.date(2025, 11, 1))
    store = tmp_path / "cache" / "records.pickle"
    memo = StoredMemo(store)
    first = load(settings, derive=False, memo=memo)
    memo.save()
    assert first.ok and store.is_file()

    calls: list[str] = []
    real = validate._check_file
    monkeypatch.setattr(validate, "_check_file", lambda file, ctx: calls.append(file.name) or real(file, ctx))
    edited = sorted(records.rglob("*.md"))[0]
    edited.write_text(edited.read_text("utf-8") + "\nMột câu mới.\n", "utf-8")
    for path in records.rglob("*.md"):  # a fresh clone: every file has a new time, the same content
        path.touch()
    again = load(settings, derive=False, memo=StoredMemo(store))
    assert calls == [edited.name]
    assert [e.slug for e in again.records] == [e.slug for e in first.records]
    assert next(e for e in again.records if e.source.endswith(edited.name)).body.rstrip().endswith("Một câu mới.")

    store.write_bytes(b"not a pickle")  # a damaged store is ignored, not trusted
    calls.clear()
    assert load(settings, derive=False, memo=StoredMemo(store)).ok
    assert len(calls) == len(list(records.rglob("*.md")))


def test_checking_in_a_worker_process_changes_no_record_and_no_message(tmp_path, monkeypatch):
    """The same records and the same diagnostics, in the same order, whether checked here or half in a worker."""
    import shutil

    from guongsang.model import validate
    from guongsang.project import Settings, load

    records = tmp_path / "exemplars"
    shutil.copytree(ROOT / "exemplars", records)
    broken = sorted(records.rglob("*.md"))[3]
    broken.write_text(broken.read_text(encoding="utf-8").replace("year:", "year: hai nghìn\nyeer:", 1),
                      encoding="utf-8")
    settings = Settings.at(ROOT, exemplars=records, today=TODAY)
    monkeypatch.setattr(validate, "PARALLEL_FROM", 10**9)
    alone = load(settings, derive=False)
    monkeypatch.setattr(validate, "PARALLEL_FROM", 2)
    shared = load(settings, derive=False)
    assert alone.diagnostics and [str(d) for d in alone.diagnostics] == [str(d) for d in shared.diagnostics]
    assert alone.records == shared.records and len(shared.records) > 10
