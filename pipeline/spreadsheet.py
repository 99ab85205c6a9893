"""decrees.xlsx written directly as SpreadsheetML: a sheet per table, the header row frozen,
complete dates as dates, every text a text (never a formula), the same bytes for the same tables.

openpyxl wrote these cells at about 12 µs each, a third of a re-run of 1,010 documents
after adding 10; strings formatted here take a tenth of that. The cells are those openpyxl
wrote: texts inline, numbers as "%.16g", booleans as 1 and 0, control characters as spaces.
"""

from __future__ import annotations

import datetime
import io
import math
import re
import zipfile
from xml.sax.saxutils import quoteattr

import pandas as pd

from .tables import Column, Table

EXCEL_ROWS = 1_048_575  # rows per sheet below the header; a longer table continues on another sheet
EXCEL_CELL = 32_767  # characters Excel keeps in one cell
_COMPLETE_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_NOT_XML = re.compile(r"[\000-\010\013\014\016-\037\ud800-\udfff\ufffe\uffff]")  # control characters (a page break)
_EPOCH = datetime.date(1899, 12, 30)  # Excel's day 0 (it counts 1900-02-29, which never was)
_DATE_STYLE = 1  # the cell format yyyy-mm-dd in STYLES
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # no time of writing inside: the same tables, the same file

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
STYLES = (
    f'{_XML}<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def _column_letter(number: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(ref: str, value: str) -> str:
    value = _NOT_XML.sub(" ", value)[:EXCEL_CELL]
    if not value:
        return f'<c r="{ref}" t="inlineStr"/>'
    space = ' xml:space="preserve"' if value != value.strip() else ""
    # \r as a reference: a reader takes a bare \r for \n
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{value}</t></is></c>'


def _cell(ref: str, value: object, is_date: bool) -> str:
    """One cell's XML; nothing for a missing value."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, str):
        if is_date and _COMPLETE_DATE.fullmatch(value):
            days = (datetime.date.fromisoformat(value) - _EPOCH).days
            days -= 0 < days <= 60  # before 1900-03-01, Excel's leap day is not yet counted
            return f'<c r="{ref}" s="{_DATE_STYLE}" t="n"><v>{days}</v></c>'
        return _text(ref, value)
    number = float(value)
    shown = "" if math.isnan(number) or math.isinf(number) else "%.16g" % value
    return f'<c r="{ref}" t="n"><v>{shown}</v></c>'


def _column(letter: str, column: Column, values: pd.Series) -> list[str]:
    """The cells of one column below its header (a text column without dates needs no checks but one)."""
    values = values.tolist()  # (Python's values: iterating a column of text goes through Arrow one by one)
    if column.dtype == "string" and not column.date:
        return ["" if value is pd.NA else _text(f"{letter}{row}", value) for row, value in enumerate(values, 2)]
    return [_cell(f"{letter}{row}", value, column.date) for row, value in enumerate(values, 2)]


def column_width(name: str, values: pd.Series) -> float:
    """Wide enough for the header and most values (judged on the first thousand), at most 60."""
    lengths = values.head(1000).dropna().astype(str).str.len()
    typical = lengths.quantile(0.9) if len(lengths) else 0
    return min(60, max(len(name), typical) + 2)


def _sheet(table: Table, data: pd.DataFrame, widths: list[float]) -> str:
    letters = [_column_letter(n) for n in range(1, len(table.columns) + 1)]
    columns = [_column(letter, column, data[column.name]) for letter, column in zip(letters, table.columns)]
    rows = ['<row r="1">' + "".join(_text(f"{letter}1", name) for letter, name in zip(letters, table.names)) + "</row>"]
    rows += [f'<row r="{number}">{"".join(cells)}</row>' for number, cells in enumerate(zip(*columns), 2)]
    widths = "".join(f'<col min="{n}" max="{n}" width="{width:g}" customWidth="1"/>' for n, width in enumerate(widths, 1))
    return (f'{_XML}<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{widths}</cols>'
            f'<sheetData>{"".join(rows)}</sheetData></worksheet>')


def _package(sheets: list[str]) -> dict[str, str]:
    """The parts that hold the sheets together, by their path in the file."""
    numbers = range(1, len(sheets) + 1)
    return {
        "[Content_Types].xml": (
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
                      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                      for n in numbers) + "</Types>"),
        "_rels/.rels": (
            f'{_XML}<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
            f'Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>'
            + "".join(f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>' for n, name in zip(numbers, sheets))
            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            f'{_XML}<Relationships xmlns="{_PACKAGE}">'
            + "".join(f'<Relationship Id="rId{n}" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                      for n in numbers)
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/>'
            + "</Relationships>"),
        "xl/styles.xml": STYLES,
    }


def workbook(tables: list[tuple[Table, pd.DataFrame]]) -> bytes:
    """The .xlsx file of these tables: a sheet per table, named after it ("documents (2)" where
    a table goes on past Excel's last row)."""
    names, parts = [], {}
    for table, data in tables:
        widths = [column_width(name, data[name]) for name in table.names]
        for part, first in enumerate(range(0, max(len(data), 1), EXCEL_ROWS)):
            names.append(table.name if part == 0 else f"{table.name} ({part + 1})")
            parts[f"xl/worksheets/sheet{len(names)}.xml"] = _sheet(table, data.iloc[first:first + EXCEL_ROWS], widths)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, xml in {**_package(names), **parts}.items():
            entry = zipfile.ZipInfo(path, _ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, xml.encode("utf-8"))
    return buffer.getvalue()
