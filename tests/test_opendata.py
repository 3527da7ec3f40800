"""Open data: every public field of every published record, nothing else; split into parts when large."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import gzip
import io
import json

import pytest

from guongsang.model.records import Consent
from guongsang.outputs.feeds import FeedContext
from guongsang.outputs.opendata import FIELDS, write_open_data
from guongsang.project import Settings, load
from support import TODAY


@pytest.fixture(scope="module")
def sample(root):
    loaded = load(Settings.at(root, today=TODAY))
    assert loaded.ok
    return loaded.site


CTX = FeedContext("Gương sáng", "https://example.org/gs/", TODAY, lambda e: "")


def _records(folder, index):
    """Every record of the open data: the province files the index lists, decompressed."""
    out = []
    for entry in index["provinces"]:
        data = (folder / entry["file"]).read_bytes()
        assert len(data) == entry["bytes"] and entry["file"].endswith(".json.gz")
        body = json.loads(gzip.decompress(data).decode("utf-8"))
        assert body["province"] == entry["province"] and len(body["records"]) == entry["count"] == body["count"]
        assert {r["province"] for r in body["records"]} == {entry["province"]}
        out += body["records"]
    return out


def test_json_and_csv_hold_every_published_record_with_public_fields_only(sample, tmp_path):
    secret = Consent("Người ký BÍ-MẬT-7731", dt.date(1999, 9, 9), "van-ban")  # consent is never published
    sample = dataclasses.replace(sample, exemplars=[dataclasses.replace(e, consent=secret) for e in sample.exemplars])
    written = write_open_data(sample, CTX, tmp_path)
    index = json.loads((tmp_path / "du-lieu/exemplars.json").read_text(encoding="utf-8"))
    assert written == ["du-lieu/exemplars.json", *(f"du-lieu/{p['file']}" for p in index["provinces"]),
                       "du-lieu/exemplars.csv"]
    assert len(index["provinces"]) > 1 and "records" not in index
    records = _records(tmp_path / "du-lieu", index)
    assert index["count"] == len(sample.exemplars) == len(records)
    assert {r["slug"] for r in records} == {e.slug for e in sample.exemplars}
    assert all(list(r) == [name for name, _, _ in FIELDS] for r in records)
    text = json.dumps(records, ensure_ascii=False)
    raw = (tmp_path / "du-lieu/exemplars.csv").read_text(encoding="utf-8-sig")
    assert "BÍ-MẬT-7731" not in text and "BÍ-MẬT-7731" not in raw and "1999-09-09" not in text
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert len(rows) == len(sample.exemplars) and rows[0]["url"].startswith("https://example.org/gs/guong/")
    lan_anh = next(r for r in records if r["slug"] == "nguyen-thi-lan-anh")
    assert lan_anh["legacy_district"] == "Quận Thanh Xuân" and lan_anh["images"][0]["alt"]
    assert "tổ dân phố 9" not in json.dumps(lan_anh, ensure_ascii=False).split('"story"')[0]  # no street detail


def test_the_csv_leaves_the_story_out_and_the_json_keeps_it(sample, tmp_path):
    write_open_data(sample, CTX, tmp_path)
    index = json.loads((tmp_path / "du-lieu/exemplars.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "du-lieu/exemplars.csv").read_text(encoding="utf-8-sig"))))
    assert "story" not in rows[0] and "summary" in rows[0] and index["csv_fields"] == list(rows[0])
    story = next(e for e in sample.exemplars if e.slug == "nguyen-thi-lan-anh").body.strip()
    assert story and story not in (tmp_path / "du-lieu/exemplars.csv").read_text(encoding="utf-8-sig")
    assert next(r for r in _records(tmp_path / "du-lieu", index) if r["slug"] == "nguyen-thi-lan-anh")["story"] == story


def test_compressed_files_are_byte_identical_from_build_to_build(sample, tmp_path):
    write_open_data(sample, CTX, tmp_path / "a")
    write_open_data(sample, CTX, tmp_path / "b")
    files = sorted(p.name for p in (tmp_path / "a/du-lieu").iterdir())
    assert any(name.endswith(".gz") for name in files)
    for name in files:
        assert (tmp_path / "a/du-lieu" / name).read_bytes() == (tmp_path / "b/du-lieu" / name).read_bytes(), name
    gz = next(p for p in (tmp_path / "a/du-lieu").iterdir() if p.suffix == ".gz").read_bytes()
    assert gz[3] == 0 and gz[4:8] == bytes(4)  # no file name, mtime 0


def test_drafts_and_withdrawn_records_never_appear(sample, tmp_path):
    first, second = sample.exemplars[:2]
    hidden = dataclasses.replace(sample, exemplars=[dataclasses.replace(first, draft=True), second])
    write_open_data(hidden, CTX, tmp_path)
    index = json.loads((tmp_path / "du-lieu/exemplars.json").read_text(encoding="utf-8"))
    assert [r["slug"] for r in _records(tmp_path / "du-lieu", index)] == [second.slug]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "du-lieu/exemplars.csv").read_text(encoding="utf-8-sig"))))
    assert [r["slug"] for r in rows] == [second.slug]
