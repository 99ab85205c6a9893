"""Text PDFs made from each sample give the same fields as the text file."""

from pathlib import Path

import pytest

from ocr.plaintext import strip_markup
from pipeline import run
from tests.conftest import CORPUS
from training.render import text_to_pdf


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


def _words(line_tops_and_texts):
    """Words placed as a page would print them: (top, x of the line's first word, text), 10 pt high,
    each word as wide as its letters at 6 pt, one 3 pt space apart."""
    from ocr.layout import Word

    words = []
    for top, x, text in line_tops_and_texts:
        for written in text.split():
            words.append(Word(written, x, top, x + 6 * len(written), top + 10))
            x += 6 * len(written) + 3
    return words


def test_side_by_side_header_columns_come_out_as_blocks():
    from ocr.layout import arrange, join, lines_of

    page = [(50, 60, "SỞ NỘI VỤ"), (50, 300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            (62, 60, "TỈNH BÌNH ĐỊNH"), (62, 320, "Độc lập - Tự do - Hạnh phúc"),
            (64, 320, "_______________"),
            (86, 60, "Số: 77/SNV-TCBC"), (86, 310, "Bình Định, ngày 5 tháng 9 năm 2024"),
            (104, 230, "THÔNG BÁO"),
            (116, 60, "Về việc tuyển dụng công chức năm nay theo kế hoạch của tỉnh và các sở")]
    text, _ = join(arrange(lines_of(_words(page))))
    assert text.split("\n") == ["SỞ NỘI VỤ", "TỈNH BÌNH ĐỊNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                "Độc lập - Tự do - Hạnh phúc", "Số: 77/SNV-TCBC", "Bình Định, ngày 5 tháng 9 năm 2024",
                                "THÔNG BÁO", "Về việc tuyển dụng công chức năm nay theo kế hoạch của tỉnh và các sở"]


def test_body_lines_and_table_rows_keep_their_order():
    from ocr.layout import arrange, join, lines_of

    page = [(50, 60, "Điều 1. Giao chỉ tiêu cho các đơn vị như sau:"),
            (62, 60, "Tỷ lệ hồ sơ trực tuyến"), (62, 400, "80%"),
            (74, 60, "Tỷ lệ thanh toán trực tuyến"), (74, 400, "50%")]
    text, _ = join(arrange(lines_of(_words(page))))
    assert text.split("\n") == ["Điều 1. Giao chỉ tiêu cho các đơn vị như sau:", "Tỷ lệ hồ sơ trực tuyến 80%",
                                "Tỷ lệ thanh toán trực tuyến 50%"]


class _Judge:
    def usable(self, text):
        return "garbled" not in text


@pytest.mark.parametrize("facts, layer, decision, why", [
    # letters, layer share, layer over pictures, scan, picture share, top, bottom, picture dpi
    ((900, 0.25, 0.0, False, 0.0, 0, 0, 0), "text", "text-layer", "900 letters"),
    ((0, 0.0, 0.0, True, 1.0, 0, 842, 200), "", "ocr", "no text layer"),
    ((60, 0.01, 0.0, True, 1.0, 0, 842, 300), "Ký bởi: Văn phòng", "ocr", "a stamp's"),
    ((1200, 0.2, 1.0, True, 1.0, 0, 842, 200), "garbled", "re-ocr", "garbled"),
    ((1200, 0.2, 1.0, True, 1.0, 0, 842, 200), "text", "text-layer", "on a scan"),
    ((26, 0.01, 0.0, False, 0.43, 110, 570, 96), "CÔNG BÁO", "mixed", "pictures OCRed"),
    ((1500, 0.3, 0.9, False, 1.0, 0, 842, 150), "text", "text-layer", "1500 letters"),  # over a background
])
def test_each_page_is_decided_by_what_it_holds(facts, layer, decision, why):
    from ocr import AcquireOptions
    from ocr.pdf import _decide, _Facts

    got, reason = _decide(_Facts(*facts), layer, AcquireOptions(layer_judge=_Judge()))
    assert (got, why in reason) == (decision, True), reason
