"""The `decrees` command: exit codes, options and output files."""

import subprocess
import sys

from ocr.plaintext import strip_markup
from pipeline.cli import ExitCode, main
from tests.conftest import CORPUS, GOLD

SAMPLE = CORPUS / "003_802ea2d470f25e0f.txt"


def test_extract_then_eval(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(CORPUS), "--out", str(out), "--jobs", "2", "--quiet"]) == ExitCode.OK
    assert main(["eval", "--gold", str(GOLD), "--out", str(out), "--json", str(tmp_path / "scores.json")]) == ExitCode.OK
    printed = capsys.readouterr().out
    assert "legal_bases" in printed and "F1" in printed
    assert '"header_accuracy"' in (tmp_path / "scores.json").read_text(encoding="utf-8")


def test_excel_option_writes_a_bom(tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(SAMPLE), "--out", str(out), "--excel", "--quiet"]) == ExitCode.OK
    assert (out / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    plain = tmp_path / "plain"
    assert main(["extract", str(SAMPLE), "--out", str(plain), "--quiet"]) == ExitCode.OK
    assert not (plain / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == ExitCode.USAGE
    assert "no such file" in capsys.readouterr().err


def test_unwritable_output_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["extract", str(SAMPLE), "--out", str(blocker / "out"), "--quiet"]) == ExitCode.OUTPUT


def test_bad_option_is_a_usage_error():
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(SAMPLE), "--jobs", "0"],
                            capture_output=True, text=True)
    assert result.returncode == ExitCode.USAGE


def test_word_documents(tmp_path):
    import docx

    text = strip_markup(SAMPLE.read_text(encoding="utf-8"))
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(tmp_path / "in.docx")
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "in.docx"), "--out", str(out), "--quiet"]) == ExitCode.OK
    rows = (out / "legal_bases.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 10  # header + the ten bases of the Hà Tĩnh decision


def test_eval_with_no_matched_document_is_an_error_not_100_percent(corpus_output, tmp_path, capsys):
    out, _ = corpus_output
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "not-in-the-output.json").write_text('{"doc_type": "Quyết định"}', encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--out", str(out)]) == ExitCode.USAGE
    captured = capsys.readouterr()
    assert "nothing to score" in captured.err and "100" not in captured.out


def test_show_mistakes_lists_every_score_below_100_percent(corpus_output, tmp_path, capsys):
    import json

    out, _ = corpus_output
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in GOLD.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        for basis in record["legal_bases"]:
            basis["issuer"] = "Bộ Không Có Thật"  # every matched basis now has a wrong issuer
        (gold / path.name).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--out", str(out), "--show-mistakes"]) == ExitCode.OK
    printed = capsys.readouterr().out
    assert "basis issuer" in printed.split("mistakes:")[1]
    assert "'Bộ Không Có Thật'" in printed.split("mistakes:")[1]
