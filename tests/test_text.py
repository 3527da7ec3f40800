import unicodedata

from guongsang.model.text import collation_key, compact, fold, nfc, person_sort_key, slugify, sorted_vi


def test_slugify_folds_vietnamese_including_d_stroke():
    assert slugify("Nguyễn Văn Đức") == "nguyen-van-duc"
    assert slugify("  Đồng Nai – Bà Rịa!! ") == "dong-nai-ba-ria"
    assert slugify("Phường 7") == "phuong-7"


def test_slugify_is_independent_of_unicode_form():
    composed = "Hồ Chí Minh"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert slugify(decomposed) == slugify(composed) == "ho-chi-minh"


def test_fold_and_compact():
    assert fold("ĐIỆN BIÊN") == "dien bien"
    assert compact("TP. Đà Lạt") == "tpdalat"


def test_nfc():
    assert nfc(unicodedata.normalize("NFD", "Khánh Hòa")) == "Khánh Hòa"


def test_collation_orders_base_letters_before_tones():
    # a < ă < â < b; d < đ < e; tones only decide between equal base letters
    assert sorted_vi(["đá", "da", "ăn", "ân", "an", "bà", "em"]) == ["an", "ăn", "ân", "bà", "da", "đá", "em"]
    # tone order: ngang, huyền, hỏi, ngã, sắc, nặng
    assert sorted_vi(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    # base letters dominate tones: "bá" < "bac" although 'á' carries a tone
    assert collation_key("bá") < collation_key("bac")


def test_collation_is_not_codepoint_order():
    names = ["Đức", "Dũng", "Ánh", "Bình", "Ân"]
    assert sorted_vi(names) == ["Ánh", "Ân", "Bình", "Dũng", "Đức"]
    assert sorted(names) != sorted_vi(names)


def test_people_sort_by_given_name():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Đức"]
    assert sorted(names, key=person_sort_key) == ["Nguyễn Thị An", "Trần Văn Bình", "Lê Đức"]


def test_fold_equals_its_definition_on_any_text():
    """``fold`` (a cached per-character table) equals NFD, diacritics dropped, đ → d, lower case."""
    import unicodedata

    from hypothesis import given
    from hypothesis import strategies as st

    from guongsang.model.text import fold

    def reference(text: str) -> str:
        text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")  # the eth typed for Đ is Đ
        decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()

    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠẦẤẨẪẬĐđƯỨỪỬỮỰơờớởỡợ "
    vietnamese = st.text(alphabet=letters + "\u0300\u0301\u0303\u0309\u0323", max_size=40)

    @given(st.one_of(st.text(max_size=40), vietnamese))
    def check(text: str) -> None:
        assert fold(text) == reference(text)

    check()
    assert fold("Đồng Nai – Nguyễn Văn Hùng") == "dong nai – nguyen van hung"


def test_eth_typed_for_d_with_stroke_is_d_with_stroke_everywhere():
    from guongsang.model.text import collation_key, compact, fold, nfc, slugify

    assert nfc("Ðà Nẵng ðông") == "Đà Nẵng đông"
    assert slugify("Ðà Nẵng") == "da-nang" and fold("Ð") == "d" and compact("Ðà Lạt") == "dalat"
    assert collation_key("Ðà Lạt")[:2] == collation_key("Đà Lạt")[:2]


def test_numbered_units_sort_by_number_and_roman_numerals_are_names():
    from guongsang.model.text import sorted_vi

    written = ["Phường 10", "Phường IV", "Phường 2", "Phường 1", "Phường 02b", "Xã 3"]
    assert sorted_vi(written) == ["Phường 1", "Phường 2", "Phường 02b", "Phường 10", "Phường IV", "Xã 3"]


def test_spelling_variants_of_one_name_sort_together():
    from guongsang.model.text import sorted_vi

    # "Hoà" (old tone placement) and "Hòa" are one name: nothing sorts between them.
    names = sorted_vi(["Hòa", "Hoá", "Hoà", "Hoa", "Thuý", "Thúy", "Thuỳ"])
    assert abs(names.index("Hoà") - names.index("Hòa")) == 1
    assert abs(names.index("Thuý") - names.index("Thúy")) == 1
    assert names.index("Hoa") < names.index("Hoà") < names.index("Hoá")
