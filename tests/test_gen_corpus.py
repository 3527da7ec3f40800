"""scripts/gen_corpus.py: a valid, deterministic and varied corpus of fictional records."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from guongsang import cli
from guongsang.model.catalogues import load_catalog
from guongsang.model.places import gazetteer
from guongsang.model.text import slugify
from guongsang.model.validate import Context, load_exemplars

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2025-11-01"


def _load_script():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "scripts" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_corpus"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


gen = _load_script()


def _run(out: Path, count: int, seed: int = 3, *extra: str) -> None:
    assert gen.main(["--count", str(count), "--out", str(out), "--seed", str(seed), *extra]) == 0


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _exemplars(folder: Path):
    catalog, problems = load_catalog(ROOT / "content" / "catalog", ROOT)
    assert problems == []
    result = load_exemplars(folder, Context(catalog, gazetteer(), dt.date.fromisoformat(TODAY), ROOT))
    assert result.diagnostics == []
    return catalog, result.exemplars


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "exemplars"
    _run(out, 60)
    return out


def test_corpus_passes_check(corpus: Path, capsys) -> None:
    assert cli.main(["--root", str(ROOT), "check", "--exemplars", str(corpus), "--today", TODAY]) == 0
    assert "không có lỗi" in capsys.readouterr().err
    md = list(corpus.rglob("*.md"))
    assert len(md) == 60
    assert all(p.parent.parent == corpus for p in md)  # one level of province folders


def test_same_arguments_give_identical_bytes(corpus: Path, tmp_path: Path) -> None:
    _run(tmp_path / "again", 60)
    assert _files(tmp_path / "again") == _files(corpus)
    _run(tmp_path / "other", 60, 4)
    assert _files(tmp_path / "other") != _files(corpus)


def test_records_are_well_formed() -> None:
    records = gen.generate(60, 3)
    slugs = [r.slug for r in records]
    assert len(set(slugs)) == len(slugs)
    for rec in records:
        text = gen.render(rec, False)
        assert text == unicodedata.normalize("NFC", text)
        _, header, body = text.split("---\n", 2)
        assert yaml.safe_load(header) == gen.expected_front(rec, False)  # quoting is right
        assert rec.slug.startswith(slugify(rec.front["name"]))
        assert 250 <= len(body.replace("#", "").split()) <= 500
        assert 20 <= len(rec.front["summary"]) <= 300
        assert 2021 <= rec.front["year"] <= 2025
        assert all(a["year"] <= rec.front["year"] for a in rec.front.get("awards", []))
        assert "{" not in text and "}" not in text


def test_kinds_movements_and_awards(tmp_path: Path) -> None:
    catalog, _ = load_catalog(ROOT / "content" / "catalog", ROOT)
    count = 2 * len(catalog.movements)
    _run(tmp_path / "c", count, 5)
    catalog, exemplars = _exemplars(tmp_path / "c")
    assert len(exemplars) == count
    assert {e.kind.code for e in exemplars} == {"ca-nhan", "tap-the", "ho-gia-dinh"}
    assert {m.code for e in exemplars for m in e.movements} == {m.code for m in catalog.movements}
    for e in exemplars:
        assert (e.consent is not None) == (e.kind.code != "tap-the")
        for award in e.awards:
            assert award.level.code in award.form.get("levels")


def test_kind_shares_and_localities() -> None:
    records = gen.generate(600, 9)
    kinds = [r.meta["kind"] for r in records]
    assert 0.45 < kinds.count("ca-nhan") / 600 < 0.65
    assert 0.20 < kinds.count("tap-the") / 600 < 0.40
    assert 0.07 < kinds.count("ho-gia-dinh") / 600 < 0.23
    two_tier = sum(r.front["locality"].count(",") == 1 for r in records)
    assert 0.04 < two_tier / 600 < 0.18
    folders = {r.folder for r in records}
    assert {"ha-noi", "khanh-hoa", "lam-dong", "ho-chi-minh", "ba-ria-vung-tau"} <= folders
    assert len(folders) > 30
    gaz = gazetteer()
    for rec in records[:100]:
        gaz.resolve(rec.front["locality"])


def test_refuses_non_empty_out_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit):
        _run(out, 3)
    assert (out / "old.txt").exists() and len(list(out.iterdir())) == 1
    _run(out, 3, 3, "--force")
    assert not (out / "old.txt").exists()
    assert len(list(out.rglob("*.md"))) == 3


def test_images_are_small_and_deterministic(tmp_path: Path) -> None:
    _run(tmp_path / "a", 4, 2, "--images")
    _run(tmp_path / "b", 4, 2, "--images")
    files = _files(tmp_path / "a")
    assert files == _files(tmp_path / "b")
    jpegs = [name for name in files if name.endswith(".jpg")]
    assert len(jpegs) == 4 and all("/anh/" in name for name in jpegs)
    assert all(len(files[name]) < 60_000 for name in jpegs)
    _exemplars(tmp_path / "a")  # the images are found and readable
