"""Header and signature fields, one case per layout that documents use."""

import pytest

from extractors import extract
from tests.conftest import DOCS

FIELDS = ("doc_type", "number", "symbol", "issue_date", "place", "issuer", "issuer_level", "province",
          "title", "signer", "signer_title")


def header(text: str) -> dict:
    h = extract(text).header
    return {f: getattr(h, f) for f in FIELDS}


PROVINCE_DECISION = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 215/QĐ-UBND
Bắc Ninh, ngày 12 tháng 3 năm 2024
QUYẾT ĐỊNH
Về việc phê duyệt Kế hoạch chuyển đổi số
năm 2024
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt.
Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Vương Quốc Tuấn
"""

FLATTENED_COLUMNS = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
TINH HUNG YEN Déc 1ap - Tw do - Hanh phic
S6: 1042 /QD-UBND Humg Yén, ngay 07 thang 5 nam 2025
QUYET PINH
Giao chi tiéu cho cac sé, ban, nganh nam 2025
CHU TICH UY BAN NHAN DAN TINH
Can cir Ludt Té chitc chinh quyén dia phirong ngay 19/02/2025;
QUYET PINH:
Piéu 1. Giao.
Noi nhén: i KT CHU TICH
- Nhu Diéu 3;
- Luu: VT. Nguyen Duy Hung
"""

DISTRICT_LETTER = """ỦY BAN NHÂN DÂN
HUYỆN GIA LÂM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 320/UBND-VP
V/v đẩy mạnh dịch vụ công
trực tuyến năm 2023
Gia Lâm, ngày 05 tháng 4 năm 2023
Kính gửi: UBND các xã, thị trấn.
Thực hiện chỉ đạo của UBND thành phố Hà Nội, UBND huyện yêu cầu các xã thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Lê Anh Quân
"""

HEADERLESS_CHAIR = """Số: /QĐ-UBND Hòa Bình, ngày tháng 02 năm 2022
QUYẾT ĐỊNH
Về việc giao chỉ tiêu năm 2022
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
QUYẾT ĐỊNH:
Điều 1. Giao.
CHỦ TỊCH
Bùi Văn Khánh
"""

CASES = [
    (PROVINCE_DECISION, {
        "doc_type": "Quyết định", "number": "215/QĐ-UBND", "symbol": "QĐ-UBND", "issue_date": "2024-03-12",
        "place": "Bắc Ninh", "issuer": "Ủy ban nhân dân tỉnh Bắc Ninh", "issuer_level": "province",
        "province": "Bắc Ninh", "title": "Về việc phê duyệt Kế hoạch chuyển đổi số năm 2024",
        "signer": "Vương Quốc Tuấn", "signer_title": "Phó Chủ tịch"}),
    (FLATTENED_COLUMNS, {
        "doc_type": "Quyết định", "number": "1042/QĐ-UBND", "symbol": "QĐ-UBND", "issue_date": "2025-05-07",
        "place": "Hưng Yên", "issuer": "Ủy ban nhân dân tỉnh Hưng Yên", "issuer_level": "province",
        "province": "Hưng Yên", "title": "Giao chi tiéu cho cac sé, ban, nganh nam 2025",
        "signer": "Nguyen Duy Hung", "signer_title": "Phó Chủ tịch"}),
    (DISTRICT_LETTER, {
        "doc_type": "Công văn", "number": "320/UBND-VP", "symbol": "UBND-VP", "issue_date": "2023-04-05",
        "place": "Gia Lâm", "issuer": "Ủy ban nhân dân huyện Gia Lâm", "issuer_level": "district",
        "province": "Hà Nội", "title": "V/v đẩy mạnh dịch vụ công trực tuyến năm 2023",
        "signer": "Lê Anh Quân", "signer_title": "Chủ tịch"}),
    (HEADERLESS_CHAIR, {
        "doc_type": "Quyết định", "number": None, "symbol": "QĐ-UBND", "issue_date": "2022-02",
        "place": "Hòa Bình", "issuer": "Ủy ban nhân dân tỉnh Hòa Bình", "issuer_level": "province",
        "province": "Hòa Bình", "title": "Về việc giao chỉ tiêu năm 2022",
        "signer": "Bùi Văn Khánh", "signer_title": "Chủ tịch"}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_header(text, expected):
    assert header(text) == expected


DOC_CASES = {
    "nghi_dinh.txt": {
        "doc_type": "Nghị định", "number": "42/2022/NĐ-CP", "issuer": "Chính phủ", "issuer_level": "government",
        "province": None, "issue_date": "2022-06-24", "signer": "Vũ Đức Đam", "signer_title": "Phó Thủ tướng"},
    "thong_tu.txt": {
        "doc_type": "Thông tư", "number": "12/2023/TT-BYT", "issuer": "Bộ Y tế", "issuer_level": "ministry",
        "title": "Hướng dẫn thực hiện dịch vụ công trực tuyến trong lĩnh vực y tế",
        "signer": "Trần Văn Thuấn", "signer_title": "Thứ trưởng"},
    "cong_van_bo.txt": {
        "doc_type": "Công văn", "number": "1552/BTTTT-CĐSQG", "issuer": "Bộ Thông tin và Truyền thông",
        "title": "V/v hướng dẫn chỉ tiêu chuyển đổi số năm 2023", "issue_date": "2023-04-28",
        "signer": "Nguyễn Huy Dũng", "signer_title": "Thứ trưởng"},
    "nghi_quyet_hdnd.txt": {
        "doc_type": "Nghị quyết", "number": "15/2022/NQ-HĐND", "issuer": "Hội đồng nhân dân tỉnh Quảng Ninh",
        "issuer_level": "province", "province": "Quảng Ninh", "signer": "Nguyễn Xuân Ký", "signer_title": "Chủ tịch"},
}


@pytest.mark.parametrize("name", sorted(DOC_CASES))
def test_national_and_other_documents(name):
    got = header((DOCS / name).read_text(encoding="utf-8"))
    assert {k: got[k] for k in DOC_CASES[name]} == DOC_CASES[name]
