"""Text PDFs made from each sample give the same fields as the text file."""

from pathlib import Path

import pytest

from ocr.plaintext import strip_markup
from pipeline import run
from tests.conftest import CORPUS
from tools.render import text_to_pdf


def _fields(document):
    e = document.extraction
    h = e.header
    return {
        "header": (h.doc_type, h.number, h.symbol, h.issue_date, h.place, h.issuer, h.issuer_level, h.province,
                   h.signer, h.signer_title, h.title),
        "bases": [(c.doc_type, c.number, c.date, c.issuer, c.name) for c in e.legal_bases],
        "references": sorted((c.role, c.doc_type, c.number, c.date) for c in e.references),
        "targets": [(t.value, t.comparator, t.year, t.annual_increase, t.procedures_count) for t in e.targets],
    }


@pytest.fixture(scope="module")
def pdf_and_text_runs(tmp_path_factory, corpus_output):
    folder = tmp_path_factory.mktemp("pdfs")
    for sample in sorted(CORPUS.glob("*.txt")):
        text_to_pdf(strip_markup(sample.read_text(encoding="utf-8")), folder / f"{sample.stem}.pdf")
    pdf_result, _ = run([folder], tmp_path_factory.mktemp("pdf_out"), progress=False)
    _, text_result = corpus_output
    return pdf_result, text_result


def test_pdf_fields_equal_text_fields(pdf_and_text_runs):
    pdf_result, text_result = pdf_and_text_runs
    assert not pdf_result.errors
    by_stem = {Path(d.source_path).stem: d for d in text_result.documents}
    assert len(pdf_result.documents) == 5
    for document in pdf_result.documents:
        assert document.text_source == "text"
        assert _fields(document) == _fields(by_stem[Path(document.source_path).stem]), document.source_path


def test_pdf_pages_are_numbered(pdf_and_text_runs):
    pdf_result, _ = pdf_and_text_runs
    hoa_binh = next(d for d in pdf_result.documents if Path(d.source_path).name.startswith("002"))
    assert hoa_binh.pages >= 2
    table_pages = {hoa_binh.page_of(t.start) for t in hoa_binh.extraction.targets}
    assert table_pages and min(table_pages) > 1  # the appendix table is not on page 1
    assert all(hoa_binh.text[t.start:t.end] == t.raw for t in hoa_binh.extraction.targets)
