"""The layout the project keeps: stages never import each other or what sits above them
(`pipeline/`, `training/`) but may import the kernel under them (`vietnamese/`), which
imports none of them; nothing a run of `decrees` does imports `training/`."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ocr
from tests.conftest import CORPUS, DOCS, ROOT
from training.render import image_to_pdf, render_page, text_to_pdf

KERNEL = "vietnamese"
STAGES = ("ocr", "diacritics", "extractors")
ABOVE_THE_STAGES = ("pipeline", "training")


def _imported_packages(path: Path) -> set[str]:
    """The top-level packages a module imports by absolute name (anywhere in it, lazy imports too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_other_stage_nor_the_pipeline(stage):
    forbidden = (set(STAGES) | set(ABOVE_THE_STAGES)) - {stage}
    modules = sorted((ROOT / stage).rglob("*.py"))
    assert modules
    crossings = {str(path.relative_to(ROOT)): sorted(_imported_packages(path) & forbidden) for path in modules}
    assert {path: names for path, names in crossings.items() if names} == {}


def test_the_kernel_imports_no_stage_nor_what_sits_above():
    modules = sorted((ROOT / KERNEL).rglob("*.py"))
    assert modules
    crossings = {str(path.relative_to(ROOT)): sorted(_imported_packages(path) & {*STAGES, *ABOVE_THE_STAGES})
                 for path in modules}
    assert {path: names for path, names in crossings.items() if names} == {}


def test_the_stages_that_share_vietnamese_knowledge_take_it_from_the_kernel():
    users = {stage for stage in STAGES for path in (ROOT / stage).rglob("*.py") if KERNEL in _imported_packages(path)}
    assert users == {"diacritics", "extractors"}


def test_the_pipeline_does_not_import_training():
    modules = sorted((ROOT / "pipeline").rglob("*.py"))
    assert modules
    assert [str(path.relative_to(ROOT)) for path in modules if "training" in _imported_packages(path)] == []


def _modules_imported(command: list[str]) -> set[str]:
    """Every module the command's processes import (worker processes too), from -X importtime's report."""
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    return {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.skipif(ocr.missing_reason() is not None, reason=str(ocr.missing_reason()))
def test_nothing_at_run_time_imports_training(tmp_path):
    archive = tmp_path / "in"
    archive.mkdir()
    sample = sorted(CORPUS.glob("*.txt"))[0]
    (archive / sample.name).write_bytes(sample.read_bytes())
    text_to_pdf((DOCS / "nghi_dinh.txt").read_text(encoding="utf-8"), archive / "text_layer.pdf")
    lines = (DOCS / "thong_tu.txt").read_text(encoding="utf-8").split("\n")[:12]
    image_to_pdf([render_page(lines, dpi=150)[0]], archive / "scan.pdf", dpi=150)
    decrees = [sys.executable, "-m", "pipeline"]

    extracting = _modules_imported([*decrees, "extract", str(archive), "--out", str(tmp_path / "out"), "--quiet",
                                    "--jobs", "2"])
    restoring = _modules_imported([*decrees, "restore", str(sample)])

    assert {"pipeline.cli", "ocr", "diacritics", "extractors"} <= extracting  # the report is read
    assert "diacritics" in restoring
    assert sorted(m for m in extracting | restoring if m == "training" or m.startswith("training.")) == []
    assert (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8-sig").count("\n") == 1 + 3
