import pytest

from extractors.dates import date_after, parse_date, year_misread
from vietnamese.folding import fold

CASES = [
    ("ngày 23/4/2018", "2018-04-23"),
    ("ngày 07/03/2019", "2019-03-07"),
    ("ngày 06 tháng 12 năm 2021", "2021-12-06"),
    ("ngày 31tháng 10 năm 2017", "2017-10-31"),
    ("ngày     tháng 5 năm 2022", "2022-05"),
    ("ngày tháng 02 năm 2022", "2022-02"),
    ("ngày tháng năm 2022", "2022"),
    ("ngay 07 thang 5 nam 2025", "2025-05-07"),  # diacritics lost
    ("ngày 23-4-2018", "2018-04-23"),
    ("ngày 23.4.2018", "2018-04-23"),
    ("ngày 20\ntháng 11 năm 2025", "2025-11-20"),  # a table cell wrapped the date line
    ("ngày\n05 tháng 3\nnăm 2025", "2025-03-05"),
    ("ngày 31/02/2022", "2022-02"),  # no such day: a misread digit, month and year hold
    ("ngày 42/02/2018", "2018-02"),
    ("ngày 13/13/2022", None),
    ("quý 1/2022", None),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_parse_date(text, expected):
    assert parse_date(fold(text)) == expected


@pytest.mark.parametrize("text, expected", [
    (" ngày 23/4/2018 của Chính phủ", "2018-04-23"),
    (" ngdy 23/4/2018", "2018-04-23"),  # OCR damage to "ngày"
    ("\nngày 05/4/2023 quy định", "2023-04-05"),
    (", ban hành ngày 01 tháng 7 năm 2020", "2020-07-01"),
    (" của Chính phủ ngày 23/4/2018", None),  # a date must follow right away
])
def test_date_after(text, expected):
    found = date_after(fold(text), 0)
    assert (found.iso if found else None) == expected


@pytest.mark.parametrize("year, at_least, expected", [
    (2016, 2018, 2018),  # "8" read as "6"
    (2013, 2018, 2018),  # "8" read as "3"
    (2019, 2021, None),  # no look-alike digit makes it 2021 or 2022
    (2021, 2023, None),  # "2027" is a look-alike reading, but four years after the newest citation
    (2020, 2020, 2020),  # not earlier: nothing to correct
    (2015, 2016, 2016),  # "6" read as "5"
])
def test_year_misread(year, at_least, expected):
    assert year_misread(year, at_least) == expected
