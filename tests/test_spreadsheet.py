"""decrees.xlsx as Excel readers see it: the cells openpyxl reads back are the values written,
texts that would break XML or look like formulas included, and the same tables give the same bytes."""

import datetime
import io

import pandas as pd
import pytest

from pipeline.output import frame
from pipeline.spreadsheet import workbook
from pipeline.tables import DOCUMENTS, TARGETS

openpyxl = pytest.importorskip("openpyxl")

# Texts whose writing is easy to get wrong: markup, a carriage return, spaces at an end,
# control characters (a page break), a formula, Vietnamese.
TITLES = ["Quy định <mức> thu & nộp", "dòng một\r\ndòng hai", "  thụt lề ", "trang\fhai\x01", "=SUM(A1:A2)",
          "Về việc giao chỉ tiêu năm 2026", ""]
READ_BACK = ["Quy định <mức> thu & nộp", "dòng một\ndòng hai", "  thụt lề ", "trang hai ", "=SUM(A1:A2)",
             "Về việc giao chỉ tiêu năm 2026", None]


def _documents() -> pd.DataFrame:
    rows = [{"doc_id": f"{n:016x}", "title": title, "pages": n + 1, "quality": 0.5 + n / 100, "restored": n % 2 == 0,
             "issue_date": ["2026-03-02", "2026-03", None, "1900-01-15"][n % 4]} for n, title in enumerate(TITLES)]
    return frame(DOCUMENTS, rows)


def test_the_cells_read_back_as_written():
    data = workbook([(DOCUMENTS, _documents()), (TARGETS, frame(TARGETS, []))])
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["documents", "targets"]
    sheet = book["documents"]
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header == DOCUMENTS.names and [c.value for c in book["targets"][1]] == TARGETS.names
    column = {name: n for n, name in enumerate(header)}
    rows = list(sheet.iter_rows(min_row=2))
    assert [row[column["title"]].value for row in rows] == READ_BACK
    formula = rows[4][column["title"]]
    assert formula.data_type == "s"  # a text, never run
    dates = [row[column["issue_date"]] for row in rows]
    assert dates[0].value == datetime.datetime(2026, 3, 2) and dates[0].number_format == "yyyy-mm-dd"
    assert dates[1].value == "2026-03" and dates[2].value is None  # partial: as given; missing: empty
    assert dates[3].value == datetime.datetime(1900, 1, 15)  # before Excel's leap day that never was
    assert [row[column["pages"]].value for row in rows] == list(range(1, len(TITLES) + 1))
    assert rows[1][column["quality"]].value == pytest.approx(0.51)
    assert [row[column["restored"]].value for row in rows[:2]] == [1, 0]  # as openpyxl wrote numpy's booleans
    widths = sheet.column_dimensions
    assert widths["A"].width == pytest.approx(18, abs=1)  # a doc_id and the margin (Excel stores 18 as 18.71)


def test_the_same_tables_give_the_same_bytes():
    tables = [(DOCUMENTS, _documents())]
    assert workbook(tables) == workbook(tables)
