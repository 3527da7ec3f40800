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
        decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()

    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠẦẤẨẪẬĐđƯỨỪỬỮỰơờớởỡợ "
    vietnamese = st.text(alphabet=letters + "\u0300\u0301\u0303\u0309\u0323", max_size=40)

    @given(st.one_of(st.text(max_size=40), vietnamese))
    def check(text: str) -> None:
        assert fold(text) == reference(text)

    check()
    assert fold("Đồng Nai – Nguyễn Văn Hùng") == "dong nai – nguyen van hung"
