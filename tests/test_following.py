"""Following a run: status lines without a terminal (with pages OCRed inside a long file),
a line per file, --log, --version and run.json."""

import importlib
import io
import json
import logging
import subprocess
import sys

import pytest

from pipeline import __version__, run
from pipeline.cli import ExitCode, main
from training.render import image_to_pdf, render_page
from training.synth import write_archive


def test_without_a_terminal_status_lines_count_the_pages_of_a_scan_as_they_are_read(tmp_path, monkeypatch):
    lines = ["ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", "Số: 15/QĐ-UBND", "QUYẾT ĐỊNH",
             "Về việc giao chỉ tiêu năm 2025", "Căn cứ Luật Tổ chức chính quyền địa phương"]
    page, _ = render_page(lines, dpi=150)
    folder = tmp_path / "in"
    folder.mkdir()
    image_to_pdf([page] * 4, folder / "scan.pdf", dpi=150)
    monkeypatch.setattr(importlib.import_module("pipeline.batch"), "PROGRESS_EVERY", 0.2)
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # no terminal
    records = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = records.append
    logger = logging.getLogger("decrees")
    logger.addHandler(handler)
    monkeypatch.setattr(logger, "level", logging.DEBUG)
    try:
        run([folder], tmp_path / "out", progress=None, jobs=1)
    finally:
        logger.removeHandler(handler)
    messages = [r.getMessage() for r in records]
    status = [m for m in messages if m.startswith("0/1 files")]
    assert any("pages OCRed so far" in m for m in status), messages  # inside the one long file
    assert "in/scan.pdf: 4 pages, ocr" in messages  # the line per file


def test_log_file_summary_and_run_json(tmp_path, capsys):
    archive = tmp_path / "archive"
    write_archive(archive, 3, seed=31)
    out, log = tmp_path / "out", tmp_path / "run.log"
    assert main(["extract", str(archive), "--out", str(out), "-q", "--log", str(log)]) == ExitCode.OK
    assert capsys.readouterr().err == ""  # quiet
    written = log.read_text(encoding="utf-8")
    assert "DEBUG archive/decision_00001.txt: 1 pages, text" in written
    assert "INFO 3 documents" in written
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert record["version"] == __version__ and record["counts"]["documents"] == 3
    assert record["inputs"] == {"archive": str(archive.resolve())}
    assert record["options"]["jobs"] >= 1 and record["started"] <= record["finished"]


def test_version():
    result = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"decrees {__version__}"


@pytest.mark.parametrize("flag, per_file", [("-v", True), ("", False)])
def test_verbose_shows_a_line_per_file(tmp_path, capsys, flag, per_file):
    archive = tmp_path / "archive"
    write_archive(archive, 2, seed=32)
    assert main(["extract", str(archive), "--out", str(tmp_path / "out"), *([flag] if flag else [])]) == ExitCode.OK
    err = capsys.readouterr().err
    assert ("archive/decision_00000.txt: 1 pages" in err) == per_file
    assert "2 documents" in err
