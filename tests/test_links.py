"""Citations resolved to documents of the same archive, and the citation graph."""

import csv
import json
from pathlib import Path

import pytest

from pipeline import run
from pipeline.links import Archive, number_key
from training.synth import write_archive

# An archive as documents.csv rows: two provinces used the same number in different years.
ARCHIVE = [
    {"doc_id": "byt2", "doc_type": "Quyết định", "number": "2010/QĐ-BYT", "issue_date": "2025-06-19",
     "issuer": "Bộ Y tế", "title": "Ban hành tạm thời một số danh mục"},
    {"doc_id": "hy2025", "doc_type": "Quyết định", "number": "1042/QĐ-UBND", "issue_date": "2025-05-07",
     "issuer": "Ủy ban nhân dân tỉnh Hưng Yên", "title": "Giao chỉ tiêu năm 2025"},
    {"doc_id": "hb2022", "doc_type": "Quyết định", "number": "1042/QĐ-UBND", "issue_date": "2022-02-10",
     "issuer": "Ủy ban nhân dân tỉnh Hòa Bình", "title": "Giao chỉ tiêu năm 2022"},
    {"doc_id": "nd61", "doc_type": "Nghị định", "number": "61/2018/NĐ-CP", "issue_date": "2018-04-23",
     "issuer": "Chính phủ", "title": "Về thực hiện cơ chế một cửa"},
    {"doc_id": "luat", "doc_type": "Luật", "number": "77/2015/QH13", "issue_date": "2015-06-19",
     "issuer": "Quốc hội", "title": "LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG"},
    {"doc_id": "kh", "doc_type": "Kế hoạch", "number": "", "issue_date": "2023-03",
     "issuer": "Ủy ban nhân dân tỉnh Hải Dương", "title": "Kế hoạch chuyển đổi số"},
    {"doc_id": "byt", "doc_type": "Quyết định", "number": "3276/QĐ-BYT", "issue_date": "2025-10-17",
     "issuer": "Bộ Y tế", "title": "Ban hành danh mục mã"},
]

# A citation row (legal_bases.csv, references.csv) → the doc_id it names, or None.
CITATIONS = [
    ({"doc_type": "Quyết định", "number": "1042/QĐ-UBND", "date": "2025-05-07"}, "hy2025"),
    ({"doc_type": "Quyết định", "number": "1042/QD-UBND", "date": "2022-02-10"}, "hb2022"),  # QD for QĐ
    ({"doc_type": "Quyết định", "number": "1O42 /QĐ-UBND", "date": "2025-05-07"}, "hy2025"),  # O for 0, a space
    ({"doc_type": "Quyết định", "number": "1048/QĐ-UBND", "date": "2025-05-07",
      "issuer": "Ủy ban nhân dân tỉnh Hưng Yên"}, "hy2025"),  # a digit misread, everything else agrees
    ({"doc_type": "Quyết định", "number": "1042/QĐ-UBND", "issuer": "Ủy ban nhân dân tỉnh Hòa Bình"}, "hb2022"),
    ({"doc_type": "Quyết định", "number": "1042/QĐ-UBND"}, None),  # two fit: no guess
    ({"doc_type": "Quyết định", "number": "1042/QĐ-UBND", "date": "2024-01-01"}, None),  # date disagrees
    ({"doc_type": "Quyết định", "number": "1048/QĐ-UBND", "date": "2025-05-08"}, None),  # one off and another day
    ({"doc_type": "Nghị định", "number": "61/2018/NĐ-CP", "date": "2018-04-23", "issuer": "Chính phủ"}, "nd61"),
    ({"doc_type": "Nghị định", "number": "61/2018/NĐ-CP", "issuer": "Bộ Y tế"}, None),  # issuer disagrees
    ({"doc_type": "Thông tư", "number": "61/2018/NĐ-CP", "date": "2018-04-23"}, None),  # type disagrees
    ({"doc_type": "Văn bản", "number": "61/2018/ND-CP"}, "nd61"),  # "văn bản" names no type
    ({"doc_type": "Luật", "name": "Luật Tổ chức chính quyền địa phương", "date": "2015-06-19"}, "luat"),
    ({"doc_type": "Luật", "name": "Luật Tổ chức chính quyền địa phương", "date": "2019-11-22"}, None),
    ({"doc_type": "Luật", "name": "Luật Giao dịch điện tử", "date": "2015-06-19"}, None),
    ({"doc_type": "Kế hoạch", "number": "", "date": "2023-03-02"}, None),  # nothing to match on
    # A number without a year restarts every year: it needs the date or an issuer to confirm it.
    ({"doc_type": "Quyết định", "number": "3276/QĐ-BYT"}, None),
    ({"doc_type": "Quyết định", "number": "3276/QĐ-BYT", "issuer": "Bộ Y tế"}, "byt"),
    ({"doc_id": "byt2", "doc_type": "Quyết định", "number": "3276/QĐ-BYT"}, "byt"),  # cited by the ministry itself
    ({"doc_id": "hb2022", "doc_type": "Quyết định", "number": "3276/QĐ-BYT"}, None),  # by a province
]


@pytest.mark.parametrize("citation, expected", CITATIONS)
def test_a_citation_resolves_to_the_one_document_it_names(citation, expected):
    assert Archive(ARCHIVE).resolve({"doc_id": "citing"} | citation) == expected


def test_a_document_does_not_cite_itself():
    assert Archive(ARCHIVE).resolve({"doc_id": "nd61", "doc_type": "Nghị định", "number": "61/2018/NĐ-CP"}) is None


def test_number_keys_fold_noise_but_not_letters_of_the_symbol():
    assert number_key("1O42 /QD–UBND") == number_key("1042/QĐ-UBND")
    assert number_key("l5/2022/NQ-HĐND") == number_key("15/2022/NQ-HĐND")
    assert number_key("12-KL/TW") != number_key("12-K1/TW")


def test_an_archive_citing_itself_resolves_every_link_and_no_false_one(tmp_path):
    """Generated decisions cite earlier ones as a legal basis or replace them, some by a damaged
    number (QD for QĐ and a digit misread); numbers repeat across provinces."""
    archive, out = tmp_path / "archive", tmp_path / "out"
    write_archive(archive, 80, citing=True, seed=3)
    run([archive], out, progress=False)
    truth = [json.loads(line) for line in (archive / ".truth.jsonl").read_text(encoding="utf-8").splitlines()]
    file_of = {t["index"]: t["file"] for t in truth}
    expected = {(t["file"], file_of[c["index"]], c["role"]) for t in truth for c in t["cites"]}
    assert len(expected) > 50 and any(c["damaged"] for t in truth for c in t["cites"])
    documents = {r["doc_id"]: Path(r["source_path"]).name for r in _rows(out / "documents.csv")}
    found = {(documents[r["doc_id"]], documents[r["cited_doc_id"]], r["role"]) for r in _rows(out / "links.csv")}
    assert found == expected
    cited = [r for name in ("legal_bases", "references") for r in _rows(out / f"{name}.csv") if r["cited_doc_id"]]
    assert len(cited) == len(expected)
    records = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum(bool(c["cited_doc_id"]) for r in records for c in r["legal_bases"] + r["references"]) == len(expected)

    nx = pytest.importorskip("networkx")
    graph = nx.read_graphml(out / "citations.graphml")
    assert graph.number_of_nodes() == 80 and graph.number_of_edges() == len(expected)
    citing, cited_id = next((r["doc_id"], r["cited_doc_id"]) for r in _rows(out / "links.csv"))
    assert graph.has_edge(citing, cited_id) and graph.nodes[cited_id]["number"]


def _rows(path):
    return list(csv.DictReader(open(path, encoding="utf-8")))
