import pytest

from guongsang.model.places import LocalityError, split_type


def names(units):
    return [u.name for u in units]


def test_legacy_ward_resolves_to_current_ward_and_keeps_legacy_units(gaz):
    loc = gaz.resolve("phường Khương Trung, quận Thanh Xuân, Hà Nội")
    assert loc.province.name == "Thành phố Hà Nội"
    assert loc.ward.name == "Phường Khương Đình"
    assert names(loc.other_wards) == ["Phường Phương Liệt"]  # the ward was divided in 2025
    assert loc.legacy_ward.name == "Phường Khương Trung"
    assert loc.legacy_district.name == "Quận Thanh Xuân"
    assert loc.legacy_label == "Phường Khương Trung, Quận Thanh Xuân, Thành phố Hà Nội"


def test_current_ward_lists_the_legacy_wards_it_was_formed_from(gaz):
    loc = gaz.resolve("phường Khương Đình, Hà Nội")
    assert loc.ward.name == "Phường Khương Đình" and loc.legacy_district is None
    formed = gaz.legacy_wards_of(loc.province.key, loc.ward.key)
    assert {"Phường Khương Trung", "Phường Khương Đình", "Phường Hạ Đình"} <= set(names(formed))
    assert "Quận Thanh Xuân" in {gaz.legacy_district_of(w).name for w in formed}


@pytest.mark.parametrize(("written", "province", "ward", "legacy"), [
    ("xã Ninh Hưng, thị xã Ninh Hòa, Khánh Hòa", "Tỉnh Khánh Hòa", "Xã Nam Ninh Hòa", "Thị xã Ninh Hòa"),
    ("phường 7, TP Đà Lạt, Lâm Đồng", "Tỉnh Lâm Đồng", "Phường Lang Biang - Đà Lạt", "Thành phố Đà Lạt"),
    ("phường Thắng Tam, TP Vũng Tàu, Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh", "Phường Vũng Tàu",
     "Thành phố Vũng Tàu"),
    ("phường Linh Trung, TP Thủ Đức, TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Phường Linh Xuân",
     "Thành phố Thủ Đức"),
    ("phuong Khuong Trung, quan Thanh Xuan, Ha Noi", "Thành phố Hà Nội", "Phường Khương Đình", "Quận Thanh Xuân"),
    ("thôn Phú Hữu, xã Ninh Hưng, thị xã Ninh Hòa, Khánh Hòa", "Tỉnh Khánh Hòa", "Xã Nam Ninh Hòa",
     "Thị xã Ninh Hòa"),
])
def test_seed_localities(gaz, written, province, ward, legacy):
    loc = gaz.resolve(written)
    assert (loc.province.name, loc.ward.name, loc.legacy_district.name) == (province, ward, legacy)


def test_detail_before_the_ward_is_kept(gaz):
    assert gaz.resolve("thôn Phú Hữu, xã Ninh Hưng, thị xã Ninh Hòa, Khánh Hòa").detail == "thôn Phú Hữu"


def test_district_and_province_only(gaz):
    district = gaz.resolve("quận Thanh Xuân, Hà Nội")
    assert district.ward is None and district.legacy_district.name == "Quận Thanh Xuân"
    merged = gaz.resolve("Bà Rịa - Vũng Tàu")
    assert merged.province.name == "Thành phố Hồ Chí Minh"
    assert merged.legacy_province.name == "Tỉnh Bà Rịa - Vũng Tàu"
    assert gaz.resolve("TP.HCM").province.name == "Thành phố Hồ Chí Minh"


def test_district_lists_the_current_wards_it_went_to(gaz):
    district = gaz.legacy_districts["thanhphohanoi"]["quanthanhxuan"]
    assert {"Phường Khương Đình", "Phường Thanh Xuân", "Phường Phương Liệt"} <= set(
        names(gaz.current_wards_of_district(district)))


def test_unknown_ward_suggests_close_names(gaz):
    with pytest.raises(LocalityError) as err:
        gaz.resolve("phường Khương Tring, quận Thanh Xuân, Hà Nội")
    assert err.value.code == "GS030"
    assert "Phường Khương Trung" in err.value.message


def test_unknown_province_suggests(gaz):
    with pytest.raises(LocalityError) as err:
        gaz.resolve("Khánh Hoa Hòa")
    assert err.value.code == "GS030"


def test_ambiguous_ward_without_district(gaz):
    with pytest.raises(LocalityError) as err:
        gaz.resolve("phường 1, Lâm Đồng")
    assert err.value.code == "GS031"
    assert "Đà Lạt" in err.value.message and "Bảo Lộc" in err.value.message


def test_names_differing_only_by_tone_are_told_apart(gaz):
    a = gaz.resolve("xã Tân Thành, huyện Lai Vung, Đồng Tháp")
    assert a.legacy_ward.name == "Xã Tân Thành"


def test_split_type():
    assert split_type("TP. Đà Lạt") == ("Thành phố", "Đà Lạt")
    assert split_type("thị xã Ninh Hòa") == ("Thị xã", "Ninh Hòa")
    assert split_type("phường 7") == ("Phường", "7")
    assert split_type("Ninh Hưng") == (None, "Ninh Hưng")


def test_slugs_are_unique_within_each_province(gaz):
    for wards in gaz.wards.values():
        slugs = [w.slug for w in wards.values()]
        assert len(slugs) == len(set(slugs))
