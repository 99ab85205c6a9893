"""Writing the output contract (SCHEMA.md): tables as CSV, a spreadsheet and Parquet,
JSON lines and texts.

The tables are pandas frames typed by their definitions (tables.py). Each writer adds
its files to the run's output folder, and the folder switches all of them into place
together (outfolder.py): another output is one more writer in WRITERS.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from .annotate import annotate, write_companions
from .document import Document, FileError
from .outfolder import OutputFolder
from .provenance import Change
from .spreadsheet import workbook
from .tables import DOCUMENTS, ERRORS, LEGAL_BASES, PAGES, REFERENCES, TABLES, TARGETS, Table

# A cell that starts like a formula is run by spreadsheet programs ("CSV injection"): in the
# CSV files such a text gets a leading apostrophe, which Excel and LibreOffice show as text.
FORMULA_STARTS = "=+-@\t\r"
_FORMULA_START = re.compile(f"[{re.escape(FORMULA_STARTS)}]")
TABLES_DIGEST = ".decrees/tables.sha256"  # of the tables the spreadsheet and Parquet files hold


def frame(table: Table, rows: list[dict]) -> pd.DataFrame:
    """The rows as a frame with the table's columns and types (missing values are <NA>)."""
    return pd.DataFrame({
        column.name: pd.array([row.get(column.name) for row in rows], dtype=column.dtype)
        for column in table.columns
    })


@dataclass
class RunOutputs:
    """Everything a writer may need: the run's documents, errors and tables."""

    documents: list[Document]
    errors: list[FileError]
    csv_bom: bool = False
    xlsx: bool = True
    parquet: bool = False
    review: bool = True
    producer: str = ""  # what made the results (the cache's fingerprint); "": unknown, every review page is rendered
    tables_unchanged: bool = False  # the same tables as the folder's last run (set by write_outputs)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)  # by table name
    rows: dict[str, list[dict]] = field(default_factory=dict)  # the same, as plain rows
    changes: dict[str, list[Change]] = field(default_factory=dict)  # words the tool changed, by doc_id

    def __post_init__(self) -> None:
        self.documents = sorted(self.documents, key=lambda d: d.source_path)
        self.errors = sorted(self.errors, key=lambda e: e.source_path)
        rows = {
            DOCUMENTS.name: [d.document_row() for d in self.documents],
            LEGAL_BASES.name: [r for d in self.documents for r in d.legal_basis_rows()],
            REFERENCES.name: [r for d in self.documents for r in d.reference_rows()],
            TARGETS.name: [r for d in self.documents for r in d.target_rows()],
            PAGES.name: [r for d in self.documents for r in d.page_rows()],
            ERRORS.name: [e.row() for e in self.errors],
        }
        self.changes = annotate(self.documents, rows)
        self.rows = rows
        self.tables = {table.name: frame(table, rows[table.name]) for table in TABLES}

    @property
    def digest(self) -> str:
        """A hash of every table's columns and values: equal digests, equal spreadsheet and Parquet files."""
        digest = hashlib.sha256()
        for name, data in self.tables.items():
            digest.update(repr((name, list(data.columns))).encode())
            digest.update(pd.util.hash_pandas_object(data, index=False).to_numpy().tobytes())
        return digest.hexdigest()


def write_texts(folder: OutputFolder, run: RunOutputs) -> None:
    for document in run.documents:
        folder.write(f"text/{document.doc_id}.txt", document.text.encode("utf-8"))


def write_jsonl(folder: OutputFolder, run: RunOutputs) -> None:
    by_document: dict[str, dict[str, list[dict]]] = {d.doc_id: {t.name: [] for t in TABLES} for d in run.documents}
    for name, rows in run.rows.items():
        for row in rows:
            if row.get("doc_id") in by_document:
                by_document[row["doc_id"]][name].append(row)
    lines = "".join(json.dumps(d.json_record(by_document[d.doc_id]), ensure_ascii=False) + "\n"
                    for d in run.documents)
    folder.write("documents.jsonl", lines.encode("utf-8"))


def csv_text(table: Table, data: pd.DataFrame) -> str:
    """RFC 4180 CSV; booleans as true/false, whole numbers without ".0", formula-like text neutralised."""
    data = data.copy()
    for column in table.columns:
        values = data[column.name]
        if column.dtype == "string" and not column.vocabulary:  # a code ("=") is the tool's, not a formula
            risky = values.str.match(_FORMULA_START).fillna(False).astype(bool)
            data[column.name] = values.mask(risky, "'" + values)
        elif column.dtype == "boolean":
            data[column.name] = values.map({True: "true", False: "false"}, na_action="ignore")
    return data.to_csv(index=False, lineterminator="\r\n", float_format="%.15g")


def write_csv(folder: OutputFolder, run: RunOutputs) -> None:
    encoding = "utf-8-sig" if run.csv_bom else "utf-8"
    for table in TABLES:
        folder.write(f"{table.name}.csv", csv_text(table, run.tables[table.name]).encode(encoding))


def write_xlsx(folder: OutputFolder, run: RunOutputs) -> None:
    """decrees.xlsx: a sheet per table, header frozen, complete dates as dates, every text a text."""
    if not run.xlsx or run.tables_unchanged and folder.keep("decrees.xlsx"):
        return  # (a spreadsheet of the same tables stays)
    folder.write("decrees.xlsx", workbook([(table, run.tables[table.name]) for table in TABLES]))


def write_parquet(folder: OutputFolder, run: RunOutputs) -> None:
    if not run.parquet:
        return
    for table in TABLES:
        if run.tables_unchanged and folder.keep(f"{table.name}.parquet"):
            continue
        folder.write_with(f"{table.name}.parquet",
                          lambda path, data=run.tables[table.name]: data.to_parquet(path, index=False))


Writer = Callable[[OutputFolder, RunOutputs], None]
WRITERS: list[Writer] = [write_texts, write_jsonl, write_csv, write_xlsx, write_parquet, write_companions]


def write_outputs(folder: OutputFolder, run: RunOutputs) -> None:
    """Write every output file of a run into `folder`, switched into place together."""
    previous = folder.owned_text(TABLES_DIGEST)
    folder.write(TABLES_DIGEST, run.digest.encode())
    run.tables_unchanged = previous == run.digest
    for writer in WRITERS:
        writer(folder, run)
    folder.switch()
