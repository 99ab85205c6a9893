"""Text -> expected citations, one case per structure that documents use."""

import pytest

from extractors import extract
from extractors.numbers import normalise_number

PREAMBLE_END = "\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Nội dung."


def bases(preamble: str):
    result = extract("QUYẾT ĐỊNH\nVề việc thử\n\n" + preamble + PREAMBLE_END)
    return [(c.doc_type, c.number, c.date, c.issuer, c.name) for c in result.legal_bases]


BASIS_CASES = [
    (
        "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa;",
        [("Nghị định", "61/2018/NĐ-CP", "2018-04-23", "Chính phủ", None)],
    ),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        [("Luật", None, "2015-06-19", "Quốc hội", "Luật Tổ chức chính quyền địa phương")],
    ),
    (  # two laws in one paragraph; the second names another law inside its own name
        "Căn cứ Luật Tổ chức Chính phủ ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức "
        "Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;",
        [("Luật", None, "2015-06-19", "Quốc hội", "Luật Tổ chức Chính phủ"),
         ("Luật", None, "2019-11-22", "Quốc hội",
          "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương")],
    ),
    (  # a law with its number
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22 tháng 6 năm 2015;",
        [("Luật", "80/2015/QH13", "2015-06-22", "Quốc hội", "Luật Ban hành văn bản quy phạm pháp luật")],
    ),
    (  # a law amended by another law with its own date: two rows
        "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019, được sửa đổi, bổ sung bởi Luật số 03/2022/QH15 "
        "ngày 11 tháng 01 năm 2022;",
        [("Luật", None, "2019-06-13", "Quốc hội", "Luật Đầu tư công"),
         ("Luật", "03/2022/QH15", "2022-01-11", "Quốc hội", None)],
    ),
    (  # a document mentioned inside another one's title is not a basis
        "Căn cứ Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ hướng dẫn thi hành một số "
        "quy định của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;",
        [("Thông tư", "01/2018/TT-VPCP", "2018-11-23", "Văn phòng Chính phủ", None)],
    ),
    (  # a list: "các Thông tư của …: số …; số …"
        "Căn cứ các Thông tư của Văn phòng Chính phủ: số 01/2018/TT-VPCP ngày 23/11/2018 hướng dẫn thi hành; "
        "số 01/2023/TT-VPCP ngày 05/4/2023 quy định một số nội dung;",
        [("Thông tư", "01/2018/TT-VPCP", "2018-11-23", "Văn phòng Chính phủ", None),
         ("Thông tư", "01/2023/TT-VPCP", "2023-04-05", "Văn phòng Chính phủ", None)],
    ),
    (  # "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ" is written as the office
        "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng "
        "Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính;",
        [("Thông tư", "02/2017/TT-VPCP", "2017-10-31", "Văn phòng Chính phủ", None)],
    ),
    (
        "Căn cứ Thông tư số 12/2022/TT-BYT ngày 20/8/2022 của Bộ trưởng Bộ Y tế;",
        [("Thông tư", "12/2022/TT-BYT", "2022-08-20", "Bộ Y tế", None)],
    ),
    (  # party documents: "05-NQ/TU"
        "Căn cứ Nghị quyết số 05-NQ/TU ngày 22/10/2021 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số;",
        [("Nghị quyết", "05-NQ/TU", "2021-10-22", "Ban Chấp hành Đảng bộ tỉnh", None)],
    ),
    (  # the provincial people's committee, with and without its name
        "Căn cứ Quyết định số 1309/QĐ-UBND ngày 29/6/2021 của Ủy ban nhân dân tỉnh Hòa Bình ban hành Danh mục;",
        [("Quyết định", "1309/QĐ-UBND", "2021-06-29", "Ủy ban nhân dân tỉnh Hòa Bình", None)],
    ),
    (
        "Căn cứ Kế hoạch số 212/KH-UBND ngày 11/11/2021 của UBND tỉnh Ứng dụng công nghệ thông tin;",
        [("Kế hoạch", "212/KH-UBND", "2021-11-11", "Ủy ban nhân dân tỉnh", None)],
    ),
    (
        "Căn cứ Chỉ thị số 03/CT-UBND ngày 18/01/2022 của Chủ tịch Ủy ban nhân dân tỉnh về nhiệm vụ;",
        [("Chỉ thị", "03/CT-UBND", "2022-01-18", "Chủ tịch Ủy ban nhân dân tỉnh", None)],
    ),
    (  # a decision of the Prime Minister; the issuer stated by the symbol when the text is silent
        "Căn cứ Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ; "
        "Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 quy định về việc cung cấp thông tin;",
        [("Quyết định", "942/QĐ-TTg", "2021-06-15", "Thủ tướng Chính phủ", None),
         ("Nghị định", "42/2022/NĐ-CP", "2022-06-24", "Chính phủ", None)],
    ),
    (  # a basis of another body, with "về" in its name
        "Căn cứ Quyết định số 27/QĐ-UBQGCĐS ngày 15/3/2022 của Ủy ban Quốc gia về Chuyển đổi số về kế hoạch;",
        [("Quyết định", "27/QĐ-UBQGCĐS", "2022-03-15", "Ủy ban Quốc gia về Chuyển đổi số", None)],
    ),
    (  # "Căn cứ" glued to the end of the previous paragraph
        "Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ;Căn cứ Thông tư số 32/2017/TT-BTTTT "
        "ngày 15/11/2017 của Bộ Thông tin và Truyền thông;",
        [("Nghị định", "45/2020/NĐ-CP", "2020-04-08", "Chính phủ", None),
         ("Thông tư", "32/2017/TT-BTTTT", "2017-11-15", "Bộ Thông tin và Truyền thông", None)],
    ),
    (  # the Constitution, cited without a date
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
        [("Hiến pháp", None, None, "Quốc hội", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam")],
    ),
    (  # OCR without a Vietnamese model (the Hưng Yên sample)
        "Can cir Ludt Té chitc chinh quyén dia phirong ngay 19/02/2025;\n\n"
        "Can cir Nghi dinh so 61/2018/ND-CP ngdy 23/4/2018 ciia Chinh phi vé thuc hién co ché mot cira;\n\n"
        "Can cu Nghi quyet s 06-NO/TU ngay 15/6/2021 cua Tinh uy Hung Yén vé Chuong trinh;\n\n"
        "Can cit Quyét dinh s6 571/0D-UBND ngay 25/2/2022 ciia UBND tinh phé duyét dé an;\n\n"
        "Can cit cdc Ké hoach cia UBND tinh: sé 200/KH-UBND ngay 31/12/2024 vé thuc hién; s6 87/KH-\nUBND ngay 21/4/2025 ve trién khai;",
        [("Luật", None, "2025-02-19", "Quốc hội", "Luật Tổ chức chính quyền địa phương"),
         ("Nghị định", "61/2018/NĐ-CP", "2018-04-23", "Chính phủ", None),
         ("Nghị quyết", "06-NQ/TU", "2021-06-15", "Tỉnh ủy Hưng Yên", None),
         ("Quyết định", "571/QĐ-UBND", "2022-02-25", "Ủy ban nhân dân tỉnh", None),
         ("Kế hoạch", "200/KH-UBND", "2024-12-31", "Ủy ban nhân dân tỉnh", None),
         ("Kế hoạch", "87/KH-UBND", "2025-04-21", "Ủy ban nhân dân tỉnh", None)],
    ),
    (  # text typed without diacritics
        "Can cu Nghi dinh so 107/2021/ND-CP ngay 06/12/2021 cua Chinh phu;",
        [("Nghị định", "107/2021/NĐ-CP", "2021-12-06", "Chính phủ", None)],
    ),
]


@pytest.mark.parametrize("preamble, expected", BASIS_CASES)
def test_legal_bases(preamble, expected):
    assert bases(preamble) == expected


def references(text: str):
    return [(c.role, c.doc_type, c.number, c.date, c.issuer) for c in extract(text).references]


REFERENCE_CASES = [
    (  # a proposal names its proposer before the document
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\nTheo đề nghị của Giám đốc Sở Thông tin "
        "và Truyền thông tại Tờ trình số 551/TTr-STTTT ngày 28 tháng 4 năm 2022." + PREAMBLE_END,
        [("proposal", "Tờ trình", "551/TTr-STTTT", "2022-04-28", "Sở Thông tin và Truyền thông")],
    ),
    (  # "Thực hiện …" in the preamble is a proposal, not a basis
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\nThực hiện Thông báo số 255/TB-UBND ngày "
        "11/7/2022 của UBND tỉnh về việc Kết luận giao ban;" + PREAMBLE_END,
        [("proposal", "Thông báo", "255/TB-UBND", "2022-07-11", "Ủy ban nhân dân tỉnh")],
    ),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nXét Tờ trình số 7013/TTr-UBND ngày 20 tháng 11 "
        "năm 2022 của Ủy ban nhân dân tỉnh." + PREAMBLE_END,
        [("proposal", "Tờ trình", "7013/TTr-UBND", "2022-11-20", "Ủy ban nhân dân tỉnh")],
    ),
    (  # a replaced decision
        "Điều 3. Quyết định này thay thế Quyết định số 1929/QĐ-UBND ngày 23/6/2020 của UBND tỉnh.",
        [("replaces", "Quyết định", "1929/QĐ-UBND", "2020-06-23", "Ủy ban nhân dân tỉnh")],
    ),
    (  # a letter: the date opens the sentence
        "Ngày 04 tháng 11 năm 2021, UBND huyện đã có Công văn số 1568/UBND-VP chỉ đạo các xã.",
        [("reference", "Công văn", "1568/UBND-VP", "2021-11-04", None)],
    ),
    (  # a list of documents: the issuer belongs to the one it follows
        "theo các văn bản: Quyết định số 3373/QĐ-UBND ngày 18/11/2021, Quyết định số 658/QĐ-UBND ngày 17/3/2022 "
        "của UBND tỉnh Hải Dương về việc công bố danh mục.",
        [("reference", "Quyết định", "3373/QĐ-UBND", "2021-11-18", None),
         ("reference", "Quyết định", "658/QĐ-UBND", "2022-03-17", "Ủy ban nhân dân tỉnh Hải Dương")],
    ),
    (  # abbreviated type, repeated number cited once
        "theo QĐ số 1309/QĐ-UBND ngày 29/6/2021; xem lại QĐ số 1309/QĐ-UBND.",
        [("reference", "Quyết định", "1309/QĐ-UBND", "2021-06-29", None)],
    ),
    (  # OCR garble in the body
        "theo quy dinh tai Piéu 26 Quyét dinh s 31/2021/QD-TTg ngay\n11/10/2021 ctia Thi twdéng Chinh phti ban hanh",
        [("reference", "Quyết định", "31/2021/QĐ-TTg", "2021-10-11", "Thủ tướng Chính phủ")],
    ),
    (  # not document numbers: dates, periods, quarters
        "giai đoạn 2021-2025, quý 1/2022, ngày 23/4/2018, mức độ 3/4.",
        [],
    ),
]


@pytest.mark.parametrize("text, expected", REFERENCE_CASES)
def test_references(text, expected):
    assert references(text) == expected


@pytest.mark.parametrize("parts, expected", [
    (("61", "2018", "/ND-CP"), "61/2018/NĐ-CP"),
    (("1042", None, "/QD-UBND"), "1042/QĐ-UBND"),
    (("571", None, "/0D-UBND"), "571/QĐ-UBND"),
    (("06", None, "-NO/TU"), "06-NQ/TU"),
    (("01", "2023", "/T T-VPCP"), "01/2023/TT-VPCP"),
    (("87", None, "/KH-\nUBND"), "87/KH-UBND"),
    (("15", "2022", "/NQ-HDND"), "15/2022/NQ-HĐND"),
    (("12", "2022", "/TT-BYT"), "12/2022/TT-BYT"),
    (("959", None, "/STTTT-CNTT"), "959/STTTT-CNTT"),
    # OCR lost the hyphen after the type code: split where both halves are known codes
    (("12", "2023", "/TTBYT"), "12/2023/TT-BYT"),
    (("87", None, "/KHUBND"), "87/KH-UBND"),
    (("1552", None, "/BTTTT-CĐSQG"), "1552/BTTTT-CĐSQG"),  # unknown codes stay as written
])
def test_normalise_number(parts, expected):
    assert normalise_number(*parts)[0] == expected


def test_no_preamble_means_no_bases():
    # "Căn cứ" inside the body of a letter is not a legal basis
    text = "Kính gửi: UBND các xã.\n\nCăn cứ Quyết định số 12/QĐ-UBND ngày 01/02/2022 của UBND tỉnh, đề nghị các xã thực hiện."
    result = extract(text)
    assert result.legal_bases == []
    assert [c.number for c in result.references] == ["12/QĐ-UBND"]
