"""Real Tesseract on real images: a decree rendered, degraded like a scan, then OCRed."""

import time
from pathlib import Path

import pandas as pd
import pytest
from rapidfuzz.distance import Levenshtein

import ocr
from extractors import extract
from pipeline import run
from tests.conftest import DOCS
from training.render import add_seal, degrade, image_to_pdf, render_page, scan_with_text_layer

pytestmark = pytest.mark.skipif(ocr.missing_reason() is not None, reason=str(ocr.missing_reason()))


def _cer(truth: str, got: str) -> float:
    truth, got = " ".join(truth.split()), " ".join(got.split())
    return Levenshtein.distance(truth, got) / len(truth)


# What OCR without a Vietnamese model makes of the letters (FINDINGS.md: "CONG HOA xA HQI CilU NGHIA").
_OLD_OCR = str.maketrans({"Đ": "P", "đ": "d", "ô": "6", "Ô": "6", "ư": "w", "ộ": "Q", "ủ": "ii", "ứ": "ir", "ơ": "o"})


def _old_ocr_layer(text: str) -> str:
    import unicodedata

    garbled = text.translate(_OLD_OCR)
    return "".join(c for c in unicodedata.normalize("NFD", garbled) if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """A one-page 200 dpi scan (noise, blur, 1° skew) of a ministry circular, as PNG, as an
    image-only PDF, and as a PDF with a garbled text layer left by old OCR."""
    folder = tmp_path_factory.mktemp("scans")
    lines = (DOCS / "thong_tu.txt").read_text(encoding="utf-8").split("\n")
    page, placed = render_page(lines, dpi=200)
    image = degrade(page, noise=0.02, blur=0.6, skew=1.0, seed=3)
    image.save(folder / "thong_tu.png")
    image_to_pdf([image], folder / "thong_tu_scan.pdf", dpi=200)
    scan_with_text_layer(image, _old_ocr_layer("\n".join(placed)), folder / "thong_tu_old_ocr.pdf", dpi=200)
    result, summary = run([folder], tmp_path_factory.mktemp("scan_out"), jobs=2, progress=False)
    return result, summary, "\n".join(placed)


def test_scans_are_ocred_and_extracted(scanned):
    result, summary, truth = scanned
    assert not result.errors
    assert summary.pages_ocr == 3  # the garbled text layer is replaced by OCR
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


@pytest.mark.parametrize("read, meant", [
    ("12/QĐÐ-UBND", "12/QĐ-UBND"),  # the eth after the Đ it doubles
    ("TGĐÐ", "TGĐ"),
    ("ÐIỀU", "ĐIỀU"),  # the eth alone stands for Đ
    ("đðồng", "đồng"),
    ("ĐĐBQH", "ĐĐBQH"),  # two printed Đ stay two
])
def test_the_eth_tesseract_reads_for_d_is_d(read, meant):
    from ocr.tesseract import without_eth

    assert without_eth(read) == meant


@pytest.mark.parametrize("damage", ["upside down", "sideways", "3° skew and a red seal"])
def test_scan_damage_is_undone(tmp_path, damage):
    lines = (DOCS / "thong_tu.txt").read_text(encoding="utf-8").split("\n")
    page, placed = render_page(lines, dpi=150)
    if damage == "upside down":
        image = degrade(page, noise=0.005, seed=1).rotate(180)
    elif damage == "sideways":
        image = degrade(page, noise=0.005, seed=2).rotate(90, expand=True)
    else:
        image = add_seal(degrade(page, noise=0.005, skew=3.0, seed=3))
    image.save(tmp_path / "scan.png")
    text = ocr.acquire(tmp_path / "scan.png").pages[0].text
    assert _cer("\n".join(placed), text) < 0.05, text[:300]
    h = extract(text).header
    assert (h.number, h.issue_date) == ("12/2023/TT-BYT", "2023-06-30")


def test_small_print_sideways_is_read_upright_and_its_marks_are_weak(tmp_path):
    """At 110 dpi the Vietnamese-script model reads a sideways page as gibberish with
    0.70 confidence: a page wider than tall is still turned upright. Its text says that
    the print was small (PageText.low_resolution); a 150 dpi page's does not."""
    lines = (DOCS / "thong_tu.txt").read_text(encoding="utf-8").split("\n")
    page, placed = render_page(lines, dpi=110)
    degrade(page, noise=0.005, seed=2).rotate(90, expand=True).save(tmp_path / "scan.png", dpi=(110, 110))
    read = ocr.acquire(tmp_path / "scan.png").pages[0]
    assert read.low_resolution and _cer("\n".join(placed), read.text) < 0.1, read.text[:300]
    assert extract(read.text).header.issue_date == "2023-06-30"
    render_page(lines, dpi=150)[0].save(tmp_path / "clear.png", dpi=(150, 150))
    assert not ocr.acquire(tmp_path / "clear.png").pages[0].low_resolution


def test_two_column_header_is_read_in_order(tmp_path):
    from training.render import render_decree_page

    left = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH", "Số: 215/QĐ-UBND"]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Ninh, ngày 12 tháng 3 năm 2024"]
    body = ["QUYẾT ĐỊNH", "Về việc giao chỉ tiêu chuyển đổi số năm 2024", "",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ;", "", "QUYẾT ĐỊNH:",
            "Điều 1. Giao chỉ tiêu: các sở, ban, ngành đạt tỷ lệ tối thiểu 80% hồ sơ trực tuyến."]
    image = degrade(render_decree_page(left, right, body, dpi=200), noise=0.005, skew=1.0, seed=4)
    image.save(tmp_path / "decree.png")
    text = ocr.acquire(tmp_path / "decree.png").pages[0].text
    result = extract(text)
    h = result.header
    assert (h.number, h.issue_date, h.issuer, h.place, h.doc_type) == (
        "215/QĐ-UBND", "2024-03-12", "Ủy ban nhân dân tỉnh Quảng Ninh", "Quảng Ninh", "Quyết định"), text[:400]
    assert [c.number for c in result.legal_bases] == [None, "45/2020/NĐ-CP"]


def test_median_filter_equals_pillows():
    import numpy as np
    from PIL import Image, ImageFilter

    from ocr.preprocess import median_3x3

    rng = np.random.default_rng(5)
    page = Image.fromarray(rng.integers(0, 256, (60, 80), dtype=np.uint8), "L")
    ours, pillows = np.asarray(median_3x3(page)), np.asarray(page.filter(ImageFilter.MedianFilter(3)))
    assert np.array_equal(ours[1:-1, 1:-1], pillows[1:-1, 1:-1])
    assert np.array_equal(ours[0], np.asarray(page)[0])  # the border is kept as it is


def test_preparation_filters_speckled_pages_and_enlarges_only_clean_low_resolution_ones():
    from ocr.preprocess import SPECKLED, prepare, speckle_share

    lines = (DOCS / "thong_tu.txt").read_text(encoding="utf-8").split("\n")[:20]
    clean, _ = render_page(lines, dpi=72)
    speckled = degrade(clean, noise=0.01, blur=0.6, seed=1)
    assert speckle_share(clean.convert("L")) < SPECKLED < speckle_share(speckled.convert("L"))
    clean.info["dpi"] = speckled.info["dpi"] = (72, 72)
    assert prepare(clean).width > 3 * clean.width  # enlarged to 300 dpi
    assert prepare(speckled).width < 1.1 * speckled.width  # kept: enlarging speckle makes blobs


def test_a_blurred_phone_photo_is_deblurred_and_reads_better_than_plain_tesseract():
    """Blur is told from the page's edges whatever its text; the blurred photo, enlarged
    and deblurred, reads more syllables than Tesseract reads the photo as it is."""
    import io
    import subprocess

    from ocr.preprocess import BLURRED, edge_sharpness
    from ocr.scan import ocr_image
    from ocr.tesseract import Tesseract
    from training.render import real_looking_scan

    lines = [line for line in (DOCS / "nghi_dinh.txt").read_text(encoding="utf-8").split("\n") if line.strip()][:30]
    blurred, placed, dpi = real_looking_scan(lines, "blurred_photo", seed=2)
    sharp, _, _ = real_looking_scan(lines, "phone_photo", seed=2)
    assert edge_sharpness(blurred.convert("L")) < BLURRED < edge_sharpness(sharp.convert("L"))
    blurred.info["dpi"] = (dpi, dpi)
    ours = ocr_image(blurred, Tesseract()).text
    png = io.BytesIO()
    blurred.save(png, "PNG")
    plain = subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie"], input=png.getvalue(),
                           capture_output=True, check=True).stdout.decode()
    truth = "\n".join(placed)
    assert _cer(truth, ours) < _cer(truth, plain)


def test_blank_pages_are_pages_without_text(tmp_path):
    """A white back side in a scan, a blank TIFF frame and a blank PNG read as empty
    pages; the other pages of the same files keep their text."""
    from PIL import Image

    lines = [line for line in (DOCS / "thong_tu.txt").read_text(encoding="utf-8").split("\n")[:8] if "--" not in line]
    page, placed = render_page(lines, dpi=150)
    written = degrade(page, noise=0.005, seed=6)
    blank = Image.new("RGB", written.size, "white")
    image_to_pdf([written, blank, written], tmp_path / "scan.pdf", dpi=150)
    written.save(tmp_path / "frames.tiff", save_all=True, append_images=[blank])
    blank.save(tmp_path / "blank.png")
    result, _ = run([tmp_path], tmp_path / "out", progress=False)
    assert not result.errors
    by_name = {Path(d.source_path).name: d for d in result.documents}
    scan = by_name["scan.pdf"]
    pages = [scan.text[start:end] for start, end in zip(scan.page_starts, scan.page_starts[1:] + [len(scan.text)])]
    assert scan.pages == 3 and not pages[1].strip("\n\f")
    assert _cer("\n".join(placed), pages[0]) < 0.05 and _cer("\n".join(placed), pages[2]) < 0.05
    assert by_name["frames.tiff"].pages == 2
    assert by_name["blank.png"].text == "" and by_name["blank.png"].quality == 0
    pages = pd.read_csv(tmp_path / "out" / "pages.csv")
    assert list(pages[pages.doc_id == scan.doc_id].decision) == ["ocr", "blank", "ocr"]


class _FailsOnBlankPages:
    """Tesseract, except that on a page without ink it does `failure` (crash, hang,
    read nothing), as OCRmyPDF's test plugins stand in for a misbehaving engine."""

    def __init__(self, failure):
        self.real, self.failure = ocr.Tesseract(), failure

    def missing(self):
        return None

    def rotation(self, image):
        return self.real.rotation(image)

    def recognise(self, image, timeout):
        if image.convert("L").getextrema()[0] > 128:
            return self.failure(timeout)
        return self.real.recognise(image, 60)  # the short limit is for the failing page


def _crash(timeout):
    raise RuntimeError("the engine crashed")


def _hang(timeout):
    import time

    from ocr.scan import GIVE_UP_FACTOR, GIVE_UP_GRACE

    time.sleep(GIVE_UP_FACTOR * timeout + GIVE_UP_GRACE + 1)  # ignores its limit, as a stuck engine would
    return ocr.Reading("too late", 0.9, [])


@pytest.fixture(scope="module")
def text_blank_text_scan(tmp_path_factory):
    from PIL import Image

    lines = [line for line in (DOCS / "thong_tu.txt").read_text(encoding="utf-8").split("\n")[:8] if "--" not in line]
    written = degrade(render_page(lines, dpi=150)[0], noise=0.005, seed=6)
    path = tmp_path_factory.mktemp("flaky") / "scan.pdf"
    return image_to_pdf([written, Image.new("RGB", written.size, "white"), written], path, dpi=150)


@pytest.mark.parametrize("failure, decision, why", [(_crash, ocr.FAILED, "RuntimeError: the engine crashed"),
                                                     (_hang, ocr.FAILED, "given up"),
                                                     (lambda timeout: ocr.Reading("", None, []), ocr.BLANK, "no text")])
def test_a_page_the_engine_fails_on_costs_that_page_only(text_blank_text_scan, failure, decision, why):
    # The real pages are given up too after GIVE_UP_FACTOR × page_timeout + GIVE_UP_GRACE
    # (9 s): about 1.5 s each here at load 10, so a loaded 2-core machine still reads them.
    options = ocr.AcquireOptions(engine=_FailsOnBlankPages(failure), page_timeout=4)
    pages = ocr.acquire(text_blank_text_scan, options).pages
    assert [page.decision for page in pages] == [ocr.OCR, decision, ocr.OCR]
    assert why in pages[1].reason and "no text layer" in pages[1].reason and pages[1].text == ""
    assert "12/2023/TT-BYT" in pages[0].text and "12/2023/TT-BYT" in pages[2].text


def test_a_file_whose_every_page_fails_is_an_error_and_no_ocr_reads_no_image(tmp_path):
    from PIL import Image

    Image.new("RGB", (400, 500), "white").save(tmp_path / "blank.png")
    with pytest.raises(ocr.AcquisitionError, match="crashed") as failed:
        ocr.acquire(tmp_path / "blank.png", ocr.AcquireOptions(engine=_FailsOnBlankPages(_crash)))
    assert failed.value.kind == "ocr-failed"
    pages = ocr.acquire(tmp_path / "blank.png", ocr.AcquireOptions(ocr=False, engine=_FailsOnBlankPages(_crash))).pages
    assert [(page.text, page.decision) for page in pages] == [("", ocr.NOT_OCRED)]


def test_a_page_whose_body_is_a_picture_keeps_its_text_layer_and_reads_the_picture(tmp_path):
    """A Công báo-like page: the running head is text, the document below it a picture of
    text at 96 dpi. Both come out, in order; the decision says so."""
    from fpdf import FPDF

    from training.render import SERIF

    lines = [line for line in (DOCS / "thong_tu.txt").read_text(encoding="utf-8").split("\n")[:8] if "--" not in line]
    picture, _ = render_page(lines, dpi=96)
    picture = picture.crop((0, 0, picture.width, picture.height // 3))
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.add_font("serif", fname=str(SERIF))
    pdf.set_font("serif", size=11)
    pdf.text(200, 40, "CÔNG BÁO/Số 31/Ngày 07-7-2023")
    pdf.image(picture, 0, 60, 595)
    pdf.output(str(tmp_path / "gazette.pdf"))
    [page] = ocr.acquire(tmp_path / "gazette.pdf").pages
    assert page.decision == ocr.MIXED, page.reason
    assert page.text.startswith("CÔNG BÁO/Số 31/Ngày 07-7-2023\n")
    h = extract(page.text).header
    assert (h.number, h.issue_date) == ("12/2023/TT-BYT", "2023-06-30"), page.text


@pytest.fixture(scope="module")
def seal_over_signature():
    """A page whose signature block lies under a seal: Tesseract sets the region aside as a picture."""
    import math
    import random

    from PIL import ImageDraw, ImageFont

    from training.render import SERIF

    dpi = 200
    page, _ = render_page(["Ủy ban nhân dân tỉnh yêu cầu các sở, ngành triển khai thực hiện nghiêm túc./."] * 3, dpi=dpi)
    draw = ImageDraw.Draw(page)
    face = ImageFont.truetype(str(SERIF), int(13 * dpi / 72))
    top, left = 5 * dpi, int(5.2 * dpi)
    draw.text((int(0.9 * dpi), top), "Nơi nhận:", font=face, fill=0)
    draw.text((left, top), "CHỦ TỊCH", font=face, fill=0)
    draw.text((left - 30, top + 330), "Phạm Minh Khoa", font=face, fill=0)
    x, y, r = left - 60, top + 170, 170  # the seal as preparation leaves it (grey), then the signature
    draw.ellipse((x - r, y - r, x + r, y + r), outline=90, width=10)
    draw.ellipse((x - r + 40, y - r + 40, x + r - 40, y + r - 40), outline=90, width=6)
    rng = random.Random(1)
    for _ in range(160):
        angle, distance = rng.uniform(0, 2 * math.pi), rng.uniform(0, r - 50)
        cx, cy = x + distance * math.cos(angle), y + distance * math.sin(angle)
        draw.ellipse((cx - 9, cy - 9, cx + 9, cy + 9), fill=80)
    draw.line([(left - 20 + i * 9, top + 200 + 50 * math.sin(i / 3)) for i in range(50)], fill=0, width=7)
    page.info["dpi"] = (dpi, dpi)
    return page


def test_print_inside_a_picture_region_is_read_again(seal_over_signature):
    """A signature block under a seal: its page reading has neither the title nor the name;
    read again as one block they come back."""
    from ocr.tesseract import Tesseract

    text = Tesseract("vie").recognise(seal_over_signature, 60).text
    assert "TỊCH" in text and "Phạm Minh Khoa" in text
    assert text.index("TỊCH") > text.index("Nơi nhận")  # in its place: the foot, after the body
    assert extract(text + "\n").header.signer == "Phạm Minh Khoa"


class _SlowBlockReader:
    """Stands in for the Tesseract that re-reads picture regions, and is as slow as its limit lets
    it be: every reading runs out of time (as _hang stands in for a page's engine)."""

    def __init__(self):
        self.limits = []  # (when, seconds) of each reading asked for

    def SetImage(self, image):
        pass

    def SetRectangle(self, left, top, width, height):
        pass

    def Recognize(self, timeout):
        self.limits.append((time.monotonic(), timeout / 1000))
        return False


def test_a_pages_re_reads_share_its_time_limit_and_say_when_it_ran_out(seal_over_signature, monkeypatch):
    from tesserocr import PSM

    from ocr import tesseract
    from ocr.scan import ocr_page_text

    slow = _SlowBlockReader()
    monkeypatch.setattr(tesseract, "_idle_engines", {("vie", PSM.SINGLE_BLOCK): [slow]})
    started = time.monotonic()
    reading = tesseract.Tesseract("vie").recognise(seal_over_signature, 60)
    assert slow.limits and all(when + seconds <= started + 60.05 for when, seconds in slow.limits)
    assert "CHỦ TỊCH" not in reading.text and "the page's 60 s ran out" in reading.note
    page = ocr_page_text(1, reading, ocr.OCR, "no text layer")
    assert "picture regions not read again" in page.reason and "Nơi nhận" in page.text
