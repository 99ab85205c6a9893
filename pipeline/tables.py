"""The output tables, defined once: names, columns in order and their types.

The columns of the extracted items come from the extractors' records
(`extractors.Header`, `Citation`, `Target`), so a field added there reaches the
CSV files, the spreadsheet, Parquet, documents.jsonl and `decrees eval` without
other edits; SCHEMA.md is checked against these definitions by a test.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass

from extractors import Citation, Header, Target

# pandas dtypes by Python type: nullable, so an empty cell stays empty (never "nan").
_DTYPES = {str: "string", int: "Int64", float: "Float64", bool: "boolean"}


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # a pandas dtype: string, Int64, Float64, boolean
    date: bool = False  # ISO 8601 text, complete (2022-05-03) or partial (2022-05, 2022)
    vocabulary: tuple[str, ...] = ()  # the tool's own codes, the only values the column takes


@dataclass(frozen=True)
class Table:
    name: str  # documents → documents.csv, sheet "documents", documents.parquet
    row: str  # what one row is
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def record(self, row: dict) -> dict:
        """The row's values of this table's columns, in their order."""
        return {name: row.get(name) for name in self.names}


def _fields(record: type, skip: tuple[str, ...] = ()) -> list[Column]:
    """Columns from a record's fields, typed by their annotations; a span's page goes before `start`."""
    hints = typing.get_type_hints(record)
    columns = []
    for spec in dataclasses.fields(record):
        if spec.name in skip:
            continue
        kind = next(t for t in typing.get_args(hints[spec.name]) or (hints[spec.name],) if t is not type(None))
        if spec.name == "start":
            columns.append(Column("page", "Int64"))
        columns.append(Column(spec.name, _DTYPES[kind], date=spec.name.endswith("date"),
                              vocabulary=spec.metadata.get("vocabulary", ())))
    return columns


_HEADER = _fields(Header, skip=("spans",))
HEADER_FIELDS = [c.name for c in _HEADER]
# A date the document gives only in part is kept exactly in issue_date; these make it usable as numbers.
DATE_PARTS = ["issue_year", "issue_month", "issue_day"]

# Filled from the whole output and the text before restoration (annotate.py): the document a
# citation names, and whether an item's span holds words that restoration or OCR correction changed.
_CITED = Column("cited_doc_id", "string")
_CHANGED = Column("changed_words", "boolean")

DOCUMENTS = Table("documents", "input document", (
    Column("doc_id", "string"), Column("source_path", "string"), Column("sha256", "string"),
    Column("pages", "Int64"), Column("text_source", "string"), Column("restored", "boolean"),
    Column("quality", "Float64"),
    *_HEADER,
    *(Column(name, "Int64") for name in DATE_PARTS),
    Column("changed_fields", "string"),
))
LEGAL_BASES = Table("legal_bases", 'document cited in the "Căn cứ …" preamble', (
    Column("doc_id", "string"), Column("seq", "Int64"), *_fields(Citation, skip=("role",)), _CITED, _CHANGED,
))
REFERENCES = Table("references", "any other cited document", (
    Column("doc_id", "string"), *_fields(Citation), _CITED, _CHANGED,
))
TARGETS = Table("targets", "assigned percentage target", (
    Column("doc_id", "string"), Column("seq", "Int64"), *_fields(Target), _CHANGED,
))
LINKS = Table("links", "citation resolved to a document of the same output", (
    Column("doc_id", "string"), _CITED, Column("role", "string"), Column("raw", "string"), Column("page", "Int64"),
    Column("start", "Int64"), Column("end", "Int64"),
))
CHANGES = Table("changes", "word changed by diacritic restoration or OCR correction", (
    Column("doc_id", "string"), *(Column(name, "Int64") for name in ("start", "end", "source_start", "source_end")),
    *(Column(name, "string") for name in ("kind", "text", "source_text")),
))
PAGES = Table("pages", "page of an input document", (
    Column("doc_id", "string"), Column("page", "Int64"),
    *(Column(name, "string") for name in ("source", "decision", "reason")),
))
ERRORS = Table("errors", "input that failed in a stage", tuple(
    Column(name, "string") for name in ("source_path", "stage", "error", "message")
))
TABLES = (DOCUMENTS, LEGAL_BASES, REFERENCES, TARGETS, PAGES, LINKS, CHANGES, ERRORS)


def date_parts(date: str | None) -> dict[str, int | None]:
    """issue_year, issue_month, issue_day of an ISO date with the precision it has."""
    parts = [int(p) for p in (date or "").split("-") if p.isdigit()]
    return {name: parts[i] if i < len(parts) else None for i, name in enumerate(DATE_PARTS)}
