"""The official conversion table against the resolver: every legacy ward, written as the table writes it."""

from __future__ import annotations

from guongsang.model.conversion import official_rows, successors


def _written(row) -> str:
    if row.is_district:
        return f"{row.legacy_district}, {row.legacy_province}"
    return f"{row.legacy_name}, {row.legacy_district}, {row.legacy_province}"


def test_every_legacy_unit_of_the_official_table_resolves_to_its_official_successors(gaz):
    first = {}
    for row in official_rows():
        first.setdefault(row.legacy_code, row)
    wrong = []
    for code, news in successors().items():
        written = _written(first[code])
        try:
            got = {u.code for u in gaz.resolve(written).wards}
        except ValueError as exc:
            got = {str(exc)}
        if got != set(news):
            wrong.append((written, sorted(news), sorted(got)))
    assert len(successors()) == 10_038
    assert wrong == [], f"{len(wrong)} of {len(successors())}: {wrong[:20]}"
