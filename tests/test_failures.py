"""Bad and awkward inputs beside good ones: each bad file gets an errors.csv row,
the good files keep their results, and no input is changed."""

import csv
import hashlib
import os
import unicodedata

import pytest
from PIL import Image

from pipeline import Options, run
from tests.conftest import CORPUS
from vietnamese.syllables import TONE_MARKS
from training.render import text_to_pdf

GOOD = "000_244ec2eb958e1eda.txt"


def cp1258(text: str) -> bytes:
    """Text in the Windows Vietnamese code page: letters with their tone mark as a combining character."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in decomposed if c in TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
            out += (base + tones).encode("cp1258")
    return bytes(out)


def _hashes(folder):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


@pytest.fixture(scope="module")
def awkward(tmp_path_factory):
    folder = tmp_path_factory.mktemp("awkward")
    good_text = (CORPUS / GOOD).read_text(encoding="utf-8")
    (folder / GOOD).write_text(good_text, encoding="utf-8")
    pdf = text_to_pdf(good_text, folder / "good.pdf")
    data = pdf.read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n", encoding="utf-8")
    (folder / "text renamed.pdf").write_text("Đây không phải là PDF", encoding="utf-8")
    (folder / "random.jpg").write_bytes(os.urandom(4096))
    (folder / "notes.xyz").write_text("?", encoding="utf-8")
    (folder / "Quyết định số 5 của UBND.txt").write_text(good_text.replace("Nguyễn Minh Hùng", "Trần Văn Nam"), encoding="utf-8")
    (folder / "legacy-cp1258.txt").write_bytes(cp1258(good_text.replace("2022", "2021").replace("\u201c", '"').replace("\u201d", '"')))
    Image.new("1", (20000, 10000)).save(folder / "bomb.png")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "self").symlink_to(folder, target_is_directory=True)

    from fpdf import FPDF

    def encrypted(path, user_password):
        doc = FPDF()
        doc.add_page()
        doc.add_font("Body", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        doc.set_font("Body", size=11)
        for line in good_text.splitlines()[:30]:
            doc.multi_cell(0, 6, line.strip() or " ", new_x="LMARGIN", new_y="NEXT")
        doc.set_encryption(owner_password="owner", user_password=user_password)
        doc.output(str(path))

    encrypted(folder / "locked.pdf", "secret")
    encrypted(folder / "edit-protected.pdf", "")
    many = FPDF()
    for _ in range(30):
        many.add_page()
    many.output(str(folder / "thirty-blank-pages.pdf"))

    before = _hashes(folder)
    out = tmp_path_factory.mktemp("awkward_out")
    result, summary = run([folder], out, options=Options(max_pages=20), jobs=2, progress=False)
    assert _hashes(folder) == before, "an input file was changed"
    with (out / "errors.csv").open(encoding="utf-8", newline="") as handle:
        errors = {row["source_path"].split("/", 1)[1]: row for row in csv.DictReader(handle)}  # under the input
    return result, errors, summary


@pytest.mark.parametrize("name, stage, kind", [
    ("truncated.pdf", "read", "damaged"),
    ("empty.pdf", "read", "empty"),
    ("blank.txt", "read", "empty"),
    ("text renamed.pdf", "read", "not-pdf"),
    ("random.jpg", "read", "not-image"),
    ("bomb.png", "read", "too-large"),
    ("locked.pdf", "read", "password"),
    ("thirty-blank-pages.pdf", "read", "too-many-pages"),
    ("loop-a.txt", "discover", "broken-link"),
])
def test_bad_input_gets_an_error_row(awkward, name, stage, kind):
    _, errors, _ = awkward
    assert name in errors, sorted(errors)
    assert (errors[name]["stage"], errors[name]["error"]) == (stage, kind)
    assert errors[name]["message"]


def test_files_that_are_not_documents_are_skipped_and_counted(awkward, tmp_path):
    _, errors, summary = awkward
    assert "notes.xyz" not in errors and summary.skipped == 1
    named = tmp_path / "notes.xyz"
    named.write_text("?", encoding="utf-8")
    (tmp_path / GOOD).write_text((CORPUS / GOOD).read_text(encoding="utf-8"), encoding="utf-8")
    result, _ = run([named, tmp_path / GOOD], tmp_path / "out", progress=False)  # named: its row says why
    assert [(e.stage, e.error) for e in result.errors] == [("read", "unsupported")]


def test_good_and_awkward_files_keep_their_results(awkward):
    result, errors, _ = awkward
    by_name = {d.source_path.split("/", 1)[1]: d for d in result.documents}
    for name in (GOOD, "good.pdf", "Quyết định số 5 của UBND.txt", "legacy-cp1258.txt", "edit-protected.pdf"):
        assert name in by_name, (name, errors.get(name))
        assert by_name[name].extraction.header.issuer == "Ủy ban nhân dân tỉnh Hải Dương"
    assert by_name["legacy-cp1258.txt"].extraction.header.issue_date == "2021-05"
    assert by_name["Quyết định số 5 của UBND.txt"].extraction.header.signer == "Trần Văn Nam"
    assert not any(name.startswith("self/") for name in by_name)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    locked = tmp_path / "in" / "locked.txt"
    locked.parent.mkdir()
    locked.write_text("Số: 1/QĐ-UBND", encoding="utf-8")
    locked.chmod(0)
    result, _ = run([locked.parent], tmp_path / "out", progress=False)
    assert [(e.source_path, e.error) for e in result.errors] == [("in/locked.txt", "unreadable")]


def test_a_file_over_the_time_limit_gets_an_error_row(tmp_path):
    from training.render import degrade, image_to_pdf, render_page

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / GOOD).write_text((CORPUS / GOOD).read_text(encoding="utf-8"), encoding="utf-8")
    page, _ = render_page(["Căn cứ Luật Tổ chức chính quyền địa phương"] * 40, dpi=300)
    image_to_pdf([degrade(page, seed=i) for i in range(6)], folder / "slow scan.pdf", dpi=300)
    result, _ = run([folder], tmp_path / "out", options=Options(timeout=1.0), jobs=2, progress=False)
    assert [(e.source_path, e.stage, e.error) for e in result.errors] == [("in/slow scan.pdf", "read", "timeout")]
    assert [d.source_path for d in result.documents] == [f"in/{GOOD}"]


def test_scans_without_tesseract_models_get_an_error_row_that_says_what_to_install(tmp_path, monkeypatch):
    from ocr import tesseract

    models = tmp_path / "no_models"
    models.mkdir()
    monkeypatch.setenv("TESSDATA_PREFIX", str(models))
    for cached in (tesseract.tessdata, tesseract.missing_reason):
        cached.cache_clear()
    monkeypatch.setattr(tesseract, "_idle_engines", {})
    try:
        (tmp_path / "in").mkdir()
        Image.new("L", (600, 800), 255).save(tmp_path / "in" / "scan.png")
        result, _ = run([tmp_path / "in"], tmp_path / "out", options=Options(), jobs=1, progress=False)
        assert [(e.error, "tesseract-ocr-vie" in e.message) for e in result.errors] == [("ocr-unavailable", True)]
    finally:
        for cached in (tesseract.tessdata, tesseract.missing_reason):
            cached.cache_clear()
