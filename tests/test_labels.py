"""normalizers.labels: areas, grades, units, agencies, indices and kinds of document."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parscore.normalizers.labels import (
    area_code,
    canonical_unit,
    doc_type,
    grade,
    grade_in_text,
    index_code,
    label_key,
    unit_code,
)
from parscore.normalizers.places import province_key, provinces


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


AREA_CASES = [
    ("Công tác chỉ đạo điều hành cải cách hành chính", "chi_dao_dieu_hanh"),
    ("Công tác chỉ đạo, điều hành CCHC", "chi_dao_dieu_hanh"),
    ("Công tác tham mưu UBND huyện ban hành văn bản chỉ đạo, điều hành CCHC", "chi_dao_dieu_hanh"),
    ("1. Cải cách thể chế", "the_che"),
    ("II. CẢI CÁCH THỂ CHẾ.", "the_che"),
    ("Xây dựng và tổ chức thực hiện văn bản QPPL tại tỉnh", "the_che"),
    ("Tổ chức thực hiện các VBQPPL, văn bản chỉ đạo, điều hành của cấp trên", "the_che"),
    ("Cải cách thủ tục hành chính", "tthc"),
    ("Cải cách TTHC", "tthc"),
    ("a) Cải cách thủ tục hành chính;", "tthc"),
    ("Cai cach thu tuc hanh chinh", "tthc"),  # tones lost
    ("Cải cách tổ chức bộ máy hành chính nhà nước", "to_chuc_bo_may"),
    ("Cải cách tổ chức bộ máy", "to_chuc_bo_may"),
    ("Cải cách chế độ công vụ", "cong_vu"),
    ("Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "cong_vu"),
    ("Xây dựng và nâng cao chất lượng đội ngũ CBCCVC", "cong_vu"),
    ("Cải cách tài chính công", "tai_chinh_cong"),
    ("Đổi mới cơ chế tài chính đối với cơ quan hành chính và đơn vị sự nghiệp công lập",
     "tai_chinh_cong"),
    ("Xây dựng và phát triển chính quyền điện tử, chính quyền số", "chinh_quyen_so"),
    ("Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "chinh_quyen_so"),
    ("Hiện đại hóa hành chính", "chinh_quyen_so"),
    ("Hiện đại hoá hành chính", "chinh_quyen_so"),
    (nfd("HIỆN ĐẠI HOÁ HÀNH CHÍNH"), "chinh_quyen_so"),
    ("Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH", "tac_dong"),
    ("Tác động cải cách hành chính đến phát triển kinh tế – xã hội", "tac_dong"),
    ("Thực hiện cơ chế một cửa, một cửa liên thông", "mot_cua"),
    ("Tổng cộng điểm", None),
    ("Tổng điểm", None),
    ("Xếp loại", None),
    ("Lĩnh vực", None),
    ("Chỉ số cải cách hành chính", None),
    ("", None),
]


@pytest.mark.parametrize(("label", "code"), AREA_CASES)
def test_area_code(label: str, code: str | None) -> None:
    assert area_code(label) == code


@pytest.mark.parametrize(("label", "code"), [c for c in AREA_CASES if c[1]])
def test_area_code_ignores_case_and_normal_form(label: str, code: str) -> None:
    assert area_code(label.upper()) == code
    assert area_code(nfd(label)) == code


GRADE_CASES = [
    ("Khá", "Khá"),
    ("KHÁ", "Khá"),
    ("khá", "Khá"),
    ("Tốt.", "Tốt"),
    ("TỐT", "Tốt"),
    (nfd("Xuất sắc"), "Xuất sắc"),
    ("XUẤT SẮC", "Xuất sắc"),
    ("Trung bình", "Trung bình"),
    ("Yếu", "Yếu"),
    ("Kém", "Kém"),
    ("kha", "Khá"),  # tones lost
    ("xếp loại khá", "Khá"),
    ("xếp lại khá", "Khá"),  # a real typo
    ("đạt loại Tốt", "Tốt"),
    ("Xếp loại: Tốt", "Tốt"),
    ("Nhóm I", "Nhóm I"),
    ("NHÓM II", "Nhóm II"),
    ("nhóm b", "Nhóm B"),
    ("Nhóm 1", "Nhóm I"),
    ("thực hiện tốt nhiệm vụ", None),
    ("hoàn thành xuất sắc nhiệm vụ", None),
    ("Nhóm công tác", None),
    ("72,32", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), GRADE_CASES)
def test_grade(text: str, expected: str | None) -> None:
    assert grade(text) == expected


GRADE_IN_TEXT_CASES = [
    ("Sở Xây dựng đạt 72,32 điểm, xếp loại khá.", ("Khá", "khá")),
    ("Sở Xây dựng đạt 72,32 điểm, xếp lại khá.", ("Khá", "khá")),
    ("Kết quả: đạt loại Tốt", ("Tốt", "Tốt")),
    ("được xếp loại ở mức Khá, tăng 3,286 điểm", ("Khá", "Khá")),
    ("Năm 2023 Sở xếp loại Xuất sắc", ("Xuất sắc", "Xuất sắc")),
    ("xếp loại: TRUNG BÌNH", ("Trung bình", "TRUNG BÌNH")),
    ("đơn vị xếp vào loại yếu", ("Yếu", "yếu")),
    ("Tỉnh Nam Định thuộc Nhóm II", ("Nhóm II", "Nhóm II")),
    ("đạt 85%, xếp loại nhóm A", ("Nhóm A", "nhóm A")),
    ("mức tốt", ("Tốt", "tốt")),
    (nfd("xếp loại khá"), ("Khá", "khá")),
    ("xep loai kha", ("Khá", "kha")),
    ("Sở đã thực hiện tốt nhiệm vụ được giao", None),
    ("Lãnh đạo Sở hoàn thành xuất sắc nhiệm vụ", None),
    ("mức độ hài lòng tốt", None),
    ("các loại văn bản tốt", None),
    ("xếp hạng 3/20", None),
    ("đạt 90 điểm", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), GRADE_IN_TEXT_CASES)
def test_grade_in_text(text: str, expected: tuple[str, str] | None) -> None:
    assert grade_in_text(text) == expected


UNIT_CASES = [
    ("Văn phòng Sở", "van_phong"),
    ("VĂN PHÒNG SỞ", "van_phong"),
    ("Thanh tra sở", "thanh_tra"),
    ("Các phòng chuyên môn", "phong_chuyen_mon"),
    ("Trung tâm QHXD", "trung_tam_quy_hoach"),
    ("Trung tâm Quy hoạch xây dựng", "trung_tam_quy_hoach"),
    ("Phòng Quản lý xây dựng", "quan_ly_xay_dung"),
    ("Phòng Quản lý chất lượng công trình xây dựng", "chat_luong_cong_trinh"),
    ("Phòng Quy hoạch – Kiến trúc", "quy_hoach_kien_truc"),
    ("Phòng Phát triển đô thị và hạ tầng kỹ thuật", "phat_trien_do_thi"),
    ("Phòng Quản lý nhà và thị trường bất động sản", "nha_bat_dong_san"),
    ("Phòng Kinh tế và Vật liệu xây dựng", "kinh_te_vat_lieu"),
    ("Trung tâm Kiểm định chất lượng xây dựng", "trung_tam_kiem_dinh"),
    ("Phòng Tổ chức – Cán bộ", "to_chuc_can_bo"),
    ("Phòng Pháp chế", "phap_che"),
    ("Phòng Kế hoạch - Tài chính", "ke_hoach_tai_chinh"),
    ("Phòng Tài chính – Kế hoạch", "ke_hoach_tai_chinh"),
    ("Phòng Nội vụ", "phong_noi_vu"),
    ("Phòng Tư pháp", "phong_tu_phap"),
    ("Phòng Quản lý đô thị", "phong_quan_ly_do_thi"),
    ("Các phòng, đơn vị thuộc Sở", "cac_don_vi"),
    ("Bộ phận tiếp nhận và trả kết quả", "bo_phan_mot_cua"),
    (nfd("Phòng Quản lý vận tải, phương tiện và người lái"), "quan_ly_giao_thong"),
    ("Công ty ABC", None),
    ("", None),
]


@pytest.mark.parametrize(("name", "code"), UNIT_CASES)
def test_unit_code(name: str, code: str | None) -> None:
    assert unit_code(name) == code


CANONICAL_UNIT_CASES = [
    ("Sở TT-TT", "Sở Thông tin và Truyền thông"),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Sở GTVT", "Sở Giao thông vận tải"),
    ("Bộ GTVT", "Bộ Giao thông vận tải"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở KHĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở KH và ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ("sở tư pháp", "Sở Tư pháp"),
    ("SỞ XÂY DỰNG", "Sở Xây dựng"),
    (nfd("SỞ NỘI VỤ"), "Sở Nội vụ"),
    ("Sở Xây dựng tỉnh Đồng Nai", "Sở Xây dựng tỉnh Đồng Nai"),
    ("SỞ XÂY DỰNG TỈNH ĐỒNG NAI", "Sở Xây dựng tỉnh Đồng Nai"),
    ("TP.Biên Hòa", "Thành phố Biên Hòa"),
    ("TP. Biên Hòa", "Thành phố Biên Hòa"),
    ("TP.HCM", "Thành phố Hồ Chí Minh"),
    ("H.Cẩm Mỹ", "Huyện Cẩm Mỹ"),
    ("TX. Long Khánh", "Thị xã Long Khánh"),
    ("huyện cẩm mỹ", "Huyện Cẩm Mỹ"),
    ("UBND huyện Cẩm Mỹ", "Ủy ban nhân dân huyện Cẩm Mỹ"),
    ("UBND TỈNH BÌNH DƯƠNG", "Ủy ban nhân dân tỉnh Bình Dương"),
    ("Uỷ ban nhân dân thành phố Biên Hòa", "Ủy ban nhân dân thành phố Biên Hòa"),
    ("UBND TP. Biên Hòa", "Ủy ban nhân dân thành phố Biên Hòa"),
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
    ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("  Công ty  ABC ", "Công ty ABC"),
    ("Sở ABC", "Sở ABC"),
    # one province, however its tones, dashes and older spellings are written
    ("UBND tỉnh Thanh Hoá", "Ủy ban nhân dân tỉnh Thanh Hóa"),
    ("TỈNH KHÁNH HOÀ", "Tỉnh Khánh Hòa"),
    ("tỉnh Đắc Lắc", "Tỉnh Đắk Lắk"),
    ("tỉnh Bà Rịa–Vũng Tàu", "Tỉnh Bà Rịa - Vũng Tàu"),
    ("tỉnh Bà Rịa-Vũng Tàu", "Tỉnh Bà Rịa - Vũng Tàu"),
    ("Sở Thuỷ sản", "Sở Thủy sản"),
]


def test_provinces_are_the_63() -> None:
    names = set(provinces().values())
    assert len(names) == 62  # with "Thành phố Hồ Chí Minh", named only with its level
    assert {"Thành phố Hà Nội", "Tỉnh Quảng Ninh", "Tỉnh Thừa Thiên Huế"} <= names
    assert provinces()[province_key("Thanh Hoá")] == "Tỉnh Thanh Hóa"


@pytest.mark.parametrize(("name", "expected"), CANONICAL_UNIT_CASES)
def test_canonical_unit(name: str, expected: str) -> None:
    assert canonical_unit(name) == expected


INDEX_CASES = [
    ("Chỉ số CCHC", "par"),
    ("chỉ số cải cách hành chính", "par"),
    ("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)", "par"),
    ("PAR Index", "par"),
    ("Par index", "par"),
    ("SIPAS", "sipas"),
    ("Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính", "sipas"),
    ("Chỉ số hài lòng", "sipas"),
    ("PAPI", "papi"),
    ("Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh", "papi"),
    ("PCI", "pci"),
    ("năng lực cạnh tranh cấp tỉnh", "pci"),
    ("DDCI", "ddci"),
    ("Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương", "ddci"),
    ("Chỉ số chuyển đổi số (DTI)", "other"),
    ("ICT Index", "other"),
    ("", "other"),
]


@pytest.mark.parametrize(("text", "code"), INDEX_CASES)
def test_index_code(text: str, code: str) -> None:
    assert index_code(text) == code


DOC_TYPE_CASES = [
    ("568/TB-SXD", "TB"),
    ("TB", "TB"),
    ("Số: 15/QĐ-BNV", "QĐ"),
    ("QĐ-UBND", "QĐ"),
    ("qđ-ubnd", "QĐ"),
    ("3027/QĐUBND", "QĐ"),  # hyphen lost in a scraped corpus
    ("1494/TTr-SNV", "TTr"),
    ("CTr-UBND", "CTr"),
    ("4851/KH-UBND", "KH"),
    ("18/BCTĐ-STP", "BCTĐ"),
    ("BC-SXD", "BC"),
    ("HD-SNV", "HD"),
    ("01/2015/TTLT-BXD-BNV", "TTLT"),
    ("15/2020/TT-BXD", "TT"),
    ("7563/TB-SXD-KTVLXD", "TB"),
    ("05/BNV-VP", None),  # a công văn: agency first
    ("2231/SNV-CCHC&PC", None),
    ("12/UBND-VX", None),
    ("abc", None),
    ("", None),
]


@pytest.mark.parametrize(("symbol", "kind"), DOC_TYPE_CASES)
def test_doc_type(symbol: str, kind: str | None) -> None:
    assert doc_type(symbol) == kind


def test_label_key() -> None:
    assert label_key("2. Cải cách TTHC;") == "cải cách thủ tục hành chính"
    assert label_key("I. Công tác chỉ đạo, điều hành") == "công tác chỉ đạo điều hành"
    assert label_key("ҺIỆN ĐẠI HOÁ") == "hiện đại hóa"


@given(
    st.sampled_from([c for c in AREA_CASES if c[1]]),
    st.sampled_from(["", "1. ", "a) ", "IV. ", "(2) "]),
    st.sampled_from(["", ".", ";", ":"]),
)
def test_area_code_ignores_numbering_and_trailing_punctuation(
    case: tuple[str, str], lead: str, tail: str
) -> None:
    label, code = case
    assert area_code(f"{lead}{label}{tail}") == code
