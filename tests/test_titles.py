"""Officials' titles, one list in `vietnamese.bodies` read three ways: the signer's own title over
the signature, a title before a body's name, and the head's title opening the authority line."""

import pytest

from extractors import extract
from extractors.bodies import parse_body
from extractors.folding import fold
from vietnamese.bodies import HEAD_TITLES, OFFICIAL_TITLES, deputy_title


@pytest.mark.parametrize("head, deputy", [
    ("Chủ tịch", "Phó Chủ tịch"), ("Bộ trưởng", "Thứ trưởng"), ("Thủ tướng", "Phó Thủ tướng"),
    ("Chủ tịch nước", "Phó Chủ tịch nước"), ("Tổng cục trưởng", "Phó Tổng cục trưởng"),
])
def test_a_deputys_title_is_made_from_the_heads(head, deputy):
    assert head in HEAD_TITLES
    assert deputy_title(head) == deputy
    assert {deputy, f"{deputy} Thường trực"} <= set(OFFICIAL_TITLES)


# The signature block -> the signer's own title, the name, and the text the name's span covers.
SIGNATURES = [
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n", ("Phó Chủ tịch", "Nguyễn Văn An", "Nguyễn Văn An")),
    ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Văn Cường", ("Thứ trưởng", "Lê Văn Cường", "Lê Văn Cường")),
    # Only "KT." and the head's title printed: the deputy signed.
    ("KT. GIÁM ĐỐC\n\n\nPhạm Văn Dũng", ("Phó Giám đốc", "Phạm Văn Dũng", "Phạm Văn Dũng")),
    ("KT. CHỦ TỊCH NƯỚC\n\nNgô Văn Hải", ("Phó Chủ tịch nước", "Ngô Văn Hải", "Ngô Văn Hải")),
    ("KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nĐào Minh Quang", ("Phó Thủ tướng", "Đào Minh Quang", "Đào Minh Quang")),
    # A deputy's title after "KT." stays his own.
    ("KT. THỨ TRƯỞNG\nTrần An Bình", ("Thứ trưởng", "Trần An Bình", "Trần An Bình")),
    ("PHÓ CHỦ TỊCH THƯỜNG TRỰC\n\nLý Thị Lan", ("Phó Chủ tịch Thường trực", "Lý Thị Lan", "Lý Thị Lan")),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nVũ Văn Minh",
     ("Phó Chủ tịch", "Vũ Văn Minh", "Vũ Văn Minh")),
    ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nĐINH VĂN NAM", ("Phó Bí thư", "Đinh Văn Nam", "ĐINH VĂN NAM")),
    ("TL. BỘ TRƯỞNG\nKT. VỤ TRƯỞNG\nPHÓ VỤ TRƯỞNG\n\nHà  Thị   Oanh", ("Phó Vụ trưởng", "Hà Thị Oanh", "Hà  Thị   Oanh")),
    ("KT. TỔNG GIÁM ĐỐC\nPHÓ TỔNG GIÁM ĐỐC\n\nMai Văn Sơn", ("Phó Tổng Giám đốc", "Mai Văn Sơn", "Mai Văn Sơn")),
    ("HIỆU TRƯỞNG\n\nLương Thị Thu", ("Hiệu trưởng", "Lương Thị Thu", "Lương Thị Thu")),
    ("KT. TỔNG THANH TRA\nPHÓ TỔNG THANH TRA\n\nTạ Quang Huy", ("Phó Tổng Thanh tra", "Tạ Quang Huy", "Tạ Quang Huy")),
    ("CHÁNH THANH TRA\n\nKiều Thị Mai", ("Chánh Thanh tra", "Kiều Thị Mai", "Kiều Thị Mai")),
    # OCR's paragraphs put blank lines inside the name: the surname, or the last given name, alone.
    ("KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nTrịnh\n\nVăn Khoa", ("Phó Chủ tịch", "Trịnh Văn Khoa", "Trịnh\n\nVăn Khoa")),
    ("KT. GIÁM ĐỐC\n\nPHÓ GIÁM ĐỐC\n\nLê Thị\n\nHồng\n\nPHỤ LỤC", ("Phó Giám đốc", "Lê Thị Hồng", "Lê Thị\n\nHồng")),
    # An annex's heading below, wrapped short, its title word and a province's name in capitals alone:
    # no signature block.
    ("KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nĐoàn Văn Phúc\n\nPHỤ LỤC\n\nTHỦ TỤC ĐƯỢC ỦY QUYỀN CHO\n\n"
     "GIÁM ĐỐC SỞ TƯ PHÁP GIẢI QUYẾT TẠI TỈNH\n\nHÀ GIANG\n\n(Kèm theo Quyết định số 15/QĐ-UBND)",
     ("Phó Chủ tịch", "Đoàn Văn Phúc", "Đoàn Văn Phúc")),
    ("KT. CHÁNH THANH TRA\n\nLò Văn Khải", ("Phó Chánh Thanh tra", "Lò Văn Khải", "Lò Văn Khải")),
]


@pytest.mark.parametrize("block, expected", SIGNATURES)
def test_the_signers_own_title(block, expected):
    text = f"Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n{block}"
    h = extract(text).header
    assert (h.signer_title, h.signer, text[slice(*h.spans["signer"])]) == expected


# Text -> the body a title stands before, and where its name ends.
BODIES = [
    ("Giám đốc Sở Y tế tại Tờ trình số 12", ("Sở Y tế", 16)),
    ("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc;", ("Ủy ban Dân tộc", 35)),
    ("Phó Chủ tịch UBND tỉnh Hưng Yên", ("Ủy ban nhân dân tỉnh Hưng Yên", 31)),
    ("Bí thư Tỉnh ủy Hưng Yên", ("Tỉnh ủy Hưng Yên", 23)),
    ("Chánh Văn phòng Bộ Tài chính", ("Bộ Tài chính", 28)),
    ("Chánh Thanh tra Sở Xây dựng báo cáo", ("Sở Xây dựng", 27)),
    ("GIÁM  ĐỐC\nSỞ Y TẾ", ("Sở Y tế", 17)),
    # A title that opens the name of an issuing authority belongs to it.
    ("Thủ tướng Chính phủ", ("Thủ tướng Chính phủ", 19)),
    ("Chủ tịch nước", ("Chủ tịch nước", 13)),
    ("Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên", ("Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên", 38)),
]


@pytest.mark.parametrize("text, expected", BODIES)
def test_the_body_after_a_title(text, expected):
    assert parse_body(text, fold(text), 0) == expected


DECISION = """{body}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/QĐ-BYT
Hà Nội, ngày 2 tháng 3 năm 2026
QUYẾT ĐỊNH
VỀ VIỆC GIAO NHIỆM VỤ KIỂM TRA
{authority}
Căn cứ Nghị định số 42/2025/NĐ-CP ngày 27 tháng 02 năm 2025 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Giao nhiệm vụ.
"""


@pytest.mark.parametrize("body, authority, issuer", [
    ("BỘ Y TẾ", "BỘ TRƯỞNG BỘ Y TẾ", "Bộ Y tế"),
    ("BỘ Y TẾ", "CHÁNH VĂN PHÒNG BỘ Y TẾ", "Bộ Y tế"),
    ("BỘ Y TẾ", "CHÁNH THANH TRA BỘ Y TẾ", "Bộ Y tế"),
    ("ỦY BAN DÂN TỘC", "BỘ TRƯỞNG, CHỦ NHIỆM ỦY BAN DÂN TỘC", "Ủy ban Dân tộc"),
    ("ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", "Ủy ban nhân dân tỉnh Hưng Yên"),
])
def test_the_heads_title_opens_the_authority_line_after_the_subject(body, authority, issuer):
    h = extract(DECISION.format(body=body, authority=authority)).header
    assert (h.issuer, h.title) == (issuer, "VỀ VIỆC GIAO NHIỆM VỤ KIỂM TRA")
