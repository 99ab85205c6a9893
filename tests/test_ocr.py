"""Real Tesseract on real images: a decree rendered, degraded like a scan, then OCRed."""

import pytest
from rapidfuzz.distance import Levenshtein

import ocr
from extractors import extract
from pipeline import run
from tests.conftest import DOCS
from tools.render import degrade, image_to_pdf, render_page

pytestmark = pytest.mark.skipif(ocr.missing_reason() is not None, reason=str(ocr.missing_reason()))


def _cer(truth: str, got: str) -> float:
    truth, got = " ".join(truth.split()), " ".join(got.split())
    return Levenshtein.distance(truth, got) / len(truth)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """A one-page 200 dpi scan (noise, blur, 1° skew) of a ministry circular, as PNG and as an image-only PDF."""
    folder = tmp_path_factory.mktemp("scans")
    lines = (DOCS / "thong_tu.txt").read_text(encoding="utf-8").split("\n")
    page, placed = render_page(lines, dpi=200)
    image = degrade(page, noise=0.02, blur=0.6, skew=1.0, seed=3)
    image.save(folder / "thong_tu.png")
    image_to_pdf([image], folder / "thong_tu_scan.pdf", dpi=200)
    result, summary = run([folder], tmp_path_factory.mktemp("scan_out"), jobs=2, progress=False)
    return result, summary, "\n".join(placed)


def test_scans_are_ocred_and_extracted(scanned):
    result, summary, truth = scanned
    assert not result.errors
    assert summary.pages_ocr == 2
    want = extract((DOCS / "thong_tu.txt").read_text(encoding="utf-8"))
    for document in result.documents:
        assert document.text_source == "ocr"
        assert 0.5 < document.quality <= 1.0
        assert _cer(truth, document.text) < 0.05
        h = document.extraction.header
        assert (h.doc_type, h.number, h.issue_date, h.issuer) == (
            want.header.doc_type, want.header.number, want.header.issue_date, want.header.issuer)
        assert [c.number for c in document.extraction.legal_bases] == [c.number for c in want.legal_bases]
        assert all(document.page_of(c.start) == 1 for c in document.extraction.legal_bases)
