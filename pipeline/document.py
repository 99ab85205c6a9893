"""The document model: one record per input, with provenance for every item.

Stages return plain records (pages of text, extracted items with character
spans); this model joins them, adds the page of every span, and turns them
into the rows of the output contract (SCHEMA.md).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field

from extractors import Citation, Extraction, Target

from .tables import DOCUMENTS, HEADER_FIELDS, LEGAL_BASES, PAGES, REFERENCES, TARGETS, date_parts

# Pages are joined with a form feed on its own line, as pdftotext does, so that
# the text file shows page breaks and offsets stay plain character offsets.
PAGE_BREAK = "\n\f\n"


@dataclass
class Document:
    doc_id: str
    source_path: str
    sha256: str
    text: str
    page_starts: list[int]  # offset of each page's first character in `text`
    page_sources: list[str]  # per page: "text" (text layer) or "ocr"
    restored: bool
    quality: float
    extraction: Extraction
    # per page: {"decision": what was done with it (ocr.TEXT_LAYER, OCR, …), "reason": why}
    page_decisions: list[dict] = field(default_factory=list)
    source_text: str = ""  # the acquired text before restoration (legacy encodings repaired)
    doubtful: list[tuple[int, int]] = field(default_factory=list)  # OCR's unsure words, spans in source_text

    @property
    def text_source(self) -> str:
        """text, ocr, or mixed (some pages OCRed)."""
        sources = set(self.page_sources)
        if sources == {"ocr"}:
            return "ocr"
        return "mixed" if "ocr" in sources else "text"

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int:
        """1-based page of a character offset."""
        return max(1, bisect_right(self.page_starts, offset))

    def document_row(self) -> dict:
        header = self.extraction.header
        return {
            "doc_id": self.doc_id, "source_path": self.source_path, "sha256": self.sha256,
            "pages": self.pages, "text_source": self.text_source, "restored": self.restored,
            "quality": round(self.quality, 3),
            **{name: getattr(header, name) for name in HEADER_FIELDS},
            **date_parts(header.issue_date),
        }

    def page_rows(self) -> list[dict]:
        return [{"doc_id": self.doc_id, "page": number, "source": source, **decision}
                for number, (source, decision) in enumerate(zip(self.page_sources, self.page_decisions), 1)]

    def _item_row(self, item: Citation | Target) -> dict:
        """An extracted item's fields, with the page of its span (its fields are plain values:
        vars() gives what asdict() would, at a tenth of the cost)."""
        return {"doc_id": self.doc_id, **vars(item), "page": self.page_of(item.start)}

    def legal_basis_rows(self) -> list[dict]:
        return [{**self._item_row(c), "seq": i} for i, c in enumerate(self.extraction.legal_bases, 1)]

    def reference_rows(self) -> list[dict]:
        return [self._item_row(c) for c in self.extraction.references]

    def target_rows(self) -> list[dict]:
        return [{**self._item_row(t), "seq": i} for i, t in enumerate(self.extraction.targets, 1)]

    def json_record(self, rows: dict[str, list[dict]] | None = None) -> dict:
        """The document as one JSON object. `rows`: its rows of each table by table name, as the
        writer completed them from the whole output (cited_doc_id, changed_words); else made here."""
        rows = rows or {DOCUMENTS.name: [self.document_row()], LEGAL_BASES.name: self.legal_basis_rows(),
                        REFERENCES.name: self.reference_rows(), TARGETS.name: self.target_rows()}
        spans = self.extraction.header.spans
        return {
            **DOCUMENTS.record(rows[DOCUMENTS.name][0]),
            "header_spans": {
                name: {"start": s, "end": e, "page": self.page_of(s), "raw": self.text[s:e]}
                for name, (s, e) in spans.items()
            },
            "pages": [{k: v for k, v in PAGES.record(row).items() if k != "doc_id"} for row in self.page_rows()],
            **{table.name: [table.record(r) for r in rows[table.name]] for table in (LEGAL_BASES, REFERENCES, TARGETS)},
            "text": self.text,
        }


@dataclass
class FileError:
    """An input that failed in a stage: one row of errors.csv."""

    source_path: str
    stage: str  # discover, read, restore, extract
    error: str  # a short kind: unsupported, empty, damaged, password, too-large, …
    message: str

    def row(self) -> dict:
        return asdict(self)


@dataclass
class RunResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
