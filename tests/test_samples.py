"""The five sample decrees end to end: scores against gold, and every span checkable."""

import re
import unicodedata
from pathlib import Path

import pytest

from vietnamese.folding import fold, squash
from pipeline.evaluate import evaluate
from tests.conftest import GOLD


@pytest.mark.parametrize("outputs", ["corpus_output", "corpus_output_unrestored"])
def test_gold_scores_meet_the_bars(outputs, request):
    out, _ = request.getfixturevalue(outputs)
    report = evaluate(GOLD, out)
    assert report.documents == 5 and not report.missing
    assert report.header_accuracy >= 0.95, report.mistakes
    assert report.sets["legal_bases"].f1 >= 0.95, report.mistakes
    assert report.sets["references"].f1 >= 0.90, report.mistakes
    assert report.sets["targets"].f1 >= 0.90, report.mistakes


def test_hung_yen_sample_reads_through_ocr_damage(corpus_output_unrestored):
    """The sample OCRed without a Vietnamese model, with no restoration stage."""
    _, result = corpus_output_unrestored
    doc = next(d for d in result.documents if Path(d.source_path).name.startswith("004"))
    h = doc.extraction.header
    assert (h.number, h.issue_date, h.issuer, h.place) == (
        "1042/QĐ-UBND", "2025-05-07", "Ủy ban nhân dân tỉnh Hưng Yên", "Hưng Yên")
    numbers = [c.number for c in doc.extraction.legal_bases]
    assert "06-NQ/TU" in numbers and "571/QĐ-UBND" in numbers  # "06-NO/TU", "571/0D-UBND" in the text
    assert not doc.restored and doc.quality < 0.8  # the text is recognisably damaged


def test_hung_yen_sample_is_restored(corpus_output):
    """With restoration the damaged sample reads as Vietnamese; the clean samples are not touched."""
    _, result = corpus_output
    by_name = {Path(d.source_path).name[:3]: d for d in result.documents}
    assert [name for name, d in sorted(by_name.items()) if d.restored] == ["004"]
    doc = by_name["004"]
    assert doc.quality > 0.95
    assert doc.extraction.header.title == (
        "Giao chỉ tiêu tỷ lệ hồ sơ giải quyết thủ tục hành chính được xử lý trực tuyến toàn trình "
        "cho các sở, ban, ngành và UBND các địa phương năm 2025")
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/02/2025;" in doc.text


def _key(value: str) -> str:
    return re.sub(r"[\s\-/]", "", fold(value))


def test_every_span_contains_its_value(corpus_output):
    _, result = corpus_output
    checked = 0
    for doc in result.documents:
        text = doc.text
        items = doc.extraction.legal_bases + doc.extraction.references
        for c in items:
            assert text[c.start:c.end] == c.raw
            if c.number:
                # the number as written, up to OCR damage that the normaliser repairs
                written = _key(c.raw).replace("0d", "qd").replace("no", "nq")
                assert _key(c.number).replace("no", "nq") in written, (c.number, c.raw)
            if c.date:
                year = c.date[:4]
                assert year in c.raw
            checked += 1
        for t in doc.extraction.targets:
            assert text[t.start:t.end] == t.raw
            value = f"{t.value:g}".replace(".", ",")
            assert re.search(rf"(?<!\d){re.escape(value)}(?:[.,]0)?\s*%", t.raw.replace(".", ",")), (t.value, t.raw)
            checked += 1
        h = doc.extraction.header
        for field, (start, end) in h.spans.items():
            span, value = text[start:end], getattr(h, field)
            if field == "title":
                assert squash(span) == value
            elif field == "signer":
                assert fold(span) == fold(value)
            elif field == "number" and value:
                assert value.split("/")[0] in span
            elif field == "issue_date":
                assert value[:4] in span
            checked += 1
    assert checked > 100


def test_outputs_have_the_schema_columns_and_load_in_pandas(corpus_output):
    pd = pytest.importorskip("pandas")
    from pipeline.tables import TABLES

    out, _ = corpus_output
    for table in TABLES:
        frame = pd.read_csv(out / f"{table.name}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns) == table.names
        for column in frame.columns:
            assert not frame[column].isin(["None", "nan", "NaN", "<NA>"]).any(), (table.name, column)
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert len(documents) == 5
    for value in documents["title"]:
        assert value == unicodedata.normalize("NFC", value)
    texts = {p.stem for p in (out / "text").glob("*.txt") if not p.name.endswith(".source.txt")}
    assert texts == set(documents["doc_id"])
    targets = pd.read_csv(out / "targets.csv")
    assert targets["value"].dtype.kind in "if" and len(targets) == 40
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5


def test_doc_ids_are_stable_content_hashes(corpus_output, tmp_path):
    from pipeline import run
    from tests.conftest import CORPUS

    out, result = corpus_output
    copy = tmp_path / "renamed"
    copy.mkdir()
    for doc in result.documents:
        name = Path(doc.source_path).name
        (copy / f"renamed-{name}").write_bytes((CORPUS / name).read_bytes())
    again, _ = run([copy], tmp_path / "out", progress=False)
    assert sorted(d.doc_id for d in again.documents) == sorted(d.doc_id for d in result.documents)
