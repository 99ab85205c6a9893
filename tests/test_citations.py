"""Text -> the whole expected citations (spans included), one case per structure documents use.

Each expected citation is written as (raw, doc_type, number, date, issuer, name): `raw` is
the exact text it must span, so its start and end are where that text stands in the
document (the first time, or the time after the text given as `after`).
"""

from __future__ import annotations

import pytest

from extractors import Citation, extract
from extractors.citations import Role
from extractors.numbers import normalise_number

DECISION = "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\n\nQUYẾT ĐỊNH\nVề việc thử nghiệm\n\n{}\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Nội dung."
# A plan has no "QUYẾT ĐỊNH:": its preamble ends where the plan begins.
PLAN = (
    "KẾ HOẠCH\nChuyển đổi số năm 2026\n\n{}\n\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\n"
    "I. MỤC ĐÍCH\n\n1. Nội dung."
)


def expected(text: str, role: str, rows: list[tuple]) -> list[Citation]:
    citations = []
    for raw, doc_type, number, date, issuer, name, *after in rows:
        start = text.index(raw, text.index(after[0]) + len(after[0]) if after else 0)
        citations.append(Citation(role, doc_type, number, date, issuer, name, raw, start, start + len(raw)))
    return citations


def law(raw: str, date: str | None, name: str, number: str | None = None) -> tuple:
    return raw, "Luật", number, date, "Quốc hội", name


BASIS_CASES = [
    (  # a list of decrees by number only, going on on a line that starts in lower case
        DECISION.format(
            "Căn cứ các Nghị định của Chính phủ: số 15/2019/NĐ-CP ngày 03/3/2019 về quản lý cảng cá; số\n"
            "22/2020/NĐ-CP ngày 14/5/2020 về thủy lợi;\nsố 40/2021/NĐ-CP ngày 08/4/2021 về đê điều;\n"
            "Căn cứ Thông tư số 05/2022/TT-BTC ngày 12/6/2022 của Bộ Tài chính;"),
        [("số 15/2019/NĐ-CP ngày 03/3/2019", "Nghị định", "15/2019/NĐ-CP", "2019-03-03", "Chính phủ", None),
         ("số\n22/2020/NĐ-CP ngày 14/5/2020", "Nghị định", "22/2020/NĐ-CP", "2020-05-14", "Chính phủ", None),
         ("số 40/2021/NĐ-CP ngày 08/4/2021", "Nghị định", "40/2021/NĐ-CP", "2021-04-08", "Chính phủ", None),
         ("Thông tư số 05/2022/TT-BTC ngày 12/6/2022 của Bộ Tài chính", "Thông tư", "05/2022/TT-BTC", "2022-06-12",
          "Bộ Tài chính", None)],
    ),
    (  # the date written after the issuer ("… số … của Chính phủ ngày …")
        DECISION.format(
            "Căn cứ Nghị định số 64/2025/NĐ-CP của Chính phủ ngày 15 tháng 3 năm 2025 quy định chi tiết thi hành "
            "Luật Đấu thầu;"),
        [("Nghị định số 64/2025/NĐ-CP của Chính phủ ngày 15 tháng 3 năm 2025", "Nghị định", "64/2025/NĐ-CP",
          "2025-03-15", "Chính phủ", None)],
    ),
    (  # "… pháp luật và số …": the "luật" of a title does not type the next number
        DECISION.format(
            "Căn cứ các Quyết định của Ủy ban nhân dân tỉnh: số 12/2023/QĐ-UBND ngày 05/4/2023 về phổ biến pháp "
            "luật và số 30/2024/QĐ-UBND ngày 02/8/2024 về hòa giải;"),
        [("số 12/2023/QĐ-UBND ngày 05/4/2023", "Quyết định", "12/2023/QĐ-UBND", "2023-04-05", "Ủy ban nhân dân tỉnh",
          None),
         ("số 30/2024/QĐ-UBND ngày 02/8/2024", "Quyết định", "30/2024/QĐ-UBND", "2024-08-02", "Ủy ban nhân dân tỉnh",
          None)],
    ),
    (  # a second decree of the same issuer listed after the first one's title, behind a comma
        DECISION.format(
            "Căn cứ Nghị định số 31/2019/NĐ-CP ngày 10/4/2019 của Chính phủ về việc sửa đổi một số điều của các "
            "nghị định về khiếu nại, Nghị định số 55/2021/NĐ-CP ngày 24/5/2021 của Chính phủ về tố cáo;"),
        [("Nghị định số 31/2019/NĐ-CP ngày 10/4/2019 của Chính phủ", "Nghị định", "31/2019/NĐ-CP", "2019-04-10",
          "Chính phủ", None),
         ("Nghị định số 55/2021/NĐ-CP ngày 24/5/2021 của Chính phủ", "Nghị định", "55/2021/NĐ-CP", "2021-05-24",
          "Chính phủ", None)],
    ),
    (  # the word of several bodies, each "của … tại" its own document, then a resolution beside them
        DECISION.format(
            "Căn cứ chỉ đạo của Bộ Chính trị tại thông báo số 30-TB/TW ngày 01/3/2025, của Ban Bí thư tại văn bản "
            "số 45-KL/TW ngày 02/3/2025, Nghị quyết 12/NQ-CP ngày 05/3/2025 của Chính phủ về phòng, chống thiên tai;"),
        [("thông báo số 30-TB/TW ngày 01/3/2025", "Thông báo", "30-TB/TW", "2025-03-01", "Bộ Chính trị", None),
         ("văn bản số 45-KL/TW ngày 02/3/2025", "Văn bản", "45-KL/TW", "2025-03-02", "Ban Bí thư", None),
         ("Nghị quyết 12/NQ-CP ngày 05/3/2025 của Chính phủ", "Nghị quyết", "12/NQ-CP", "2025-03-05", "Chính phủ",
          None)],
    ),
    (  # a plan that implements another body's plan names it inside its title
        DECISION.format(
            "Căn cứ Kế hoạch số 20/KH-UBND ngày 02/3/2025 của UBND tỉnh về thực hiện Nghị quyết số 10/NQ-CP ngày "
            "05/01/2025 của Chính phủ và Kế hoạch số 05-KH/TU ngày 01/02/2025 của Ban Thường vụ Tỉnh ủy về chuyển "
            "đổi số;"),
        [("Kế hoạch số 20/KH-UBND ngày 02/3/2025 của UBND tỉnh", "Kế hoạch", "20/KH-UBND", "2025-03-02",
          "Ủy ban nhân dân tỉnh", None)],
    ),
    (  # an amending law cited by its date alone is a basis of its own
        DECISION.format("Căn cứ Luật Quy hoạch ngày 24 tháng 11 năm 2017 đã được sửa đổi, bổ sung bởi Luật ngày "
                        "11 tháng 12 năm 2024;"),
        [law("Luật Quy hoạch ngày 24 tháng 11 năm 2017", "2017-11-24", "Luật Quy hoạch"),
         ("Luật ngày 11 tháng 12 năm 2024", "Luật", None, "2024-12-11", "Quốc hội", None)],
    ),
    (  # a number with a dotted part is cited whole
        DECISION.format("Căn cứ Nghị quyết số 14.2/2025/NQ-CP ngày 03 tháng 9 năm 2025 của Chính phủ;"),
        [("Nghị quyết số 14.2/2025/NQ-CP ngày 03 tháng 9 năm 2025 của Chính phủ", "Nghị quyết", "14.2/2025/NQ-CP",
          "2025-09-03", "Chính phủ", None)],
    ),
    (  # one decree with its date and issuer; its title is not part of the citation
        DECISION.format("Căn cứ Nghị định số 72/2019/NĐ-CP ngày 12/5/2019 của Chính phủ về quản lý chợ;"),
        [("Nghị định số 72/2019/NĐ-CP ngày 12/5/2019 của Chính phủ", "Nghị định", "72/2019/NĐ-CP", "2019-05-12",
          "Chính phủ", None)],
    ),
    (  # a law by name and date
        DECISION.format("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        [law("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "2015-06-19",
             "Luật Tổ chức chính quyền địa phương")],
    ),
    (  # two laws in one "Căn cứ"; the second names other laws inside its own name
        DECISION.format(
            "Căn cứ Luật Tổ chức Chính phủ ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức "
            "Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;"),
        [law("Luật Tổ chức Chính phủ ngày 19/6/2015", "2015-06-19", "Luật Tổ chức Chính phủ"),
         law("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
             "ngày 22/11/2019", "2019-11-22",
             "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương")],
    ),
    (  # laws joined by "và" and by a comma; an ordinance has no issuer unless the text names one
        DECISION.format(
            "Căn cứ Luật Thủy sản ngày 21 tháng 11 năm 2017 và Luật sửa đổi, bổ sung một số điều của Luật Thủy sản "
            "ngày 18 tháng 01 năm 2024;\nCăn cứ Pháp lệnh Thú y ngày 29 tháng 4 năm 2004, Pháp lệnh sửa đổi Điều 5 "
            "của Pháp lệnh Thú y ngày 02 tháng 3 năm 2009;"),
        [law("Luật Thủy sản ngày 21 tháng 11 năm 2017", "2017-11-21", "Luật Thủy sản"),
         law("Luật sửa đổi, bổ sung một số điều của Luật Thủy sản ngày 18 tháng 01 năm 2024", "2024-01-18",
             "Luật sửa đổi, bổ sung một số điều của Luật Thủy sản"),
         ("Pháp lệnh Thú y ngày 29 tháng 4 năm 2004", "Pháp lệnh", None, "2004-04-29", None, "Pháp lệnh Thú y"),
         ("Pháp lệnh sửa đổi Điều 5 của Pháp lệnh Thú y ngày 02 tháng 3 năm 2009", "Pháp lệnh", None, "2009-03-02",
          None, "Pháp lệnh sửa đổi Điều 5 của Pháp lệnh Thú y")],
    ),
    (  # 2025 style: laws by name and number, or by number only, several in one line; a law by its year
        DECISION.format(
            "Căn cứ Luật Đất đai số 31/2024/QH15; Luật số 43/2024/QH15; Luật số 47/2024/QH15;\n"
            "Căn cứ Luật Thủ đô năm 2012;\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;"),
        [law("Luật Đất đai số 31/2024/QH15", None, "Luật Đất đai", "31/2024/QH15"),
         law("Luật số 43/2024/QH15", None, None, "43/2024/QH15"),
         law("Luật số 47/2024/QH15", None, None, "47/2024/QH15"),
         law("Luật Thủ đô năm 2012", "2012", "Luật Thủ đô"),
         ("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Hiến pháp", None, None, "Quốc hội",
          "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam")],
    ),
    (  # an amending law with its own date is a basis too; amending laws without a date are not
        DECISION.format(
            "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019, được sửa đổi, bổ sung bởi Luật số 03/2022/QH15 "
            "ngày 11 tháng 01 năm 2022;\nCăn cứ Luật Quy hoạch số 21/2017/QH14 được sửa đổi, bổ sung bởi Luật số "
            "28/2018/QH14, Luật số 35/2018/QH14 và Luật số 16/2023/QH15;"),
        [law("Luật Đầu tư công ngày 13 tháng 6 năm 2019", "2019-06-13", "Luật Đầu tư công"),
         law("Luật số 03/2022/QH15 ngày 11 tháng 01 năm 2022", "2022-01-11", None, "03/2022/QH15"),
         law("Luật Quy hoạch số 21/2017/QH14", None, "Luật Quy hoạch", "21/2017/QH14")],
    ),
    (  # a decree amended by a decree: the amendment is a basis; one that amends a document named
       # inside the title is not
        DECISION.format(
            "Căn cứ Nghị định số 55/2021/NĐ-CP ngày 20 tháng 5 năm 2021 của Chính phủ quy định chi tiết Luật "
            "Thống kê được sửa đổi, bổ sung bởi Nghị định số 14/2024/NĐ-CP ngày 02 tháng 02 năm 2024;\n"
            "Căn cứ Thông tư số 09/2024/TT-BTC ngày 10 tháng 3 năm 2024 của Bộ trưởng Bộ Tài chính sửa đổi Thông tư "
            "số 31/2020/TT-BTC ngày 05 tháng 5 năm 2020 được sửa đổi, bổ sung bởi Thông tư số 12/2022/TT-BTC;"),
        [("Nghị định số 55/2021/NĐ-CP ngày 20 tháng 5 năm 2021 của Chính phủ", "Nghị định", "55/2021/NĐ-CP",
          "2021-05-20", "Chính phủ", None),
         ("Nghị định số 14/2024/NĐ-CP ngày 02 tháng 02 năm 2024", "Nghị định", "14/2024/NĐ-CP", "2024-02-02",
          "Chính phủ", None),
         ("Thông tư số 09/2024/TT-BTC ngày 10 tháng 3 năm 2024 của Bộ trưởng Bộ Tài chính", "Thông tư",
          "09/2024/TT-BTC", "2024-03-10", "Bộ Tài chính", None)],
    ),
    (  # a document mentioned inside another one's title is not a basis, nor what is listed beside it there
        DECISION.format(
            "Căn cứ Kế hoạch số 45/KH-UBND ngày 03/3/2025 của UBND tỉnh về thực hiện Nghị quyết số 12/NQ-CP ngày "
            "05/02/2025 của Chính phủ và Chương trình hành động số 08-CTr/TU ngày 20/01/2025 của Tỉnh ủy;"),
        [("Kế hoạch số 45/KH-UBND ngày 03/3/2025 của UBND tỉnh", "Kế hoạch", "45/KH-UBND", "2025-03-03",
          "Ủy ban nhân dân tỉnh", None)],
    ),
    (  # several documents in one "Căn cứ", split by ";", "và" or ","
        DECISION.format(
            "Căn cứ Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương về tinh gọn bộ máy; "
            "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ và Chương trình hành động số 21- CTr/TU ngày "
            "02/8/2021 của Tỉnh ủy về cải cách hành chính; Thông báo số 14-TB/TU ngày 09/9/2021 của Tỉnh ủy;"),
        [("Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương", "Nghị quyết", "18-NQ/TW",
          "2017-10-25", "Ban Chấp hành Trung ương", None),
         ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ", "Nghị quyết", "76/NQ-CP", "2021-07-15",
          "Chính phủ", None),
         ("Chương trình hành động số 21- CTr/TU ngày \n02/8/2021 của Tỉnh ủy".replace(" \n", " "), "Chương trình",
          "21-CTr/TU", "2021-08-02", "Tỉnh ủy", None),
         ("Thông báo số 14-TB/TU ngày 09/9/2021 của Tỉnh ủy", "Thông báo", "14-TB/TU", "2021-09-09", "Tỉnh ủy",
          None)],
    ),
    (  # two decrees in one line, the second after the first one's title and "và"
        DECISION.format(
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính và "
            "Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi các Nghị định liên quan;"),
        [("Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ", "Nghị định", "63/2010/NĐ-CP", "2010-06-08",
          "Chính phủ", None),
         ("Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ", "Nghị định", "92/2017/NĐ-CP", "2017-08-07",
          "Chính phủ", None)],
    ),
    (  # a list: "các Thông tư của …: số …; số …"
        DECISION.format(
            "Căn cứ các Thông tư của Văn phòng Chính phủ: số 01/2018/TT-VPCP ngày 23/11/2018 hướng dẫn thi hành; "
            "số 01/2023/TT-VPCP ngày 05/4/2023 quy định một số nội dung;"),
        [("số 01/2018/TT-VPCP ngày 23/11/2018", "Thông tư", "01/2018/TT-VPCP", "2018-11-23", "Văn phòng Chính phủ",
          None),
         ("số 01/2023/TT-VPCP ngày 05/4/2023", "Thông tư", "01/2023/TT-VPCP", "2023-04-05", "Văn phòng Chính phủ",
          None)],
    ),
    (  # a body written as the code of its symbols: "TTCP" is Thanh tra Chính phủ's, as in "TT-TTCP"
        DECISION.format(
            "Căn cứ Thông tư số 04/2023/TT-TTCP ngày 18 tháng 5 năm 2023 của TTCP quy định về tiếp công dân;\n"
            "Căn cứ Quyết định số 27/2024/QĐ-TTg ngày 02/10/2024 của Thủ tướng Chính phủ về phân cấp;"),
        [("Thông tư số 04/2023/TT-TTCP ngày 18 tháng 5 năm 2023 của TTCP", "Thông tư", "04/2023/TT-TTCP",
          "2023-05-18", "Thanh tra Chính phủ", None),
         ("Quyết định số 27/2024/QĐ-TTg ngày 02/10/2024 của Thủ tướng Chính phủ", "Quyết định", "27/2024/QĐ-TTg",
          "2024-10-02", "Thủ tướng Chính phủ", None)],
    ),
    (  # the office of a minister is written as the ministry; a number with a letter
        DECISION.format(
            "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng "
            "Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính;\nCăn cứ Nghị quyết số 36a/NQ-CP ngày "
            "14/10/2015 của Chính phủ về Chính phủ điện tử;"),
        [("Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
          "Thông tư", "02/2017/TT-VPCP", "2017-10-31", "Văn phòng Chính phủ", None),
         ("Nghị quyết số 36a/NQ-CP ngày 14/10/2015 của Chính phủ", "Nghị quyết", "36a/NQ-CP", "2015-10-14",
          "Chính phủ", None)],
    ),
    (  # provincial bodies with and without their name; the issuer from the symbol when the text is silent
        DECISION.format(
            "Căn cứ Quyết định số 1309/QĐ-UBND ngày 29/6/2021 của Ủy ban nhân dân tỉnh Hòa Bình ban hành Danh mục;\n"
            "Căn cứ Chỉ thị số 03/CT-UBND ngày 18/01/2022 của Chủ tịch Ủy ban nhân dân tỉnh về nhiệm vụ;\n"
            "Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 quy định về việc cung cấp thông tin;"),
        [("Quyết định số 1309/QĐ-UBND ngày 29/6/2021 của Ủy ban nhân dân tỉnh Hòa Bình", "Quyết định",
          "1309/QĐ-UBND", "2021-06-29", "Ủy ban nhân dân tỉnh Hòa Bình", None),
         ("Chỉ thị số 03/CT-UBND ngày 18/01/2022 của Chủ tịch Ủy ban nhân dân tỉnh", "Chỉ thị", "03/CT-UBND",
          "2022-01-18", "Chủ tịch Ủy ban nhân dân tỉnh", None),
         ("Nghị định số 42/2022/NĐ-CP ngày 24/6/2022", "Nghị định", "42/2022/NĐ-CP", "2022-06-24", "Chính phủ",
          None)],
    ),
    (  # "Căn cứ" glued to the end of the previous paragraph; a document cited twice is one basis
        DECISION.format(
            "Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ;Căn cứ Thông tư số 32/2017/TT-BTTTT "
            "ngày 15/11/2017 của Bộ Thông tin và Truyền thông hướng dẫn Nghị định số 45/2020/NĐ-CP ngày 08/4/2020;"),
        [("Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ", "Nghị định", "45/2020/NĐ-CP", "2020-04-08",
          "Chính phủ", None),
         ("Thông tư số 32/2017/TT-BTTTT ngày 15/11/2017 của Bộ Thông tin và Truyền thông", "Thông tư",
          "32/2017/TT-BTTTT", "2017-11-15", "Bộ Thông tin và Truyền thông", None)],
    ),
    (  # a plan: the preamble wraps over lines, carries markup and never reaches "QUYẾT ĐỊNH:"
        PLAN.format(
            "*Căn cứ Nghị quyết số\n57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học;*\n\n"
            "*Căn cứ Luật Giao dịch\nđiện tử ngày 22 tháng 6 năm\n2023;*\n*Căn cứ Luật Đầu tư ngày\n17/6/2020;*"),
        [("Nghị quyết số\n57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "Nghị quyết", "57-NQ/TW", "2024-12-22",
          "Bộ Chính trị", None),
         law("Luật Giao dịch\nđiện tử ngày 22 tháng 6 năm\n2023", "2023-06-22", "Luật Giao dịch điện tử"),
         law("Luật Đầu tư ngày\n17/6/2020", "2020-06-17", "Luật Đầu tư")],
    ),
    (  # a basis list that goes on without repeating "Căn cứ"
        PLAN.format(
            "Căn cứ Luật Đầu tư số 61/2020/QH14;\nNghị định số 31/2021/NĐ-CP ngày 26/3/2021 của Chính phủ;\n"
            "- Quyết định số 15/QĐ-UBND ngày 04/01/2024 của UBND tỉnh;"),
        [law("Luật Đầu tư số 61/2020/QH14", None, "Luật Đầu tư", "61/2020/QH14"),
         ("Nghị định số 31/2021/NĐ-CP ngày 26/3/2021 của Chính phủ", "Nghị định", "31/2021/NĐ-CP", "2021-03-26",
          "Chính phủ", None),
         ("Quyết định số 15/QĐ-UBND ngày 04/01/2024 của UBND tỉnh", "Quyết định", "15/QĐ-UBND", "2024-01-04",
          "Ủy ban nhân dân tỉnh", None)],
    ),
    (  # a plan's legal-basis section; the facts it goes on with are not bases
        "KẾ HOẠCH\nPhát triển du lịch\n\nI. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n\n1. Căn cứ pháp lý\n\n"
        "- Luật Du lịch ngày 19 tháng 6 năm 2017;\n- Nghị định số 168/2017/NĐ-CP ngày 31/12/2017 của Chính phủ;\n\n"
        "2. Căn cứ thực tiễn\n\nBáo cáo số 21/BC-SVHTTDL ngày 02/01/2025 về kết quả năm 2024.\n\nII. MỤC TIÊU\n\n"
        "1. Thực hiện Quyết định số 147/QĐ-TTg ngày 22/01/2020.",
        [law("Luật Du lịch ngày 19 tháng 6 năm 2017", "2017-06-19", "Luật Du lịch"),
         ("Nghị định số 168/2017/NĐ-CP ngày 31/12/2017 của Chính phủ", "Nghị định", "168/2017/NĐ-CP", "2017-12-31",
          "Chính phủ", None)],
    ),
    (  # a gazette print: a page ends inside the preamble
        "THÔNG TƯ\n\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công\n"
        "108 CÔNG BÁO/Số 151/Ngày 17-03-2026\ntác văn thư;\n\n109\n\nCăn cứ Nghị định số 29/2025/NĐ-CP ngày "
        "24/02/2025 của Chính phủ;\n\nBộ trưởng ban hành Thông tư.\n\nĐiều 1. Phạm vi",
        [("Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ", "Nghị định", "30/2020/NĐ-CP",
          "2020-03-05", "Chính phủ", None),
         ("Nghị định số 29/2025/NĐ-CP ngày 24/02/2025 của Chính phủ", "Nghị định", "29/2025/NĐ-CP", "2025-02-24",
          "Chính phủ", None)],
    ),
    (  # a proposal report: the preamble follows the recipients
        "TỜ TRÌNH\nVề việc miễn nhiệm\n\nKính gửi: Hội đồng nhân dân tỉnh\n\nCăn cứ Luật Tổ chức chính quyền địa "
        "phương ngày 19/6/2015;\n\nỦy ban nhân dân tỉnh kính trình.",
        [law("Luật Tổ chức chính quyền địa phương ngày 19/6/2015", "2015-06-19",
             "Luật Tổ chức chính quyền địa phương")],
    ),
    (  # OCR without a Vietnamese model
        DECISION.format(
            "Can cir Ludt Té chitc chinh quyén dia phirong ngay 19/02/2025;\n\n"
            "Can cir Nghi dinh so 61/2018/ND-CP ngdy 23/4/2018 ciia Chinh phi vé thuc hién co ché mot cira;\n\n"
            "Can cu Nghi quyet s 06-NO/TU ngay 15/6/2021 cua Tinh uy Hung Yén vé Chuong trinh;\n\n"
            "Can cit Quyét dinh s6 571/0D-UBND ngay 25/2/2022 ciia UBND tinh phé duyét dé an;\n\n"
            "Can cit cdc Ké hoach cia UBND tinh: sé 200/KH-UBND ngay 31/12/2024 vé thuc hién; s6 87/KH-\n"
            "UBND ngay 21/4/2025 ve trién khai;"),
        [law("Ludt Té chitc chinh quyén dia phirong ngay 19/02/2025", "2025-02-19",
             "Luật Tổ chức chính quyền địa phương"),
         ("Nghi dinh so 61/2018/ND-CP ngdy 23/4/2018 ciia Chinh phi", "Nghị định", "61/2018/NĐ-CP", "2018-04-23",
          "Chính phủ", None),
         ("Nghi quyet s 06-NO/TU ngay 15/6/2021 cua Tinh uy Hung Yén", "Nghị quyết", "06-NQ/TU", "2021-06-15",
          "Tỉnh ủy Hưng Yên", None),
         ("Quyét dinh s6 571/0D-UBND ngay 25/2/2022 ciia UBND tinh", "Quyết định", "571/QĐ-UBND", "2022-02-25",
          "Ủy ban nhân dân tỉnh", None),
         ("sé 200/KH-UBND ngay 31/12/2024", "Kế hoạch", "200/KH-UBND", "2024-12-31", "Ủy ban nhân dân tỉnh", None),
         ("s6 87/KH-\nUBND ngay 21/4/2025", "Kế hoạch", "87/KH-UBND", "2025-04-21", "Ủy ban nhân dân tỉnh", None)],
    ),
]


@pytest.mark.parametrize("text, rows", BASIS_CASES)
def test_legal_bases(text, rows):
    assert extract(text).legal_bases == expected(text, Role.BASIS, rows)


NOT_BASIS_CASES = [
    # a "Căn cứ" that names no document
    DECISION.format("Căn cứ các Luật, Pháp lệnh, Nghị định về thuế và các khoản thu khác;"),
    # "Căn cứ" in the body of a letter, after its recipients
    "CÔNG VĂN\n\nKính gửi: UBND các xã.\n\nThực hiện chỉ đạo của tỉnh, UBND huyện đề nghị như sau:\n\n"
    "1. Căn cứ Quyết định số 12/QĐ-UBND ngày 01/02/2022 của UBND tỉnh, các xã rà soát.",
    # a letter whose first paragraph is a sentence of its body
    "Kính gửi: UBND các xã.\n\nCăn cứ Quyết định số 12/QĐ-UBND ngày 01/02/2022 của UBND tỉnh, đề nghị các xã "
    "thực hiện.",
    # a plan without a preamble: "Căn cứ" in its numbered body
    "KẾ HOẠCH\nKiểm tra năm 2026\n\n1. Mục đích\n\nKiểm tra việc thực hiện.\n\n2. Yêu cầu\n\n"
    "Căn cứ Kế hoạch số 12/KH-UBND ngày 03/01/2026 của UBND tỉnh, các xã xây dựng kế hoạch;",
    # "Căn cứ" inside the body of a decision or a plan
    PLAN.format("Thực hiện Quyết định số 20/QĐ-UBND ngày 05/01/2025 của UBND tỉnh;")
    + "\n\nCăn cứ Quyết định số 30/QĐ-UBND ngày 06/01/2025, các sở xây dựng kế hoạch;",
]


@pytest.mark.parametrize("text", NOT_BASIS_CASES)
def test_not_legal_bases(text):
    assert extract(text).legal_bases == []


def test_quoted_bases_of_another_document_are_not_bases():
    # a consolidated text quotes the preamble of the act that amended it; web notes are bracketed
    text = DECISION.format(
        "Căn cứ Nghị định số 95/2022/NĐ-CP ngày 15/11/2022 của Chính phủ;\n"
        "Theo đề nghị của Vụ trưởng Vụ Pháp chế, Bộ trưởng ban hành Thông tư.[Thông tư số 22/2024/TT-BYT có căn cứ "
        "ban hành như sau:\n\"Căn cứ Nghị định số 75/2017/NĐ-CP ngày 20/6/2017 của Chính phủ;\n"
        "Căn cứ Luật Dược ngày 06 tháng 4 năm 2016;\"]")
    assert [c.number for c in extract(text).legal_bases] == ["95/2022/NĐ-CP"]


def test_a_page_break_inside_the_preamble_does_not_end_it():
    # the pipeline separates pages with a form feed on its own line (a text PDF, a scan)
    text = DECISION.format(
        "Căn cứ Luật Thủy lợi ngày 19 tháng 6 năm 2017;\n\f\n"
        "Căn cứ Nghị định số 67/2018/NĐ-CP ngày 14/5/2018 của Chính phủ;\n"
        "Theo đề nghị của Giám đốc Sở Nông nghiệp.")
    assert [(c.doc_type, c.number) for c in extract(text).legal_bases] == [
        ("Luật", None), ("Nghị định", "67/2018/NĐ-CP")]


def test_footnotes_after_the_enacting_formula_are_not_bases():
    text = (
        "THÔNG TƯ\n\nCăn cứ Nghị định số 01/2022/NĐ-CP ngày 30/11/2022 của Chính phủ;\n\n"
        "Bộ trưởng ban hành Thông tư quy định chế độ.¹\n\n"
        "¹ Thông tư số 18/2026/TT-BQP có căn cứ ban hành như sau:\n"
        "“Căn cứ Nghị định số 105/2012/NĐ-CP ngày 17/12/2012 của Chính phủ;\n\nChương I\nQUY ĐỊNH CHUNG")
    assert [c.number for c in extract(text).legal_bases] == ["01/2022/NĐ-CP"]


REFERENCE_CASES = [
    (  # a proposal names its proposer before the document
        DECISION.format(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\nTheo đề nghị của Giám đốc Sở Thông tin "
            "và Truyền thông tại Tờ trình số 551/TTr-STTTT ngày 28 tháng 4 năm 2022."),
        [(Role.PROPOSAL, "Tờ trình số 551/TTr-STTTT ngày 28 tháng 4 năm 2022", "Tờ trình", "551/TTr-STTTT",
          "2022-04-28", "Sở Thông tin và Truyền thông", None)],
    ),
    (  # "Thực hiện …" in the preamble is a proposal, not a basis
        DECISION.format(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\nThực hiện Thông báo số 255/TB-UBND ngày "
            "11/7/2022 của UBND tỉnh về việc Kết luận giao ban;"),
        [(Role.PROPOSAL, "Thông báo số 255/TB-UBND ngày 11/7/2022 của UBND tỉnh", "Thông báo", "255/TB-UBND",
          "2022-07-11", "Ủy ban nhân dân tỉnh", None)],
    ),
    (  # several proposals in one "Xét" paragraph
        DECISION.format(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nXét Tờ trình số 7013/TTr-UBND ngày 20 tháng "
            "11 năm 2022 của Ủy ban nhân dân tỉnh và Báo cáo thẩm tra số 88/BC-BPC ngày 25/11/2022;"),
        [(Role.PROPOSAL, "Tờ trình số 7013/TTr-UBND ngày 20 tháng 11 năm 2022 của Ủy ban nhân dân tỉnh",
          "Tờ trình", "7013/TTr-UBND", "2022-11-20", "Ủy ban nhân dân tỉnh", None),
         (Role.PROPOSAL, "Báo cáo thẩm tra số 88/BC-BPC ngày 25/11/2022", "Báo cáo", "88/BC-BPC", "2022-11-25", None,
          None)],
    ),
    (  # a plan that opens with "Thực hiện"
        PLAN.format("Thực hiện Kế hoạch số 102-KH/TU ngày 10/10/2025 của Ban Thường vụ Tỉnh ủy;"),
        [(Role.PROPOSAL, "Kế hoạch số 102-KH/TU ngày 10/10/2025 của Ban Thường vụ Tỉnh ủy", "Kế hoạch",
          "102-KH/TU", "2025-10-10", "Ban Thường Vụ Tỉnh Ủy", None)],
    ),
    (  # a plan that opens with "Triển khai": a list, a name given in brackets, then the plan's own formula
        PLAN.format(
            "Triển khai Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội về thí điểm cơ chế (Nghị quyết số "
            "98/2023/QH15), Quyết định số 1305/QĐ-TTg ngày 08/11/2023 của Thủ tướng Chính phủ;\n"
            "Kế hoạch số 77/KH-UBND ngày 02/4/2024 của UBND tỉnh;"),
        [(Role.PROPOSAL, "Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội", "Nghị quyết", "98/2023/QH15",
          "2023-06-24", "Quốc hội", None),
         (Role.PROPOSAL, "Quyết định số 1305/QĐ-TTg ngày 08/11/2023 của Thủ tướng Chính phủ", "Quyết định",
          "1305/QĐ-TTg", "2023-11-08", "Thủ tướng Chính phủ", None),
         (Role.PROPOSAL, "Kế hoạch số 77/KH-UBND ngày 02/4/2024 của UBND tỉnh", "Kế hoạch", "77/KH-UBND",
          "2024-04-02", "Ủy ban nhân dân tỉnh", None)],
    ),
    (  # the enacting formula after a proposal: the amended circular it names is not proposed
        DECISION.format(
            "Căn cứ Luật Dược ngày 06 tháng 4 năm 2016;\nTheo đề nghị của Vụ trưởng Vụ Pháp chế, Bộ trưởng Bộ Y tế "
            "ban hành Thông tư sửa đổi Thông tư số 11/2018/TT-BYT ngày 04/5/2018."),
        [(Role.REFERENCE, "Thông tư số 11/2018/TT-BYT ngày 04/5/2018", "Thông tư", "11/2018/TT-BYT", "2018-05-04",
          "Bộ Y tế", None)],
    ),
    (  # a request in the body of a letter
        "Kính gửi: Các sở, ban, ngành.\n\nĐể bảo đảm tiến độ, Ủy ban nhân dân tỉnh có ý kiến như sau:\n"
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 412/TTr-SNV ngày 02/10/2025;\n1. Giao Sở Nội vụ.",
        [(Role.PROPOSAL, "Tờ trình số 412/TTr-SNV ngày 02/10/2025", "Tờ trình", "412/TTr-SNV", "2025-10-02",
          "Sở Nội vụ", None)],
    ),
    (  # a replaced decision
        "Điều 3. Quyết định này thay thế Quyết định số 1929/QĐ-UBND ngày 23/6/2020 của UBND tỉnh.",
        [(Role.REPLACES, "Quyết định số 1929/QĐ-UBND ngày 23/6/2020 của UBND tỉnh", "Quyết định", "1929/QĐ-UBND",
          "2020-06-23", "Ủy ban nhân dân tỉnh", None)],
    ),
    (  # a letter: the date opens the sentence
        "Ngày 04 tháng 11 năm 2021, UBND huyện đã có Công văn số 1568/UBND-VP chỉ đạo các xã.",
        [(Role.REFERENCE, "Ngày 04 tháng 11 năm 2021, UBND huyện đã có Công văn số 1568/UBND-VP", "Công văn",
          "1568/UBND-VP", "2021-11-04", None, None)],
    ),
    (  # a letter quoting a decision: "Theo Quyết định …" is a reference
        "Kính gửi: UBND các xã.\n\nTheo Quyết định số 3113/QĐ-UBND ngày 26/10/2021 của UBND tỉnh, các xã thực hiện.",
        [(Role.REFERENCE, "Quyết định số 3113/QĐ-UBND ngày 26/10/2021 của UBND tỉnh", "Quyết định",
          "3113/QĐ-UBND", "2021-10-26", "Ủy ban nhân dân tỉnh", None)],
    ),
    (  # a list of documents: the issuer belongs to the one it follows
        "theo các văn bản: Quyết định số 3373/QĐ-UBND ngày 18/11/2021, Quyết định số 658/QĐ-UBND ngày 17/3/2022 "
        "của UBND tỉnh Hải Dương về việc công bố danh mục.",
        [(Role.REFERENCE, "Quyết định số 3373/QĐ-UBND ngày 18/11/2021", "Quyết định", "3373/QĐ-UBND", "2021-11-18",
          None, None),
         (Role.REFERENCE, "Quyết định số 658/QĐ-UBND ngày 17/3/2022 của UBND tỉnh Hải Dương", "Quyết định",
          "658/QĐ-UBND", "2022-03-17", "Ủy ban nhân dân tỉnh Hải Dương", None)],
    ),
    (  # abbreviated type, repeated number cited once
        "theo QĐ số 1309/QĐ-UBND ngày 29/6/2021; xem lại QĐ số 1309/QĐ-UBND.",
        [(Role.REFERENCE, "QĐ số 1309/QĐ-UBND ngày 29/6/2021", "Quyết định", "1309/QĐ-UBND", "2021-06-29", None,
          None)],
    ),
    (  # OCR garble in the body: the issuer too damaged to read is the one the symbol names
        "theo quy dinh tai Piéu 26 Quyét dinh s 31/2021/QD-TTg ngay\n11/10/2021 ctia Thi twdéng Chinh phti ban hanh",
        [(Role.REFERENCE, "Quyét dinh s 31/2021/QD-TTg ngay\n11/10/2021", "Quyết định",
          "31/2021/QĐ-TTg", "2021-10-11", "Thủ tướng Chính phủ", None)],
    ),
    (  # not document numbers: dates, periods, quarters, a gazette's running head
        "giai đoạn 2021-2025, quý 1/2022, ngày 23/4/2018, mức độ 3/4.\n108 CÔNG BÁO/Số 151/Ngày 17-03-2026",
        [],
    ),
]


@pytest.mark.parametrize("text, rows", REFERENCE_CASES)
def test_references(text, rows):
    result = extract(text).references
    wanted = [c for role, *row in rows for c in expected(text, role, [tuple(row)])]
    assert result == wanted


@pytest.mark.parametrize("parts, number", [
    (("61", "2018", "/ND-CP"), "61/2018/NĐ-CP"),
    (("1042", None, "/QD-UBND"), "1042/QĐ-UBND"),
    (("571", None, "/0D-UBND"), "571/QĐ-UBND"),
    (("06", None, "-NO/TU"), "06-NQ/TU"),
    (("01", "2023", "/T T-VPCP"), "01/2023/TT-VPCP"),
    (("87", None, "/KH-\nUBND"), "87/KH-UBND"),
    (("15", "2022", "/NQ-HDND"), "15/2022/NQ-HĐND"),
    (("959", None, "/STTTT-CNTT"), "959/STTTT-CNTT"),
    # OCR lost the hyphen after the type code: split where both halves are known codes
    (("12", "2023", "/TTBYT"), "12/2023/TT-BYT"),
    (("87", None, "/KHUBND"), "87/KH-UBND"),
    (("1552", None, "/BTTTT-CĐSQG"), "1552/BTTTT-CĐSQG"),  # unknown codes stay as written
])
def test_normalise_number(parts, number):
    assert normalise_number(*parts)[0] == number
