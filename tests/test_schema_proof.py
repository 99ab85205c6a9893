"""The schema is written once: a field added to the extractors' Header record reaches
documents.csv, documents.jsonl and `decrees eval` with no other edit.

The field is added in a subclass that stands in for `extractors.Header` before the
pipeline is imported (in a fresh process), as an edit of extractors/model.py would;
a wrapped `extractors.extract` fills it, as the header reader would.
"""

import csv
import json
import shutil
import subprocess
import sys

from tests.conftest import CORPUS, ROOT

GOLD = ROOT / "tests" / "data" / "gold"

WIDER_SCHEMA = '''
import dataclasses
import sys

import extractors
import extractors.model


@dataclasses.dataclass
class WiderHeader(extractors.model.Header):
    district: str | None = None


def extract(text):
    found = plain_extract(text)
    fields = {spec.name: getattr(found.header, spec.name) for spec in dataclasses.fields(found.header)}
    found.header = WiderHeader(**fields, district="Gia Lộc")
    return found


plain_extract = extractors.extract
extractors.Header = extractors.model.Header = WiderHeader
extractors.extract = extract

from pipeline.cli import main

sys.exit(main(sys.argv[1:]))
'''


def test_a_field_added_to_the_header_record_reaches_csv_jsonl_and_eval(tmp_path):
    sample = sorted(CORPUS.glob("*.txt"))[0]
    district = "Gia Lộc"
    (tmp_path / "in").mkdir()
    shutil.copy(sample, tmp_path / "in" / sample.name)
    (tmp_path / "gold").mkdir()
    gold = json.loads((GOLD / f"{sample.stem}.json").read_text(encoding="utf-8"))
    (tmp_path / "gold" / f"{sample.stem}.json").write_text(json.dumps({**gold, "district": district}), encoding="utf-8")
    script = tmp_path / "wider.py"
    script.write_text(WIDER_SCHEMA, encoding="utf-8")
    out = tmp_path / "out"

    def decrees(*args: str) -> str:
        result = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    decrees("extract", str(tmp_path / "in"), "--out", str(out), "--quiet", "--jobs", "1")
    report = decrees("eval", "--gold", str(tmp_path / "gold"), "--out", str(out))

    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        row = next(reader)
    columns = reader.fieldnames
    assert columns[columns.index("signer_title") + 1] == "district"  # after the fields it extends
    assert row["district"] == district
    record = json.loads((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert record["district"] == district
    scored = [line.split() for line in report.splitlines() if line.startswith("district ")]
    assert scored == [["district", "100.0%", "(1/1)"]]
