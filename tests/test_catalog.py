import unicodedata

from guongsang.model.catalogues import load_catalog

PLANS = {"hcm-4257-2021", "ninh-hoa-2021", "thanh-xuan-2023", "brvt-126-2021", "da-lat-2023"}


def test_catalogue_sizes_follow_the_seeds(catalog):
    assert [k.code for k in catalog.kinds] == ["ca-nhan", "tap-the", "ho-gia-dinh"]
    assert len(catalog.fields) == 12  # HCMC plan 4257, fields a–m (Vietnamese alphabet: no f, j)
    assert len(catalog.movements) >= 35
    assert {p.code for p in catalog.plans} == PLANS
    assert len(catalog.award_forms) >= 10 and len(catalog.award_levels) >= 6


def test_every_movement_names_its_plans(catalog):
    for movement in catalog.movements:
        assert movement.get("plans"), movement.code
        assert set(movement.get("plans")) <= PLANS
    ninh_hoa = [m for m in catalog.movements if "ninh-hoa-2021" in m.get("plans")]
    brvt = [m for m in catalog.movements if "brvt-126-2021" in m.get("plans")]
    assert len(ninh_hoa) >= 15 and len(brvt) >= 20


def test_named_movements_exist(catalog):
    for label in ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Dân vận khéo",
                  "Cả nước chung sức xây dựng nông thôn mới", "Chống rác thải nhựa"):
        assert catalog.movements.find(label) is not None, label


def test_lookup_by_code_label_alias_and_case(catalog):
    by_code = catalog.movements.find("dan-van-kheo")
    assert by_code is catalog.movements.find("Dân vận khéo")
    assert by_code is catalog.movements.find("dân vận KHÉO")
    assert by_code is catalog.movements.find(unicodedata.normalize("NFD", "Dân vận khéo"))
    assert catalog.kinds.find("cá nhân").code == "ca-nhan"
    assert catalog.movements.find("không có") is None
    assert "Dân vận khéo" in catalog.movements.suggest("Dân vận khéo léo")


def test_award_forms_name_existing_levels(catalog):
    levels = {lv.code for lv in catalog.award_levels}
    for form in catalog.award_forms:
        assert set(form.get("levels") or []) <= levels, form.code


def test_all_labels_are_nfc(catalog):
    for table in (catalog.kinds, catalog.fields, catalog.movements, catalog.award_forms, catalog.award_levels):
        for entry in table:
            assert unicodedata.is_normalized("NFC", entry.label + entry.description)


def test_broken_catalogue_is_reported(tmp_path):
    (tmp_path / "kinds.yml").write_text("- code: Có Dấu\n  label: x\n", encoding="utf-8")
    _, problems = load_catalog(tmp_path)
    assert {p.code for p in problems} == {"GS080"}
    assert any(p.path.endswith("kinds.yml") and p.line == 1 for p in problems)
    assert any("movements.yml" in p.path for p in problems)  # missing files are named too
