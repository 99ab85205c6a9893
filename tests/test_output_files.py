"""The output files as a researcher opens them: Excel, pandas, Parquet; and SCHEMA.md matching the tables."""

import dataclasses
import datetime
import re

import pandas as pd
import pytest

from pipeline.outfolder import OutputFolder
from pipeline.output import RunOutputs, write_outputs
from pipeline.tables import TABLES
from tests.conftest import ROOT

FORMULA = '=HYPERLINK("http://example.invalid","bấm vào đây")'


@pytest.fixture(scope="module")
def written(corpus_output, tmp_path_factory):
    """The sample corpus's outputs, one title made to look like a formula and one date partial."""
    _, result = corpus_output
    first, second, *rest = result.documents
    header = dataclasses.replace(first.extraction.header, title=FORMULA)
    first = dataclasses.replace(first, extraction=dataclasses.replace(first.extraction, header=header))
    header = dataclasses.replace(second.extraction.header, issue_date="2022-05")
    second = dataclasses.replace(second, extraction=dataclasses.replace(second.extraction, header=header))
    out = tmp_path_factory.mktemp("written")
    with OutputFolder(out) as folder:
        write_outputs(folder, RunOutputs([first, second, *rest], result.errors, parquet=True))
    return out, [first, second, *rest]


def test_the_spreadsheet_keeps_vietnamese_and_never_runs_a_formula(written):
    openpyxl = pytest.importorskip("openpyxl")
    out, documents = written
    sheets = pd.read_excel(out / "decrees.xlsx", sheet_name=None)
    assert list(sheets) == [t.name for t in TABLES]
    titles = set(sheets["documents"]["title"].dropna())
    assert FORMULA in titles  # kept as it is, as text
    expected = {d.extraction.header.title for d in documents[1:]} - {None}
    assert expected <= titles and any("ệ" in t for t in expected)  # Vietnamese intact
    book = openpyxl.load_workbook(out / "decrees.xlsx")
    sheet = book["documents"]
    assert sheet.freeze_panes == "A2"
    columns = {c.value: c.column_letter for c in sheet[1]}
    title = next(c for c in sheet[columns["title"]] if c.value == FORMULA)
    assert sheet.column_dimensions[columns["title"]].width > sheet.column_dimensions[columns["pages"]].width
    assert title.data_type == "s"
    dates = [c.value for c in sheet[columns["issue_date"]][1:]]
    assert "2022-05" in dates  # partial: as given
    assert any(isinstance(d, datetime.datetime) for d in dates)  # complete: a date


def test_every_csv_loads_in_pandas_and_dates_parse_with_the_documented_call(written):
    out, documents = written
    for table in TABLES:
        frame = pd.read_csv(out / f"{table.name}.csv", dtype={c.name: c.dtype for c in table.columns})
        assert list(frame.columns) == table.names
    frame = pd.read_csv(out / "documents.csv", dtype={"issue_date": "string"})
    # The call SCHEMA.md and the README give: complete dates become dates, partial ones NaT.
    frame["date"] = pd.to_datetime(frame["issue_date"], format="%Y-%m-%d", errors="coerce")
    partial = frame[frame["issue_date"] == "2022-05"].iloc[0]
    assert pd.isna(partial["date"]) and (partial["issue_year"], partial["issue_month"]) == (2022, 5)
    assert pd.isna(partial["issue_day"])
    complete = frame.dropna(subset=["issue_day"])
    assert len(complete) == sum(len(d.extraction.header.issue_date or "") == 10 for d in documents) >= 1
    assert (complete["date"].dt.year == complete["issue_year"]).all()
    titles = set(frame["title"])
    assert "'" + FORMULA in titles  # neutralised in the CSV: Excel shows it as text
    # A comparator is one of the tool's codes, written exactly: "=" stays "=".
    comparators = set(pd.read_csv(out / "targets.csv", dtype="string")["comparator"])
    expected = {t.comparator for d in documents for t in d.extraction.targets}
    assert "=" in expected and comparators == expected


def test_parquet_keeps_the_exact_values_and_types(written):
    out, documents = written
    frame = pd.read_parquet(out / "documents.parquet")
    assert FORMULA in set(frame["title"])
    assert str(frame["pages"].dtype) == "Int64" and str(frame["restored"].dtype) == "boolean"
    targets = pd.read_parquet(out / "targets.parquet")
    assert len(targets) == sum(len(d.extraction.targets) for d in documents)


def test_schema_md_lists_the_columns_of_every_table():
    schema = (ROOT / "SCHEMA.md").read_text(encoding="utf-8")
    for table in TABLES:
        row = re.search(rf"^\| {table.name}\.csv \|[^|]*\| (.*) \|$", schema, re.MULTILINE)
        assert row, f"SCHEMA.md has no row for {table.name}.csv"
        assert row.group(1).split(", ") == table.names


def test_the_extractors_records_are_the_schema(written):
    """Every field of Header, Citation and Target is a column of its table, in the record's
    order, in the CSV files, documents.jsonl and decrees eval: defined once (tables.py)."""
    import json

    from extractors import Citation, Header, Target
    from pipeline.evaluate import HEADER_FIELDS
    from pipeline.tables import DOCUMENTS, LEGAL_BASES, REFERENCES, TARGETS

    out, _ = written

    def names(record, skip=()):
        return [f.name for f in dataclasses.fields(record) if f.name not in skip]

    def ordered(columns, wanted):
        return [c for c in columns if c in wanted]

    assert ordered(DOCUMENTS.names, names(Header)) == names(Header, ("spans",)) == HEADER_FIELDS
    assert ordered(LEGAL_BASES.names, names(Citation)) == names(Citation, ("role",))
    assert ordered(REFERENCES.names, names(Citation)) == names(Citation)
    assert ordered(TARGETS.names, names(Target)) == names(Target)
    record = json.loads((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert ordered(list(record), names(Header)) == HEADER_FIELDS
    assert record["targets"] and all(list(t) == TARGETS.names for t in record["targets"])
