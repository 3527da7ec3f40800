"""Open data: every public field of every published record, nothing else; split into parts when large."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
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


def test_json_and_csv_hold_every_published_record_with_public_fields_only(sample, tmp_path):
    secret = Consent("Người ký BÍ-MẬT-7731", dt.date(1999, 9, 9), "van-ban")  # consent is never published
    sample = dataclasses.replace(sample, exemplars=[dataclasses.replace(e, consent=secret) for e in sample.exemplars])
    written = write_open_data(sample, CTX, tmp_path)
    assert written == ["du-lieu/exemplars.json", "du-lieu/exemplars.csv"]
    data = json.loads((tmp_path / "du-lieu/exemplars.json").read_text(encoding="utf-8"))
    assert data["count"] == len(sample.exemplars) == len(data["records"])
    assert {r["slug"] for r in data["records"]} == {e.slug for e in sample.exemplars}
    assert all(list(r) == [name for name, _, _ in FIELDS] for r in data["records"])
    text = (tmp_path / "du-lieu/exemplars.json").read_text(encoding="utf-8")
    raw = (tmp_path / "du-lieu/exemplars.csv").read_text(encoding="utf-8-sig")
    assert "BÍ-MẬT-7731" not in text and "BÍ-MẬT-7731" not in raw and "1999-09-09" not in text
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert len(rows) == len(sample.exemplars) and rows[0]["url"].startswith("https://example.org/gs/guong/")
    lan_anh = next(r for r in data["records"] if r["slug"] == "nguyen-thi-lan-anh")
    assert lan_anh["legacy_district"] == "Quận Thanh Xuân" and lan_anh["images"][0]["alt"]
    assert "tổ dân phố 9" not in json.dumps(lan_anh, ensure_ascii=False).split('"story"')[0]  # no street detail


def test_drafts_and_withdrawn_records_never_appear(sample, tmp_path):
    first, second = sample.exemplars[:2]
    hidden = dataclasses.replace(sample, exemplars=[dataclasses.replace(first, draft=True), second])
    write_open_data(hidden, CTX, tmp_path)
    data = json.loads((tmp_path / "du-lieu/exemplars.json").read_text(encoding="utf-8"))
    assert [r["slug"] for r in data["records"]] == [second.slug]


def test_large_data_is_split_into_listed_parts(sample, tmp_path):
    written = write_open_data(sample, CTX, tmp_path, size=20)
    index = json.loads((tmp_path / "du-lieu/exemplars.json").read_text(encoding="utf-8"))
    parts = index["parts"]
    assert len(parts) == -(-len(sample.exemplars) // 20) and "records" not in index
    slugs = []
    for part in parts:
        body = json.loads((tmp_path / "du-lieu" / part["json"]).read_text(encoding="utf-8"))
        assert len(body["records"]) == part["count"] <= 20
        slugs += [r["slug"] for r in body["records"]]
        assert (tmp_path / "du-lieu" / part["csv"]).is_file()
    assert sorted(slugs) == sorted(e.slug for e in sample.exemplars)
    assert len(written) == 1 + 2 * len(parts)
