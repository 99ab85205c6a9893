"""The document's words and the tool's: changed words found exactly, offsets mapped back."""

import csv

import pytest

from pipeline.provenance import CORRECTED, RESTORED, Change, to_final, to_source, touches, word_changes

# source text → final text → (final word, source word, kind) of each change
CASES = [
    ("Can cu Luat Dat dai", "Căn cứ Luật Đất đai",
     [("Căn", "Can", RESTORED), ("cứ", "cu", RESTORED), ("Luật", "Luat", RESTORED), ("Đất", "Dat", RESTORED),
      ("đai", "dai", RESTORED)]),
    ("Quyết định (ciia, Chinh phi)", "Quyết định (của, Chính phủ)",
     [("của", "ciia", CORRECTED), ("Chính", "Chinh", RESTORED), ("phủ", "phi", CORRECTED)]),
    ("dòng một\nHumg Yén, ngày 7\ndòng ba", "dòng một\nHưng Yên, ngày 7\ndòng ba",
     [("Hưng", "Humg", CORRECTED), ("Yên", "Yén", RESTORED)]),
    ("không đổi\n\fgì cả", "không đổi\n\fgì cả", []),
]


@pytest.mark.parametrize("source, final, expected", CASES)
def test_changed_words_are_found_with_both_spans(source, final, expected):
    changes = word_changes(source, final)
    assert [(final[c.start:c.end], source[c.source_start:c.source_end], c.kind) for c in changes] == expected


def test_offsets_outside_changes_map_to_the_same_character_of_the_source():
    source, final = "Ngay 7 thang 5, ciia UBND tinh Hung Yen.", "Ngày 7 tháng 5, của UBND tỉnh Hưng Yên."
    changes = word_changes(source, final)
    for offset, char in enumerate(final):
        mapped = to_source(offset, changes)
        if not touches(offset, offset + 1, changes):
            assert source[mapped] == char
            assert to_final([mapped], changes) == [offset]
    assert source[to_source(final.index("UBND"), changes):].startswith("UBND tinh")


def test_touches_only_spans_that_hold_a_changed_word():
    changes = [Change(10, 14, 10, 15, CORRECTED)]
    assert touches(8, 11, changes) and touches(13, 20, changes) and touches(0, 30, changes)
    assert not touches(0, 10, changes) and not touches(14, 20, changes) and not touches(12, 12, changes)


def test_lines_joined_or_split_still_give_the_changed_words():
    changes = word_changes("mot hai\nba", "một hai ba")
    assert [("một hai ba"[c.start:c.end]) for c in changes] == ["một"]


def test_outputs_flag_items_and_keep_the_source_text(corpus_output):
    """On the samples (one is OCR without a Vietnamese model): changes.csv rows are exact slices of both
    texts, and an item is flagged changed_words exactly when its span holds one of them."""
    out, result = corpus_output
    changes: dict[str, list[Change]] = {}
    for row in csv.DictReader(open(out / "changes.csv", encoding="utf-8")):
        final = (out / "text" / f"{row['doc_id']}.txt").read_text(encoding="utf-8")
        source = (out / "text" / f"{row['doc_id']}.source.txt").read_text(encoding="utf-8")
        start, end, s_start, s_end = (int(row[k]) for k in ("start", "end", "source_start", "source_end"))
        assert final[start:end] == row["text"] and source[s_start:s_end] == row["source_text"]
        changes.setdefault(row["doc_id"], []).append(Change(start, end, s_start, s_end, row["kind"]))
    assert sum(map(len, changes.values())) > 100  # the garbled sample is corrected throughout
    flagged = 0
    for name in ("legal_bases", "references", "targets"):
        for row in csv.DictReader(open(out / f"{name}.csv", encoding="utf-8")):
            expected = touches(int(row["start"]), int(row["end"]), changes.get(row["doc_id"], []))
            assert row["changed_words"] == ("true" if expected else "false")
            flagged += expected
    assert flagged > 0
    for document in result.documents:  # a document whose words were all its own has no source copy
        assert (out / "text" / f"{document.doc_id}.source.txt").exists() == (document.doc_id in changes)
