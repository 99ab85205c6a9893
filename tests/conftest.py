from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "gold"
DOCS = ROOT / "tests" / "data" / "docs"


@pytest.fixture(scope="session")
def corpus_output(tmp_path_factory):
    """The pipeline's outputs for the sample corpus (run once per session)."""
    from pipeline import run

    out = tmp_path_factory.mktemp("corpus_out")
    result, _ = run([CORPUS], out, jobs=1, progress=False)
    return out, result


@pytest.fixture(scope="session")
def corpus_output_unrestored(tmp_path_factory):
    """The same, with the diacritic restoration stage switched off."""
    from pipeline import Options, run

    out = tmp_path_factory.mktemp("corpus_out_unrestored")
    result, _ = run([CORPUS], out, options=Options(restore=False), jobs=1, progress=False)
    return out, result
