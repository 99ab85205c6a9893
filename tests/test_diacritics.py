"""Diacritic restoration, OCR correction and legacy encodings: text -> expected text."""

import pytest

import diacritics
from diacritics.restoration import assess_line, looks_garbled
from ocr import acquire
from tests.conftest import CORPUS, DOCS
from vietnamese.encodings import from_tcvn3, from_vni

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
    # a place's syllables that no other word spells, in capitals: no abbreviation
    ("SO XAY DUNG TINH DAK NONG", "SỞ XÂY DỰNG TỈNH ĐẮK NÔNG"),
    ("thu tuc hanh chinh tai https://dichvucong.gov.vn/p/home", "thủ tục hành chính tại https://dichvucong.gov.vn/p/home"),
    # names: people and offices, Capitalised in mid-sentence
    ("Giao ba Tran Thi Lan, Pho Giam doc So Tu phap", "Giao bà Trần Thị Lan, Phó Giám đốc Sở Tư pháp"),
    ("KT. CHU TICH\nPHO CHU TICH\nNguyen Duc Long", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Đức Long"),
    # a sentence wrapped onto the next line is decoded as one
    ("Uy ban nhan dan cac huyen, thi\nxa, thanh pho chiu trach nhiem thi hanh",
     "Ủy ban nhân dân các huyện, thị\nxã, thành phố chịu trách nhiệm thi hành"),
    # and so is a name broken after a Capitalised word, even on a short line
    ("**2. So\nTai chinh**", "**2. Sở\nTài chính**"),
    # districts from the gazetteer; a lowercase word is rarely a name's syllable ("đà" of Đà Bắc)
    ("Ong Nguyen Van Tuan, Chu tich UBND huyen Con Cuong", "Ông Nguyễn Văn Tuấn, Chủ tịch UBND huyện Con Cuông"),
    ("UBND thi xa Son Tay, thanh pho Ha Noi", "UBND thị xã Sơn Tây, thành phố Hà Nội"),
    # administrative acronyms get their Đ back and give their words as context
    ("dang tai tren Trang TTDT cua huyen", "đăng tải trên Trang TTĐT của huyện"),
    ("Chi thi so 05/CT-TTg ve chuyen doi so", "Chỉ thị số 05/CT-TTg về chuyển đổi số"),
    # a document typed without marks: its one-word lines too; codes get their Đ, nothing else
    ("UY BAN NHAN DAN TINH HA TINH\nSo: 1042/QD-UBND\nQUYET DINH",
     "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nSố: 1042/QĐ-UBND\nQUYẾT ĐỊNH"),
    # what is not Vietnamese stays as written: font and product names, compounds, units, abbreviations
    ("Van ban trinh bay bang font chu Times New Roman, co chu 14", "Văn bản trình bày bằng font chữ Times New Roman, cỡ chữ 14"),
    ("Bang bieu trinh bay bang font Tahoma, co chu 13", "Bảng biểu trình bày bằng font Tahoma, cỡ chữ 13"),
    ("Su dung phan mem Microsoft Excel va Google Drive", "Sử dụng phần mềm Microsoft Excel và Google Drive"),
    ("Thuc hien check-in truc tuyen tai san bay", "Thực hiện check-in trực tuyến tại sân bay"),
    ("Cong suat 5 kW, dien tich 20 m2, chieu dai 3 km", "Công suất 5 kW, diện tích 20 m2, chiều dài 3 km"),
    ("ung dung IoT trong nong nghiep theo Quyet dinh so 766/QD-TTg", "ứng dụng IoT trong nông nghiệp theo Quyết định số 766/QĐ-TTg"),
    ("Kinh gui: Đ/c Nguyen Van An, Pho Ban Tuyen giao TƯ", "Kính gửi: Đ/c Nguyễn Văn An, Phó Ban Tuyên giáo TƯ"),
    ("Muc phi 50.000 đ/lan, moi lan 20.000 đ", "Mức phí 50.000 đ/lần, mỗi lần 20.000 đ"),
    ("Chuong III. Quy dinh chung; Muc IV; Phu luc XII", "Chương III. Quy định chung; Mục IV; Phụ lục XII"),
    ("Bao cao quy III/2025 cua Chuong IV", "Báo cáo quý III/2025 của Chương IV"),
    ("VI. KINH PHI THUC HIEN", "VI. KINH PHÍ THỰC HIỆN"),
    # a short word in capitals among lowercase ones is an acronym, though "ai" and "bim" are syllables
    ("Ung dung tri tue nhan tao (AI) va mo hinh BIM trong xay dung", "Ứng dụng trí tuệ nhân tạo (AI) và mô hình BIM trong xây dựng"),
    # in a document typed without marks, a line with foreign words, units and codes is restored, not corrected as OCR
    ("Ke hoach phat trien kinh te so cua tinh\nUng dung du lieu lon (Big Data) va nghien cuu phat trien (R&D)\n"
     "Tang cuong nang luc cua doi ngu can bo\nAnh mau co 4x6cm, chup trong 06 thang",
     "Kế hoạch phát triển kinh tế số của tỉnh\nỨng dụng dữ liệu lớn (Big Data) và nghiên cứu phát triển (R&D)\n"
     "Tăng cường năng lực của đội ngũ cán bộ\nẢnh màu cỡ 4x6cm, chụp trong 06 tháng"),
    # list labels: the "d)" after a "d)" is "đ)"
    ("c) Co quan nha nuoc;\nd) Don vi su nghiep;\nd) To chuc xa hoi;\ne) Ca nhan.",
     "c) Cơ quan nhà nước;\nd) Đơn vị sự nghiệp;\nđ) Tổ chức xã hội;\ne) Cá nhân."),
    # and a "d" named right after a "d" in a list of item letters is "đ"
    ("Vi pham cac diem c, d, d va e khoan 2 Dieu nay", "Vi phạm các điểm c, d, đ và e khoản 2 Điều này"),
    # words joined by a hyphen are each other's context ("ten" alone after a break would be "tên")
    ("Lap dat ang-ten tren mai nha", "Lắp đặt ăng-ten trên mái nhà"),
    # a word of the dictionary rather than two syllables that meet ("nhập viên": enter a member)
    ("Benh nhan nhap vien tai co so", "Bệnh nhân nhập viện tại cơ sở"),
    # abbreviations that the training corpus writes with an Đ get it back (diacritics/data/abbreviations.tsv)
    ("Tong giam doc (TGD) ky; don vi tinh: DVT", "Tổng giám đốc (TGĐ) ký; đơn vị tính: ĐVT"),
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


OCR_MARK_CASES = [  # `-l vie` drops the upper mark of stacked vowels and mixes tones
    ("Ủy ban nhân dân các huyện triên khai thực hiện kế hoạch này",
     "Ủy ban nhân dân các huyện triển khai thực hiện kế hoạch này"),
    ("Quyết định này có hiệu lực thi hành kê từ ngày ký", "Quyết định này có hiệu lực thi hành kể từ ngày ký"),
    ("Các cơ quan, đơn vị khân trương tô chức thực hiện", "Các cơ quan, đơn vị khẩn trương tổ chức thực hiện"),
    ("Đên năm 2025, tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%", "Đến năm 2025, tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%"),
    ("Trên cơ sơ đó, đê nghị các đơn vị báo cáo kết quả", "Trên cơ sở đó, đề nghị các đơn vị báo cáo kết quả"),
    # on blurred pages it reads letters of like shape for each other (b as h)
    ("Người hệnh được khám tại hệnh viện tỉnh theo quy định", "Người bệnh được khám tại bệnh viện tỉnh theo quy định"),
    ("Giao Hộ Tài chính chủ trì, phối hợp với các cơ quan", "Giao Bộ Tài chính chủ trì, phối hợp với các cơ quan"),
    # what is right, and what is not Vietnamese, stays as read
    ("Các hộ gia đình được hỗ trợ kinh phí", "Các hộ gia đình được hỗ trợ kinh phí"),
    ("Giám đốc Sở Tài chính chịu trách nhiệm tổ chức thực hiện", "Giám đốc Sở Tài chính chịu trách nhiệm tổ chức thực hiện"),
    ("Văn bản dùng font chữ Times New Roman, cỡ chữ 14", "Văn bản dùng font chữ Times New Roman, cỡ chữ 14"),
]


@pytest.mark.parametrize("read, expected", OCR_MARK_CASES)
def test_marks_of_ocr_output_corrected_where_the_model_is_confident(read, expected):
    assert diacritics.restore(read, source="ocr").text == expected
    assert diacritics.restore(read).text == read  # the same words as clean text are kept


def test_ocr_channel_prefers_what_vie_ocr_does_to_marks():
    from diacritics.ocr_marks import channel_score

    # a tone dropped from a stacked vowel is likelier than a circumflex added, and reading right likeliest
    assert channel_score("khẩn", "khẩn") > channel_score("khẩn", "khân") > channel_score("khan", "khân")


@pytest.mark.parametrize("line, action", [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", "keep"),
    ("- Thường trực HĐND tỉnh (để b/c);", "keep"),
    ("Can cu Luat To chuc chinh quyen dia phuong", "restore"),
    ("Can cir Ludt Té chitc chinh quyén dia phirong", "correct"),
    # correct Vietnamese with words that are not: kept as it is
    ("(i) stent thứ nhất, (ii) stent thứ hai và (iii) stent thứ ba được thanh toán", "keep"),
    ("Chụp X-quang cột sống cổ C1-C2 và cột sống ngực", "keep"),
    ("VI. KINH", "keep"),  # a heading's Roman numeral and a word that needs no mark
    # English prose is no garbled Vietnamese: kept as it is
    ("This is an English memo about budgets and schools, nothing more.", "keep"),
    ("The committee shall report to the minister by the end of the year.", "keep"),
])
def test_assess_line(line, action):
    assert assess_line(line).action == action


LEGACY_CASES = [
    (from_tcvn3, "C¨n cø NghÞ ®Þnh sè 61/2018/N§-CP cña ChÝnh phñ", "Căn cứ Nghị định số 61/2018/NĐ-CP của Chính phủ"),
    (from_tcvn3, "Uû ban nh©n d©n tØnh Hµ TÜnh", "Uỷ ban nhân dân tỉnh Hà Tĩnh"),
    (from_vni, "Caên cöù Nghò ñònh soá 61/2018/NÑ-CP cuûa Chính phuû", "Căn cứ Nghị định số 61/2018/NĐ-CP của Chính phủ"),
    (from_vni, "QUYEÁT ÑÒNH", "QUYẾT ĐỊNH"),
]


@pytest.mark.parametrize("convert, legacy, expected", LEGACY_CASES)
def test_legacy_encodings(convert, legacy, expected):
    assert convert(legacy) == expected
    assessment = diacritics.assess(legacy)
    assert assessment.text == expected and assessment.encoding == convert.__name__.removeprefix("from_")


@pytest.mark.parametrize("path, garbled", [
    (CORPUS / "004_4591af08bf178822.txt", True),  # the Hưng Yên scan, OCRed without a Vietnamese model
    *[(path, False) for path in CLEAN],
])
def test_looks_garbled_tells_old_ocr_from_vietnamese_with_or_without_marks(path, garbled):
    from vietnamese.folding import strip_marks

    text = path.read_text(encoding="utf-8")
    assert diacritics.assess(text).garbled is garbled
    if not garbled:
        assert not diacritics.assess(strip_marks(text)).garbled  # typed without marks: restore, not re-OCR


def test_a_text_layer_in_a_legacy_encoding_is_used_not_reocred():
    from pipeline.process import GarbledLayerJudge

    usable_text_layer = GarbledLayerJudge().usable

    tcvn3 = "C¨n cø NghÞ ®Þnh sè 61/2018/N§-CP ngµy 23/4/2018 cña ChÝnh phñ vÒ thùc hiÖn c¬ chÕ mét cöa"
    assert looks_garbled(tcvn3) and not diacritics.assess(tcvn3).garbled and usable_text_layer(tcvn3)
    assert not usable_text_layer((CORPUS / "004_4591af08bf178822.txt").read_text(encoding="utf-8"))


def test_assess_measures_the_text_read_in_unicode():
    tcvn3 = diacritics.assess("C¨n cø NghÞ ®Þnh sè 61/2018/N§-CP cña ChÝnh phñ vÒ thùc hiÖn c¬ chÕ mét cöa")
    assert (tcvn3.encoding, tcvn3.quality, tcvn3.garbled) == ("tcvn3", 1.0, False)
    garbled = diacritics.assess("Can cir Ludt Té chitc chinh quyén dia phirong")
    assert (garbled.encoding, round(garbled.quality, 2), garbled.garbled) == (None, 0.44, True)


def test_unicode_text_is_not_reencoded():
    text = "Căn cứ Nghị định số 61/2018/NĐ-CP; giá 15.000 đồng; café"
    assessment = diacritics.assess(text)
    assert (assessment.text, assessment.encoding) == (text, None)


def test_model_ships_in_the_repository_and_is_small():
    from diacritics.model import MODEL, TrigramModel

    assert MODEL.stat().st_size < 8 * 1024 * 1024  # a few MB: it ships in the repository
    model = TrigramModel()
    assert "của" in model.index and model.candidates["cua"][0] == model.index["của"]


def _logprob(tables, a: int, b: int, c: int) -> float:
    """log10 P(c | a, b) read from the model's tables the slow way: the reference for the decoder."""
    import numpy as np

    def find(keys, lo, hi, key):
        at = lo + int(np.searchsorted(keys[lo:hi], key))
        return at if at < hi and keys[at] == key else -1

    backoff = 0.0
    row = find(tables.contexts, 0, len(tables.contexts), a * tables.size + b)
    if row >= 0:
        at = find(tables.trigram_next, tables.trigram_rows[row], tables.trigram_rows[row + 1], c)
        if at >= 0:
            return float(tables.trigram[at])
        backoff = float(tables.context_bow[row])
    at = find(tables.bigram_next, tables.bigram_rows[b], tables.bigram_rows[b + 1], c)
    return backoff + float(tables.bigram[at] if at >= 0 else tables.bow1[b] + tables.unigram[c])


def test_decoder_finds_the_most_probable_path_of_every_run():
    import itertools
    import random

    from diacritics.model import load
    from diacritics.viterbi import Lattice, decode

    model = load()
    tables = model.tables
    rng = random.Random(3)
    forms = [f for f in ("can", "cu", "luat", "to", "chuc", "chinh", "quyen", "dia", "phuong", "nam", "tinh", "ha")
             if f in model.candidates]
    lattice, expected = Lattice(), []
    for _ in range(12):
        candidates = [model.candidates[rng.choice(forms)][:4] for _ in range(rng.randint(1, 4))]
        channel = [[-rng.random() for _ in options] for options in candidates]
        lattice.add_run(candidates, channel)

        def score(path):
            history = [tables.bos, tables.bos, *path, tables.eos]
            total = sum(_logprob(tables, *history[i:i + 3]) for i in range(len(history) - 2))
            return total + sum(channel[i][candidates[i].index(c)] for i, c in enumerate(path))

        expected += max(itertools.product(*candidates), key=score)
    assert decode(model, lattice, beam=1000, margin=1e9, preferences=False) == expected
    assert decode(model, Lattice()) == []


def test_the_pages_of_a_document_are_restored_together():
    from diacritics import Passage, restore_document

    signature = "KT. CHU TICH\nPHO CHU TICH\n\nNguyen Duy Hung"
    assert diacritics.restore(signature).text.endswith("Nguyễn Duy Hùng")  # the commoner name, alone
    first = "Giao Sở Nội vụ tỉnh Hưng Yên chủ trì thực hiện."  # a page with the name written with its marks
    pages = restore_document([Passage(first), Passage(signature)])
    assert [page.text for page in pages] == [first, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Duy Hưng"]
    assert [page.changed for page in pages] == [False, True]


def test_a_marking_the_document_is_sure_of_elsewhere_is_preferred():
    # "tìm" is far the commoner word; this text's other lines show it means "tim".
    alone = "Sieu am tim cho nguoi benh."
    assert diacritics.restore(alone, force="restore").text == "Siêu âm tìm cho người bệnh."
    document = "Phong kham tim mach.\nBenh nhan suy tim.\n" + alone
    assert diacritics.restore(document, force="restore").text.splitlines()[-1] == "Siêu âm tim cho người bệnh."
    # The words of its correct lines count too.
    mixed = "Phòng khám tim mạch của bệnh viện.\nBệnh nhân suy tim được điều trị.\n" + alone
    assert diacritics.restore(mixed).text.splitlines()[-1] == "Siêu âm tim cho người bệnh."


def test_restoring_in_a_fresh_process_writes_nothing_beside_the_code(tmp_path):
    """The decoder is compiled at install: a run under an account that cannot
    write the install folder or $HOME restores all the same."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    package = Path(diacritics.__file__).parent
    before = sorted(package.rglob("*"))
    home = tmp_path / "home"
    home.mkdir(mode=0o500)
    env = {**os.environ, "HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"}
    run = subprocess.run([sys.executable, "-c", "import diacritics; print(diacritics.restore('Can cu Luat').text)"],
                         env=env, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "Căn cứ Luật"
    assert sorted(package.rglob("*")) == before


def test_the_shipped_spellings_are_every_tone_placement_of_the_syllable_list():
    from pathlib import Path

    import vietnamese
    from vietnamese.syllables import SPELLINGS, SYLLABLES, spellings

    data = Path(vietnamese.__file__).parent
    syllable_list = (data / SYLLABLES).read_text(encoding="utf-8").split()
    assert (data / SPELLINGS).read_text(encoding="utf-8").split() == spellings(syllable_list)
    assert {"hòa", "hoà", "thủy", "thuỷ"} <= set(spellings(syllable_list))


@pytest.mark.parametrize("marked, expected", [
    ("Cộng hoà xã hội chủ nghĩa Việt Nam; Uỷ ban nhân dân", "Tăng cường hoà giải và sức khoẻ, Uỷ ban thuỷ lợi"),
    ("Cộng hòa xã hội chủ nghĩa Việt Nam; Ủy ban nhân dân", "Tăng cường hòa giải và sức khỏe, Ủy ban thủy lợi"),
    # a document that shows no placement is written in the older one, as real documents are
    ("Ket qua cong tac", "Tăng cường hòa giải và sức khỏe, Ủy ban thủy lợi"),
])
def test_restored_words_follow_the_documents_tone_placement(marked, expected):
    result = diacritics.restore(marked + "\nTang cuong hoa giai va suc khoe, Uy ban thuy loi")
    assert result.text.split("\n")[1] == expected


SMALL_PRINT_CASES = [  # OCR of print too small to show its marks: right letters, wrong marks
    ("Ủy ban nhân dân tinh đã bản hành kế hoạch phát triền kinh tế xã hội năm 2024.",
     "Ủy ban nhân dân tỉnh đã ban hành kế hoạch phát triển kinh tế xã hội năm 2024."),
    ("Căn cứ Nghị định số 45/2020/NĐ-CP của Chính phù về thủ tục hành chính;",
     "Căn cứ Nghị định số 45/2020/NĐ-CP của Chính phủ về thủ tục hành chính;"),
    # a mark that makes no syllable ("Đảo tạo" is one, "sờ" too: context decides); a wrapped line
    ("Sở Giáo dục và Đảo tạo chủ trì, phối hợp với các sờ, ngành và Ủy ban nhân dân các\nhuyên, thị xã.",
     "Sở Giáo dục và Đào tạo chủ trì, phối hợp với các sở, ngành và Ủy ban nhân dân các\nhuyện, thị xã."),
    # right as read: kept, names included, and a running head whose words before "/" are words, not a code
    ("Ông Nguyễn Văn An, Giám đốc Sở Tài chính tỉnh Hà Giang, ký ngày 12 tháng 3 năm 2024.",
     "Ông Nguyễn Văn An, Giám đốc Sở Tài chính tỉnh Hà Giang, ký ngày 12 tháng 3 năm 2024."),
    ("CÔNG BÁO/Số 12 + 13/Ngày 07-3-2023 5\nThủ tướng Chính phủ ban hành quyết định.",
     "CÔNG BÁO/Số 12 + 13/Ngày 07-3-2023 5\nThủ tướng Chính phủ ban hành quyết định."),
]


@pytest.mark.parametrize("read, expected", SMALL_PRINT_CASES)
def test_restore_chooses_the_marks_of_small_print_in_context(read, expected):
    """Text that looks correct is kept, unless OCR read it from print too small to show its marks."""
    assert diacritics.restore(read).text == read
    assert diacritics.restore(read, small_print=True).text == expected


@pytest.mark.parametrize("document, source, expected", [
    # a line's first word ("Số:", "Nơi nhận:") is no spelling of a name elsewhere
    ("Số: 15/QĐ-UBND\nNơi nhận:\nông Trần Văn Bình, Giám đốc Sở Tư pháp và Sở Nội vụ đã ký biên bản.",
     "ocr", "ông Trần Văn Bình, Giám đốc Sở Tư pháp và Sở Nội vụ đã ký biên bản."),
    ("Số: 15/QĐ-UBND\nNơi nhận:\nGiam doc So Tu phap va So Noi vu da ky bien ban.",
     "text", "Giám đốc Sở Tư pháp và Sở Nội vụ đã ký biên bản."),
    # a name written with its marks in mid-sentence is the document's spelling of it
    ("Đoàn công tác do ông Lê Văn Thưởng dẫn đầu.\nOng Le Van Thuong da bao cao ket qua cong tac.",
     "text", "Ông Lê Văn Thưởng đã báo cáo kết quả công tác."),
])
def test_names_are_spelt_as_the_document_spells_them_in_mid_sentence(document, source, expected):
    assert diacritics.restore(document, source=source).text.split("\n")[-1] == expected
