"""decrees.xlsx through XlsxWriter: a sheet per table, the header row frozen, complete dates
as dates, every text a text (never a formula or a link), the same bytes for the same tables.

XlsxWriter writes these cells about twice as fast as openpyxl did (0.6 s against 1.3 s for
the 114,000 cells of a 1,000-document archive), and it writes no time into the file when its
creation date is given.
"""

from __future__ import annotations

import datetime
import io
import math
import re

import pandas as pd
import xlsxwriter

from .tables import Column, Table

EXCEL_ROWS = 1_048_575  # rows per sheet below the header; a longer table continues on another sheet
EXCEL_CELL = 32_767  # characters Excel keeps in one cell
_COMPLETE_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_NOT_XML = re.compile(r"[\000-\010\013\014\016-\037\ud800-\udfff\ufffe\uffff]")  # control characters (a page break)
_CREATED = datetime.datetime(2000, 1, 1)  # no time of writing inside: the same tables, the same file
_OPTIONS = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
            "in_memory": True}


def _column_width(name: str, values: pd.Series) -> float:
    """Wide enough for the header and most values (judged on the first thousand), at most 60."""
    lengths = values.head(1000).dropna().astype(str).str.len()
    typical = lengths.quantile(0.9) if len(lengths) else 0
    return min(60, max(len(name), typical) + 2)


def _text(value: str) -> str:
    # A line break in a cell is \n; XlsxWriter would write \r as "_x000D_", which Excel reads
    # back but openpyxl, and so pandas.read_excel, does not.
    return _NOT_XML.sub(" ", value.replace("\r\n", "\n").replace("\r", "\n"))[:EXCEL_CELL]


def _write_column(sheet, index: int, column: Column, values: list, first_row: int, date_format) -> None:
    """One column's cells below the header; a missing value leaves its cell empty."""
    for row, value in enumerate(values, first_row):
        if value is None or value is pd.NA:
            continue
        if isinstance(value, str):
            if column.date and _COMPLETE_DATE.fullmatch(value):
                sheet.write_datetime(row, index, datetime.datetime.fromisoformat(value), date_format)
            elif value:
                sheet.write_string(row, index, _text(value))
        elif not (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
            sheet.write_number(row, index, float(value))  # booleans as 1 and 0, as the CSV files give them


def workbook(tables: list[tuple[Table, pd.DataFrame]]) -> bytes:
    """The .xlsx file of these tables: a sheet per table, named after it ("documents (2)" where
    a table goes on past Excel's last row)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, _OPTIONS)
    book.set_properties({"created": _CREATED})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for table, data in tables:
        widths = [_column_width(name, data[name]) for name in table.names]
        for part, first in enumerate(range(0, max(len(data), 1), EXCEL_ROWS)):
            sheet = book.add_worksheet(table.name if part == 0 else f"{table.name} ({part + 1})")
            sheet.freeze_panes(1, 0)
            for index, (name, width) in enumerate(zip(table.names, widths)):
                sheet.set_column(index, index, width)
                sheet.write_string(0, index, name)
            rows = data.iloc[first:first + EXCEL_ROWS]
            for index, column in enumerate(table.columns):
                # (Python's values: iterating a column of text goes through Arrow one by one)
                _write_column(sheet, index, column, rows[column.name].tolist(), 1, date_format)
    book.close()
    return buffer.getvalue()
