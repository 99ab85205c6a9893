"""Document numbers as headers write them, clean and damaged."""

import pytest

from extractors.numbers import read_header_number, symbol_type


@pytest.mark.parametrize("text, expected", [
    ("1042/QĐ-UBND", ("1042/QĐ-UBND", "QĐ-UBND", 12)),
    ("15/2025/TT-BNNMT", ("15/2025/TT-BNNMT", "TT-BNNMT", 16)),
    ("77/QD-UBND", ("77/QĐ-UBND", "QĐ-UBND", 10)),  # OCR lost the Đ
    ("77/QĐUBND", ("77/QĐ-UBND", "QĐ-UBND", 9)),  # and the hyphen
    ("12/2021/NĐCP", ("12/2021/NĐ-CP", "NĐ-CP", 12)),
    ("9/QĐ.UBND", ("9/QĐ-UBND", "QĐ-UBND", 9)),  # a dot for the hyphen
    ("318/TB-.VP", ("318/TB-VP", "TB-VP", 10)),  # a speck read as a dot beside the hyphen
    ("27/2024/.TT-BXD", ("27/2024/TT-BXD", "TT-BXD", 15)),
    ("05/2023/TT'BNV", ("05/2023/TT-BNV", "TT-BNV", 14)),  # an apostrophe for the hyphen
    ("372/QĐ-BТС", ("372/QĐ-BTC", "QĐ-BTC", 10)),  # Cyrillic Т and С in a text layer
    ("542 /TB-UBND", ("542/TB-UBND", "TB-UBND", 12)),
    ("14.2/2025/NQ-CP", ("14.2/2025/NQ-CP", "NQ-CP", 15)),  # a number with a dotted part
    ("Ø34p /UBND-SGDĐT", (None, "UBND-SGDĐT", 16)),  # a handwritten number read as debris
    ("      /QĐ-UBND", (None, "QĐ-UBND", 14)),  # left blank to be filled in
    ("Hà Nội", None),
])
def test_read_header_number(text, expected):
    assert read_header_number(text, 0) == expected


@pytest.mark.parametrize("symbol, expected", [
    ("QĐ-UBND", "Quyết định"), ("VBHN-BYT", "Văn bản hợp nhất"), ("QH15", "Luật"),
    ("UBND-VP", None),  # a letter's symbol starts with its issuer
    ("SGDĐT-CTrTT", None),  # a department's code is not a programme (CTr)
])
def test_symbol_type(symbol, expected):
    assert symbol_type(symbol) == expected
