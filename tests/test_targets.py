"""Text -> expected percentage targets, one case per way documents assign them."""

import pytest

from extractors.folding import fold
from extractors.targets import extract_targets


def targets(text: str, default_year: int | None = 2022):
    return [
        (t.value, t.comparator, t.year, t.annual_increase, t.subject, t.metric)
        for t in extract_targets(text, fold(text), default_year)
    ]


CASES = [
    (  # "Đối với X: Đạt tỷ lệ từ N%"
        "1. Đối với các Sở, ban, ngành thuộc UBND tỉnh; UBND các huyện: Đạt tỷ lệ từ 55% hồ sơ thủ tục hành chính xử lý trực tuyến.",
        [(55, ">=", 2022, None, "các Sở, ban, ngành thuộc UBND tỉnh; UBND các huyện",
          "tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến")],
    ),
    (  # "X được giao chỉ tiêu thực hiện tối thiểu N%", year from the date in the sentence
        "Theo Quyết định số 3113/QĐ-UBND ngày 26/10/2021 của UBND tỉnh, UBND cấp xã được giao chỉ tiêu thực hiện "
        "tối thiểu 10% số hồ sơ được tiếp nhận.",
        [(10, ">=", 2021, None, "UBND cấp xã", "số hồ sơ được tiếp nhận")],
    ),
    (  # opening phrase with the year
        "4. Trong năm 2023, UBND các xã, thị trấn thực hiện đạt tỷ lệ tối thiểu 50% hồ sơ được giải quyết trực tuyến.",
        [(50, ">=", 2023, None, "UBND các xã, thị trấn", "tỷ lệ hồ sơ được giải quyết trực tuyến")],
    ),
    (  # a list under a lead-in that names the subject and year; "ít nhất"
        "d) Giao chỉ tiêu cho các sở, ban, ngành từ năm 2024 như sau:\n"
        "- 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình; 80% dịch vụ công phát sinh hồ sơ; "
        "ít nhất 80% dịch vụ công được tích hợp trên Cổng Dịch vụ công quốc gia.",
        [(100, "=", 2024, None, "các sở, ban, ngành", "thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình"),
         (80, "=", 2024, None, "các sở, ban, ngành", "dịch vụ công phát sinh hồ sơ"),
         (80, ">=", 2024, None, "các sở, ban, ngành", "dịch vụ công được tích hợp trên Cổng Dịch vụ công quốc gia")],
    ),
    (  # "từ N% trở lên" and a yearly increase, which is not a target of its own
        "- Tỷ lệ hồ sơ giải quyết trực tuyến của các sở, ban, ngành phải đạt từ 50% trở lên và tăng 10% trong các năm tiếp theo.",
        [(50, ">=", 2022, 10, "các sở, ban, ngành", "tỷ lệ hồ sơ giải quyết trực tuyến")],
    ),
    (  # "trên", "không thấp hơn", "tối đa", "không quá"
        "Mục tiêu năm 2025: tỷ lệ dịch vụ công toàn trình đạt trên 80%; tỷ lệ hồ sơ trực tuyến không thấp hơn 60%; "
        "tỷ lệ hồ sơ quá hạn tối đa 2%; tỷ lệ hồ sơ phải bổ sung không quá 5%.",
        [(80, ">=", 2025, None, None, "tỷ lệ dịch vụ công toàn trình"),
         (60, ">=", 2025, None, None, "tỷ lệ hồ sơ trực tuyến"),
         (2, "<=", 2025, None, None, "tỷ lệ hồ sơ quá hạn"),
         (5, "<=", 2025, None, None, "tỷ lệ hồ sơ phải bổ sung")],
    ),
    (  # "đến hết năm", decimal comma
        "Phấn đấu đến hết năm 2025, tỷ lệ người dân có tài khoản định danh điện tử đạt 92,5%.",
        [(92.5, "=", 2025, None, None, "tỷ lệ người dân có tài khoản định danh điện tử")],
    ),
    (  # a reported result, a contribution rate and a fee are not targets
        "Năm 2022, tỷ lệ hồ sơ trực tuyến đã đạt 45,6%. Mức đóng bảo hiểm y tế bằng 4,5% mức lương cơ sở. "
        "Giảm 50% lệ phí khi nộp hồ sơ trực tuyến. Kết quả năm 2021 chiếm 30% tổng số hồ sơ.",
        [],
    ),
    (  # "Tỷ lệ %" without a number
        "3. Tỷ lệ % được xác định theo số lượng hồ sơ được xử lý trực tuyến.",
        [],
    ),
    (  # OCR without a Vietnamese model
        "dam bao ty 1€ ho so xu 1y truc tuyén toan trinh dén hét nam 2025 ctia mdi co quan dat ty 1€ to1 thi€u 70%.",
        [(70, ">=", 2025, None, "mdi co quan", None)],
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_targets(text, expected):
    assert targets(text) == expected


TABLE = (
    "BIỂU CHỈ TIÊU GIAO GIẢI QUYẾT HỒ SƠ TRỰC TUYẾN NĂM 2021\n"
    "TT\tCơ quan, địa phương\tSố lượng TTHC công bố\tTỷ lệ hồ sơ giải quyết trực tuyến\n"
    "I\tSở, Ban ngành\t\t\n"
    "1\tSở Công Thương\t114\t55%\n"
    "2\tSở Y tế\t131\t60%\n"
)


def test_table_rows_are_targets_with_counts():
    # the year comes from the decision (default_year), not from the appendix title
    got = extract_targets(TABLE, fold(TABLE), 2022)
    assert [(t.subject, t.value, t.comparator, t.year, t.procedures_count, t.metric) for t in got] == [
        ("Sở Công Thương", 55, ">=", 2022, 114, "tỷ lệ hồ sơ giải quyết trực tuyến"),
        ("Sở Y tế", 60, ">=", 2022, 131, "tỷ lệ hồ sơ giải quyết trực tuyến"),
    ]
    assert all(TABLE[t.start:t.end] == t.raw for t in got)


# The same kind of table as OCR writes it: spaces, rules read as "|", a row it
# could not read, a section heading between rows.
OCR_TABLE = (
    "BIỂU CHỈ TIÊU GIAO GIẢI QUYẾT HỒ SƠ TRỰC TUYẾN NĂM 2021\n"
    "TT Cơ quan, địa phương | Số lượng TTHC | Tỷ lệ hồ sơ\n"
    "1 Sở Công Thương 114 55%\n"
    "ở Văn hị Thể th.\n"
    ": Sở Văn hóa và Thể thao |108 55%\n"
    "\n"
    "II UBND các huyện\n"
    "\n"
    "9 |UBND huyện Đà Bắc |192 |60%\n"
)


def test_table_rows_read_by_ocr_are_targets_with_counts():
    got = extract_targets(OCR_TABLE, fold(OCR_TABLE), 2022)
    assert [(t.subject, t.value, t.comparator, t.year, t.procedures_count) for t in got] == [
        ("Sở Công Thương", 55, ">=", 2022, 114),
        ("Sở Văn hóa và Thể thao", 55, ">=", 2022, 108),
        ("UBND huyện Đà Bắc", 60, ">=", 2022, 192),
    ]
    assert all(OCR_TABLE[t.start:t.end] == t.raw for t in got)


def test_a_lone_line_shaped_like_a_row_is_a_sentence_not_a_table():
    text = "Giao chỉ tiêu năm 2022:\n- Các xã đạt tối thiểu 50 hồ sơ 55%\nvà báo cáo kết quả.\n"
    got = extract_targets(text, fold(text), 2022)
    # a table row would carry its count (50) beside the percentage
    assert [(t.value, t.procedures_count) for t in got] == [(55, None)]
