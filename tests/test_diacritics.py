"""Diacritic restoration, OCR correction and legacy encodings: text -> expected text."""

import pytest

import diacritics
from diacritics.legacy import from_tcvn3, from_vni
from ocr import acquire
from tests.conftest import CORPUS, DOCS

CLEAN = sorted(CORPUS.glob("00[0-3]*.txt")) + sorted(DOCS.glob("*.txt"))


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_correct_vietnamese_comes_out_unchanged(path):
    text = acquire(path).pages[0].text
    result = diacritics.restore(text)
    assert result.text == text and not result.changed


RESTORE_CASES = [
    ("Can cu Nghi dinh so 61/2018/ND-CP ngay 23/4/2018 cua Chinh phu",
     "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ"),
    ("QUYET DINH", "QUYẾT ĐỊNH"),  # case is kept
    ("Dieu 1. Pham vi dieu chinh", "Điều 1. Phạm vi điều chỉnh"),
    ("Uy ban nhan dan tinh Ha Tinh", "Ủy ban nhân dân tỉnh Hà Tĩnh"),  # a province from the gazetteer
    ("thu tuc hanh chinh tai https://dichvucong.gov.vn/p/home", "thủ tục hành chính tại https://dichvucong.gov.vn/p/home"),
    # a document typed without marks: its one-word lines too; codes get their Đ, nothing else
    ("UY BAN NHAN DAN TINH HA TINH\nSo: 1042/QD-UBND\nQUYET DINH",
     "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nSố: 1042/QĐ-UBND\nQUYẾT ĐỊNH"),
]


@pytest.mark.parametrize("stripped, expected", RESTORE_CASES)
def test_restore_stripped_text(stripped, expected):
    assert diacritics.restore(stripped).text == expected


CORRECT_CASES = [  # OCR without a Vietnamese model (FINDINGS.md, the Hưng Yên sample)
    ("QUYET PINH", "QUYẾT ĐỊNH"),
    ("S6: 1042 /QD-UBND Humg Yén, ngay 07 thang 5 nam 2025",
     "Số: 1042 /QĐ-UBND Hưng Yên, ngày 07 tháng 5 năm 2025"),
    ("Déc 1ap - Tw do - Hanh phic", "Độc lập - Tự do - Hạnh phúc"),
    ("Can cir Ludt Té chitc chinh quyén dia phirong ngay 19/02/2025;",
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/02/2025;"),
    ("Can cir Nghi dinh so 61/2018/ND-CP ngdy 23/4/2018 ciia Chinh phi vé",
     "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về"),
]


@pytest.mark.parametrize("garbled, expected", CORRECT_CASES)
def test_correct_ocr_garble(garbled, expected):
    assert diacritics.restore(garbled, force="correct").text == expected


@pytest.mark.parametrize("line, action", [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", "keep"),
    ("- Thường trực HĐND tỉnh (để b/c);", "keep"),
    ("Can cu Luat To chuc chinh quyen dia phuong", "restore"),
    ("Can cir Ludt Té chitc chinh quyén dia phirong", "correct"),
])
def test_assess_line(line, action):
    assert diacritics.assess_line(line).action == action


LEGACY_CASES = [
    (from_tcvn3, "C¨n cø NghÞ ®Þnh sè 61/2018/N§-CP cña ChÝnh phñ", "Căn cứ Nghị định số 61/2018/NĐ-CP của Chính phủ"),
    (from_tcvn3, "Uû ban nh©n d©n tØnh Hµ TÜnh", "Uỷ ban nhân dân tỉnh Hà Tĩnh"),
    (from_vni, "Caên cöù Nghò ñònh soá 61/2018/NÑ-CP cuûa Chính phuû", "Căn cứ Nghị định số 61/2018/NĐ-CP của Chính phủ"),
    (from_vni, "QUYEÁT ÑÒNH", "QUYẾT ĐỊNH"),
]


@pytest.mark.parametrize("convert, legacy, expected", LEGACY_CASES)
def test_legacy_encodings(convert, legacy, expected):
    assert convert(legacy) == expected
    text, encoding = diacritics.repair_encoding(legacy)
    assert text == expected and encoding == convert.__name__.removeprefix("from_")


def test_unicode_text_is_not_reencoded():
    text = "Căn cứ Nghị định số 61/2018/NĐ-CP; giá 15.000 đồng; café"
    assert diacritics.repair_encoding(text) == (text, None)


def test_model_ships_in_the_repository_and_is_small():
    from diacritics.model import MODEL, TrigramModel

    assert MODEL.stat().st_size < 30 * 1024 * 1024
    model = TrigramModel()
    assert "của" in model.index and model.candidates["cua"][0] == model.index["của"]
