"""Review pages: every extracted value highlighted at its span with its label, changed words marked."""

import csv
from html.parser import HTMLParser

import pytest

from pipeline import run
from pipeline.review import HEADER_LABELS, Mark, render_marked
from tests.conftest import CORPUS, DOCS


class _Elements(HTMLParser):
    """The text inside each item (pieces joined by data-item) and inside each changed word."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[dict] = []
        self.items: dict[str, dict] = {}
        self.changed: list[list[str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-item" in attrs:
            assert "item" in attrs["class"].split()  # highlighted: the class that gives it its colour
            item = self.items.setdefault(attrs["data-item"], {"label": attrs["data-label"], "tag": tag,
                                                               "href": attrs.get("href"), "text": []})
            assert item["label"] == attrs["data-label"]
            self.open.append(item)
        elif "legend" in (attrs.get("class") or "").split():
            self.open.append({"legend": True})
        elif "changed" in (attrs.get("class") or "").split() and not any("legend" in e for e in self.open):
            self.changed.append([])
            self.open.append({"changed": self.changed[-1]})
        else:
            self.open.append({})

    def handle_endtag(self, tag):
        self.open.pop()

    def handle_data(self, data):
        for element in self.open:
            element.get("text", element.get("changed", [])).append(data)


def _csv_rows(path):
    """Rows of an output CSV, with the apostrophe that neutralises formula-like cells taken off."""
    for row in csv.DictReader(open(path, encoding="utf-8")):
        yield {k: v[1:] if v[:1] == "'" and v[1:2] in ("=", "+", "-", "@") else v for k, v in row.items()}


def _expected_items(out, doc_id):
    """(label, raw text, cited_doc_id) of every extracted item of a document, from the outputs."""
    text = (out / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")
    import json
    record = next(r for r in map(json.loads, (out / "documents.jsonl").read_text(encoding="utf-8").splitlines())
                  if r["doc_id"] == doc_id)
    items = [(HEADER_LABELS[name], text[s["start"]:s["end"]], None) for name, s in record["header_spans"].items()]
    for name, label in (("legal_bases", "legal basis"), ("references", "reference")):
        for row in _csv_rows(out / f"{name}.csv"):
            if row["doc_id"] == doc_id:
                full = label if name == "legal_bases" else f"{label} ({row['role']})"
                items.append((full, row["raw"], row["cited_doc_id"] or None))
    for row in _csv_rows(out / "targets.csv"):
        if row["doc_id"] == doc_id:
            items.append((f"target {row['comparator']}{float(row['value']):g}%", row["raw"], None))
    return items


def _check_pages(out, documents):
    """Every extracted item of every document inside one highlighted element (or its pieces) with its
    label, a resolved citation a link to the cited page; returns how many items were checked."""
    checked = 0
    for document in documents:
        page = (out / "review" / f"{document.doc_id}.html").read_text(encoding="utf-8")
        parsed = _Elements()
        parsed.feed(page)
        shown = sorted((i["label"], "".join(i["text"]), i["href"]) for i in parsed.items.values())
        expected = _expected_items(out, document.doc_id)
        for label, raw, cited in expected:
            match = [s for s in shown if s[0].startswith(label) and s[1] == raw.replace(PAGE_BREAK_TEXT, "")]
            assert match, (document.source_path, label, raw)
            assert match[0][2] == (f"{cited}.html" if cited else None)
            checked += 1
        assert len(shown) == len(expected)
        assert page.count('<a href="#item-') == len(expected)  # the table of items links to each of them
    return checked


PAGE_BREAK_TEXT = "\n\f\n"  # an item that crosses a page break is shown on both pages, without the break


@pytest.fixture(scope="module")
def samples_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("review_out")
    result, _ = run([CORPUS, DOCS], out, progress=False)
    return out, result


def test_every_extracted_value_sits_in_an_element_with_its_label(samples_output):
    out, result = samples_output
    assert _check_pages(out, result.documents) > 150


def test_pdfs_and_a_scan_of_the_samples_get_their_pages_checked_too(tmp_path):
    """Text PDFs of the samples, and one sample as a noisy 150 dpi scan: OCR's page is marked
    as such, its unsure lines marked, and every item is highlighted as on the text samples."""
    from ocr.plaintext import strip_markup
    from training.render import degrade, image_to_pdf, render_page, text_to_pdf

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for sample in sorted(CORPUS.glob("*.txt")):
        text_to_pdf(strip_markup(sample.read_text(encoding="utf-8")), folder / f"{sample.stem}.pdf")
    page, _ = render_page((DOCS / "nghi_dinh.txt").read_text(encoding="utf-8").split("\n"), dpi=150)
    image_to_pdf([degrade(page, noise=0.03, blur=0.8, seed=5)], folder / "scan.pdf", dpi=150)
    result, summary = run([folder], out, jobs=2, progress=False)
    assert not result.errors and summary.pages_ocr >= 1
    assert _check_pages(out, result.documents) > 80
    scan = next(d for d in result.documents if d.source_path.endswith("scan.pdf"))
    page_html = (out / "review" / f"{scan.doc_id}.html").read_text(encoding="utf-8")
    assert "(ocr" in page_html
    unsure_lines = {scan.text.rfind("\n", 0, c) for c in _final_starts(scan, out)}
    assert unsure_lines  # a noisy scan has words OCR was unsure of
    # each such line is marked (in pieces where it crosses an item), beside the legend's example
    assert page_html.count('class="doubtful"') >= len(unsure_lines) + 1


def _final_starts(document, out):
    """Final-text offsets of the words OCR was unsure of."""
    from pipeline.provenance import Change, to_final

    changes = [Change(int(r["start"]), int(r["end"]), int(r["source_start"]), int(r["source_end"]), r["kind"])
               for r in csv.DictReader(open(out / "changes.csv", encoding="utf-8")) if r["doc_id"] == document.doc_id]
    return to_final([start for start, _ in document.doubtful], changes)


def test_changed_words_are_marked_apart_and_listed_pages_link_back(samples_output):
    out, result = samples_output
    changes = {}
    for row in csv.DictReader(open(out / "changes.csv", encoding="utf-8")):
        changes.setdefault(row["doc_id"], []).append(row["text"])
    assert changes
    for doc_id, words in changes.items():
        parsed = _Elements()
        parsed.feed((out / "review" / f"{doc_id}.html").read_text(encoding="utf-8"))
        assert ["".join(c) for c in parsed.changed] == [w for w in words if w]
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    for document in result.documents:
        assert f'href="{document.doc_id}.html"' in index
    assert "Hưng Yên" in index and 'charset="utf-8"' in index


def test_overlapping_marks_nest_and_a_crossed_item_keeps_its_pieces_together():
    text = "Căn cứ Quyết định số 12/QĐ-UBND ngày 1/2/2024"
    marks = [Mark(0, 33, 0, "mark", 'class="item" data-label="legal basis"', 0),
             Mark(21, 46, 0, "mark", 'class="item" data-label="b"', 1),
             Mark(0, 3, 2, "span", 'class="changed"')]
    html = render_marked(text, 0, marks)
    parsed = _Elements()
    parsed.feed(html)
    assert {i["label"]: "".join(i["text"]) for i in parsed.items.values()} == {
        "legal basis": text[0:33], "b": text[21:46]}
    assert ["".join(c) for c in parsed.changed] == ["Căn"]
    assert html.count('id="item-') == 2


def test_no_review_writes_no_pages(tmp_path):
    out = tmp_path / "out"
    run([DOCS], out, progress=False, review=False)
    assert (out / "documents.csv").exists() and not (out / "review").exists()


def test_a_page_in_a_real_browser_shows_the_text_and_its_highlights(samples_output, tmp_path):
    """Chromium (make chromium) renders the page of a decree with legal bases and restored words:
    the picture is not blank and shows the colours of the issuer, the number and the legal bases."""
    from PIL import Image

    from training.screenshot import browser, screenshot

    if browser() is None:
        pytest.skip("no chromium on this machine and it could not be installed (make chromium needs apt-get as root)")
    out, result = samples_output
    document = max(result.documents, key=lambda d: (len(d.extraction.legal_bases) > 0, len(d.extraction.header.spans)))
    png = tmp_path / "page.png"
    screenshot(out / "review" / f"{document.doc_id}.html", png, width=1000, height=1400)
    picture = Image.open(png).convert("RGB")
    colours = picture.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # text and highlights, not an empty or error page
    white = sum(count for count, rgb in colours if min(rgb) > 245)
    assert white < 0.97 * picture.width * picture.height
    present = {rgb for _, rgb in colours}
    for css in ("#aa9cfc", "#7aecec", "#9fe59f"):  # issuer, number, legal basis (review.STYLE)
        rgb = tuple(int(css[i:i + 2], 16) for i in (1, 3, 5))
        assert rgb in present, f"no pixel of {css} in the screenshot"
