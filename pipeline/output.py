"""Writing the output contract (SCHEMA.md): CSV files, JSON lines and texts.

The files of a run are staged in the output folder and switched into place
together (see outfolder.py).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from .document import Document, FileError
from .outfolder import OutputFolder

DOCUMENT_COLUMNS = [
    "doc_id", "source_path", "sha256", "pages", "text_source", "restored", "quality", "doc_type",
    "number", "symbol", "issue_date", "place", "issuer", "issuer_level", "province", "title",
    "signer", "signer_title",
]
LEGAL_BASIS_COLUMNS = ["doc_id", "seq", "doc_type", "number", "date", "issuer", "name", "raw", "page", "start", "end"]
REFERENCE_COLUMNS = ["doc_id", "role", "doc_type", "number", "date", "issuer", "name", "raw", "page", "start", "end"]
TARGET_COLUMNS = [
    "doc_id", "seq", "subject", "metric", "value", "comparator", "year", "annual_increase",
    "procedures_count", "raw", "page", "start", "end",
]
PAGE_COLUMNS = ["doc_id", "page", "source", "decision", "reason"]
ERROR_COLUMNS = ["source_path", "stage", "error", "message"]


def write_atomic(path: Path, content: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def csv_text(columns: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _cell(row.get(c)) for c in columns})
    return buffer.getvalue()


def write_outputs(folder: OutputFolder, documents: list[Document], errors: list[FileError],
                  excel: bool = False) -> None:
    """Write every output file of a run into `folder`, switched into place together."""
    documents = sorted(documents, key=lambda d: d.source_path)
    encoding = "utf-8-sig" if excel else "utf-8"
    tables = {
        "documents.csv": (DOCUMENT_COLUMNS, [d.document_row() for d in documents]),
        "legal_bases.csv": (LEGAL_BASIS_COLUMNS, [r for d in documents for r in d.legal_basis_rows()]),
        "references.csv": (REFERENCE_COLUMNS, [r for d in documents for r in d.reference_rows()]),
        "targets.csv": (TARGET_COLUMNS, [r for d in documents for r in d.target_rows()]),
        "pages.csv": (PAGE_COLUMNS, [r for d in documents for r in d.page_rows()]),
        "errors.csv": (ERROR_COLUMNS, [e.row() for e in sorted(errors, key=lambda e: e.source_path)]),
    }
    for document in documents:
        folder.write(f"text/{document.doc_id}.txt", document.text.encode("utf-8"))
    lines = "".join(json.dumps(d.json_record(), ensure_ascii=False) + "\n" for d in documents)
    folder.write("documents.jsonl", lines.encode("utf-8"))
    for name, (columns, rows) in tables.items():
        folder.write(name, csv_text(columns, rows).encode(encoding))
    folder.switch()
